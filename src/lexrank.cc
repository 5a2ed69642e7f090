// LexRank (Erkan & Radev, JAIR 2004): the stationary distribution of a random walk on the
// sentence similarity graph, with teleportation.
#include <Eigen/SparseCore>
#include <cmath>

#include "precis/error.h"
#include "precis/graph.h"

namespace precis {

namespace {

bool keeps_edge(float similarity, double threshold) {
  // The paper's thresholded graph keeps cosine > t (strict; Table 1 is only reproduced that
  // way). Continuous LexRank (t = 0) keeps every positive weight.
  return threshold > 0.0 ? similarity > threshold : similarity > 0.0f;
}

}  // namespace

std::vector<std::size_t> lexrank_degrees(const SimilarityGraph& graph, double threshold) {
  std::vector<std::size_t> degrees(graph.size(), 0);
  for (std::size_t i = 0; i < graph.size(); ++i)
    for (std::size_t k = graph.row_start[i]; k < graph.row_start[i + 1]; ++k)
      if (keeps_edge(graph.similarity[k], threshold)) ++degrees[i];
  return degrees;
}

std::vector<double> lexrank(const SimilarityGraph& graph, const LexRankOptions& options) {
  if (!(options.damping >= 0.0 && options.damping <= 1.0))
    throw Error::usage("damping must be in [0, 1]");
  if (!(options.threshold >= 0.0 && options.threshold < 1.0))
    throw Error::usage("threshold must be in [0, 1)");
  const std::size_t n = graph.size();
  if (n == 0) return {};

  // Row-stochastic transition matrix, stored transposed so that one power step is one sparse
  // matrix-vector product: p' = (1 - d) / n + d * M^T p. Rows are normalised by degree
  // (thresholded) or by the sum of weights (continuous LexRank, Eq. 10).
  std::vector<Eigen::Triplet<double>> triplets;
  triplets.reserve(graph.neighbours.size());
  for (std::size_t i = 0; i < n; ++i) {
    double row_sum = 0.0;
    for (std::size_t k = graph.row_start[i]; k < graph.row_start[i + 1]; ++k)
      if (keeps_edge(graph.similarity[k], options.threshold))
        row_sum += options.threshold > 0.0 ? 1.0 : graph.similarity[k];
    if (row_sum <= 0.0) continue;  // cannot happen with self-loops, kept for safety
    for (std::size_t k = graph.row_start[i]; k < graph.row_start[i + 1]; ++k) {
      if (!keeps_edge(graph.similarity[k], options.threshold)) continue;
      const double w = options.threshold > 0.0 ? 1.0 : graph.similarity[k];
      triplets.emplace_back(static_cast<int>(graph.neighbours[k]), static_cast<int>(i),
                            w / row_sum);
    }
  }
  Eigen::SparseMatrix<double, Eigen::RowMajor> transition_t(static_cast<Eigen::Index>(n),
                                                            static_cast<Eigen::Index>(n));
  transition_t.setFromTriplets(triplets.begin(), triplets.end());

  // Power iteration from the uniform distribution (Algorithm 2). Damping 0.85 is the probability
  // of following an edge: only that reading reproduces the paper's Table 2 (ALGORITHMS.md 1.2).
  const double teleport = (1.0 - options.damping) / static_cast<double>(n);
  Eigen::VectorXd p = Eigen::VectorXd::Constant(static_cast<Eigen::Index>(n), 1.0 / n);
  Eigen::VectorXd next(p.size());
  for (int it = 0; it < options.max_iterations; ++it) {
    next.noalias() = transition_t * p;
    next = next * options.damping;
    next.array() += teleport;
    // Rows whose weights were all dropped would leak mass; renormalise so p stays a distribution.
    next /= next.sum();
    const double change = (next - p).lpNorm<1>();
    p.swap(next);
    if (change < options.tolerance) break;
  }
  return std::vector<double>(p.data(), p.data() + p.size());
}

}  // namespace precis
