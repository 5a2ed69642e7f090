// ROUGE: n-gram, LCS, weighted-LCS and skip-bigram overlap between a system summary and
// reference summaries, in two modes.
// - Rouge155 reproduces ROUGE-1.5.5.pl to the last printed digit: its ASCII tokenization, SMART
//   stoplist (-s), WordNet-exceptions-then-Porter stemming (-m), truncation (-l/-b, including
//   the -b bug of its ROUGE-L/W), pooling (-f A/B), per-summary rounding and seeded bootstrap.
//   Only figures from this mode may be set beside published ROUGE numbers.
// - Unicode tokenizes with precis::Tokenizer: letters and digits of any script, Unicode lower
//   case, accents kept, elisions split (the elided l' d' qu' is not a token), optional Snowball
//   stemming and stopwords of `language`. Same metrics, pooling, rounding and bootstrap; -l counts
//   whitespace-separated words as ROUGE does, -b never cuts inside a UTF-8 character, and ROUGE-L/W
//   see the truncated text (no -b bug).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "precis/language.h"

namespace precis {

enum class RougeMode { Rouge155, Unicode };
enum class RougePooling { Average, Best };     // -f A: pool counts over references; -f B: best one
enum class RougeLimit { None, Words, Bytes };  // -l / -b

// Defaults are ROUGE-1.5.5 with "-n 4 -w 1.2 -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -a".
struct RougeOptions {
  RougeMode mode = RougeMode::Rouge155;
  int max_n = 4;     // ROUGE-1..ROUGE-max_n (-n); 0: none
  bool lcs = true;   // ROUGE-L (-x disables it)
  bool wlcs = true;  // ROUGE-W (-w WEIGHT)
  double wlcs_weight = 1.2;
  bool skip_bigrams = true;       // ROUGE-S (-2 GAP)
  int skip_gap = 4;               // maximum number of words between the two; < 0: unlimited
  bool skip_unigrams = true;      // -u: ROUGE-SU (skip bigrams plus unigrams) instead of ROUGE-S
  bool skip_both = false;         // -U: both ROUGE-S and ROUGE-SU
  bool stem = false;              // -m (Unicode mode: Snowball stemmer of `language`)
  bool remove_stopwords = false;  // -s (Unicode mode: precis's stopwords of `language`)
  RougeLimit limit = RougeLimit::None;
  long limit_value = 0;  // words (-l) or bytes (-b)
  double alpha = 0.5;    // -p: F = R·P / ((1-α)·P + α·R)
  RougePooling pooling = RougePooling::Average;
  double confidence = 95;                // -c, percent
  int resamples = 1000;                  // -r
  Language language = Language::French;  // Unicode mode only
};

// Parses ROUGE-1.5.5's flag spelling ("-n 4 -m -l 100 -c 95 -r 1000 -f A -p 0.5 ...") on top of
// `base` (mode and language are kept). Accepted and ignored: -a, -d, -t 0, -e DIR, -z SPL|SEE,
// -v, and a trailing settings file name. Throws Error::usage on anything else (-t 1/2, -3, -h...).
RougeOptions parse_rouge_args(std::string_view args, RougeOptions base = {});

// The ROUGE-1.5.5 flag line equivalent to `options` (for reports).
std::string rouge_args_string(const RougeOptions& options);

struct RougeScore {
  double recall = 0;
  double precision = 0;
  double f = 0;
};

// One metric of one system summary. `hit`, `model` and `peer` are the pooled counts (-f A) or
// the best reference's (-f B); ROUGE-W's are weighted. `error` is set (and the score is zero)
// when ROUGE-1.5.5 would die instead of printing a figure (ROUGE-W with an empty reference).
struct RougeMetricScore {
  std::string metric;  // "ROUGE-1", "ROUGE-L", "ROUGE-W-1.2", "ROUGE-SU4", "ROUGE-S*"...
  RougeScore score;
  double hit = 0;
  double model = 0;
  double peer = 0;
  std::string error;
};

// The text each side was read as, after truncation (for reports and tests): tokens joined by
// single spaces, as ROUGE-1.5.5 counts n-grams.
struct RougeTexts {
  std::string system;
  std::vector<std::string> references;
};

// Scores system summaries against references. Holds the Unicode tokenizer: not thread-safe, make
// one per thread.
class RougeScorer {
 public:
  explicit RougeScorer(const RougeOptions& options);
  ~RougeScorer();
  RougeScorer(RougeScorer&&) noexcept;
  RougeScorer& operator=(RougeScorer&&) noexcept;

  const RougeOptions& options() const;

  // The metric names, in ROUGE-1.5.5's output order.
  std::vector<std::string> metric_names() const;

  // `system` and each reference are lists of sentences (one line of a summary file each). An
  // empty system or reference scores 0. Throws Error::usage when there is no reference.
  std::vector<RougeMetricScore> score(const std::vector<std::string>& system,
                                      const std::vector<std::vector<std::string>>& references,
                                      RougeTexts* texts = nullptr);

  // The tokens of one sentence, as the options make them (no truncation).
  std::vector<std::string> tokens(std::string_view sentence);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One scored summary of a corpus. ROUGE-1.5.5 orders instances by "<evalID>.<peerID>" before
// resampling, so the id must be spelled that way to reproduce its averages.
struct RougeInstance {
  std::string id;
  std::vector<RougeMetricScore> metrics;  // same metrics, same order, in every instance
};

struct RougeCorpusScore {
  std::string metric;
  RougeScore average;  // mean of the bootstrap resample means (what ROUGE-1.5.5 prints)
  RougeScore lower;    // confidence interval of each of R, P, F
  RougeScore upper;
  RougeScore plain_mean;  // arithmetic mean over instances
  std::size_t count = 0;
};

// Corpus averages and confidence intervals exactly as ROUGE-1.5.5's -a -c -r: instances sorted
// by id (byte order), resample i seeded with srand(i) (drand48), one index int(rand(n)) per
// instance, and the interval read from the sorted resample means. `instances` may be in any order.
std::vector<RougeCorpusScore> rouge_corpus(const std::vector<RougeInstance>& instances,
                                           const RougeOptions& options);

// A system against a baseline on the same clusters: is the difference more than the luck of
// which clusters were drawn? ROUGE-1.5.5 gives each system's interval, but two overlapping
// intervals do not say that the systems tie, nor two disjoint ones that one is better on these
// clusters: the per-cluster differences do (a paired bootstrap, Koehn 2004; Efron & Tibshirani
// 1993, ch. 16).
struct RougeDifference {
  double system = 0;  // plain means over the clusters
  double baseline = 0;
  double difference = 0;  // system - baseline
  double lower = 0;       // confidence interval of the difference (paired bootstrap)
  double upper = 0;
  double share_above = 0;  // share of the resamples in which the system's mean is higher
  std::size_t wins = 0;    // clusters on which the system scores higher, the same, lower
  std::size_t ties = 0;
  std::size_t losses = 0;
};

enum class RougeVerdict { SystemBetter, BaselineBetter, NoClearDifference };

// The verdict of an interval: a side is better only when the whole interval is on its side of 0.
RougeVerdict rouge_verdict(const RougeDifference& difference);
std::string_view rouge_verdict_name(RougeVerdict verdict);  // "system better", ...

struct RougeComparison {
  std::string metric;
  RougeDifference recall;
  RougeDifference precision;
  RougeDifference f;
};

// Paired bootstrap of system - baseline over instances matched by id (each id must be in both
// lists, with the same metrics): -r resamples of the clusters with replacement, drawn as
// rouge_corpus draws them (seeded, so the output is reproducible), and the -c interval read the
// same way. Throws precis::Error when the two lists do not match.
std::vector<RougeComparison> rouge_compare(const std::vector<RougeInstance>& system,
                                           const std::vector<RougeInstance>& baseline,
                                           const RougeOptions& options);

// ROUGE-1.5.5's printed form of a figure: "%7.5f" ("0.41666").
std::string rouge_format(double value);

// The name of a mode as reports print it: "rouge155" or "unicode".
std::string_view rouge_mode_name(RougeMode mode);

}  // namespace precis
