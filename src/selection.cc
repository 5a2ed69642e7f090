#include "selection.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "precis/tokenize.h"

namespace precis {

namespace {

// Lower-cases ASCII and the capital accented letters that open French sentences (À, Ç, É), and
// makes the typographic apostrophe ASCII: the form in which a sentence's opening words and its
// ending are compared with the word lists below.
std::string normalized(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z')
      out[i] = static_cast<char>(c - 'A' + 'a');
    else if (c == 0xC3 && i + 1 < out.size()) {
      unsigned char d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
  // Typographic apostrophe to ASCII so "C’est" and "C'est" compare alike.
  std::string norm;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out.compare(i, 3, "\xE2\x80\x99") == 0) {
      norm += '\'';
      i += 2;
    } else {
      norm += out[i];
    }
  }
  return norm;
}

// The sentence's first `max_bytes`, normalized.
std::string opening_words(std::string_view text, std::size_t max_bytes) {
  return normalized(text.substr(0, std::min(max_bytes, text.size())));
}

bool starts_with_word(std::string_view text, std::string_view word) {
  if (text.substr(0, word.size()) != word) return false;
  if (text.size() == word.size()) return true;
  const char next = text[word.size()];
  return next == ' ' || next == ',' || next == '\'' || next == '-';
}

// Openings that point back to something the reader of an extract has not seen: French pronouns
// and connectives, then English ones; attributions to a pronoun ("Selon elle, ...", "According
// to him, ...", whose speaker the sentence before names); an interview's answers ("Oui, à partir
// du moment où ..."), which need their question. "Il" is often impersonal ("Il y a", "Il faut"),
// so those are exempted.
// clang-format off
constexpr std::array<std::string_view, 47> kAnaphoricOpenings = {
    "il", "elle", "ils", "elles", "ce dernier", "cette dernière", "ces derniers", "celui-ci",
    "celle-ci", "ceux-ci", "cela", "ceci", "lui", "leur", "de son côté", "pour sa part", "mais",
    "ça", "he", "she", "they", "it", "these", "those", "his", "her", "their", "its", "however",
    "but",
    "selon lui", "selon elle", "selon eux", "selon elles", "d'après lui", "d'après elle",
    "d'après eux", "d'après elles", "pour lui", "pour elle", "according to him",
    "according to her", "according to them",
    "oui,", "non,", "yes,", "no,"};
// clang-format on
constexpr std::array<std::string_view, 6> kImpersonal = {"il y a",    "il faut",  "il est ",
                                                         "il s'agit", "il reste", "il semble"};
// A demonstrative opening ("Cette décision", "Ces conditions", "This move") refers back, unless
// it names a time ("Ce jeudi", "Cette semaine", "This year"), which is how news dates events.
constexpr std::array<std::string_view, 6> kDemonstratives = {"ce",  "cet",  "cette",
                                                             "ces", "this", "that"};
constexpr std::array<std::string_view, 30> kTimeWords = {
    "lundi",    "mardi",      "mercredi", "jeudi",     "vendredi", "samedi",
    "dimanche", "matin",      "soir",     "week-end",  "mois",     "année",
    "an",       "semaine",    "jour",     "printemps", "été",      "automne",
    "hiver",    "après-midi", "nuit",     "monday",    "tuesday",  "wednesday",
    "thursday", "friday",     "week",     "year",      "month",    "morning"};

bool opens_with_demonstrative(std::string_view start) {
  for (auto det : kDemonstratives) {
    if (!starts_with_word(start, det) || start.size() <= det.size() || start[det.size()] != ' ')
      continue;
    std::string_view rest = start.substr(det.size() + 1);
    for (auto time : kTimeWords)
      if (starts_with_word(rest, time)) return false;
    return true;
  }
  return false;
}

// `start`: the sentence's opening_words.
bool opens_with_anaphor(std::string_view start) {
  for (auto imp : kImpersonal)
    if (start.rfind(imp, 0) == 0) return false;
  for (auto word : kAnaphoricOpenings)
    if (starts_with_word(start, word)) return true;
  return opens_with_demonstrative(start);
}

// Openings that address the reader or the listener: a live blog's or a newsletter's greeting
// ("Bonjour et bienvenue dans ce direct consacré à ...", "Suivez avec nous l'évolution de la
// situation ...", "Good morning and welcome to the Halvorsen Foods conference call."), its
// sign-off and its calls to follow; a conference call's script ("I would now like to turn the
// call over to Greg Lindahl."). They open a page, so the position prior ranks them first,
// and they name the event, so LexRank finds them central; but they report nothing (second review
// of scraped pages, eval/README.md).
// A greeting counts with what makes it one ("Bonjour et", "Good morning,", "Welcome back"): a
// lede may open with "Bienvenue dans l'ère post-coronavirus : ..." and a name with "Good Morning
// America" or "Bienvenue chez nous" (a TV show); 4 such sentences were among the 63 of 36,152
// OrangeSum articles that the bare words matched.
// clang-format off
constexpr std::array<std::string_view, 48> kAddressOpenings = {
    "bonjour,", "bonjour et", "bonjour à", "bonsoir,", "bonsoir et", "bonsoir à",
    "bienvenue dans ce", "bienvenue sur ce", "bienvenue dans notre", "bienvenue sur notre",
    "suivez", "retrouvez", "merci de nous avoir suivis", "merci de nous suivre",
    "merci de votre fidélité", "nous allons clore ce direct", "ce direct est terminé",
    "ce direct est désormais terminé", "restez avec nous",
    "welcome back", "welcome to our", "welcome to this", "welcome to the live",
    "good morning,", "good morning and", "good afternoon,", "good afternoon and",
    "good evening,", "good evening and", "hello,", "hello and", "hi,", "hi and",
    "thanks for joining", "thank you for joining", "thanks for reading", "thanks for following",
    "thank you for following", "follow us", "follow our", "follow along", "stay with us",
    "we'll bring you", "i would now like to", "i'd now like to", "i would like to turn",
    "as a reminder, this call", "thank you, operator"};
// clang-format on

// `start`: the sentence's opening_words.
bool opens_with_address(std::string_view start) {
  return std::any_of(kAddressOpenings.begin(), kAddressOpenings.end(),
                     [&](std::string_view words) { return starts_with_word(start, words); });
}

// An interview's framing, which ends its standfirst ("Anne-Laure Besnard, toxicologue au CHU de
// Toulouse, répond à nos questions."): it announces the questions and says nothing of the event.
// A line of its own is boilerplate already (clean_rules' phrases); inside a paragraph it is a
// sentence, and no summary's.
constexpr std::array<std::string_view, 5> kInterviewFramings = {
    "répond à nos questions", "répondu à nos questions", "répondent à nos questions",
    "answers our questions", "answered our questions"};

bool frames_an_interview(std::string_view text) {
  constexpr std::size_t kEndingBytes = 80;
  const std::string ending =
      normalized(text.substr(text.size() > kEndingBytes ? text.size() - kEndingBytes : 0));
  return std::any_of(
      kInterviewFramings.begin(), kInterviewFramings.end(),
      [&](std::string_view framing) { return ending.find(framing) != std::string::npos; });
}

// Name particles that open a sentence in lower case before the name ("de Gaulle a déclaré",
// "van Gogh peignit").
constexpr std::array<std::string_view, 16> kNameParticles = {
    "de", "du",  "des",   "van", "von", "der", "den", "da",
    "di", "del", "della", "dos", "das", "ter", "bin", "ibn"};

// A sentence whose first letter is lower case is the tail of one the segmenter or the page's
// layout cut ("amendment No. 214, offered by the Senator from Utah, Mr. LINDQVIST." in a
// Congressional Record copy, a PDF's line after a page break); brand names with a capital inside
// ("iPhone", "easyJet", "bioMérieux") and name particles are no tails.
bool opens_in_lower_case(std::string_view text) {
  const std::size_t word_end = std::min(text.find(' '), text.size());
  for (std::size_t i = 0; i < word_end;) {
    const bool first = i == 0;
    UChar32 c = 0;
    U8_NEXT(text.data(), i, word_end, c);
    if (first ? !u_islower(c) : u_isupper(c) != 0) return false;
  }
  if (word_end == 0) return false;
  const std::string_view word = text.substr(0, word_end);
  return std::find(kNameParticles.begin(), kNameParticles.end(), word) == kNameParticles.end();
}

// The last character that is not a closing quote or space.
char final_punctuation(std::string_view text) {
  std::size_t end = text.size();
  while (end > 0) {
    const unsigned char c = static_cast<unsigned char>(text[end - 1]);
    if (c == ' ' || c == '"' || c == '\'' || c == ')') {
      --end;
    } else if (end >= 2 && text.substr(end - 2, 2) == "\xC2\xBB") {  // »
      end -= 2;
    } else if (end >= 2 && text.substr(end - 2, 2) == "\xC2\xA0") {  // NBSP
      end -= 2;
    } else if (end >= 3 && (text.substr(end - 3, 3) == "\xE2\x80\x9D" ||   // ”
                            text.substr(end - 3, 3) == "\xE2\x80\xAF")) {  // NNBSP
      end -= 3;
    } else {
      return static_cast<char>(c);
    }
  }
  return '\0';
}

}  // namespace

double standalone_factor(const Candidate& candidate, const SummarizeOptions& options) {
  // MEAD's LengthCutoff drops sentences under 9 words; WCEP's baselines keep 7-60 tokens.
  if (candidate.words < options.min_words) return 0.0;
  if (options.max_words != 0 && candidate.words > options.max_words) return 0.0;
  const char last = final_punctuation(candidate.sentence.text);
  if (last == '?') return 0.0;  // questions raise, they do not report
  if (last == ':') return 0.0;  // the introduction of a list whose items are elsewhere
  const std::string start = opening_words(candidate.sentence.text, 40);
  if (opens_with_address(start) || frames_an_interview(candidate.sentence.text)) return 0.0;
  if (opens_with_anaphor(start) || opens_in_lower_case(candidate.sentence.text)) return 0.5;
  return 1.0;
}

std::size_t budget_cost(const Candidate& c, const SummarizeOptions& options, bool first) {
  switch (options.budget_unit) {
    case BudgetUnit::Words:
      return c.words;
    case BudgetUnit::Bytes:
      return c.bytes + (first ? 0 : 1);  // the joining space
    case BudgetUnit::Sentences:
      return 1;
  }
  return 1;
}

namespace {

// Whether a candidate is written in the other language than the summary's. Asked only of the
// candidates a selector is about to take, and remembered: testing every sentence up front cost
// a tenth of the time of a batch of small clusters (eval/README.md).
class LanguageCheck {
 public:
  LanguageCheck(const std::vector<Candidate>& candidates, std::optional<Language> language)
      : candidates_(candidates), language_(language), state_(language ? candidates.size() : 0) {}

  bool foreign(std::size_t i) {
    if (!language_) return false;
    if (state_[i] == kUnknown)
      state_[i] =
          reads_as_other_language(candidates_[i].sentence.text, *language_) ? kForeign : kOwn;
    return state_[i] == kForeign;
  }

 private:
  enum : std::uint8_t { kUnknown, kOwn, kForeign };
  const std::vector<Candidate>& candidates_;
  std::optional<Language> language_;
  std::vector<std::uint8_t> state_;
};

// Marks the neighbours of `taken` that are near-duplicates of it as unavailable and raises their
// max similarity to the selection.
void take(std::size_t taken, const SimilarityGraph& graph, const SummarizeOptions& options,
          std::vector<double>& max_similarity, std::vector<bool>& available) {
  available[taken] = false;
  for (std::size_t k = graph.row_start[taken]; k < graph.row_start[taken + 1]; ++k) {
    const std::uint32_t j = graph.neighbours[k];
    max_similarity[j] = std::max(max_similarity[j], static_cast<double>(graph.similarity[k]));
    // Near-duplicates never both appear (MEAD's reranker, cosine >= 0.5 by default).
    if (graph.similarity[k] >= options.redundancy) available[j] = false;
  }
}

}  // namespace

std::vector<std::size_t> select_lead(const std::vector<Candidate>& candidates,
                                     const SimilarityGraph& graph, const SummarizeOptions& options,
                                     std::optional<Language> language) {
  LanguageCheck language_check(candidates, language);
  const std::size_t n = candidates.size();
  std::vector<double> max_similarity(n, 0.0);
  std::vector<bool> available(n);
  for (std::size_t i = 0; i < n; ++i) available[i] = standalone_factor(candidates[i], options) > 0;
  std::vector<std::size_t> chosen;
  std::size_t used = 0;
  std::size_t max_position = 0;
  for (const auto& c : candidates) max_position = std::max(max_position, c.position_in_doc);
  for (std::size_t position = 0; position <= max_position; ++position) {
    for (std::size_t i = 0; i < n; ++i) {
      if (candidates[i].position_in_doc != position || !available[i]) continue;
      const std::size_t cost = budget_cost(candidates[i], options, chosen.empty());
      if (used + cost > options.budget) continue;
      if (language_check.foreign(i)) {
        available[i] = false;
        continue;
      }
      used += cost;
      chosen.push_back(i);
      take(i, graph, options, max_similarity, available);
    }
  }
  return chosen;
}

std::vector<std::size_t> select_sentences(const std::vector<Candidate>& candidates,
                                          const SimilarityGraph& graph,
                                          const std::vector<double>& concept_weight,
                                          const std::vector<double>& term_idf,
                                          const SummarizeOptions& options,
                                          std::optional<Language> language) {
  const std::size_t n = candidates.size();
  LanguageCheck language_check(candidates, language);
  std::vector<double> salience(n);  // as the standalone filters leave it
  for (std::size_t i = 0; i < n; ++i)
    salience[i] = candidates[i].salience * standalone_factor(candidates[i], options);

  auto cost = [&](std::size_t i, bool first) { return budget_cost(candidates[i], options, first); };

  // Concept weight of each candidate, and how much of it the selection covers so far.
  std::vector<double> total_weight(n, 0.0), covered_weight(n, 0.0);
  // The same for the paraphrase filter, weighted by idf: what a sentence says is its rarer
  // words; the topic words every sentence shares weigh least.
  std::vector<double> total_content(n, 0.0), covered_content(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::uint32_t t : candidates[i].concepts) {
      total_weight[i] += concept_weight[t];
      total_content[i] += term_idf[t];
    }
  }
  // Sentences taken so far from each source: a multi-document summary should hear several
  // voices, and MMR alone lets one article supply three sentences on different sub-topics.
  std::uint32_t sources = 0;
  for (const auto& c : candidates) sources = std::max(sources, c.sentence.doc + 1);

  // The selection's state; rebuilt from `chosen` when a sentence is dropped (below). A term is
  // covered when it has a holder: a taken sentence using it.
  std::vector<std::uint32_t> holders;
  std::vector<bool> available, dropped(n, false);
  std::vector<double> max_similarity, current_salience;
  std::vector<std::uint32_t> taken_from;
  std::vector<std::size_t> chosen;
  std::size_t used = 0;
  auto update_coverage = [&] {
    for (std::size_t i = 0; i < n; ++i) {
      if (!available[i]) continue;
      covered_weight[i] = 0.0;
      covered_content[i] = 0.0;
      for (std::uint32_t t : candidates[i].concepts) {
        if (holders[t] == 0) continue;
        covered_weight[i] += concept_weight[t];
        covered_content[i] += term_idf[t];
      }
    }
  };
  // An anaphoric opening is penalised because its antecedent would be missing; once the sentence
  // just before it in its document is in the summary, the antecedent is there (in source order,
  // right before it), and the full salience comes back.
  auto restore_next = [&](std::size_t taken) {
    const std::size_t next = taken + 1;
    if (next < n && salience[next] > 0.0 &&
        candidates[next].sentence.doc == candidates[taken].sentence.doc &&
        candidates[next].sentence.index == candidates[taken].sentence.index + 1)
      current_salience[next] = candidates[next].salience;
  };
  // Takes `best`; true when it covers a term none covered before.
  auto add = [&](std::size_t best) {
    used += cost(best, chosen.empty());
    chosen.push_back(best);
    ++taken_from[candidates[best].sentence.doc];
    take(best, graph, options, max_similarity, available);
    restore_next(best);
    bool newly_covered = false;
    for (std::uint32_t t : candidates[best].concepts) newly_covered |= holders[t]++ == 0;
    return newly_covered;
  };
  auto rebuild = [&](const std::vector<std::size_t>& kept) {
    holders.assign(term_idf.size(), 0);
    max_similarity.assign(n, 0.0);
    current_salience = salience;
    taken_from.assign(sources, 0);
    available.assign(n, false);
    for (std::size_t i = 0; i < n; ++i) available[i] = salience[i] > 0.0 && !dropped[i];
    chosen.clear();
    used = 0;
    for (std::size_t i : kept) add(i);
    update_coverage();
  };
  rebuild({});
  constexpr std::size_t kUnlimited = static_cast<std::size_t>(-1);
  std::size_t drops_left = kUnlimited;  // set when the budget first fills

  while (true) {
    std::size_t best = n;
    double best_score = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      if (!available[i]) continue;
      if (used + cost(i, chosen.empty()) > options.budget) continue;
      if (covered_content[i] >= options.paraphrase * total_content[i] && total_content[i] > 0.0)
        continue;
      const double novelty = total_weight[i] > 0.0
                                 ? 1.0 - options.coverage * covered_weight[i] / total_weight[i]
                                 : 1.0;
      const double score =
          options.lambda * current_salience[i] * novelty -
          (1.0 - options.lambda) * max_similarity[i] -
          options.source_diversity * static_cast<double>(taken_from[candidates[i].sentence.doc]);
      // Strict '>' keeps the earliest sentence on ties: deterministic and source-ordered.
      if (best == n || score > best_score) {
        best = i;
        best_score = score;
      }
    }
    if (best != n) {
      if (language_check.foreign(best)) {  // never again, even after a rebuild
        salience[best] = 0.0;
        available[best] = false;
        continue;
      }
      if (add(best)) update_coverage();
      continue;
    }
    // The budget is full. A sentence taken early can be restated, in sum, by the ones taken after
    // it (the event in the first article's words, then its details in three others'): drop the
    // first sentence the others cover as much as the paraphrase filter allows, and fill the
    // budget again without it. Each sentence is dropped at most once, and there are at most as
    // many drops as the first full summary had sentences: each costs a pass over the candidates,
    // and a degenerate cluster (thousands of sentences restating each other) must stay linear.
    if (options.paraphrase >= 1.0 || chosen.size() < 2) break;
    if (drops_left == kUnlimited) drops_left = chosen.size();
    if (drops_left == 0) break;
    --drops_left;
    std::size_t restated = n;
    for (std::size_t k = 0; k < chosen.size() && restated == n; ++k) {
      const std::size_t s = chosen[k];
      if (total_content[s] <= 0.0) continue;
      // A sentence's terms are distinct, so another holder means a count of two.
      double covered_by_others = 0.0;
      for (std::uint32_t t : candidates[s].concepts)
        if (holders[t] >= 2) covered_by_others += term_idf[t];
      if (covered_by_others >= options.paraphrase * total_content[s]) restated = k;
    }
    if (restated == n) break;
    dropped[chosen[restated]] = true;
    std::vector<std::size_t> kept = chosen;
    kept.erase(kept.begin() + static_cast<std::ptrdiff_t>(restated));
    rebuild(kept);
  }
  return chosen;
}

}  // namespace precis
