#include "precis/graph.h"

#include <algorithm>
#include <bit>
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
  // The kept pairs (i, j > i) go straight into an upper-triangle CSR, each row's columns in
  // order. The first version collected an Edge list (12 bytes per edge, regrown by doubling)
  // and then sorted every row of the full graph as (neighbour, similarity) pairs in a vector
  // allocated per row: that sort alone was 5% of a 1,000-article run in perf. Graph stage on
  // 3,000 OrangeSum articles (12 M edges): 1,763 -> 1,147 ms, peak RSS 441 -> 369 MB.
  std::vector<float> accumulator(n, 0.0f);
  std::vector<std::uint32_t> touched(n + 1);  // one spare slot for the branch-free append
  std::size_t touched_count = 0;
  std::vector<std::uint32_t> kept;
  std::vector<std::uint64_t> kept_bits((n + 63) / 64, 0);
  std::vector<std::size_t> upper_start(n + 1, 0);
  std::vector<std::uint32_t> upper_column;
  std::vector<float> upper_similarity;
  std::vector<std::uint32_t> lower_degree(n, 0);  // pairs (j < i, i): i's neighbours before it
  // df ceiling: postings longer than this are skipped (GraphOptions::max_term_share).
  const auto max_postings = static_cast<std::uint32_t>(
      std::min(static_cast<double>(options.max_term_share) * static_cast<double>(n), 4294967295.0));
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto& s = sentences[i];
    for (std::size_t k = 0; k < s.terms.size(); ++k) {
      const std::uint32_t t = s.terms[k];
      if (postings_start[t + 1] - postings_start[t] > max_postings) continue;
      const float w = s.weights[k];
      // postings[cursor[t]] is sentence i itself; the pairs j > i follow it.
      const std::uint32_t end = postings_start[t + 1];
      // Branch-free append to `touched`: whether a slot is new is a coin toss for the branch
      // predictor (measured: 848 -> 594 ms wall at n = 20,000 in eval/kernels_bench).
      for (std::uint32_t p = cursor[t] + 1; p < end; ++p) {
        const Posting other = postings[p];
        const float before = accumulator[other.sentence];
        touched[touched_count] = other.sentence;
        touched_count += before == 0.0f;
        accumulator[other.sentence] = before + w * other.weight;
      }
      ++cursor[t];
    }
    for (std::size_t m = 0; m < touched_count; ++m) {
      const std::uint32_t j = touched[m];
      // Clamp rounding noise: identical unit vectors can sum to 1.0000001.
      accumulator[j] = std::min(accumulator[j], 1.0f);
      if (accumulator[j] >= options.min_similarity)
        kept.push_back(j);
      else
        accumulator[j] = 0.0f;
    }
    // Row i's columns in increasing order, each once (a zero product, from a zero weight, can
    // list a slot twice). Few kept: sort them. Many: a bitmap over (i, n) read back in order,
    // O(kept + (n - i) / 64): sorting was 9.7% of a 3,000-article run in perf (35k sentences,
    // ~350 kept per row).
    const std::size_t first_word = (i + 1) / 64;
    const std::size_t words = i + 1 < n ? (n - 1) / 64 - first_word + 1 : 0;
    if (kept.size() * 8 < words) {
      std::sort(kept.begin(), kept.end());
      kept.erase(std::unique(kept.begin(), kept.end()), kept.end());
    } else if (!kept.empty()) {
      for (std::uint32_t j : kept) kept_bits[j / 64] |= std::uint64_t{1} << (j % 64);
      kept.clear();
      for (std::size_t w = first_word; w < first_word + words; ++w) {
        for (std::uint64_t bits = kept_bits[w]; bits != 0; bits &= bits - 1)
          kept.push_back(static_cast<std::uint32_t>(w * 64 + std::countr_zero(bits)));
        kept_bits[w] = 0;
      }
    }
    if (options.max_neighbours != 0 && kept.size() > options.max_neighbours) {
      // Keep the strongest; ties by column so the choice is deterministic. Dropped pairs must
      // leave the accumulator clean for the next row.
      std::nth_element(
          kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(options.max_neighbours),
          kept.end(), [&](std::uint32_t a, std::uint32_t b) {
            return accumulator[a] != accumulator[b] ? accumulator[a] > accumulator[b] : a < b;
          });
      for (std::size_t m = options.max_neighbours; m < kept.size(); ++m)
        accumulator[kept[m]] = 0.0f;
      kept.resize(options.max_neighbours);
      std::sort(kept.begin(), kept.end());
    }
    for (std::uint32_t j : kept) {
      upper_column.push_back(j);
      upper_similarity.push_back(accumulator[j]);
      ++lower_degree[j];
      accumulator[j] = 0.0f;
    }
    upper_start[i + 1] = upper_column.size();
    touched_count = 0;
    kept.clear();
  }
  // The index is no longer needed: free it before the full graph is allocated (peak RSS).
  std::vector<Posting>().swap(postings);

  // Both halves plus the self-loops, in compressed rows sorted by neighbour. Row i is laid out
  // as [lower neighbours | i | upper neighbours]; the lower ones arrive in increasing order as
  // the upper rows are walked in order, so nothing needs sorting.
  SimilarityGraph graph;
  graph.row_start.assign(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i)
    graph.row_start[i + 1] =
        graph.row_start[i] + lower_degree[i] + 1 + (upper_start[i + 1] - upper_start[i]);
  graph.neighbours.resize(graph.row_start[n]);
  graph.similarity.resize(graph.row_start[n]);
  std::vector<std::size_t> fill(graph.row_start.begin(), graph.row_start.end() - 1);
  for (std::uint32_t i = 0; i < n; ++i) {
    // Row i's lower part is complete: rows before i have all been walked.
    std::size_t at = fill[i];
    graph.neighbours[at] = i;
    graph.similarity[at] = 1.0f;
    ++at;
    for (std::size_t k = upper_start[i]; k < upper_start[i + 1]; ++k, ++at) {
      const std::uint32_t j = upper_column[k];
      graph.neighbours[at] = j;
      graph.similarity[at] = upper_similarity[k];
      graph.neighbours[fill[j]] = i;
      graph.similarity[fill[j]] = upper_similarity[k];
      ++fill[j];
    }
  }
  return graph;
}

}  // namespace precis
