// Corpus averages and confidence intervals as ROUGE-1.5.5 computes them with -a -c -r: not the
// plain mean but the mean of bootstrap resample means, drawn with Perl's seeded rand().
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
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

// Component c (0 = recall, 1 = precision, 2 = F) of a score, or of a comparison.
template <class Triple>
auto& component(Triple& triple, int c) {
  return c == 0 ? triple.recall : c == 1 ? triple.precision : triple.f;
}

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

void check_bootstrap_options(const RougeOptions& options) {
  if (options.resamples < 1) throw Error::usage("ROUGE: the number of resamples (-r) must be > 0");
  if (!(options.confidence > 0 && options.confidence < 100)) {
    throw Error::usage("ROUGE: the confidence level (-c) must be between 0 and 100");
  }
}

// Resample i (seeded with srand(i), as ROUGE-1.5.5 does) draws n indices int(rand(n)):
// draws[i * n + j].
std::vector<std::uint32_t> draw_resamples(int resamples, std::size_t n) {
  std::vector<std::uint32_t> draws(static_cast<std::size_t>(resamples) * n);
  for (int i = 0; i < resamples; ++i) {
    Drand48 rand(static_cast<std::uint64_t>(i));
    for (std::size_t j = 0; j < n; ++j) {
      draws[static_cast<std::size_t>(i) * n + j] =
          static_cast<std::uint32_t>(rand.next() * static_cast<double>(n));
    }
  }
  return draws;
}

// The interval: with R resamples and α = 1 − c/100, the (Rα/2 + 1)-th smallest and the
// R(1 − α/2)-th smallest mean (for -r 1000 -c 95: the 26th and the 975th), interpolated when
// the positions are not whole. Returns the two 0-based positions.
std::pair<double, double> interval_positions(const RougeOptions& options) {
  const double alpha = 1 - options.confidence / 100;
  return {options.resamples * alpha / 2, options.resamples * (1 - alpha / 2) - 1};
}

// The mean of `values` in each resample, sorted into `means`; returns their sum (ROUGE-1.5.5
// prints the mean of the resample means).
double resample_means(const std::vector<double>& values, const std::vector<std::uint32_t>& draws,
                      std::vector<double>& means) {
  const std::size_t n = values.size();
  double total = 0;
  for (std::size_t i = 0; i < means.size(); ++i) {
    double sum = 0;
    const std::uint32_t* row = &draws[i * n];
    for (std::size_t j = 0; j < n; ++j) sum += values[row[j]];
    means[i] = sum / static_cast<double>(n);
    total += means[i];
  }
  std::sort(means.begin(), means.end());
  return total;
}

}  // namespace

std::vector<RougeCorpusScore> rouge_corpus(const std::vector<RougeInstance>& instances,
                                           const RougeOptions& options) {
  std::vector<RougeCorpusScore> results;
  if (instances.empty()) return results;
  check_bootstrap_options(options);

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
  const std::vector<std::uint32_t> draws = draw_resamples(resamples, n);
  const auto [lower_pos, upper_pos] = interval_positions(options);

  std::vector<double> values(n);
  std::vector<double> means(static_cast<std::size_t>(resamples));
  for (std::size_t m = 0; m < metrics; ++m) {
    RougeCorpusScore score;
    score.metric = sorted.front()->metrics[m].metric;
    score.count = n;
    for (int c = 0; c < 3; ++c) {
      for (std::size_t j = 0; j < n; ++j) values[j] = component(sorted[j]->metrics[m].score, c);
      double plain = 0;
      for (double v : values) plain += v;
      plain /= static_cast<double>(n);
      const double average = resample_means(values, draws, means) / resamples;
      const double lower = order_statistic(means, lower_pos);
      const double upper = order_statistic(means, upper_pos);
      component(score.average, c) = average;
      component(score.lower, c) = lower;
      component(score.upper, c) = upper;
      component(score.plain_mean, c) = plain;
    }
    results.push_back(std::move(score));
  }
  return results;
}

RougeVerdict rouge_verdict(const RougeDifference& difference) {
  if (difference.lower > 0) return RougeVerdict::SystemBetter;
  if (difference.upper < 0) return RougeVerdict::BaselineBetter;
  return RougeVerdict::NoClearDifference;
}

std::string_view rouge_verdict_name(RougeVerdict verdict) {
  switch (verdict) {
    case RougeVerdict::SystemBetter:
      return "system better";
    case RougeVerdict::BaselineBetter:
      return "baseline better";
    case RougeVerdict::NoClearDifference:
      return "no clear difference";
  }
  return "no clear difference";
}

std::vector<RougeComparison> rouge_compare(const std::vector<RougeInstance>& system,
                                           const std::vector<RougeInstance>& baseline,
                                           const RougeOptions& options) {
  std::vector<RougeComparison> results;
  if (system.empty() && baseline.empty()) return results;
  check_bootstrap_options(options);
  // Pairs in id order, as rouge_corpus resamples: the same clusters drawn for both systems.
  std::unordered_map<std::string_view, const RougeInstance*> baseline_by_id;
  for (const RougeInstance& b : baseline) {
    if (!baseline_by_id.emplace(b.id, &b).second)
      throw Error("ROUGE comparison: instance '" + b.id + "' appears twice in the baseline");
  }
  std::vector<std::pair<const RougeInstance*, const RougeInstance*>> pairs;
  for (const RougeInstance& s : system) {
    auto it = baseline_by_id.find(s.id);
    if (it == baseline_by_id.end())
      throw Error("ROUGE comparison: instance '" + s.id +
                  "' has no baseline, or appears twice in the system");
    pairs.emplace_back(&s, it->second);
    baseline_by_id.erase(it);
  }
  for (const RougeInstance& b : baseline) {  // in the caller's order: the same message each run
    if (baseline_by_id.count(b.id))
      throw Error("ROUGE comparison: the baseline has instance '" + b.id + "', the system has not");
  }
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const auto& a, const auto& b) { return a.first->id < b.first->id; });
  const std::size_t n = pairs.size();
  const std::size_t metrics = pairs.front().first->metrics.size();
  for (const auto& [s, b] : pairs) {
    if (s->metrics.size() != metrics || b->metrics.size() != metrics)
      throw Error("ROUGE comparison: instance '" + s->id + "' has a different set of metrics");
    for (std::size_t m = 0; m < metrics; ++m)
      if (s->metrics[m].metric != b->metrics[m].metric)
        throw Error("ROUGE comparison: instance '" + s->id + "' has a different set of metrics");
  }

  const int resamples = options.resamples;
  const std::vector<std::uint32_t> draws = draw_resamples(resamples, n);
  const auto [lower_pos, upper_pos] = interval_positions(options);
  std::vector<double> differences(n);
  std::vector<double> means(static_cast<std::size_t>(resamples));
  for (std::size_t m = 0; m < metrics; ++m) {
    RougeComparison comparison;
    comparison.metric = pairs.front().first->metrics[m].metric;
    for (int c = 0; c < 3; ++c) {
      auto value = [&](const RougeInstance* instance) {
        return component(instance->metrics[m].score, c);
      };
      RougeDifference d;
      for (std::size_t j = 0; j < n; ++j) {
        const double a = value(pairs[j].first), b = value(pairs[j].second);
        d.system += a;
        d.baseline += b;
        differences[j] = a - b;
        // The figures are rounded to 5 decimals per summary, as ROUGE-1.5.5 prints them: equal
        // printed figures are a tie.
        if (rouge_format(a) == rouge_format(b))
          ++d.ties;
        else if (a > b)
          ++d.wins;
        else
          ++d.losses;
      }
      d.system /= static_cast<double>(n);
      d.baseline /= static_cast<double>(n);
      d.difference = d.system - d.baseline;
      resample_means(differences, draws, means);
      const auto above =
          static_cast<std::size_t>(means.end() - std::upper_bound(means.begin(), means.end(), 0.0));
      d.lower = order_statistic(means, lower_pos);
      d.upper = order_statistic(means, upper_pos);
      d.share_above = static_cast<double>(above) / resamples;
      component(comparison, c) = d;
    }
    results.push_back(std::move(comparison));
  }
  return results;
}

}  // namespace precis
