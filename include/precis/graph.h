// The sentence similarity graph (idf-modified cosine) and LexRank over it.
#pragma once

#include <cstdint>
#include <vector>

namespace precis {

// A sparse vector: term ids sorted ascending, weights L2-normalised.
struct SparseVector {
  std::vector<std::uint32_t> terms;
  std::vector<float> weights;
};

// A symmetric sparse graph in compressed rows; row i lists (neighbour, cosine), neighbours
// ascending, self-loop included.
struct SimilarityGraph {
  std::vector<std::size_t> row_start;  // size n + 1
  std::vector<std::uint32_t> neighbours;
  std::vector<float> similarity;

  std::size_t size() const { return row_start.empty() ? 0 : row_start.size() - 1; }
  std::size_t degree(std::size_t i) const { return row_start[i + 1] - row_start[i]; }
  // Similarity of i and j, 0 when there is no edge (binary search in row i).
  float weight(std::size_t i, std::size_t j) const;
};

struct GraphOptions {
  // Keep edges whose cosine is at least this (the kept weights are the cosines). LexRank's
  // thresholded graph is made from this one with LexRankOptions::threshold.
  float min_similarity = 0.05f;
  std::size_t vocabulary_size = 0;  // number of distinct term ids (0 = derive from the vectors)
  // Terms in more than this share of the sentences are left out of the similarities (df
  // ceiling; 1 = none). The cost of the graph is the sum over terms of df^2, and such terms,
  // found everywhere, carry little idf: see eval/README.md "Speed and scale" for the effect.
  // The vectors keep their norms, so a left-out term only lowers the cosines it contributed to.
  float max_term_share = 1.0f;
  // At most this many neighbours j > i kept for each row i, the most similar (0 = no limit).
  // Bounds the graph to n * max_neighbours edges whatever the input: a file of near-identical
  // template sentences would otherwise make it dense (n^2 / 2 edges; 55,000 such sentences ran
  // out of memory in tests/robustness_test.cc).
  std::size_t max_neighbours = 0;
};

// All pairs with cosine >= min_similarity, found through an inverted index over terms with a
// dense accumulator per row (ALGORITHMS.md 5.1: 0.5 s for 20,000 sentences vs 17.7 s all-pairs).
SimilarityGraph build_similarity_graph(const std::vector<SparseVector>& sentences,
                                       const GraphOptions& options = {});

struct LexRankOptions {
  double threshold = 0.1;   // edges where cosine > threshold; 0 = continuous LexRank
  double damping = 0.85;    // probability of following an edge
  double tolerance = 1e-8;  // L1 change between iterations
  int max_iterations = 1000;
};

// Stationary distribution of the damped random walk (sums to 1). Erkan & Radev 2004, Eq. 8.
std::vector<double> lexrank(const SimilarityGraph& graph, const LexRankOptions& options = {});

// Degree of every node in the thresholded graph (cosine > threshold, self-loop counted).
std::vector<std::size_t> lexrank_degrees(const SimilarityGraph& graph, double threshold);

}  // namespace precis
