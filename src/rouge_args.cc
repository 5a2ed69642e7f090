// ROUGE-1.5.5's command-line flags, so that an existing evaluation script ports in one line.
// The Perl script reads them with Getopt::Std: single letters, bundled booleans ("-am"), values
// attached or in the next word ("-n4", "-n 4", "-2 -1").
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "precis/error.h"
#include "precis/rouge.h"

namespace precis {
namespace {

// The largest ROUGE-W weight accepted (see -w below).
constexpr double kMaxWlcsWeight = 20.0;

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n') ++i;
    if (i > start) words.emplace_back(text.substr(start, i - start));
  }
  return words;
}

// An int-sized integer: the callers store it in an int, and a value such as 4294967297 must be
// refused, not wrapped to 1.
long parse_long(char flag, const std::string& value) {
  char* end = nullptr;
  errno = 0;
  const long result = std::strtol(value.c_str(), &end, 10);
  if (value.empty() || *end != '\0') {
    throw Error::usage(std::string("ROUGE flag -") + flag + ": '" + value + "' is not an integer");
  }
  if (errno == ERANGE || result > std::numeric_limits<int>::max() ||
      result < std::numeric_limits<int>::min()) {
    throw Error::usage(std::string("ROUGE flag -") + flag + ": '" + value + "' is out of range");
  }
  return result;
}

double parse_double(char flag, const std::string& value) {
  char* end = nullptr;
  const double result = std::strtod(value.c_str(), &end);
  if (value.empty() || *end != '\0' || !std::isfinite(result)) {
    throw Error::usage(std::string("ROUGE flag -") + flag + ": '" + value + "' is not a number");
  }
  return result;
}

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

constexpr std::string_view kWithValue = "bceflnprw23zt";
constexpr std::string_view kBoolean = "admsxuUvh";

}  // namespace

RougeOptions parse_rouge_args(std::string_view args, RougeOptions base) {
  // What ROUGE-1.5.5 computes when a flag is absent: ROUGE-L only, -f A, -p 0.5, -c 95,
  // -r 1000. ROUGE-N, ROUGE-W and ROUGE-S come only when asked for (-n, -w, -2).
  RougeOptions o;
  o.mode = base.mode;
  o.language = base.language;
  o.max_n = 0;
  o.lcs = true;
  o.wlcs = false;
  o.skip_bigrams = false;
  o.skip_unigrams = false;
  o.skip_both = false;

  const std::vector<std::string> words = split_words(args);
  bool unigrams = false;
  bool both = false;
  for (std::size_t w = 0; w < words.size(); ++w) {
    const std::string& word = words[w];
    if (word.size() < 2 || word[0] != '-') {
      // ROUGE's last argument, the settings file, has no meaning here: precis reads the files.
      if (w + 1 == words.size() && word.size() > 4 && word.ends_with(".xml")) continue;
      throw Error::usage("ROUGE flags: unexpected '" + word + "' (precis reads the summaries " +
                         "itself: give only flags)");
    }
    for (std::size_t c = 1; c < word.size(); ++c) {
      const char flag = word[c];
      if (kBoolean.find(flag) != std::string_view::npos) {
        switch (flag) {
          case 'm':
            o.stem = true;
            break;
          case 's':
            o.remove_stopwords = true;
            break;
          case 'x':
            o.lcs = false;
            break;
          case 'u':
            unigrams = true;
            break;
          case 'U':
            both = true;
            break;
          case 'h':
            throw Error::usage("ROUGE flags: -h (help) is not a scoring flag");
          default:  // -a (average: precis always averages), -d (per-cluster), -v
            break;
        }
        continue;
      }
      if (kWithValue.find(flag) == std::string_view::npos) {
        throw Error::usage(std::string("ROUGE flags: -") + flag + " is not supported");
      }
      std::string value;
      if (c + 1 < word.size()) {
        value = word.substr(c + 1);
        c = word.size();  // the rest of the word was the value
      } else if (w + 1 < words.size()) {
        value = words[++w];
      } else {
        throw Error::usage(std::string("ROUGE flag -") + flag + " needs a value");
      }
      switch (flag) {
        case 'n':
          o.max_n = static_cast<int>(parse_long(flag, value));
          if (o.max_n < 0 || o.max_n > 9) throw Error::usage("ROUGE flag -n: between 0 and 9");
          break;
        case 'l':
          o.limit = RougeLimit::Words;
          o.limit_value = parse_long(flag, value);
          if (o.limit_value <= 0) throw Error::usage("ROUGE flag -l: must be positive");
          break;
        case 'b':
          o.limit = RougeLimit::Bytes;
          o.limit_value = parse_long(flag, value);
          if (o.limit_value <= 0) throw Error::usage("ROUGE flag -b: must be positive");
          break;
        case 'w':
          o.wlcs = true;
          o.wlcs_weight = parse_double(flag, value);
          // f(k) = k^weight is applied to pooled lengths: at 20, a length of 10^15 words still
          // fits a double, while a fuzzed -w 9510 made f(k) infinite and the scores NaN.
          if (!(o.wlcs_weight > 1 && o.wlcs_weight <= kMaxWlcsWeight))
            throw Error::usage(
                "ROUGE flag -w: the weight must be > 1 and at most 20 (typically 1.2)");
          break;
        case '2':
          o.skip_bigrams = true;
          o.skip_gap = static_cast<int>(parse_long(flag, value));
          if (o.skip_gap < -1) throw Error::usage("ROUGE flag -2: -1 (any gap) or more");
          break;
        case 'f':
          if (value == "A") {
            o.pooling = RougePooling::Average;
          } else if (value == "B") {
            o.pooling = RougePooling::Best;
          } else {
            throw Error::usage("ROUGE flag -f: A or B, not '" + value + "'");
          }
          break;
        case 'p':
          o.alpha = parse_double(flag, value);
          if (o.alpha < 0 || o.alpha > 1) throw Error::usage("ROUGE flag -p: between 0 and 1");
          break;
        case 'c':
          o.confidence = parse_double(flag, value);
          if (!(o.confidence > 0 && o.confidence < 100)) {
            throw Error::usage("ROUGE flag -c: between 0 and 100");
          }
          break;
        case 'r':
          o.resamples = static_cast<int>(parse_long(flag, value));
          if (o.resamples < 1) throw Error::usage("ROUGE flag -r: must be positive");
          break;
        case 't':
          if (value != "0") {
            throw Error::usage("ROUGE flag -t: only -t 0 (token counts) is supported");
          }
          break;
        case '3':
          throw Error::usage("ROUGE flag -3: Basic Element scoring is not supported");
        default:  // -e DIR, -z FORMAT: about ROUGE's own file reading
          break;
      }
    }
  }
  if ((unigrams || both) && !o.skip_bigrams) {
    throw Error::usage("ROUGE flags: -u and -U need -2 (skip-bigram gap)");
  }
  o.skip_unigrams = unigrams || both;
  o.skip_both = both;
  return o;
}

std::string rouge_args_string(const RougeOptions& o) {
  std::string s;
  auto add = [&](const std::string& part) {
    if (!s.empty()) s += ' ';
    s += part;
  };
  if (o.max_n > 0) add("-n " + std::to_string(o.max_n));
  if (o.wlcs) add("-w " + number(o.wlcs_weight));
  if (o.skip_bigrams) {
    add("-2 " + std::to_string(o.skip_gap));
    if (o.skip_both) {
      add("-U");
    } else if (o.skip_unigrams) {
      add("-u");
    }
  }
  add("-c " + number(o.confidence));
  add("-r " + std::to_string(o.resamples));
  add(std::string("-f ") + (o.pooling == RougePooling::Average ? "A" : "B"));
  add("-p " + number(o.alpha));
  add("-t 0 -a");
  if (o.stem) add("-m");
  if (o.remove_stopwords) add("-s");
  if (o.limit == RougeLimit::Words) add("-l " + std::to_string(o.limit_value));
  if (o.limit == RougeLimit::Bytes) add("-b " + std::to_string(o.limit_value));
  if (!o.lcs) add("-x");
  return s;
}

}  // namespace precis
