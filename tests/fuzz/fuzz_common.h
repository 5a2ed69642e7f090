// Helpers shared by the fuzz targets: invariants every stage must keep on any input. A broken
// invariant aborts, which libFuzzer reports as a crash with the input that caused it.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "precis/document.h"

namespace precis::fuzz {

[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "invariant broken: %s\n", what);
  std::abort();
}

#define PRECIS_FUZZ_CHECK(cond)               \
  do {                                        \
    if (!(cond)) ::precis::fuzz::fail(#cond); \
  } while (0)

// Strict UTF-8, written independently of the reader's validator so a bug there is caught.
inline bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80           ? 1
                    : (c >> 5) == 0x6  ? 2
                    : (c >> 4) == 0xE  ? 3
                    : (c >> 3) == 0x1E ? 4
                                       : 0;
    if (n == 0 || i + n > s.size()) return false;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < n; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n;
  }
  return true;
}

// The text's bytes, but ASCII spaces (the collapsed white space), are found in `span` in order,
// the first one opening it: Markdown's contract, whose text leaves its markup out. With
// `letters_only`, only ASCII letters and digits are compared: a subtitle file's text also decodes
// entities ("&lt;" is "<").
inline bool holds_in_order(std::string_view span, std::string_view text, bool letters_only) {
  const auto compared = [&](char c) {
    if (c == ' ') return false;
    if (!letters_only) return true;
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  std::size_t at = 0;
  bool first = !letters_only;
  for (const char c : text) {
    if (!compared(c)) continue;
    if (first) {
      // The span opens with the text's first character (after white space).
      while (at < span.size() && (span[at] == ' ' || (span[at] >= '\t' && span[at] <= '\r'))) ++at;
      if (at == span.size() || span[at] != c) return false;
      first = false;
    }
    at = span.find(c, at);
    if (at == std::string_view::npos) return false;
    ++at;
  }
  return true;
}

// The offset map of a decoded document: defined for every text byte plus the end, never past the
// file, never going backwards (attribution depends on it).
inline void check_document(const Document& doc, std::size_t file_size) {
  PRECIS_FUZZ_CHECK(valid_utf8(doc.text));
  PRECIS_FUZZ_CHECK(doc.origin <= file_size);
  if (!doc.text_to_original.empty()) {
    PRECIS_FUZZ_CHECK(doc.text_to_original.size() == doc.text.size() + 1);
    PRECIS_FUZZ_CHECK(doc.text_to_original.back() == file_size);
  } else {
    PRECIS_FUZZ_CHECK(doc.text.size() + doc.origin == file_size);
  }
  std::size_t previous = 0;
  for (std::size_t i = 0; i <= doc.text.size(); ++i) {
    const std::size_t offset = doc.original_offset(i);
    PRECIS_FUZZ_CHECK(offset <= file_size);
    PRECIS_FUZZ_CHECK(offset >= previous);
    previous = offset;
  }
}

}  // namespace precis::fuzz
