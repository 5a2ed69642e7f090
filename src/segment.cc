#include "precis/segment.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <limits>
#include <string>

#include "precis/error.h"
#include "segment_rules.h"

namespace precis {
namespace {

using segment_rules::Boundary;
using segment_rules::is_white_space;

// The longest line (in UTF-16 units, gap included) still taken for a hard-wrapped one.
constexpr std::int32_t kMaxWrappedLine = 120;

bool is_line_break(UChar c) {
  return (c >= 0x0A && c <= 0x0D) || c == 0x85 || c == 0x2028 || c == 0x2029;
}

// The text of a span over lines first..last of a paragraph: the lines' bytes in it, white space
// collapsed, without what lies between the lines. In Markdown, that is a quotation's "> " on its
// next line ("an orphanage > for the children" otherwise), which the span still holds.
std::string text_of_lines(std::string_view text, const std::vector<Span>& lines, std::size_t first,
                          std::size_t last, Span span) {
  std::string joined;
  // Only the lines the span overlaps: a long quotation holds many sentences, and reading all of
  // its lines for each would be quadratic. Kept lines are in text order and do not overlap.
  const auto first_line =
      std::partition_point(lines.begin() + static_cast<std::ptrdiff_t>(first),
                           lines.begin() + static_cast<std::ptrdiff_t>(last) + 1,
                           [&](const Span& line) { return line.end <= span.begin; });
  for (std::size_t k = static_cast<std::size_t>(first_line - lines.begin());
       k <= last && lines[k].begin < span.end; ++k) {
    const std::size_t begin = std::max(lines[k].begin, span.begin);
    const std::size_t end = std::min(lines[k].end, span.end);
    if (begin >= end) continue;
    if (!joined.empty()) joined.push_back(' ');
    joined.append(text.substr(begin, end - begin));
  }
  return collapse_whitespace(joined);
}

// Line breaks in the gap between two kept lines, or 2 when the gap is not only white space (a
// dropped line, the title). The cleaner trims lines, so the gap holds their surrounding spaces,
// and in Markdown the "> " of a quotation's next line, which goes on the same paragraph.
int line_breaks_between(std::string_view text, std::size_t begin, std::size_t end) {
  int breaks = 0;
  for (std::size_t i = begin; i < end;) {
    UChar32 c;
    U8_NEXT(text.data(), i, end, c);
    if (c == '\r' && i < end && text[i] == '\n') ++i;
    if (c == 0x2029) {
      breaks += 2;
    } else if (c >= 0 && c <= 0xFFFF && is_line_break(static_cast<UChar>(c))) {
      ++breaks;
    } else if (c != '>' && (c < 0 || !is_white_space(c))) {
      return 2;
    }
  }
  return breaks;
}

// ICU's sentence break iterator for the language, without CLDR's abbreviation suppressions
// (`ss=standard`): segment_rules holds the abbreviations and matches them as whole words. ICU's
// filter matches its list at the end of any word, and the list holds French words: "aux.",
// "mer.", "dir.", "anc.", "voit.", "édit.", "Var.", "L.", "C.", "D.". So "sur les réseaux
// sociaux. Elle", "vers la mer. Les", "de fermer. Les", "un crédit. Le", "dans le Var. Les",
// "sur RTL. Le" were one sentence each: 4,304 sentence ends over the 36,152 OrangeSum articles,
// and in English "the Clean Water Act. Twelve", "his friend Joe. They", "my PC. Then"
// (eval/README.md).
std::unique_ptr<icu::BreakIterator> make_break_iterator(Language language) {
  const char* locale = language == Language::French ? "fr" : "en";
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> iterator(
      icu::BreakIterator::createSentenceInstance(icu::Locale(locale), status));
  if (U_FAILURE(status) || !iterator) {
    throw Error(std::string("cannot create the ICU sentence break iterator for ") + locale + ": " +
                u_errorName(status));
  }
  return iterator;
}

// The bytes that can start a White_Space character in UTF-8 (see collapse_whitespace).
constexpr auto kMayStartWhiteSpace = [] {
  std::array<bool, 256> table{};
  for (int c : {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xC2, 0xE1, 0xE2, 0xE3}) table[c] = true;
  return table;
}();

}  // namespace

struct Segmenter::Impl {
  Language language;
  std::unique_ptr<icu::BreakIterator> iterator;

  // Per-paragraph buffers, kept across calls so that a paragraph costs no allocation once they
  // have grown: they only grow, and their first `length` units are the current paragraph.
  std::vector<UChar> text;           // the paragraph in UTF-16
  std::vector<UChar> icu_text;       // what ICU sees: line breaks unwrapped, … as .
  std::vector<std::uint32_t> bytes;  // UTF-16 index -> byte offset from the paragraph start
  std::int32_t length = 0;
  std::vector<Boundary> boundaries;
  std::vector<Boundary> scratch;

  void split_paragraph(const Document& document, const CleanedDocument& cleaned,
                       std::size_t first_line, std::size_t last_line, std::uint32_t doc_index,
                       std::vector<Sentence>& sentences);
  // Fills text, icu_text, bytes and length with the paragraph from first_line to last_line, and
  // boundaries with 0 and the forced line ends.
  void decode(std::string_view document_text, const CleanedDocument& cleaned,
              std::size_t first_line, std::size_t last_line);
};

void Segmenter::Impl::decode(std::string_view document_text, const CleanedDocument& cleaned,
                             std::size_t first_line, std::size_t last_line) {
  const std::size_t begin = cleaned.lines[first_line].begin;
  const std::size_t end = cleaned.lines[last_line].end;
  // ICU indexes text with int32_t (and a paragraph has at most one UTF-16 unit per byte).
  if (end - begin >= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
    throw Error("segment: a paragraph of " + std::to_string(end - begin) + " bytes is too long");
  }
  // Size the buffers once and write in place: no per-character push_back.
  const std::size_t capacity = end - begin + 1;
  if (text.size() < capacity) {
    text.resize(capacity);
    icu_text.resize(capacity);
    bytes.resize(capacity);
  }
  boundaries.clear();
  boundaries.push_back({0, false});
  const char* data = document_text.data();
  std::int32_t n = 0;           // UTF-16 units written
  std::int32_t line_start = 0;  // UTF-16 index of the current line
  std::size_t i = begin;
  for (std::size_t index = first_line; index <= last_line; ++index) {
    const Span* line = &cleaned.lines[index];
    if (index != first_line) {
      // Joining two lines of the paragraph. Any line break is a hard wrap, unwrapped (ICU breaks
      // at every newline), unless the line ends a sentence with . ! ? … or is too long to be a
      // wrapped line: text wrapped at 60-100 columns has shorter lines, and a longer one without
      // final punctuation is a paragraph of its own (a headline, a line missing its period).
      // Where the cleaner found the text hard-wrapped, a final period is no evidence ("8:00
      // p.m." then "local time" on the next line): ICU and the abbreviation rules decide, as
      // they do on the unwrapped text.
      const bool wrap = index - 1 < cleaned.wrapped.size() && cleaned.wrapped[index - 1];
      if (!wrap && (n - line_start > kMaxWrappedLine ||
                    segment_rules::ends_with_terminator(text.data(), line_start, n))) {
        boundaries.push_back({n, true});
      }
      line_start = n;
    }
    // From the end of the previous line (the gap between lines is white space) to this line's end.
    while (i < line->end) {
      const auto offset = static_cast<std::uint32_t>(i - begin);
      const auto byte = static_cast<unsigned char>(data[i]);
      if (byte < 0x80) {
        // A Markdown quotation's "> " between two of its lines is markup, not text: white space
        // here, so that no sentence starts with it (line_breaks_between lets it through).
        const bool markup = byte == '>' && i < line->begin;
        const auto unit = markup ? u' ' : static_cast<UChar>(byte);
        text[n] = unit;
        icu_text[n] = is_line_break(unit) ? u' ' : unit;
        bytes[n++] = offset;
        ++i;
        continue;
      }
      UChar32 c;
      U8_NEXT(data, i, end, c);
      if (c < 0) c = 0xFFFD;  // Document::text is valid UTF-8; stay safe if it is not.
      if (c <= 0xFFFF) {
        const auto unit = static_cast<UChar>(c);
        text[n] = unit;
        // UAX #29 does not count … as a terminator (§3.1): give ICU a full stop instead, one unit
        // for one unit so that offsets do not move. Then `attendit… Rien` breaks but `attendit…
        // rien` does not, exactly as with `...`.
        icu_text[n] = unit == u'…' ? u'.' : (is_line_break(unit) ? u' ' : unit);
        bytes[n++] = offset;
      } else {
        text[n] = icu_text[n] = U16_LEAD(c);
        bytes[n++] = offset;
        text[n] = icu_text[n] = U16_TRAIL(c);
        bytes[n++] = offset;
      }
    }
  }
  length = n;
  bytes[n] = static_cast<std::uint32_t>(end - begin);
}

void Segmenter::Impl::split_paragraph(const Document& document, const CleanedDocument& cleaned,
                                      std::size_t first_line, std::size_t last_line,
                                      std::uint32_t doc_index, std::vector<Sentence>& sentences) {
  decode(document.text, cleaned, first_line, last_line);

  UErrorCode status = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;
  utext_openUChars(&utext, icu_text.data(), length, &status);
  iterator->setText(&utext, status);
  if (U_FAILURE(status)) {
    utext_close(&utext);
    throw Error(std::string("segment: ICU cannot take the text of ") + document.path + ": " +
                u_errorName(status));
  }
  for (std::int32_t p = iterator->next(); p != icu::BreakIterator::DONE; p = iterator->next()) {
    boundaries.push_back({p, false});
  }
  utext_close(&utext);
  segment_rules::add_glued_breaks(text.data(), length, boundaries);
  boundaries.push_back({length, false});

  // ICU's breaks, the forced line ends and the glued sentences, in order and without duplicates;
  // a position both forced and found by ICU stays forced.
  std::sort(boundaries.begin(), boundaries.end(), [](const Boundary& a, const Boundary& b) {
    return a.pos < b.pos || (a.pos == b.pos && a.forced > b.forced);
  });
  boundaries.erase(std::unique(boundaries.begin(), boundaries.end(),
                               [](const Boundary& a, const Boundary& b) { return a.pos == b.pos; }),
                   boundaries.end());

  segment_rules::refine(text.data(), length, language, boundaries, scratch);

  const std::size_t paragraph_begin = cleaned.lines[first_line].begin;
  for (std::size_t k = 0; k + 1 < boundaries.size(); ++k) {
    std::int32_t begin = boundaries[k].pos;
    std::int32_t end = boundaries[k + 1].pos;
    while (begin < end && is_white_space(text[begin])) ++begin;
    while (end > begin && is_white_space(text[end - 1])) --end;
    if (begin == end) continue;
    Sentence sentence;
    sentence.doc = doc_index;
    sentence.index = static_cast<std::uint32_t>(sentences.size());
    sentence.span = {paragraph_begin + bytes[begin], paragraph_begin + bytes[end]};
    sentence.text =
        document.format == Document::Format::Markdown
            ? text_of_lines(document.text, cleaned.lines, first_line, last_line, sentence.span)
            : collapse_whitespace(std::string_view(document.text)
                                      .substr(sentence.span.begin, sentence.span.size()));
    sentences.push_back(std::move(sentence));
  }
}

Segmenter::Segmenter(const SegmentOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->language = options.language;
  impl_->iterator = make_break_iterator(options.language);
}

Segmenter::~Segmenter() = default;
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;

std::vector<Sentence> Segmenter::split(const Document& document, const CleanedDocument& cleaned,
                                       std::uint32_t doc_index) const {
  const std::vector<Span>& lines = cleaned.lines;
  std::size_t previous_end = 0;
  for (const Span& line : lines) {
    if (line.begin > line.end || line.end > document.text.size() || line.begin < previous_end) {
      throw Error("segment: the kept lines of " + document.path +
                  " are not increasing spans inside its text");
    }
    previous_end = line.end;
  }

  std::vector<Sentence> sentences;
  std::size_t first = 0;
  while (first < lines.size()) {
    if (lines[first].begin == lines[first].end) {
      ++first;
      continue;
    }
    // A paragraph: the following lines separated from the previous one by a single line break.
    std::size_t last = first;
    while (last + 1 < lines.size() && lines[last + 1].begin != lines[last + 1].end &&
           line_breaks_between(document.text, lines[last].end, lines[last + 1].begin) <= 1) {
      ++last;
    }
    impl_->split_paragraph(document, cleaned, first, last, doc_index, sentences);
    first = last + 1;
  }
  return sentences;
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* data = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  bool pending_space = false;
  std::size_t i = 0;
  while (i < size) {
    const unsigned char c = data[i];
    std::size_t space = 0;  // the length of the white space character at i, if it is one
    if (c < 0x80) {
      if (c == ' ' || (c >= 0x09 && c <= 0x0D)) space = 1;
    } else if (c == 0xC2 && i + 1 < size) {
      if (data[i + 1] == 0x85 || data[i + 1] == 0xA0) space = 2;  // NEL, NBSP
    } else if (c >= 0xE1 && c <= 0xE3 && i + 2 < size) {
      const unsigned char b1 = data[i + 1], b2 = data[i + 2];
      if ((c == 0xE1 && b1 == 0x9A && b2 == 0x80) ||  // U+1680
          (c == 0xE2 && b1 == 0x80 &&
           (b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 ||  // U+2000-200A,
            b2 == 0xAF)) ||                            // 2028, 2029, 202F
          (c == 0xE2 && b1 == 0x81 && b2 == 0x9F) ||
          (c == 0xE3 && b1 == 0x80 && b2 == 0x80)) {
        space = 3;
      }
    }
    if (space != 0) {
      pending_space = !out.empty();
      i += space;
      continue;
    }
    if (pending_space) {
      out.push_back(' ');
      pending_space = false;
    }
    // Copy the run up to the next byte that may start white space in one go.
    std::size_t run = i + 1;
    while (run < size && !kMayStartWhiteSpace[data[run]]) ++run;
    out.append(text.data() + i, run - i);
    i = run;
  }
  return out;
}

}  // namespace precis
