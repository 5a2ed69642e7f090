// Benchmarks of the hot kernels (issue 7): similarity graph build, LexRank power iteration and
// MMR selection, on synthetic clusters of 1k, 5k and 20k sentences. Run:
//   build/eval/precis_kernels_bench --benchmark-samples 10
// A benchmark, not a test: the CHECKs only guard against measuring an empty graph.
//
// The synthetic sentences follow ALGORITHMS.md 5.1 so the figures compare with its table:
// 14 content tokens per sentence, 70% Zipf(1.0) over a 60k-word general vocabulary with the 150
// most frequent words removed (stopwords), 30% Zipf(1.0) over an 800-word topic vocabulary
// (news clusters: the top topic words occur in a large share of the sentences). Weights are
// tf * idf with sentence-level idf, L2-normalised, as the summarizer makes them.
#define CATCH_CONFIG_MAIN
#define CATCH_CONFIG_ENABLE_BENCHMARKING
#include <time.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "precis/graph.h"
#include "precis/summarizer.h"
#include "selection.h"

using namespace precis;

namespace {

// Inverse-CDF sampler of Zipf(1.0) over ranks [first, first + count).
class Zipf {
 public:
  Zipf(std::uint32_t first, std::uint32_t count) : first_(first), cdf_(count) {
    double sum = 0;
    for (std::uint32_t r = 0; r < count; ++r) cdf_[r] = sum += 1.0 / (first + r + 1);
    for (double& c : cdf_) c /= sum;
  }
  template <typename Rng>
  std::uint32_t operator()(Rng& rng) {
    const double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
    return first_ +
           static_cast<std::uint32_t>(std::lower_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin());
  }

 private:
  std::uint32_t first_;
  std::vector<double> cdf_;
};

constexpr std::uint32_t kGeneralWords = 60000;
constexpr std::uint32_t kStopwords = 150;
constexpr std::uint32_t kTopicWords = 800;

std::vector<SparseVector> synthetic_cluster(std::size_t n, std::uint32_t seed = 42) {
  std::mt19937_64 rng(seed);
  Zipf general(kStopwords, kGeneralWords - kStopwords);  // term ids [150, 60000)
  Zipf topic(0, kTopicWords);                            // term ids 60000 + [0, 800)
  std::bernoulli_distribution from_topic(0.3);
  std::vector<std::vector<std::uint32_t>> sentences(n);
  std::vector<std::uint32_t> df(kGeneralWords + kTopicWords, 0);
  for (auto& s : sentences) {
    for (int k = 0; k < 14; ++k)
      s.push_back(from_topic(rng) ? kGeneralWords + topic(rng) : general(rng));
    std::sort(s.begin(), s.end());
    for (std::size_t k = 0; k < s.size(); ++k)
      if (k == 0 || s[k] != s[k - 1]) ++df[s[k]];
  }
  std::vector<SparseVector> vectors(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& s = sentences[i];
    double norm = 0;
    for (std::size_t k = 0; k < s.size();) {
      std::size_t end = k;
      while (end < s.size() && s[end] == s[k]) ++end;
      const double w = static_cast<double>(end - k) * std::log(static_cast<double>(n) / df[s[k]]);
      vectors[i].terms.push_back(s[k]);
      vectors[i].weights.push_back(static_cast<float>(w));
      norm += w * w;
      k = end;
    }
    norm = std::sqrt(norm);
    for (float& w : vectors[i].weights) w = norm > 0 ? static_cast<float>(w / norm) : 0.0f;
  }
  return vectors;
}

// Candidates with a plausible 20-word French sentence each, salience uniform in [0, 1], the
// sentence's terms as concepts.
std::vector<Candidate> synthetic_candidates(const std::vector<SparseVector>& vectors) {
  const std::size_t n = vectors.size();
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::vector<Candidate> candidates(n);
  const std::string text =
      "Le gouvernement a annoncé mardi un plan de relance de vingt milliards d'euros pour "
      "soutenir les entreprises touchées par la crise.";
  for (std::size_t i = 0; i < n; ++i) {
    Candidate& c = candidates[i];
    c.sentence.doc = static_cast<std::uint32_t>(i / 12);
    c.sentence.index = static_cast<std::uint32_t>(i % 12);
    c.sentence.text = text;
    c.position_in_doc = i % 12;
    c.doc_sentences = 12;
    c.words = count_budget_words(text);
    c.bytes = text.size();
    c.centrality = u(rng);
    c.salience = 0.5 * c.centrality + 0.5 / std::sqrt(1.0 + static_cast<double>(i % 12));
    c.concepts = vectors[i].terms;
  }
  return candidates;
}

// The summarizer's defaults: edges down to 0.05, LexRank threshold 0.1.
const GraphOptions kGraph{.min_similarity = 0.05f};

// Caches the inputs per size so that building them is not measured.
struct Fixture {
  std::vector<SparseVector> vectors;
  SimilarityGraph graph;
  std::vector<Candidate> candidates;
  std::vector<double> concept_weight;  // sentence frequency - 1, as a stand-in for sources - 1
};

const Fixture& fixture(std::size_t n) {
  static std::map<std::size_t, Fixture> cache;
  auto it = cache.find(n);
  if (it == cache.end()) {
    Fixture f;
    f.vectors = synthetic_cluster(n);
    f.graph = build_similarity_graph(f.vectors, kGraph);
    f.candidates = synthetic_candidates(f.vectors);
    f.concept_weight.assign(kGeneralWords + kTopicWords, 0.0);
    for (const auto& v : f.vectors)
      for (std::uint32_t t : v.terms) f.concept_weight[t] += 1.0;
    for (double& w : f.concept_weight) w = std::max(0.0, w - 1.0);
    it = cache.emplace(n, std::move(f)).first;
  }
  return it->second;
}

void run_kernels(std::size_t n) {
  const Fixture& f = fixture(n);
  const std::size_t edges = (f.graph.neighbours.size() - f.graph.size()) / 2;
  CHECK(edges > n);
  WARN(n << " sentences, " << edges << " edges >= 0.05 ("
         << 200.0 * static_cast<double>(edges) / (static_cast<double>(n) * n) << "% dense)");
  const std::string size = std::to_string(n);

  BENCHMARK("graph build, n=" + size) {
    return build_similarity_graph(f.vectors, kGraph);
  };
#ifndef PRECIS_BENCH_BASELINE  // the df ceiling is new in issue 7; the baseline lacks it
  // The df ceiling (GraphOptions::max_term_share): terms in more than 5% of the sentences left
  // out of the similarities. Here that is the head of the topic vocabulary.
  GraphOptions capped = kGraph;
  capped.max_term_share = 0.05f;
  BENCHMARK("graph build, df <= 5%, n=" + size) {
    return build_similarity_graph(f.vectors, capped);
  };
#endif
  BENCHMARK("lexrank t=0.1, n=" + size) {
    return lexrank(f.graph, LexRankOptions{});
  };
  BENCHMARK("lexrank continuous, n=" + size) {
    return lexrank(f.graph, LexRankOptions{.threshold = 0.0});
  };
  SummarizeOptions options;  // 100 words: 5 sentences of 20 words
  BENCHMARK("mmr 100 words, n=" + size) {
    return select_sentences(f.candidates, f.graph, f.concept_weight, f.concept_weight, options);
  };
}

double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// Median thread CPU time of `runs` calls, in ms. The machine is shared: wall time (what the
// BENCHMARKs report) includes waiting for a core, CPU time does not.
double median_cpu_ms(int runs, const std::function<void()>& kernel) {
  std::vector<double> times;
  for (int r = 0; r < runs; ++r) {
    const double start = thread_cpu_ms();
    kernel();
    times.push_back(thread_cpu_ms() - start);
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace

// One table of median CPU times, for before/after comparisons: precis_kernels_bench "[cpu]".
TEST_CASE("kernels, CPU time table", "[.][cpu]") {
  std::printf("%-8s %12s %14s %16s %12s\n", "n", "graph ms", "lexrank ms", "lexrank cont ms",
              "mmr ms");
  for (std::size_t n : {1000, 5000, 20000}) {
    const Fixture& f = fixture(n);
    SummarizeOptions options;
    const int runs = n >= 20000 ? 5 : 11;
    const double graph = median_cpu_ms(runs, [&] { build_similarity_graph(f.vectors, kGraph); });
    const double rank = median_cpu_ms(runs, [&] { lexrank(f.graph, LexRankOptions{}); });
    const double cont =
        median_cpu_ms(runs, [&] { lexrank(f.graph, LexRankOptions{.threshold = 0.0}); });
    const double mmr = median_cpu_ms(runs, [&] {
      select_sentences(f.candidates, f.graph, f.concept_weight, f.concept_weight, options);
    });
    std::printf("%-8zu %12.2f %14.2f %16.2f %12.2f\n", n, graph, rank, cont, mmr);
  }
  std::fflush(stdout);
}

TEST_CASE("kernels, 1k sentences", "[kernels][1k]") {
  run_kernels(1000);
}
TEST_CASE("kernels, 5k sentences", "[kernels][5k]") {
  run_kernels(5000);
}
TEST_CASE("kernels, 20k sentences", "[kernels][20k]") {
  run_kernels(20000);
}
