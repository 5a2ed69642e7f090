// Word boundaries of the tokenizer (private to the library): ICU's word break iterator, and an
// exact shortcut for the text most news is made of.
//
// ICU's iterator is general (every script, dictionaries for Thai and CJK, a cache of boundaries,
// a virtual call per boundary) and was about half of the tokenize stage on 3,000 OrangeSum
// articles once term lookups took one cache line (perf: handleNext, getRuleStatus, BreakCache).
// For text whose every code unit is in a small Latin set (ASCII, Latin-1, Latin Extended-A and
// common typographic punctuation), the UAX #29 rules ICU applies reduce to a few lines below,
// with ICU's rule statuses; anything else (combining marks, format characters such as the soft
// hyphen, U+202F, other scripts, emoji, U+FFFD) goes to ICU. On those 3,000 articles 99.9% of
// the lines are in the set, and the stage went from 186 to 117 ms (medians of 7 runs).
// tests/tokenize_test.cc checks the two agree on every handled code unit between joining
// characters, on random strings over the set and on the samples; when this was written they
// also agreed on 30 million random strings and on every line of 10,000 OrangeSum articles,
// rpm2_fr_dev and multiling2011_en.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "precis/language.h"

namespace precis {

// What a word segment holds, from ICU's rule status (UAX #29 via ICU's word.txt): numbers in
// [100, 200), letters in [200, 300), kana [300, 400), ideographs [400, 500); kana and ideographs
// count as letters. Segments of spaces and punctuation are None.
enum class WordKind { None, Number, Letters };

namespace latin_words {

// Word_Break classes of the handled code units (UAX #29 §4.1), Unsupported for the others.
enum Class : std::uint8_t {
  kUnsupported,
  kOther,        // spaces, line breaks, punctuation that never joins
  kLetter,       // ALetter (with '@', as in ICU)
  kNumeric,      // Numeric
  kMidLetter,    // · (ICU's root rules leave ':' out of MidLetter)
  kMidNumLet,    // . ‘ ’
  kSingleQuote,  // '
  kMidNum,       // , ;
  kExtendNumLet  // _
};

constexpr std::array<Class, 0x180> make_class_table() {
  std::array<Class, 0x180> table{};  // kUnsupported
  for (int c = 0x09; c <= 0x0D; ++c) table[c] = kOther;
  for (int c = 0x20; c <= 0x7E; ++c) table[c] = kOther;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = kLetter;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = kLetter;
  for (int c = '0'; c <= '9'; ++c) table[c] = kNumeric;
  table['@'] = kLetter;  // ICU adds it to ALetter: handles and e-mail addresses stay one word
  table['.'] = kMidNumLet;
  table['\''] = kSingleQuote;
  table[','] = kMidNum;
  table[';'] = kMidNum;
  table['_'] = kExtendNumLet;
  for (int c = 0xA0; c <= 0xBF; ++c) table[c] = kOther;
  table[0xAA] = table[0xB5] = table[0xBA] = kLetter;  // ª µ º
  table[0xB7] = kMidLetter;                           // ·
  table[0xA9] = table[0xAE] = kUnsupported;  // © ®: Extended_Pictographic (emoji sequences)
  table[0xAD] = kUnsupported;                // soft hyphen: Format, ignored inside words
  for (int c = 0xC0; c <= 0x17F; ++c) table[c] = kLetter;  // Latin-1 letters, Latin Extended-A
  table[0xD7] = table[0xF7] = kOther;                      // × ÷
  return table;
}

inline constexpr std::array<Class, 0x180> kClassTable = make_class_table();

inline Class class_of(char16_t c) {
  if (c < kClassTable.size()) return kClassTable[c];
  switch (c) {
    case 0x2018:  // ‘
    case 0x2019:  // ’
      return kMidNumLet;
    case 0x2013:  // –
    case 0x2014:  // —
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x201E:  // „
    case 0x2022:  // •
    case 0x2026:  // …
    case 0x20AC:  // €
      return kOther;
    default:
      return kUnsupported;
  }
}

inline bool handled(const char16_t* text, std::size_t length) {
  for (std::size_t i = 0; i < length; ++i) {
    if (class_of(text[i]) == kUnsupported) return false;
  }
  return true;
}

// Calls visit(kind, const char16_t* word, std::size_t length) for each word (letters or number)
// of text, in order, as ICU's word break iterator finds them; visit returns false to stop.
// Only for text where handled() is true. Returns false when visit stopped.
//
// A word is a maximal run joined by WB5-WB13b: letters and digits join each other, '_' joins
// anything (WB13a/b), and one MidLetter/MidNumLet/' between two letters (WB6/7) or one
// MidNum/MidNumLet/' between two digits (WB11/12) joins them. ICU's status is the one of the rule
// that joined the last character: a final letter gives letters, a final digit a number, a final
// '_' a number after a digit, letters otherwise; a lone '_' is no word.
template <typename Visit>
bool scan(const char16_t* text, std::size_t length, Visit&& visit) {
  const auto joins_mid = [&](std::size_t mid, Class around) {
    if (mid + 1 >= length || class_of(text[mid + 1]) != around) return false;
    const Class c = class_of(text[mid]);
    return c == kMidNumLet || c == kSingleQuote ||
           (around == kLetter ? c == kMidLetter : c == kMidNum);
  };
  for (std::size_t i = 0; i < length;) {
    Class last = class_of(text[i]);
    if (last != kLetter && last != kNumeric && last != kExtendNumLet) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    WordKind kind = last == kLetter    ? WordKind::Letters
                    : last == kNumeric ? WordKind::Number
                                       : WordKind::None;
    for (++i; i < length;) {
      const Class c = class_of(text[i]);
      if (c == kLetter || c == kNumeric) {
        kind = c == kLetter ? WordKind::Letters : WordKind::Number;
      } else if (c == kExtendNumLet) {
        kind = last == kNumeric ? WordKind::Number : WordKind::Letters;
      } else if ((last == kLetter || last == kNumeric) && joins_mid(i, last)) {
        kind = last == kLetter ? WordKind::Letters : WordKind::Number;
        ++i;  // the middle character; the one after it is taken below
        continue;
      } else {
        break;
      }
      last = c;
      ++i;
    }
    if (kind != WordKind::None && !visit(kind, text + begin, i - begin)) return false;
  }
  return true;
}

}  // namespace latin_words

// For tests: the words of UTF-8 `text` (each as UTF-16, with its kind) as the Tokenizer's scanner
// finds them with ICU only, or with the Latin shortcut only (then `handled` tells whether every
// chunk was in the set; the words are meaningful only when it is).
enum class WordPath { Icu, Latin };
std::vector<std::pair<std::u16string, WordKind>> scanned_words(std::string_view text,
                                                               Language language, WordPath path,
                                                               bool* handled = nullptr);

}  // namespace precis
