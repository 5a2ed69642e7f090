// Sentence segmentation with ICU (fr@ss=standard / en@ss=standard) plus French news fixes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "precis/clean.h"
#include "precis/document.h"
#include "precis/language.h"

namespace precis {

struct Sentence {
  std::uint32_t doc = 0;    // index of the document in its cluster
  std::uint32_t index = 0;  // position of the sentence in its document, from 0
  Span span;                // in Document::text; map with Document::original_offset
  // The span's text with every run of Unicode white space collapsed to one space, trimmed.
  std::string text;
};

struct SegmentOptions {
  Language language = Language::French;
};

// Holds the ICU break iterator: building one costs ~50 us, so make one per thread and reuse it.
// Not thread-safe.
class Segmenter {
 public:
  explicit Segmenter(const SegmentOptions& options = {});
  ~Segmenter();
  Segmenter(Segmenter&&) noexcept;
  Segmenter& operator=(Segmenter&&) noexcept;

  // The sentences of the kept lines of `document`, numbered from 0, tagged with `doc_index`.
  // Lines separated by one line break form a paragraph; a line ending in . ! ? … ends a
  // sentence, unless `cleaned.wrapped` marks it as hard-wrapped.
  std::vector<Sentence> split(const Document& document, const CleanedDocument& cleaned,
                              std::uint32_t doc_index) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Collapses runs of Unicode white space to one ASCII space and trims: the text of a span.
std::string collapse_whitespace(std::string_view text);

}  // namespace precis
