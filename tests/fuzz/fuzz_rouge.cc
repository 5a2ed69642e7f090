// The ROUGE inputs: the ROUGE-1.5.5 flag line, then a system summary and references made of
// arbitrary lines. Every metric must come out finite and in [0, 1], in both modes.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.h"
#include "precis/error.h"
#include "precis/rouge.h"

using namespace precis;

namespace {

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    const std::size_t cut = text.find('\n');
    lines.emplace_back(text.substr(0, cut));
    if (cut == std::string_view::npos) break;
    text.remove_prefix(cut + 1);
  }
  return lines;
}

void check_score(const RougeScore& s) {
  for (double v : {s.recall, s.precision, s.f}) {
    PRECIS_FUZZ_CHECK(std::isfinite(v) && v >= 0.0 && v <= 1.0 + 1e-9);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 1 << 14) return 0;  // skip-bigrams are quadratic in the summary length
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // Layout: flag line, then system lines, then references separated by "\n--\n".
  const std::size_t first = input.find('\n');
  const std::string_view flags = input.substr(0, first);
  input = first == std::string_view::npos ? std::string_view() : input.substr(first + 1);
  std::vector<std::string_view> parts;
  while (true) {
    const std::size_t cut = input.find("\n--\n");
    parts.push_back(input.substr(0, cut));
    if (cut == std::string_view::npos) break;
    input.remove_prefix(cut + 4);
  }
  const std::vector<std::string> system = lines_of(parts[0]);
  std::vector<std::vector<std::string>> references;
  for (std::size_t i = 1; i < parts.size(); ++i) references.push_back(lines_of(parts[i]));

  for (RougeMode mode : {RougeMode::Rouge155, RougeMode::Unicode}) {
    RougeOptions base;
    base.mode = mode;
    RougeOptions options;
    try {
      options = parse_rouge_args(flags, base);
    } catch (const Error& e) {
      PRECIS_FUZZ_CHECK(e.kind() == Error::Kind::Usage);
      continue;
    }
    rouge_args_string(options);
    // Keep one run cheap: the bootstrap and the n-gram order are linear in these.
    options.resamples = std::min(options.resamples, 20);
    options.max_n = std::min(options.max_n, 9);
    RougeScorer scorer(options);
    std::vector<RougeMetricScore> metrics;
    try {
      metrics = scorer.score(system, references);
    } catch (const Error& e) {
      PRECIS_FUZZ_CHECK(references.empty());  // the one documented refusal: no reference
      continue;
    }
    PRECIS_FUZZ_CHECK(metrics.size() == scorer.metric_names().size());
    for (const RougeMetricScore& m : metrics) check_score(m.score);
    std::vector<RougeInstance> instances = {{"1.A", metrics}, {"0.B", metrics}};
    for (const RougeCorpusScore& c : rouge_corpus(instances, options)) {
      check_score(c.average);
      check_score(c.lower);
      check_score(c.upper);
    }
    for (const std::string& line : system) scorer.tokens(line);
  }
  return 0;
}
