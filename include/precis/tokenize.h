// Tokens: ICU word boundaries, Unicode lower-casing, French elisions split, stopwords out,
// Snowball stemming, accents folded after stemming.
#pragma once

#include <cstdint>
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

// Index terms as dense ids 0, 1, 2, ... in the order they were first interned, with each id's
// string. Owned by the caller, so that the ids outlive the Tokenizer's bounded cache and one
// vocabulary spans a whole cluster (or one per thread, merged by the caller). Not thread-safe.
class TermVocabulary {
 public:
  TermVocabulary();
  ~TermVocabulary();
  TermVocabulary(TermVocabulary&&) noexcept;
  TermVocabulary& operator=(TermVocabulary&&) noexcept;

  // The id of `term`, added with the next id when new.
  std::uint32_t intern(std::string_view term);
  // The string of an id; stays valid as long as the vocabulary (interning moves no string).
  std::string_view term(std::uint32_t id) const;
  std::size_t size() const;
  // Forgets every term: ids start again from 0 (Tokenizers notice, see term_ids).
  void clear();

 private:
  friend class Tokenizer;
  struct Impl;
  std::unique_ptr<Impl> impl_;
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

  // The same terms as ids in `vocabulary` (interned when new), replacing `ids`: no string is built
  // per token, and a word seen before costs one cache lookup. The summarizer's path. The cache
  // remembers the ids of one vocabulary at a time: alternating vocabularies works but re-interns.
  void term_ids(std::string_view text, TermVocabulary& vocabulary, std::vector<std::uint32_t>& ids);

  // Number of words (letters or digits) in `text`, stopwords included.
  std::size_t count_words(std::string_view text);

  const TokenizeOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True when `lowercase_word` (already lower-cased, elision split) is a stopword of `language`.
bool is_stopword(std::string_view lowercase_word, Language language);

// Stopwords of only one of the two languages among the first `max_words` words of `text` (0: all
// of them); a French elision (l', qu') counts as French.
struct LanguageEvidence {
  std::size_t french = 0;
  std::size_t english = 0;
};
LanguageEvidence language_evidence(std::string_view text, std::size_t max_words = 0);

// Guesses French or English from the share of each language's stopwords among the words.
Language detect_language(std::string_view text);

// True when a sentence is clearly written in the other language than `language` (a bilingual
// press release's French half in an English cluster, a quoted tweet in English in French news).
bool reads_as_other_language(std::string_view sentence, Language language);

// Share of `language`'s stopwords (elided articles included) among the words of `text`, words
// read as detect_language reads them; -1 when there are too few words to tell (under 40), 0 for
// a script written without spaces.
double stopword_share(std::string_view text, Language language);

}  // namespace precis
