// Document frequencies: from the cluster itself (smoothed) or from a background table.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "precis/clean.h"
#include "precis/document.h"
#include "precis/language.h"

namespace precis {

// A background table of document frequencies over stemmed, accent-folded terms.
struct IdfTable {
  Language language = Language::French;
  std::uint64_t documents = 0;  // N
  std::unordered_map<std::string, std::uint64_t> df;

  // Smoothed idf = ln((1 + N) / (1 + df)) + 1: never zero, so words present in every document
  // of a small cluster (the topic words) keep a weight.
  double idf(std::string_view term) const;

  // Text format, one record a line: "#precis-idf 1", "language\tfr", "documents\tN", then
  // "term\tdf" lines sorted by term. Throws Error naming the file when it is malformed.
  static IdfTable load(const std::string& path);
  void save(const std::string& path) const;  // atomic: temporary file, then rename
};

// Counts document frequencies over a corpus, one document at a time, with the same terms the
// summarizer uses (stemmed, stopwords out, accents folded).
class IdfBuilder {
 public:
  explicit IdfBuilder(Language language);
  ~IdfBuilder();
  IdfBuilder(IdfBuilder&&) noexcept;
  IdfBuilder& operator=(IdfBuilder&&) noexcept;

  // Counts a document's countable_text (below).
  void add_document(const Document& document, const CleanOptions& options = {});
  // Counts a text as it stands, as one document: for a corpus that is clean already.
  void add_text(std::string_view text);
  // Adds the counts of another builder (for one builder per thread).
  void merge(const IdfBuilder& other);
  std::uint64_t documents() const;
  IdfTable table() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// What a background table counts of a document: its title and the lines cleaning keeps, one a
// line, so that what is no sentence of a summary is no term of the table either: a TREC file's
// markup (<DOC>, <DOCNO>, <P> and each DOCNO), a page's menus and share buttons, a newsletter
// block. The document is cleaned on its own, not with the others of its cluster: a background
// table counts each document once, whatever it is read with (the same for `precis idf build` over
// a corpus and for the first pass of `precis batch --batch-idf`).
std::string countable_text(const Document& document, const CleanOptions& options = {});

// idf from counts, the same formula as IdfTable::idf.
double smoothed_idf(std::uint64_t documents, std::uint64_t df);

}  // namespace precis
