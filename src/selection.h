// MMR sentence selection under a hard budget (private to the summarizer).
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "precis/graph.h"
#include "precis/language.h"
#include "precis/segment.h"
#include "precis/summarizer.h"

namespace precis {

struct Candidate {
  Sentence sentence;
  std::size_t position_in_doc = 0;
  std::size_t words = 0;  // as the budget counts them
  std::size_t bytes = 0;
  double centrality = 0.0;              // LexRank, max-normalised to [0, 1]
  double salience = 0.0;                // centrality mixed with the position prior, in [0, 1]
  std::vector<std::uint32_t> concepts;  // distinct term ids of the sentence
};

// How much a sentence can stand alone as a summary sentence, in [0, 1]: 0 excludes it (too
// short or long, a question, an introduction to a list), values below 1 penalise it (it opens
// with an anaphor whose antecedent would be missing).
double standalone_factor(const Candidate& candidate, const SummarizeOptions& options);

// What a sentence costs of the budget: its words, its bytes (plus the joining space unless it
// comes first) or 1 sentence.
std::size_t budget_cost(const Candidate& c, const SummarizeOptions& options, bool first);

// Greedy MMR (Carbonell & Goldstein 1998): repeatedly takes the candidate maximising
// lambda * salience - (1 - lambda) * max similarity to the sentences already taken, among those
// that still fit the budget and are not near-duplicates (similarity >= options.redundancy) of a
// taken one. Returns candidate indices in the order taken.
//
// Redundancy is also measured as concept coverage (Gillick & Favre 2009): `concept_weight[t]`
// weighs term t (the number of sources using it, minus one: facts several sources report), and a
// candidate's salience is discounted by options.coverage times the share of its concept weight
// the selection already covers.
//
// Paraphrases: a candidate whose distinct terms, weighted by `term_idf`, are at least
// options.paraphrase covered by the taken sentences is skipped (it restates them).
//
// A summary speaks one language: with `language`, a candidate written in the other one
// (reads_as_other_language) is not taken, by either selector.
std::vector<std::size_t> select_sentences(const std::vector<Candidate>& candidates,
                                          const SimilarityGraph& graph,
                                          const std::vector<double>& concept_weight,
                                          const std::vector<double>& term_idf,
                                          const SummarizeOptions& options,
                                          std::optional<Language> language = std::nullopt);

// The lead baseline: sentence k of every document in document order, for k = 0, 1, ..., each
// taken when it fits the budget and is not a near-duplicate of one taken; the standalone filters
// apply as for MMR.
std::vector<std::size_t> select_lead(const std::vector<Candidate>& candidates,
                                     const SimilarityGraph& graph, const SummarizeOptions& options,
                                     std::optional<Language> language = std::nullopt);

}  // namespace precis
