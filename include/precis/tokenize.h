// Tokens: ICU word boundaries, Unicode lower-casing, French elisions split, stopwords out,
// Snowball stemming, accents folded after stemming.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "precis/language.h"

namespace precis {

struct TokenizeOptions {
  Language language = Language::French;
  bool remove_stopwords = true;
  bool stem = true;
  bool fold_accents = true;  // after stemming, so "Etats" and "États" meet
};

// Holds the ICU word iterator, the Snowball stemmer and a stem cache. Not thread-safe: make
// one per thread.
class Tokenizer {
 public:
  explicit Tokenizer(const TokenizeOptions& options = {});
  ~Tokenizer();
  Tokenizer(Tokenizer&&) noexcept;
  Tokenizer& operator=(Tokenizer&&) noexcept;

  // Replaces `terms` with the index terms of `text`, in text order (with repeats).
  void terms(std::string_view text, std::vector<std::string>& terms);
  std::vector<std::string> terms(std::string_view text);

  // Number of words (letters or digits) in `text`, stopwords included.
  std::size_t count_words(std::string_view text);

  const TokenizeOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True when `lowercase_word` (already lower-cased, elision split) is a stopword of `language`.
bool is_stopword(std::string_view lowercase_word, Language language);

// Guesses French or English from the share of each language's stopwords among the words.
Language detect_language(std::string_view text);

}  // namespace precis
