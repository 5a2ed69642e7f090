// Document frequencies: from the cluster itself (smoothed) or from a background table.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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

  void add_document(std::string_view text);
  // Adds the counts of another builder (for one builder per thread).
  void merge(const IdfBuilder& other);
  std::uint64_t documents() const;
  IdfTable table() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// idf from counts, the same formula as IdfTable::idf.
double smoothed_idf(std::uint64_t documents, std::uint64_t df);

}  // namespace precis
