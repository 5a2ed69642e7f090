// Private to segment.cc: the fixes applied to ICU's sentence boundaries (ALGORITHMS.md §3.1).
// They work on the UTF-16 text of one paragraph, as a sorted list of boundaries that always
// starts at 0 and ends at the paragraph length; a sentence is the text between two boundaries.
#pragma once

#include <unicode/umachine.h>

#include <cstdint>
#include <vector>

#include "precis/language.h"

namespace precis::segment_rules {

struct Boundary {
  std::int32_t pos = 0;
  // Set at the join of two lines whose first ends with sentence-final punctuation: the unwrapped
  // line break still ends a sentence, even before a lower-case letter.
  bool forced = false;
};

// Unicode White_Space: the same set collapse_whitespace() removes, so trimmed spans and collapsed
// texts always agree.
inline bool is_white_space(UChar32 c) {
  if (c <= 0x20) return c == 0x20 || (c >= 0x09 && c <= 0x0D);
  if (c < 0x85) return false;
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Whether the line ending just before `end` ends a sentence: . ! ? or … possibly followed by
// closing quotes or brackets.
bool ends_with_terminator(const UChar* text, std::int32_t begin, std::int32_t end);

// Appends the positions where a sentence is glued to the previous one without a space
// ("domestique.Consternant", "Paris.Si", "AFP.Le", a year: "en 2021Dans"), opens with a number
// ("lourd. 340 personnes") or follows reference marks ("largest.[citation needed] Others"),
// which ICU does not split.
void add_glued_breaks(const UChar* text, std::int32_t length, std::vector<Boundary>& boundaries);

// Applies, in order: closing quotes moved back to their sentence, abbreviations and initials,
// continuations in lower case, bare list numbers, quotes spanning a false break, segments
// without a letter or digit. `scratch` is reused storage.
void refine(const UChar* text, std::int32_t length, Language language,
            std::vector<Boundary>& boundaries, std::vector<Boundary>& scratch);

}  // namespace precis::segment_rules
