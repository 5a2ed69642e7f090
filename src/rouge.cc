// ROUGE scoring of one system summary against its references (see include/precis/rouge.h).
// Every rule of the compatible mode is ROUGE-1.5.5's, as described in ../shared/rouge/README.md
// and pinned by the vectors there (tests/rouge_test.cc); the comments say which behaviour of the
// Perl script a line reproduces when it looks odd.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "precis/error.h"
#include "precis/rouge.h"
#include "precis/tokenize.h"
#include "rouge_internal.h"

namespace precis {
namespace {

using Ids = std::vector<std::uint32_t>;

// One side of a comparison after reading: the tokens the n-gram metrics count (all sentences,
// truncated) and the sentences ROUGE-L/W align (truncated by ROUGE's readText_LCS, which differs
// under -b).
struct Side {
  Ids tokens;
  std::vector<Ids> sentences;
  std::size_t lcs_length = 0;  // tokens over `sentences`
  std::string text;            // `tokens` spelled out, for RougeTexts
};

bool is_perl_space(char c) {
  // Perl's \s on a byte string: ASCII whitespace only (a no-break space does not split).
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Perl's split(/\s+/, $line): a leading empty field when the line starts with whitespace (it
// counts as a word for -l), trailing empty fields dropped.
std::vector<std::string_view> perl_split(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t i = 0;
  const std::size_t n = line.size();
  if (n > 0 && is_perl_space(line[0])) {
    fields.emplace_back();
    while (i < n && is_perl_space(line[i])) ++i;
  }
  while (i < n) {
    std::size_t start = i;
    while (i < n && !is_perl_space(line[i])) ++i;
    fields.push_back(line.substr(start, i - start));
    while (i < n && is_perl_space(line[i])) ++i;
  }
  while (!fields.empty() && fields.back().empty()) fields.pop_back();
  return fields;
}

std::string join_fields(const std::vector<std::string_view>& fields, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) out += ' ';
    out += fields[i];
  }
  return out;
}

// -l N over the sentences: whitespace fields are counted on the raw line; the sentence that
// crosses the limit is cut to the fields that fit and nothing after it is read.
std::vector<std::string> truncate_words(const std::vector<std::string>& sentences, long limit) {
  std::vector<std::string> out;
  long total = 0;
  for (const std::string& sentence : sentences) {
    const auto fields = perl_split(sentence);
    const long count = static_cast<long>(fields.size());
    if (total + count > limit) {
      out.push_back(join_fields(fields, static_cast<std::size_t>(limit - total)));
      break;
    }
    out.push_back(sentence);
    total += count;
  }
  return out;
}

// Cuts at a byte count; in Unicode mode never inside a UTF-8 sequence.
std::string cut_bytes(const std::string& sentence, std::size_t bytes, bool utf8_safe) {
  std::size_t end = std::min(bytes, sentence.size());
  if (utf8_safe) {
    while (end > 0 && end < sentence.size() &&
           (static_cast<unsigned char>(sentence[end]) & 0xC0) == 0x80) {
      --end;
    }
  }
  return sentence.substr(0, end);
}

// -b N over the sentences for the n-gram metrics: bytes of the raw lines, the joining spaces not
// counted, the crossing sentence cut (ROUGE-1.5.5 may cut inside a UTF-8 character).
std::vector<std::string> truncate_bytes(const std::vector<std::string>& sentences, long limit,
                                        bool utf8_safe) {
  std::vector<std::string> out;
  long total = 0;
  for (const std::string& sentence : sentences) {
    const long length = static_cast<long>(sentence.size());
    if (total + length > limit) {
      out.push_back(cut_bytes(sentence, static_cast<std::size_t>(limit - total), utf8_safe));
      break;
    }
    out.push_back(sentence);
    total += length;
  }
  return out;
}

// ROUGE-1.5.5's readText_LCS under -b never adds the sentence lengths up: it keeps every
// sentence shorter than the limit and only stops at one that alone exceeds it. The vectors pin
// this bug (identical summaries score ROUGE-L R 0.375 under -b 20).
std::vector<std::string> truncate_bytes_lcs155(const std::vector<std::string>& sentences,
                                               long limit) {
  std::vector<std::string> out;
  for (const std::string& sentence : sentences) {
    if (static_cast<long>(sentence.size()) > limit) {
      out.push_back(sentence.substr(0, static_cast<std::size_t>(limit)));
      break;
    }
    out.push_back(sentence);
  }
  return out;
}

double round5(double value) {
  // ROUGE-1.5.5 keeps R and P as sprintf("%.5f") strings before computing F.
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.5f", value);
  return std::strtod(buffer, nullptr);
}

double f_measure(double recall, double precision, double alpha) {
  const double denominator = (1 - alpha) * precision + alpha * recall;
  if (recall <= 0 || precision <= 0 || denominator <= 0) return 0;
  return recall * precision / denominator;
}

// Counted n-grams of one text: start positions sorted by the n-gram they start, with counts.
struct GramCounts {
  const Ids* tokens = nullptr;
  int n = 0;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> grams;  // (start, count)
  std::size_t total = 0;
};

int compare_grams(const Ids& a, std::uint32_t ia, const Ids& b, std::uint32_t ib, int n) {
  for (int k = 0; k < n; ++k) {
    if (a[ia + k] != b[ib + k]) return a[ia + k] < b[ib + k] ? -1 : 1;
  }
  return 0;
}

GramCounts count_grams(const Ids& tokens, int n) {
  GramCounts counts;
  counts.tokens = &tokens;
  counts.n = n;
  if (tokens.size() < static_cast<std::size_t>(n)) return counts;
  std::vector<std::uint32_t> starts(tokens.size() - n + 1);
  for (std::size_t i = 0; i < starts.size(); ++i) starts[i] = static_cast<std::uint32_t>(i);
  std::sort(starts.begin(), starts.end(), [&](std::uint32_t a, std::uint32_t b) {
    return compare_grams(tokens, a, tokens, b, n) < 0;
  });
  for (std::uint32_t start : starts) {
    if (!counts.grams.empty() &&
        compare_grams(tokens, counts.grams.back().first, tokens, start, n) == 0) {
      ++counts.grams.back().second;
    } else {
      counts.grams.emplace_back(start, 1);
    }
  }
  counts.total = starts.size();
  return counts;
}

// Clipped matches: each n-gram counts min(model count, peer count).
std::size_t gram_hits(const GramCounts& model, const GramCounts& peer) {
  std::size_t hits = 0;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < model.grams.size() && j < peer.grams.size()) {
    const int c = compare_grams(*model.tokens, model.grams[i].first, *peer.tokens,
                                peer.grams[j].first, model.n);
    if (c < 0) {
      ++i;
    } else if (c > 0) {
      ++j;
    } else {
      hits += std::min(model.grams[i].second, peer.grams[j].second);
      ++i;
      ++j;
    }
  }
  return hits;
}

constexpr std::uint32_t kNoToken = 0xFFFFFFFFu;

// Skip bigrams (pairs with at most `gap` words between; gap < 0: any), plus with `unigrams` the
// unigram of every token but the last (ROUGE-1.5.5's -u), as sorted keys.
std::vector<std::uint64_t> skip_keys(const Ids& tokens, int gap, bool unigrams) {
  std::vector<std::uint64_t> keys;
  const std::size_t n = tokens.size();
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t end = gap < 0 ? n : std::min(n, i + static_cast<std::size_t>(gap) + 2);
    for (std::size_t j = i + 1; j < end; ++j) {
      keys.push_back((static_cast<std::uint64_t>(tokens[i]) << 32) | tokens[j]);
    }
    if (unigrams && i + 1 < n) {
      keys.push_back((static_cast<std::uint64_t>(tokens[i]) << 32) | kNoToken);
    }
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::size_t sorted_hits(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  std::size_t hits = 0;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      const std::uint64_t key = a[i];
      std::size_t ca = 0;
      std::size_t cb = 0;
      while (i < a.size() && a[i] == key) ++i, ++ca;
      while (j < b.size() && b[j] == key) ++j, ++cb;
      hits += std::min(ca, cb);
    }
  }
  return hits;
}

enum Step : std::uint8_t { kDiagonal, kUp, kLeft };

// Follows the back-pointers of an n1 x n2 LCS table from its last cell, marking the model
// positions matched on the way.
void mark_from_steps(const std::vector<std::uint8_t>& steps, std::size_t n1, std::size_t n2,
                     std::vector<char>& marks) {
  std::size_t i = n1;
  std::size_t j = n2;
  while (i > 0 && j > 0) {
    const std::uint8_t step = steps[(i - 1) * n2 + (j - 1)];
    if (step == kDiagonal) {
      marks[i - 1] = 1;
      --i;
      --j;
    } else if (step == kUp) {
      --i;
    } else {
      --j;
    }
  }
}

// Marks the model positions of one LCS of `model` and `peer`, backtracking with ties going up
// (ROUGE-1.5.5's choice; it decides which tokens a union over several sentences collects).
void mark_lcs(const Ids& model, const Ids& peer, std::vector<char>& marks,
              std::vector<std::uint32_t>& rows, std::vector<std::uint8_t>& steps) {
  const std::size_t n1 = model.size();
  const std::size_t n2 = peer.size();
  if (n1 == 0 || n2 == 0) return;
  rows.assign(2 * (n2 + 1), 0);
  steps.assign(n1 * n2, kUp);
  std::uint32_t* previous = rows.data();
  std::uint32_t* current = rows.data() + n2 + 1;
  for (std::size_t i = 1; i <= n1; ++i) {
    current[0] = 0;
    for (std::size_t j = 1; j <= n2; ++j) {
      std::uint8_t& step = steps[(i - 1) * n2 + (j - 1)];
      if (model[i - 1] == peer[j - 1]) {
        current[j] = previous[j - 1] + 1;
        step = kDiagonal;
      } else if (previous[j] >= current[j - 1]) {
        current[j] = previous[j];
        step = kUp;
      } else {
        current[j] = current[j - 1];
        step = kLeft;
      }
    }
    std::swap(previous, current);
  }
  mark_from_steps(steps, n1, n2, marks);
}

// The same for the weighted LCS (f(k) = k^weight rewards consecutive matches): ties go up.
void mark_wlcs(const Ids& model, const Ids& peer, double weight, std::vector<char>& marks,
               std::vector<double>& values, std::vector<std::uint32_t>& runs,
               std::vector<std::uint8_t>& steps) {
  const std::size_t n1 = model.size();
  const std::size_t n2 = peer.size();
  if (n1 == 0 || n2 == 0) return;
  values.assign(2 * (n2 + 1), 0.0);
  runs.assign(2 * (n2 + 1), 0);
  steps.assign(n1 * n2, kUp);
  double* value_prev = values.data();
  double* value_cur = values.data() + n2 + 1;
  std::uint32_t* run_prev = runs.data();
  std::uint32_t* run_cur = runs.data() + n2 + 1;
  for (std::size_t i = 1; i <= n1; ++i) {
    value_cur[0] = 0;
    run_cur[0] = 0;
    for (std::size_t j = 1; j <= n2; ++j) {
      std::uint8_t& step = steps[(i - 1) * n2 + (j - 1)];
      if (model[i - 1] == peer[j - 1]) {
        const std::uint32_t k = run_prev[j - 1];
        value_cur[j] = value_prev[j - 1] + std::pow(k + 1.0, weight) - std::pow(k, weight);
        run_cur[j] = k + 1;
        step = kDiagonal;
      } else if (value_prev[j] >= value_cur[j - 1]) {
        value_cur[j] = value_prev[j];
        run_cur[j] = 0;
        step = kUp;
      } else {
        value_cur[j] = value_cur[j - 1];
        run_cur[j] = 0;
        step = kLeft;
      }
    }
    std::swap(value_prev, value_cur);
    std::swap(run_prev, run_cur);
  }
  mark_from_steps(steps, n1, n2, marks);
}

struct Counts {
  double hit = 0;
  double model = 0;
  double peer = 0;
};

std::string weight_name(double weight) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", weight);
  return buffer;
}

}  // namespace

struct RougeScorer::Impl {
  RougeOptions options;
  std::unique_ptr<Tokenizer> tokenizer;  // Unicode mode only

  // Token ids, shared by the system and references of one score() call.
  std::unordered_map<std::string, std::uint32_t> vocabulary;
  std::vector<std::string> spellings;

  // Scratch buffers reused across calls.
  std::vector<std::uint32_t> lcs_rows;
  std::vector<double> wlcs_values;
  std::vector<std::uint32_t> wlcs_runs;
  std::vector<std::uint8_t> steps;

  explicit Impl(const RougeOptions& o) : options(o) {
    if (options.max_n < 0) throw Error::usage("ROUGE-N: -n must be 0 or more");
    if (options.wlcs && !(options.wlcs_weight > 1)) {
      throw Error::usage("ROUGE-W: the weight (-w) must be greater than 1");
    }
    if (options.alpha < 0 || options.alpha > 1) {
      throw Error::usage("ROUGE: alpha (-p) must be between 0 and 1");
    }
    if (options.limit != RougeLimit::None && options.limit_value <= 0) {
      throw Error::usage("ROUGE: the length limit (-l/-b) must be positive");
    }
    if (options.mode == RougeMode::Unicode) {
      TokenizeOptions t;
      t.language = options.language;
      t.remove_stopwords = options.remove_stopwords;
      t.stem = options.stem;
      // Scores compare surface forms: "élève" and "élevé" are different words.
      t.fold_accents = false;
      tokenizer = std::make_unique<Tokenizer>(t);
    }
  }

  // ROUGE-1.5.5's tokenization of one line: ASCII lower case, every byte outside [A-Za-z0-9] a
  // separator (so "économie" → "conomie"), SMART words out (-s), stems of
  // tokens longer than 3 bytes (-m), and only tokens starting with [a-z0-9$] kept.
  void tokens155(std::string_view sentence, std::vector<std::string>& out) const {
    out.clear();
    std::string token;
    auto flush = [&] {
      if (token.empty()) return;
      if (!(options.remove_stopwords && rouge_detail::is_smart_stopword(token))) {
        std::string word = options.stem ? rouge_detail::rouge155_stem(token) : token;
        const char c = word.empty() ? '\0' : word[0];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '$') {
          out.push_back(std::move(word));
        }
      }
      token.clear();
    };
    for (char raw : sentence) {
      char c = raw;
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      // ROUGE turns "-" into the token " - ", which its filter then drops: a separator.
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        token += c;
      } else {
        flush();
      }
    }
    flush();
  }

  void tokens_of(std::string_view sentence, std::vector<std::string>& out) {
    if (options.mode == RougeMode::Rouge155) {
      tokens155(sentence, out);
    } else {
      tokenizer->terms(sentence, out);
    }
  }

  std::uint32_t id_of(const std::string& token) {
    auto [it, inserted] =
        vocabulary.try_emplace(token, static_cast<std::uint32_t>(spellings.size()));
    if (inserted) spellings.push_back(token);
    return it->second;
  }

  Ids ids_of(const std::vector<std::string>& sentences, std::string* text) {
    Ids ids;
    std::vector<std::string> words;
    for (const std::string& sentence : sentences) {
      tokens_of(sentence, words);
      for (const std::string& w : words) {
        ids.push_back(id_of(w));
        if (text) {
          if (!text->empty()) *text += ' ';
          *text += w;
        }
      }
    }
    return ids;
  }

  Side read(const std::vector<std::string>& sentences) {
    const bool compat = options.mode == RougeMode::Rouge155;
    std::vector<std::string> counted = sentences;
    std::vector<std::string> aligned = sentences;
    if (options.limit == RougeLimit::Words) {
      counted = truncate_words(sentences, options.limit_value);
      aligned = counted;
    } else if (options.limit == RougeLimit::Bytes) {
      counted = truncate_bytes(sentences, options.limit_value, !compat);
      aligned = compat ? truncate_bytes_lcs155(sentences, options.limit_value) : counted;
    }
    Side side;
    side.tokens = ids_of(counted, &side.text);
    std::vector<std::string> one(1);
    for (const std::string& sentence : aligned) {
      one[0] = sentence;
      side.sentences.push_back(ids_of(one, nullptr));
      side.lcs_length += side.sentences.back().size();
    }
    return side;
  }

  // ROUGE-L (weighted = false) or ROUGE-W of one reference: the union, over the system
  // sentences, of the model positions each LCS marks, counted while the token's reference and
  // system unigram budgets last. ROUGE-W weighs each run of consecutive marked positions by f.
  double lcs_hits(const Side& model, const Side& peer, bool weighted) {
    std::vector<int> model_budget(spellings.size(), 0);
    std::vector<int> peer_budget(spellings.size(), 0);
    for (std::uint32_t t : model.tokens) ++model_budget[t];
    for (std::uint32_t t : peer.tokens) ++peer_budget[t];
    const double weight = options.wlcs_weight;
    double hits = 0;
    std::vector<char> marks;
    for (const Ids& sentence : model.sentences) {
      marks.assign(sentence.size(), 0);
      for (const Ids& system_sentence : peer.sentences) {
        if (weighted) {
          mark_wlcs(sentence, system_sentence, weight, marks, wlcs_values, wlcs_runs, steps);
        } else {
          mark_lcs(sentence, system_sentence, marks, lcs_rows, steps);
        }
      }
      // ROUGE-W weighs runs of consecutive marked positions, and reproducing ROUGE-1.5.5 takes
      // its exact bookkeeping: the run length grows with each marked token within budget; it is
      // cashed in (f(run), then reset) only at such a token whose next position is unmarked or
      // the end of the sentence. A spent-budget token neither grows nor breaks the run, and a
      // run whose last marked token is spent is carried into the next run of the sentence (or
      // lost at its end): "gr ve le 5 d* cembre" → f(5); "court senior* officers* ... hundreds"
      // → f(4); "rivers rose*" at the end → 0 (* = budget spent).
      std::size_t run = 0;
      for (std::size_t k = 0; k < sentence.size(); ++k) {
        if (!marks[k]) continue;
        const std::uint32_t t = sentence[k];
        if (model_budget[t] <= 0 || peer_budget[t] <= 0) continue;
        --model_budget[t];
        --peer_budget[t];
        if (!weighted) {
          hits += 1;
          continue;
        }
        ++run;
        if (k + 1 == sentence.size() || !marks[k + 1]) {
          hits += std::pow(static_cast<double>(run), weight);
          run = 0;
        }
      }
    }
    return hits;
  }

  RougeMetricScore finish(const std::string& name, const std::vector<Counts>& per_reference,
                          bool weighted) {
    RougeMetricScore result;
    result.metric = name;
    const double w = options.wlcs_weight;
    auto ratio = [&](double hit, double base) {
      if (base <= 0) return 0.0;
      return weighted ? std::pow(hit / base, 1 / w) : hit / base;
    };
    double recall = 0;
    double precision = 0;
    if (options.pooling == RougePooling::Average) {
      Counts total;
      for (const Counts& c : per_reference) {
        total.hit += c.hit;
        total.model += c.model;
        total.peer += c.peer;
      }
      result.hit = total.hit;
      result.model = total.model;
      result.peer = total.peer;
      recall = ratio(total.hit, total.model);
      precision = ratio(total.hit, total.peer);
    } else {
      // -f B: the reference with the best recall (the first one on a tie).
      bool first = true;
      for (const Counts& c : per_reference) {
        const double r = ratio(c.hit, c.model);
        if (first || r > recall) {
          recall = r;
          precision = ratio(c.hit, c.peer);
          result.hit = c.hit;
          result.model = c.model;
          result.peer = c.peer;
          first = false;
        }
      }
    }
    result.score.recall = round5(recall);
    result.score.precision = round5(precision);
    // F is kept rounded too: ROUGE-1.5.5's corpus average resamples the 5-decimal figures (the
    // vectors' averages differ in the last digit otherwise).
    result.score.f = round5(f_measure(result.score.recall, result.score.precision, options.alpha));
    return result;
  }

  std::vector<RougeMetricScore> score(const std::vector<std::string>& system,
                                      const std::vector<std::vector<std::string>>& references,
                                      RougeTexts* texts) {
    if (references.empty()) throw Error::usage("ROUGE needs at least one reference summary");
    vocabulary.clear();
    spellings.clear();
    const Side peer = read(system);
    std::vector<Side> models;
    models.reserve(references.size());
    for (const auto& reference : references) models.push_back(read(reference));
    if (texts) {
      texts->system = peer.text;
      texts->references.clear();
      for (const Side& m : models) texts->references.push_back(m.text);
    }

    std::vector<RougeMetricScore> results;
    std::vector<Counts> counts(models.size());
    for (int n = 1; n <= options.max_n; ++n) {
      const GramCounts peer_grams = count_grams(peer.tokens, n);
      for (std::size_t r = 0; r < models.size(); ++r) {
        const GramCounts model_grams = count_grams(models[r].tokens, n);
        counts[r].hit = static_cast<double>(gram_hits(model_grams, peer_grams));
        counts[r].model = static_cast<double>(model_grams.total);
        counts[r].peer = static_cast<double>(peer_grams.total);
      }
      results.push_back(finish("ROUGE-" + std::to_string(n), counts, false));
    }
    if (options.lcs) {
      for (std::size_t r = 0; r < models.size(); ++r) {
        counts[r].hit = lcs_hits(models[r], peer, false);
        counts[r].model = static_cast<double>(models[r].lcs_length);
        // The system side is the unigram count, not the aligned sentences: under -b the two
        // differ and ROUGE-1.5.5 divides by the former.
        counts[r].peer = static_cast<double>(peer.tokens.size());
      }
      results.push_back(finish("ROUGE-L", counts, false));
    }
    if (options.wlcs) {
      const double w = options.wlcs_weight;
      bool empty_reference = false;
      for (std::size_t r = 0; r < models.size(); ++r) {
        counts[r].hit = lcs_hits(models[r], peer, true);
        // ROUGE-1.5.5 applies f to each sentence length, sums, and applies f again to the sum
        // when it pools; the system side gets f once. Hence F 0.78374 for identical summaries.
        double model_base = 0;
        for (const Ids& sentence : models[r].sentences) {
          model_base += std::pow(static_cast<double>(sentence.size()), w);
        }
        counts[r].model = std::pow(model_base, w);
        counts[r].peer = std::pow(static_cast<double>(peer.tokens.size()), w);
        if (models[r].lcs_length == 0) empty_reference = true;
      }
      RougeMetricScore metric = finish("ROUGE-W-" + weight_name(w), counts, true);
      if (empty_reference && options.mode == RougeMode::Rouge155) {
        metric.score = {};
        metric.error =
            "ROUGE-W is undefined with an empty reference (ROUGE-1.5.5 dies on a "
            "division by zero)";
      }
      results.push_back(std::move(metric));
    }
    if (options.skip_bigrams) {
      const std::string gap = options.skip_gap < 0 ? "*" : std::to_string(options.skip_gap);
      auto skip_metric = [&](bool unigrams) {
        const auto peer_keys = skip_keys(peer.tokens, options.skip_gap, unigrams);
        for (std::size_t r = 0; r < models.size(); ++r) {
          const auto model_keys = skip_keys(models[r].tokens, options.skip_gap, unigrams);
          counts[r].hit = static_cast<double>(sorted_hits(model_keys, peer_keys));
          counts[r].model = static_cast<double>(model_keys.size());
          counts[r].peer = static_cast<double>(peer_keys.size());
        }
        results.push_back(finish((unigrams ? "ROUGE-SU" : "ROUGE-S") + gap, counts, false));
      };
      if (options.skip_both || !options.skip_unigrams) skip_metric(false);
      if (options.skip_both || options.skip_unigrams) skip_metric(true);
    }
    return results;
  }
};

RougeScorer::RougeScorer(const RougeOptions& options) : impl_(std::make_unique<Impl>(options)) {}
RougeScorer::~RougeScorer() = default;
RougeScorer::RougeScorer(RougeScorer&&) noexcept = default;
RougeScorer& RougeScorer::operator=(RougeScorer&&) noexcept = default;

const RougeOptions& RougeScorer::options() const {
  return impl_->options;
}

std::vector<std::string> RougeScorer::metric_names() const {
  const RougeOptions& o = impl_->options;
  std::vector<std::string> names;
  for (int n = 1; n <= o.max_n; ++n) names.push_back("ROUGE-" + std::to_string(n));
  if (o.lcs) names.push_back("ROUGE-L");
  if (o.wlcs) names.push_back("ROUGE-W-" + weight_name(o.wlcs_weight));
  if (o.skip_bigrams) {
    const std::string gap = o.skip_gap < 0 ? "*" : std::to_string(o.skip_gap);
    if (o.skip_both || !o.skip_unigrams) names.push_back("ROUGE-S" + gap);
    if (o.skip_both || o.skip_unigrams) names.push_back("ROUGE-SU" + gap);
  }
  return names;
}

std::vector<RougeMetricScore> RougeScorer::score(
    const std::vector<std::string>& system, const std::vector<std::vector<std::string>>& references,
    RougeTexts* texts) {
  return impl_->score(system, references, texts);
}

std::vector<std::string> RougeScorer::tokens(std::string_view sentence) {
  std::vector<std::string> out;
  impl_->tokens_of(sentence, out);
  return out;
}

std::string rouge_format(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%7.5f", value);
  return buffer;
}

std::string_view rouge_mode_name(RougeMode mode) {
  return mode == RougeMode::Rouge155 ? "rouge155" : "unicode";
}

}  // namespace precis
