#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "precis/error.h"
#include "precis/graph.h"

using namespace precis;

namespace {

// Erkan & Radev 2004, Figure 1: idf-modified cosines of the 11 sentences of DUC 2004 cluster
// d1003t (rows d1s1, d2s1, d2s2, d2s3, d3s1, d3s2, d3s3, d4s1, d5s1, d5s2, d5s3), as transcribed
// in ALGORITHMS.md 1.2.
const double kPaperCosines[11][11] = {
    {1.00, 0.45, 0.02, 0.17, 0.03, 0.22, 0.03, 0.28, 0.06, 0.06, 0.00},
    {0.45, 1.00, 0.16, 0.27, 0.03, 0.19, 0.03, 0.21, 0.03, 0.15, 0.00},
    {0.02, 0.16, 1.00, 0.03, 0.00, 0.01, 0.03, 0.04, 0.00, 0.01, 0.00},
    {0.17, 0.27, 0.03, 1.00, 0.01, 0.16, 0.28, 0.17, 0.00, 0.09, 0.01},
    {0.03, 0.03, 0.00, 0.01, 1.00, 0.29, 0.05, 0.15, 0.20, 0.04, 0.18},
    {0.22, 0.19, 0.01, 0.16, 0.29, 1.00, 0.05, 0.29, 0.04, 0.20, 0.03},
    {0.03, 0.03, 0.03, 0.28, 0.05, 0.05, 1.00, 0.06, 0.00, 0.00, 0.01},
    {0.28, 0.21, 0.04, 0.17, 0.15, 0.29, 0.06, 1.00, 0.25, 0.20, 0.17},
    {0.06, 0.03, 0.00, 0.00, 0.20, 0.04, 0.00, 0.25, 1.00, 0.26, 0.38},
    {0.06, 0.15, 0.01, 0.09, 0.04, 0.20, 0.00, 0.20, 0.26, 1.00, 0.12},
    {0.00, 0.00, 0.00, 0.01, 0.18, 0.03, 0.01, 0.17, 0.38, 0.12, 1.00},
};

SimilarityGraph paper_graph() {
  SimilarityGraph g;
  g.row_start.push_back(0);
  for (int i = 0; i < 11; ++i) {
    for (int j = 0; j < 11; ++j) {
      if (kPaperCosines[i][j] <= 0.0) continue;
      g.neighbours.push_back(static_cast<std::uint32_t>(j));
      g.similarity.push_back(static_cast<float>(kPaperCosines[i][j]));
    }
    g.row_start.push_back(g.neighbours.size());
  }
  return g;
}

std::vector<double> max_normalised(std::vector<double> v) {
  double m = 0;
  for (double x : v) m = std::max(m, x);
  for (double& x : v) x /= m;
  return v;
}

SparseVector unit(std::vector<std::pair<std::uint32_t, float>> entries) {
  std::sort(entries.begin(), entries.end());
  SparseVector v;
  double norm = 0;
  for (auto& [t, w] : entries) norm += double(w) * w;
  for (auto& [t, w] : entries) {
    v.terms.push_back(t);
    v.weights.push_back(static_cast<float>(w / std::sqrt(norm)));
  }
  return v;
}

double dot(const SparseVector& a, const SparseVector& b) {
  double s = 0;
  std::size_t i = 0, j = 0;
  while (i < a.terms.size() && j < b.terms.size()) {
    if (a.terms[i] < b.terms[j])
      ++i;
    else if (a.terms[i] > b.terms[j])
      ++j;
    else
      s += double(a.weights[i++]) * b.weights[j++];
  }
  return s;
}

}  // namespace

TEST_CASE("degree centrality reproduces Erkan & Radev Table 1", "[graph][lexrank]") {
  const auto g = paper_graph();
  CHECK(lexrank_degrees(g, 0.1) == std::vector<std::size_t>{5, 7, 2, 6, 5, 7, 2, 9, 5, 6, 5});
  CHECK(lexrank_degrees(g, 0.3) == std::vector<std::size_t>{2, 2, 1, 1, 1, 1, 1, 1, 2, 1, 2});
}

TEST_CASE("LexRank reproduces Erkan & Radev Table 2 within 1e-3", "[graph][lexrank]") {
  const auto g = paper_graph();
  const std::vector<double> published = {0.6007, 0.8466, 0.3491, 0.7520, 0.5907, 0.7993,
                                         0.3548, 1.0000, 0.5921, 0.6910, 0.5921};
  const auto scores = lexrank(g, LexRankOptions{});
  double sum = 0;
  for (double s : scores) sum += s;
  CHECK(sum == Approx(1.0).epsilon(1e-9));
  const auto normalised = max_normalised(scores);
  for (std::size_t i = 0; i < published.size(); ++i) {
    INFO("sentence " << i);
    CHECK(normalised[i] == Approx(published[i]).margin(1e-3));
  }
  // At t = 0.3 the graph is self-loops and pairs: every score is equal (Table 2).
  for (double s : max_normalised(lexrank(g, LexRankOptions{.threshold = 0.3})))
    CHECK(s == Approx(1.0).margin(1e-9));
}

TEST_CASE("continuous LexRank weights edges by cosine", "[graph][lexrank]") {
  // Values recomputed in ALGORITHMS.md 1.2 (no published counterpart).
  const std::vector<double> expected = {0.841, 0.9197, 0.6216, 0.8259, 0.751, 0.8931,
                                        0.656, 1.0,    0.8204, 0.7884, 0.7293};
  const auto normalised = max_normalised(lexrank(paper_graph(), LexRankOptions{.threshold = 0.0}));
  for (std::size_t i = 0; i < expected.size(); ++i)
    CHECK(normalised[i] == Approx(expected[i]).margin(1e-3));
}

TEST_CASE("LexRank of a symmetric 3-node chain is worked out by hand", "[graph][lexrank]") {
  // Chain a - b - c with self-loops, no teleport (d = 1): deg = 2, 3, 2. For an undirected
  // graph the stationary distribution is proportional to degree: 2/7, 3/7, 2/7.
  SimilarityGraph g;
  g.row_start = {0, 2, 5, 7};
  g.neighbours = {0, 1, 0, 1, 2, 1, 2};
  g.similarity = {1, 0.5f, 0.5f, 1, 0.5f, 0.5f, 1};
  const auto p = lexrank(g, LexRankOptions{.damping = 1.0, .tolerance = 1e-12});
  CHECK(p[0] == Approx(2.0 / 7).epsilon(1e-6));
  CHECK(p[1] == Approx(3.0 / 7).epsilon(1e-6));
  CHECK(p[2] == Approx(2.0 / 7).epsilon(1e-6));
  // With damping 0, every node gets the teleport share.
  for (double x : lexrank(g, LexRankOptions{.damping = 0.0})) CHECK(x == Approx(1.0 / 3));
}

TEST_CASE("LexRank rejects invalid options and handles empty graphs", "[graph][lexrank]") {
  CHECK(lexrank(SimilarityGraph{}, LexRankOptions{}).empty());
  CHECK_THROWS_AS(lexrank(paper_graph(), LexRankOptions{.damping = 1.5}), Error);
  CHECK_THROWS_AS(lexrank(paper_graph(), LexRankOptions{.threshold = -0.1}), Error);
}

TEST_CASE("the inverted-index graph equals all-pairs cosine", "[graph]") {
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::uint32_t> term(0, 40);
  std::uniform_real_distribution<float> weight(0.1f, 2.0f);
  std::vector<SparseVector> vectors;
  for (int i = 0; i < 120; ++i) {
    std::vector<std::pair<std::uint32_t, float>> entries;
    std::vector<bool> seen(41, false);
    const int length = i % 17 == 0 ? 0 : 3 + i % 6;  // a few empty sentences too
    for (int k = 0; k < length; ++k) {
      std::uint32_t t = term(rng);
      if (seen[t]) continue;
      seen[t] = true;
      entries.emplace_back(t, weight(rng));
    }
    vectors.push_back(entries.empty() ? SparseVector{} : unit(entries));
  }
  const float floor = 0.08f;
  const auto g = build_similarity_graph(vectors, GraphOptions{.min_similarity = floor});
  REQUIRE(g.size() == vectors.size());
  std::size_t edges = 0;
  for (std::size_t i = 0; i < vectors.size(); ++i) {
    CHECK(g.weight(i, i) == 1.0f);  // self-loops always present
    for (std::size_t k = g.row_start[i] + 1; k < g.row_start[i + 1]; ++k)
      CHECK(g.neighbours[k - 1] < g.neighbours[k]);
    for (std::size_t j = 0; j < vectors.size(); ++j) {
      if (i == j) continue;
      const double expected = dot(vectors[i], vectors[j]);
      const float got = g.weight(i, j);
      if (expected >= floor + 1e-5) {
        CHECK(got == Approx(expected).margin(1e-5));
        ++edges;
      } else if (expected < floor - 1e-5) {
        CHECK(got == 0.0f);
      }
      CHECK(g.weight(i, j) == g.weight(j, i));
    }
  }
  CHECK(edges > 100);  // the fixture exercises real edges
}

TEST_CASE("the neighbour cap keeps each row's strongest pairs and bounds the graph", "[graph]") {
  // 300 near-identical "template" sentences: every pair is similar, the graph would be dense.
  std::vector<SparseVector> vectors;
  for (std::uint32_t i = 0; i < 300; ++i)
    vectors.push_back(unit({{0, 1.0f}, {1, 1.0f}, {2, 1.0f}, {3 + i % 7, 0.3f + 0.1f * (i % 5)}}));
  const auto dense = build_similarity_graph(vectors, GraphOptions{.min_similarity = 0.1f});
  CHECK((dense.neighbours.size() - dense.size()) / 2 == 300u * 299 / 2);
  const std::size_t cap = 10;
  const auto capped =
      build_similarity_graph(vectors, GraphOptions{.min_similarity = 0.1f, .max_neighbours = cap});
  CHECK((capped.neighbours.size() - capped.size()) / 2 <= 300 * cap);
  for (std::size_t i = 0; i < capped.size(); ++i) {
    // Upper part of row i: at most `cap` pairs, and none weaker than a dropped one.
    float weakest_kept = 2.0f;
    std::size_t upper = 0;
    for (std::size_t k = capped.row_start[i]; k < capped.row_start[i + 1]; ++k) {
      if (capped.neighbours[k] <= i) continue;
      ++upper;
      weakest_kept = std::min(weakest_kept, capped.similarity[k]);
      CHECK(capped.similarity[k] == dense.weight(i, capped.neighbours[k]));
    }
    CHECK(upper <= cap);
    if (upper == cap)
      for (std::size_t j = i + 1; j < capped.size(); ++j)
        if (capped.weight(i, j) == 0.0f && capped.weight(j, i) == 0.0f)
          CHECK(dense.weight(i, j) <= weakest_kept);
  }
}

TEST_CASE("the df ceiling leaves out terms present in most sentences", "[graph]") {
  // Term 0 is in every sentence; terms 1..4 pair sentences up.
  std::vector<SparseVector> vectors;
  for (std::uint32_t i = 0; i < 40; ++i) vectors.push_back(unit({{0, 1.0f}, {1 + i % 4, 1.0f}}));
  const auto all = build_similarity_graph(vectors, GraphOptions{.min_similarity = 0.1f});
  CHECK(all.weight(0, 1) == Approx(0.5f));  // only term 0 shared
  CHECK(all.weight(0, 4) == Approx(1.0f));  // both terms shared
  const auto ceiling =
      build_similarity_graph(vectors, GraphOptions{.min_similarity = 0.1f, .max_term_share = 0.5f});
  CHECK(ceiling.weight(0, 1) == 0.0f);          // term 0 left out: nothing shared
  CHECK(ceiling.weight(0, 4) == Approx(0.5f));  // the norms stay: cosine lowered, not rescaled
}
