#include "precis/graph.h"

#include <algorithm>
#include <cmath>

#include "precis/error.h"

namespace precis {

float SimilarityGraph::weight(std::size_t i, std::size_t j) const {
  auto first = neighbours.begin() + static_cast<std::ptrdiff_t>(row_start[i]);
  auto last = neighbours.begin() + static_cast<std::ptrdiff_t>(row_start[i + 1]);
  auto it = std::lower_bound(first, last, static_cast<std::uint32_t>(j));
  if (it == last || *it != j) return 0.0f;
  return similarity[static_cast<std::size_t>(it - neighbours.begin())];
}

namespace {

struct Edge {
  std::uint32_t from;
  std::uint32_t to;
  float similarity;
};

struct Posting {
  std::uint32_t sentence;
  float weight;
};

}  // namespace

SimilarityGraph build_similarity_graph(const std::vector<SparseVector>& sentences,
                                       const GraphOptions& options) {
  const std::size_t n = sentences.size();
  std::size_t vocabulary = options.vocabulary_size;
  if (vocabulary == 0) {
    for (const auto& s : sentences)
      if (!s.terms.empty()) vocabulary = std::max<std::size_t>(vocabulary, s.terms.back() + 1);
  }

  // Inverted index: postings of each term, in sentence order (so the slice after sentence i
  // holds exactly the pairs (i, j > i) of the upper triangle).
  std::vector<std::uint32_t> postings_start(vocabulary + 1, 0);
  for (const auto& s : sentences)
    for (std::uint32_t t : s.terms) ++postings_start[t + 1];
  for (std::size_t t = 0; t < vocabulary; ++t) postings_start[t + 1] += postings_start[t];
  std::vector<Posting> postings(postings_start[vocabulary]);
  std::vector<std::uint32_t> cursor(postings_start.begin(), postings_start.end() - 1);
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto& s = sentences[i];
    for (std::size_t k = 0; k < s.terms.size(); ++k)
      postings[cursor[s.terms[k]]++] = Posting{i, s.weights[k]};
  }
  // Reset the cursors: cursor[t] now points at the first posting not yet passed.
  std::copy(postings_start.begin(), postings_start.end() - 1, cursor.begin());

  // Gustavson-style row accumulation: a dense accumulator reset only where touched. The cost is
  // sum over terms of df^2 / 2 instead of n^2 / 2 vector comparisons (ALGORITHMS.md 5.1).
  std::vector<float> accumulator(n, 0.0f);
  std::vector<std::uint32_t> touched;
  std::vector<Edge> edges;
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto& s = sentences[i];
    for (std::size_t k = 0; k < s.terms.size(); ++k) {
      const std::uint32_t t = s.terms[k];
      const float w = s.weights[k];
      // postings[cursor[t]] is sentence i itself; the pairs j > i follow it.
      const std::uint32_t end = postings_start[t + 1];
      for (std::uint32_t p = cursor[t] + 1; p < end; ++p) {
        const Posting& other = postings[p];
        if (accumulator[other.sentence] == 0.0f) touched.push_back(other.sentence);
        accumulator[other.sentence] += w * other.weight;
      }
      ++cursor[t];
    }
    for (std::uint32_t j : touched) {
      // Clamp rounding noise: identical unit vectors can sum to 1.0000001.
      const float sim = std::min(accumulator[j], 1.0f);
      if (sim >= options.min_similarity) edges.push_back(Edge{i, j, sim});
      accumulator[j] = 0.0f;
    }
    touched.clear();
  }

  // Both halves plus the self-loops, in compressed rows sorted by neighbour.
  SimilarityGraph graph;
  graph.row_start.assign(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) graph.row_start[i + 1] = 1;  // self-loop
  for (const Edge& e : edges) {
    ++graph.row_start[e.from + 1];
    ++graph.row_start[e.to + 1];
  }
  for (std::size_t i = 0; i < n; ++i) graph.row_start[i + 1] += graph.row_start[i];
  graph.neighbours.resize(graph.row_start[n]);
  graph.similarity.resize(graph.row_start[n]);
  std::vector<std::size_t> fill(graph.row_start.begin(), graph.row_start.end() - 1);
  auto put = [&](std::uint32_t row, std::uint32_t col, float sim) {
    graph.neighbours[fill[row]] = col;
    graph.similarity[fill[row]] = sim;
    ++fill[row];
  };
  // Edges are generated in increasing `from`, so for each row the lower neighbours (rows that
  // came before) arrive in order, then the self-loop, then the upper neighbours, sorted below.
  for (const Edge& e : edges) put(e.to, e.from, e.similarity);
  for (std::uint32_t i = 0; i < n; ++i) put(i, i, 1.0f);
  for (const Edge& e : edges) put(e.from, e.to, e.similarity);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t b = graph.row_start[i], e = graph.row_start[i + 1];
    std::vector<std::pair<std::uint32_t, float>> row;
    bool sorted = true;
    for (std::size_t k = b + 1; k < e; ++k)
      if (graph.neighbours[k - 1] > graph.neighbours[k]) sorted = false;
    if (sorted) continue;
    row.reserve(e - b);
    for (std::size_t k = b; k < e; ++k) row.emplace_back(graph.neighbours[k], graph.similarity[k]);
    std::sort(row.begin(), row.end());
    for (std::size_t k = b; k < e; ++k) {
      graph.neighbours[k] = row[k - b].first;
      graph.similarity[k] = row[k - b].second;
    }
  }
  return graph;
}

}  // namespace precis
