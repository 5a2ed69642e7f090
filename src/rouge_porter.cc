// ROUGE-1.5.5's stemming (-m) and stoplist (-s). The stemmer is Porter's 1980 algorithm with the
// departures ROUGE's own copy has, all pinned by ../shared/rouge/porter-stems-english.tsv:
// - step 2 maps "bli" to "ble" and "logi" to "log" (as in Porter's later published versions);
// - step 4 removes one suffix of the main list, then tries "ement", "ment" and "ent" one after
//   another on what is left, then "(s|t)ion": "accidental" → "accid", "agreement" → "agreem",
//   "affectionate" → "affect" (the reference algorithm removes at most one suffix there).
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "rouge_internal.h"

namespace precis::rouge_detail {
namespace {

bool is_consonant(std::string_view w, std::size_t i) {
  switch (w[i]) {
    case 'a':
    case 'e':
    case 'i':
    case 'o':
    case 'u':
      return false;
    case 'y':
      return i == 0 || !is_consonant(w, i - 1);
    default:
      return true;
  }
}

// Porter's m: the number of vowel-consonant sequences in [C](VC)^m[V].
int measure(std::string_view w) {
  std::size_t i = 0;
  const std::size_t n = w.size();
  while (i < n && is_consonant(w, i)) ++i;
  int m = 0;
  while (i < n) {
    while (i < n && !is_consonant(w, i)) ++i;
    if (i >= n) break;
    while (i < n && is_consonant(w, i)) ++i;
    ++m;
  }
  return m;
}

bool has_vowel(std::string_view w) {
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (!is_consonant(w, i)) return true;
  }
  return false;
}

bool ends_double_consonant(std::string_view w) {
  const std::size_t n = w.size();
  return n >= 2 && w[n - 1] == w[n - 2] && is_consonant(w, n - 1);
}

// *o: ends consonant-vowel-consonant, the last consonant not w, x or y.
bool ends_cvc(std::string_view w) {
  const std::size_t n = w.size();
  if (n < 3) return false;
  if (!is_consonant(w, n - 3) || is_consonant(w, n - 2) || !is_consonant(w, n - 1)) return false;
  const char c = w[n - 1];
  return c != 'w' && c != 'x' && c != 'y';
}

bool ends_with(const std::string& w, std::string_view suffix) {
  return w.size() >= suffix.size() &&
         std::string_view(w).substr(w.size() - suffix.size()) == suffix;
}

std::string_view stem_of(const std::string& w, std::string_view suffix) {
  return std::string_view(w).substr(0, w.size() - suffix.size());
}

struct Rule {
  std::string_view suffix;
  std::string_view replacement;
};

// The first rule whose suffix ends the word decides; it applies when the stem's m > 0.
void apply_first(std::string& w, const Rule* rules, std::size_t count) {
  for (std::size_t r = 0; r < count; ++r) {
    if (!ends_with(w, rules[r].suffix)) continue;
    const std::string_view stem = stem_of(w, rules[r].suffix);
    if (measure(stem) > 0) w = std::string(stem) + std::string(rules[r].replacement);
    return;
  }
}

constexpr Rule kStep2[] = {
    {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
    {"bli", "ble"},     {"alli", "al"},     {"entli", "ent"}, {"eli", "e"},     {"ousli", "ous"},
    {"ization", "ize"}, {"ation", "ate"},   {"ator", "ate"},  {"alism", "al"},  {"iveness", "ive"},
    {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"},  {"iviti", "ive"}, {"biliti", "ble"},
    {"logi", "log"},
};

constexpr Rule kStep3[] = {
    {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"},
    {"ical", "ic"},  {"ful", ""},   {"ness", ""},
};

// Longest first, so that the longest suffix ending the word is the one considered.
constexpr std::string_view kStep4[] = {"ance", "ence", "able", "ible", "ant", "ism", "ate", "iti",
                                       "ous",  "ive",  "ize",  "al",   "er",  "ic",  "ou"};

void step4(std::string& w) {
  for (std::string_view suffix : kStep4) {
    if (!ends_with(w, suffix)) continue;
    if (measure(stem_of(w, suffix)) > 1) w.resize(w.size() - suffix.size());
    break;
  }
  for (std::string_view suffix :
       {std::string_view("ement"), std::string_view("ment"), std::string_view("ent")}) {
    if (ends_with(w, suffix) && measure(stem_of(w, suffix)) > 1) w.resize(w.size() - suffix.size());
  }
  if ((ends_with(w, "sion") || ends_with(w, "tion")) && measure(stem_of(w, "ion")) > 1) {
    w.resize(w.size() - 3);
  }
}

// Parses the "\n"-separated generated lists once.
struct WordLists {
  std::unordered_set<std::string> smart;
  std::unordered_map<std::string, std::string> exceptions;

  WordLists() {
    std::string_view words(kSmartCommonWords);
    while (!words.empty()) {
      const std::size_t end = words.find('\n');
      const std::string_view line = words.substr(0, end);
      if (!line.empty()) smart.emplace(line);
      if (end == std::string_view::npos) break;
      words.remove_prefix(end + 1);
    }
    for (const char* list : kWordNetExceptions) {
      std::string_view lines(list);
      while (!lines.empty()) {
        const std::size_t end = lines.find('\n');
        const std::string_view line = lines.substr(0, end);
        // "inflected base [base...]": ROUGE's database keeps the first base form.
        const std::size_t space = line.find(' ');
        if (space != std::string_view::npos) {
          std::string_view base = line.substr(space + 1);
          base = base.substr(0, base.find(' '));
          exceptions.insert_or_assign(std::string(line.substr(0, space)), std::string(base));
        }
        if (end == std::string_view::npos) break;
        lines.remove_prefix(end + 1);
      }
    }
  }
};

const WordLists& word_lists() {
  static const WordLists lists;
  return lists;
}

}  // namespace

std::string porter_stem(std::string_view word) {
  std::string w(word);
  if (w.size() <= 2) return w;

  // Step 1a.
  if (ends_with(w, "sses") || ends_with(w, "ies")) {
    w.resize(w.size() - 2);
  } else if (!ends_with(w, "ss") && ends_with(w, "s")) {
    w.pop_back();
  }

  // Step 1b.
  if (ends_with(w, "eed")) {
    if (measure(stem_of(w, "eed")) > 0) w.pop_back();
  } else {
    bool removed = false;
    for (std::string_view suffix : {std::string_view("ed"), std::string_view("ing")}) {
      if (ends_with(w, suffix) && has_vowel(stem_of(w, suffix))) {
        w.resize(w.size() - suffix.size());
        removed = true;
        break;
      }
    }
    if (removed) {
      if (ends_with(w, "at") || ends_with(w, "bl") || ends_with(w, "iz")) {
        w += 'e';
      } else if (ends_double_consonant(w) && w.back() != 'l' && w.back() != 's' &&
                 w.back() != 'z') {
        w.pop_back();
      } else if (measure(w) == 1 && ends_cvc(w)) {
        w += 'e';
      }
    }
  }

  // Step 1c.
  if (ends_with(w, "y") && has_vowel(stem_of(w, "y"))) w.back() = 'i';

  apply_first(w, kStep2, std::size(kStep2));
  apply_first(w, kStep3, std::size(kStep3));
  step4(w);

  // Step 5.
  if (ends_with(w, "e")) {
    const std::string_view stem = stem_of(w, "e");
    const int m = measure(stem);
    if (m > 1 || (m == 1 && !ends_cvc(stem))) w.pop_back();
  }
  if (measure(w) > 1 && ends_double_consonant(w) && w.back() == 'l') w.pop_back();
  return w;
}

std::string rouge155_stem(std::string_view token) {
  if (token.size() <= 3) return std::string(token);
  const auto& exceptions = word_lists().exceptions;
  if (auto it = exceptions.find(std::string(token)); it != exceptions.end()) return it->second;
  return porter_stem(token);
}

bool is_smart_stopword(std::string_view token) {
  return word_lists().smart.count(std::string(token)) > 0;
}

}  // namespace precis::rouge_detail
