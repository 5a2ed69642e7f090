// Stopword lists (private to the library). The public entry point is precis::is_stopword() in
// precis/tokenize.h; this header exposes the raw lists to the tokenizer and its tests.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "precis/language.h"

namespace precis {

// Accent folding as the tokenizer applies it after stemming (ALGORITHMS.md §3.2: Snowball keeps
// accents, and capitals in French news often lose theirs, so "États" and "Etats" must meet):
// NFD with nonspacing marks removed, plus œ→oe and æ→ae. A table covers U+00C0–U+024F; other
// scripts with marks go through ICU. Replaces `out`.
void fold_accents(std::string_view utf8, std::string& out);

}  // namespace precis

namespace precis::stopwords {

// The list as written (lower case, accented, apostrophe U+0027), sorted by byte value, no
// duplicates.
std::span<const std::string_view> list(Language language);

// Exact lookup in the list or in its accent-folded forms ("etait" matches "était"), so that
// capitals that lost their accents ("ETAIT", "Etait") still count. `word` must be lower-cased,
// with elisions already split and apostrophes normalised to U+0027.
bool contains(std::string_view word, Language language);

// Longest entry in bytes over both languages (a cheap early reject for long words).
std::size_t max_length();

}  // namespace precis::stopwords
