#include "precis/idf.h"

#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "precis/error.h"
#include "precis/tokenize.h"

namespace precis {

double smoothed_idf(std::uint64_t documents, std::uint64_t df) {
  // sklearn's smooth_idf: as if one extra document contained every term. Never zero, unlike
  // log(N/df), which erases the topic words present in every article of a cluster.
  return std::log((1.0 + static_cast<double>(documents)) / (1.0 + static_cast<double>(df))) + 1.0;
}

double IdfTable::idf(std::string_view term) const {
  auto it = df.find(std::string(term));
  return smoothed_idf(documents, it == df.end() ? 0 : it->second);
}

namespace {

constexpr const char* kMagic = "#precis-idf 1";

[[noreturn]] void malformed(const std::string& path, std::size_t line, const std::string& what) {
  throw Error(path + ":" + std::to_string(line) + ": not a precis idf table: " + what);
}

}  // namespace

IdfTable IdfTable::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot read idf table: " + std::strerror(errno));
  IdfTable table;
  std::string line;
  std::size_t number = 0;
  bool have_language = false, have_documents = false;
  std::uint64_t max_df = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (number == 1) {
      if (line != kMagic)
        malformed(path, number, "first line must be '" + std::string(kMagic) + "'");
      continue;
    }
    if (line.empty()) continue;
    const auto tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || tab + 1 == line.size())
      malformed(path, number, "expected 'key<TAB>value'");
    const std::string key = line.substr(0, tab);
    const std::string value = line.substr(tab + 1);
    if (!have_language) {
      if (key != "language") malformed(path, number, "expected the 'language' line");
      table.language = parse_language(value);
      have_language = true;
      continue;
    }
    std::uint64_t count = 0;
    const char* first = value.data();
    const char* last = value.data() + value.size();
    char* stop = nullptr;
    errno = 0;
    count = std::strtoull(first, &stop, 10);
    if (stop != last || errno != 0 || value[0] == '-')
      malformed(path, number, "bad count '" + value + "'");
    if (!have_documents) {
      if (key != "documents" || count == 0)
        malformed(path, number, "expected 'documents<TAB>N' with N > 0");
      table.documents = count;
      have_documents = true;
      continue;
    }
    max_df = std::max(max_df, count);
    table.df[key] = count;
  }
  if (number == 0) throw Error(path + ": not a precis idf table: empty file");
  if (!have_language || !have_documents) malformed(path, number, "truncated header");
  if (max_df > table.documents)
    throw Error(path + ": not a precis idf table: a document frequency exceeds N=" +
                std::to_string(table.documents));
  return table;
}

void IdfTable::save(const std::string& path) const {
  std::vector<std::pair<std::string_view, std::uint64_t>> rows(df.begin(), df.end());
  std::sort(rows.begin(), rows.end());
  std::ostringstream out;
  out << kMagic << "\nlanguage\t" << language_code(language) << "\ndocuments\t" << documents
      << "\n";
  for (const auto& [term, count] : rows) out << term << '\t' << count << '\n';
  const std::string content = out.str();

  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
    if (!file) throw Error(path + ": cannot write: " + std::strerror(errno));
    file.write(content.data(), static_cast<std::streamsize>(content.size()));
    file.flush();
    if (!file) {
      std::remove(tmp.c_str());
      throw Error(path + ": cannot write (disk full?)");
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw Error(path + ": cannot write: " + std::strerror(errno));
  }
}

}  // namespace precis

namespace precis {

struct IdfBuilder::Impl {
  Language language;
  Tokenizer tokenizer;
  std::uint64_t documents = 0;
  std::unordered_map<std::string, std::uint64_t> df;
  std::vector<std::string> terms;

  explicit Impl(Language l) : language(l), tokenizer(TokenizeOptions{.language = l}) {}
};

IdfBuilder::IdfBuilder(Language language) : impl_(std::make_unique<Impl>(language)) {}
IdfBuilder::~IdfBuilder() = default;
IdfBuilder::IdfBuilder(IdfBuilder&&) noexcept = default;
IdfBuilder& IdfBuilder::operator=(IdfBuilder&&) noexcept = default;

std::string countable_text(const Document& document, const CleanOptions& options) {
  const CleanedDocument cleaned = clean(std::span<const Document>(&document, 1), options).front();
  std::string text = cleaned.title;
  for (const Span& line : cleaned.lines) {
    if (!text.empty()) text += '\n';
    text.append(document.text, line.begin, line.size());
  }
  return text;
}

void IdfBuilder::add_document(const Document& document, const CleanOptions& options) {
  add_text(countable_text(document, options));
}

void IdfBuilder::add_text(std::string_view text) {
  impl_->tokenizer.terms(text, impl_->terms);
  std::sort(impl_->terms.begin(), impl_->terms.end());
  impl_->terms.erase(std::unique(impl_->terms.begin(), impl_->terms.end()), impl_->terms.end());
  for (const auto& t : impl_->terms) ++impl_->df[t];
  ++impl_->documents;
}

void IdfBuilder::merge(const IdfBuilder& other) {
  if (other.impl_->language != impl_->language)
    throw Error("cannot merge document frequencies of two languages");
  impl_->documents += other.impl_->documents;
  for (const auto& [term, count] : other.impl_->df) impl_->df[term] += count;
}

std::uint64_t IdfBuilder::documents() const {
  return impl_->documents;
}

IdfTable IdfBuilder::table() const {
  IdfTable table;
  table.language = impl_->language;
  table.documents = impl_->documents;
  table.df = impl_->df;
  return table;
}

}  // namespace precis
