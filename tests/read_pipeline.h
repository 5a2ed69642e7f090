// A file read, cleaned and segmented as the summarizer does it: the reader's formats (Markdown,
// web pages) are tested by what reaches the sentences.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "precis/clean.h"
#include "precis/document.h"
#include "precis/reader.h"
#include "precis/segment.h"

namespace precis::testing {

struct ReadFile {
  Document document;
  CleanedDocument cleaned;
  std::vector<Sentence> sentences;
  std::vector<std::string> texts() const {
    std::vector<std::string> out;
    for (const auto& s : sentences) out.push_back(s.text);
    return out;
  }
};

inline ReadFile read_file(const std::string& path, const std::string& bytes, Language language) {
  ReadFile out;
  std::vector<std::string> warnings;
  REQUIRE(decode_document(path, bytes, out.document, warnings));
  out.cleaned = clean(std::vector<Document>{out.document}).at(0);
  out.sentences = Segmenter({language}).split(out.document, out.cleaned, 0);
  return out;
}

}  // namespace precis::testing
