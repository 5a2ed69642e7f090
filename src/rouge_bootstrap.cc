// Corpus averages and confidence intervals as ROUGE-1.5.5 computes them with -a -c -r: not the
// plain mean but the mean of bootstrap resample means, drawn with Perl's seeded rand().
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "precis/error.h"
#include "precis/rouge.h"

namespace precis {
namespace {

// Perl's srand/rand on glibc: drand48. x ← (0x5DEECE66D·x + 0xB) mod 2^48, seeded with
// x₀ = (seed << 16) + 0x330E; rand(n) = n · x / 2^48.
class Drand48 {
 public:
  explicit Drand48(std::uint64_t seed) : x_(((seed << 16) + 0x330E) & kMask) {}

  double next() {
    x_ = (0x5DEECE66DULL * x_ + 0xB) & kMask;
    return static_cast<double>(x_) / 281474976710656.0;  // 2^48: exact in a double
  }

 private:
  static constexpr std::uint64_t kMask = (1ULL << 48) - 1;
  std::uint64_t x_;
};

// The value at fractional position `pos` (0-based) of sorted values, interpolated linearly.
double order_statistic(const std::vector<double>& sorted, double pos) {
  if (sorted.empty()) return 0;
  if (pos <= 0) return sorted.front();
  const double last = static_cast<double>(sorted.size() - 1);
  if (pos >= last) return sorted.back();
  const auto lower = static_cast<std::size_t>(std::floor(pos));
  const double fraction = pos - static_cast<double>(lower);
  if (fraction == 0) return sorted[lower];
  return sorted[lower] + (sorted[lower + 1] - sorted[lower]) * fraction;
}

}  // namespace

std::vector<RougeCorpusScore> rouge_corpus(const std::vector<RougeInstance>& instances,
                                           const RougeOptions& options) {
  std::vector<RougeCorpusScore> results;
  if (instances.empty()) return results;
  if (options.resamples < 1) throw Error::usage("ROUGE: the number of resamples (-r) must be > 0");
  if (!(options.confidence > 0 && options.confidence < 100)) {
    throw Error::usage("ROUGE: the confidence level (-c) must be between 0 and 100");
  }

  // ROUGE-1.5.5 resamples over its instances sorted by id as strings.
  std::vector<const RougeInstance*> sorted;
  sorted.reserve(instances.size());
  for (const RougeInstance& instance : instances) sorted.push_back(&instance);
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const RougeInstance* a, const RougeInstance* b) { return a->id < b->id; });
  const std::size_t n = sorted.size();
  const std::size_t metrics = sorted.front()->metrics.size();
  for (const RougeInstance* instance : sorted) {
    if (instance->metrics.size() != metrics) {
      throw Error("ROUGE: instance '" + instance->id + "' has a different set of metrics");
    }
  }

  // Every metric and each of R, P, F is resampled with the same seeds, hence the same indices:
  // draw them once.
  const int resamples = options.resamples;
  std::vector<std::uint32_t> draws(static_cast<std::size_t>(resamples) * n);
  for (int i = 0; i < resamples; ++i) {
    Drand48 rand(static_cast<std::uint64_t>(i));
    for (std::size_t j = 0; j < n; ++j) {
      draws[static_cast<std::size_t>(i) * n + j] =
          static_cast<std::uint32_t>(rand.next() * static_cast<double>(n));
    }
  }
  // The interval: with R resamples and α = 1 − c/100, the (Rα/2 + 1)-th smallest and the
  // R(1 − α/2)-th smallest mean (for -r 1000 -c 95: the 26th and the 975th), interpolated when
  // the positions are not whole.
  const double alpha = 1 - options.confidence / 100;
  const double lower_pos = resamples * alpha / 2;
  const double upper_pos = resamples * (1 - alpha / 2) - 1;

  std::vector<double> values(n);
  std::vector<double> means(static_cast<std::size_t>(resamples));
  for (std::size_t m = 0; m < metrics; ++m) {
    RougeCorpusScore score;
    score.metric = sorted.front()->metrics[m].metric;
    score.count = n;
    for (int component = 0; component < 3; ++component) {
      for (std::size_t j = 0; j < n; ++j) {
        const RougeScore& s = sorted[j]->metrics[m].score;
        values[j] = component == 0 ? s.recall : component == 1 ? s.precision : s.f;
      }
      double plain = 0;
      for (double v : values) plain += v;
      plain /= static_cast<double>(n);
      double total = 0;
      for (int i = 0; i < resamples; ++i) {
        double sum = 0;
        const std::uint32_t* row = &draws[static_cast<std::size_t>(i) * n];
        for (std::size_t j = 0; j < n; ++j) sum += values[row[j]];
        means[static_cast<std::size_t>(i)] = sum / static_cast<double>(n);
        total += means[static_cast<std::size_t>(i)];
      }
      const double average = total / resamples;
      std::sort(means.begin(), means.end());
      const double lower = order_statistic(means, lower_pos);
      const double upper = order_statistic(means, upper_pos);
      auto set = [&](RougeScore& target, double value) {
        (component == 0 ? target.recall : component == 1 ? target.precision : target.f) = value;
      };
      set(score.average, average);
      set(score.lower, lower);
      set(score.upper, upper);
      set(score.plain_mean, plain);
    }
    results.push_back(std::move(score));
  }
  return results;
}

}  // namespace precis
