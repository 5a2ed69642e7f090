// The whole pipeline: documents -> cleaning -> sentences -> terms -> TF-IDF -> LexRank over all
// sources -> MMR selection under a budget -> one attributed summary.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "precis/clean.h"
#include "precis/document.h"
#include "precis/idf.h"
#include "precis/language.h"

namespace precis {

enum class BudgetUnit { Words, Bytes, Sentences };
enum class SentenceOrder { Source, Rank };
// mmr: LexRank salience with MMR redundancy control (the method). lead: the first sentence of
// each document in turn, then the second ones, until the budget (the news baseline).
enum class Selector { Mmr, Lead };

std::string_view budget_unit_name(BudgetUnit unit);     // "words", "bytes", "sentences"
std::string_view sentence_order_name(SentenceOrder o);  // "source", "rank"
std::string_view selector_name(Selector s);             // "mmr", "lead"

struct SummarizeOptions {
  std::optional<Language> language;  // nullopt = detect from the text
  BudgetUnit budget_unit = BudgetUnit::Words;
  std::size_t budget = 100;
  SentenceOrder order = SentenceOrder::Source;
  Selector selector = Selector::Mmr;

  // LexRank (Erkan & Radev 2004): edges where idf-modified cosine > threshold; 0 = continuous.
  double threshold = 0.1;
  double damping = 0.85;  // probability of following an edge (the paper's Table 2 convention)
  // MMR (Carbonell & Goldstein 1998): lambda * salience - (1 - lambda) * max redundancy.
  double lambda = 0.7;
  // Salience = (1 - position_weight) * LexRank + position_weight * position prior, the prior
  // being 1 / sqrt(1 + position in the document): news puts the facts first (MEAD's Position
  // feature; the lead baseline is hard to beat on news without it).
  double position_weight = 0.5;
  // Subtracted from a candidate's MMR score for each sentence already taken from its source:
  // several voices rather than one article's sub-topics. 0.1-0.3 measured a plateau on
  // multiling2011_en (R1 0.485 -> 0.489, R2 0.207 -> 0.210); rpm2_fr_dev unchanged.
  double source_diversity = 0.1;
  // Concept-coverage redundancy: a candidate's salience is multiplied by 1 - coverage * (share of
  // its concept weight already in the summary). 0 = plain MMR.
  double coverage = 0.0;
  // Paraphrase filter: a candidate whose distinct terms, weighted by idf, are at least this share
  // in the summary already is skipped, and a taken sentence the others cover that much is dropped
  // and its budget refilled: it says again, in other words, what is said (1 = off). Cosine
  // misses such restatements: each article words the event its own way, so two of its ledes
  // share only the topic words (cosine 0.25-0.34 on samples/, under the 0.4 near-duplicate
  // bar), while the union of the summary's terms holds most of either. 0.6 left rpm2_fr_dev
  // unchanged and cost multiling2011_en -0.03 / -0.44, within noise; 0.5 -0.07 / -0.74
  // (eval/README.md, "Summary quality").
  double paraphrase = 0.6;
  // Two sentences at least this similar are near-duplicates: never both in a summary. MEAD's
  // reranker and WCEP use 0.5; 0.4 measured better on multiling2011_en (R2 0.201 -> 0.207, a
  // plateau from 0.35 to 0.45) and equal on rpm2_fr_dev (eval/README.md).
  double redundancy = 0.4;
  // A sentence of another source at least this similar "supports" a summary sentence.
  double support_threshold = 0.3;
  // Selectable sentence lengths, in words. Shorter and longer sentences stay in the graph. MEAD
  // drops sentences under 9 words, WCEP keeps 7-60 tokens; 8-50 measured best on both dev sets
  // (above 50 words news sentences are mostly run-ons and glued lists).
  std::size_t min_words = 8;
  std::size_t max_words = 50;

  CleanOptions clean;
  const IdfTable* idf = nullptr;  // background document frequencies; null = the cluster's own

  // Scale caps (0 = none): documents kept per cluster, sentences kept per document.
  std::size_t max_docs = 0;
  // The default keeps a single huge file (a 200 MB dump of one "article") from building a graph
  // of millions of nodes; news articles have tens of sentences.
  std::size_t max_sentences_per_doc = 1000;
  // At most this many sentences enter the graph (0 = no limit): past it, only the first k of
  // each document do, k the largest that fits, with a warning. The graph of a news cluster keeps
  // a roughly constant share of all pairs, so it grows as n^2 (eval/README.md, "Growth"); this
  // bound makes the cost of a bigger cluster grow with the front end only, linearly. 50,000 is
  // above the 35,000 sentences of issue 7's large cluster (0.7 s, 109 MB uncapped) and halves
  // the cost of 10,000 OrangeSum articles (103,580 sentences).
  std::size_t max_graph_sentences = 50'000;

  // Threads for the per-document work of one cluster: cleaning (but for the comparison of lines
  // across documents), segmenting, tokenizing. 1 = the calling thread only; 0 = automatic: every
  // core this process may use, but no more than the cluster's size repays (one per 128 KB of
  // text, 8 at most). The output is byte-identical for every value. A caller that runs clusters in
  // parallel itself (`batch`) sets 1.
  int threads = 0;
  static constexpr int kMaxThreads = 256;

  void validate() const;  // throws Error::usage naming the option at fault
};

struct Support {
  std::uint32_t source = 0;  // index into Summary::sources
  std::uint32_t index = 0;   // sentence index in that source
  double similarity = 0.0;
};

struct SummarySentence {
  std::string text;          // the source bytes with white space collapsed
  std::uint32_t source = 0;  // index into Summary::sources
  std::uint32_t index = 0;   // sentence index within its source
  std::size_t start = 0;     // byte offsets in the original file
  std::size_t end = 0;
  double score = 0.0;            // LexRank salience, max-normalised to [0, 1]
  std::vector<Support> support;  // other sources reporting the same thing, most similar first
};

struct SourceInfo {
  std::string path;
  std::string part;  // the DOCNO, when the file holds several documents (Document::part)
  std::string title;
  std::size_t sentences = 0;  // candidate sentences found in it
  Document::Format format = Document::Format::Text;
};

// Wall time of each stage of one summarize() call, in milliseconds (for --profile and benchmarks).
struct StageTimes {
  double clean = 0, segment = 0, tokenize = 0, graph = 0, lexrank = 0, select = 0;
  std::size_t sentences = 0;  // graph nodes
  std::size_t edges = 0;      // graph edges kept (each pair once)
};

struct Summary {
  Language language = Language::French;
  BudgetUnit budget_unit = BudgetUnit::Words;
  std::size_t budget = 0;
  std::size_t used = 0;                    // in budget_unit
  std::vector<SummarySentence> sentences;  // in output order
  std::vector<SourceInfo> sources;         // one per input document, in input order
  StageTimes times;
  // Things the user should know that do not stop the summary (e.g. the text does not look like
  // the language it was summarized as). One line each.
  std::vector<std::string> warnings;

  std::string text() const;  // the sentences joined with single spaces
};

// Words as ROUGE counts them, and the budget too: runs of non-white-space (in Chinese and
// Japanese, which put no spaces between words, the budget counts the tokenizer's words instead).
std::size_t count_budget_words(std::string_view text);

// The language summarize() detects for these documents when none is given (stopword ratios over
// the opening of each document). `segment` and `batch --batch-idf` call it to agree with it.
Language detect_cluster_language(const std::vector<Document>& documents);

// Summarizes one cluster. Throws Error when no document yields a sentence.
Summary summarize(const std::vector<Document>& documents, const SummarizeOptions& options);

}  // namespace precis
