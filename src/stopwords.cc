// Stopword lists and accent folding. The French list is Snowball's (the list Lucene's
// FrenchAnalyzer also uses) plus the words Snowball leaves out on purpose and high-frequency
// news function words, as ALGORITHMS.md §3.3 recommends; the English list is Snowball's plus a
// few news words. Both are written here as sorted arrays so that the data is reviewable.
#include "stopwords.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "fnv.h"

#include "precis/error.h"

namespace precis {
namespace {

using namespace std::string_view_literals;

// Snowball French (articles, pronouns, prepositions, full conjugations of être and avoir, the
// elided singletons c d j l m n s t y à) + `a as est été étés son sommes`, which Snowball omits
// as homonyms ("east", "summer", "sound", "sums") but which in news text are almost always the
// verb or the possessive (§3.3) + frequent news function words (selon, après, depuis, dont, …)
// + the elision prefixes (jusqu, lorsqu, puisqu) for when the apostrophe is followed by a space.
// Sorted by bytes (UTF-8), no duplicates: checked by a static_assert below.
constexpr std::array kFrench{
    "a"sv,       "afin"sv,      "ai"sv,         "aie"sv,       "aient"sv,    "aies"sv,
    "ainsi"sv,   "ait"sv,       "alors"sv,      "après"sv,     "as"sv,       "au"sv,
    "aucun"sv,   "aucune"sv,    "aura"sv,       "aurai"sv,     "auraient"sv, "aurais"sv,
    "aurait"sv,  "auras"sv,     "aurez"sv,      "auriez"sv,    "aurions"sv,  "aurons"sv,
    "auront"sv,  "aussi"sv,     "autre"sv,      "autres"sv,    "aux"sv,      "avaient"sv,
    "avais"sv,   "avait"sv,     "avant"sv,      "avec"sv,      "avez"sv,     "aviez"sv,
    "avions"sv,  "avoir"sv,     "avons"sv,      "ayant"sv,     "ayante"sv,   "ayantes"sv,
    "ayants"sv,  "ayez"sv,      "ayons"sv,      "bien"sv,      "c"sv,        "car"sv,
    "ce"sv,      "cela"sv,      "celle"sv,      "celles"sv,    "celui"sv,    "ces"sv,
    "cet"sv,     "cette"sv,     "ceux"sv,       "chaque"sv,    "chez"sv,     "ci"sv,
    "comme"sv,   "comment"sv,   "contre"sv,     "d"sv,         "dans"sv,     "de"sv,
    "depuis"sv,  "des"sv,       "devrait"sv,    "dit"sv,       "doit"sv,     "doivent"sv,
    "donc"sv,    "dont"sv,      "du"sv,         "dès"sv,       "déjà"sv,     "elle"sv,
    "elles"sv,   "en"sv,        "encore"sv,     "entre"sv,     "es"sv,       "est"sv,
    "et"sv,      "eu"sv,        "eue"sv,        "eues"sv,      "eurent"sv,   "eus"sv,
    "eusse"sv,   "eussent"sv,   "eusses"sv,     "eussiez"sv,   "eussions"sv, "eut"sv,
    "eux"sv,     "eûmes"sv,     "eût"sv,        "eûtes"sv,     "faire"sv,    "fait"sv,
    "faut"sv,    "font"sv,      "furent"sv,     "fus"sv,       "fusse"sv,    "fussent"sv,
    "fusses"sv,  "fussiez"sv,   "fussions"sv,   "fut"sv,       "fûmes"sv,    "fût"sv,
    "fûtes"sv,   "ici"sv,       "il"sv,         "ils"sv,       "j"sv,        "je"sv,
    "jusqu"sv,   "jusque"sv,    "l"sv,          "la"sv,        "laquelle"sv, "le"sv,
    "lequel"sv,  "les"sv,       "leur"sv,       "leurs"sv,     "lors"sv,     "lorsqu"sv,
    "lorsque"sv, "lui"sv,       "là"sv,         "m"sv,         "ma"sv,       "mais"sv,
    "me"sv,      "mes"sv,       "mme"sv,        "moi"sv,       "moins"sv,    "mon"sv,
    "même"sv,    "mêmes"sv,     "n"sv,          "ne"sv,        "ni"sv,       "non"sv,
    "nos"sv,     "notamment"sv, "notre"sv,      "nous"sv,      "on"sv,       "ont"sv,
    "or"sv,      "ou"sv,        "où"sv,         "par"sv,       "parce"sv,    "pas"sv,
    "pendant"sv, "peu"sv,       "peut"sv,       "peuvent"sv,   "plus"sv,     "plusieurs"sv,
    "pour"sv,    "pourquoi"sv,  "pourraient"sv, "pourrait"sv,  "près"sv,     "puis"sv,
    "puisqu"sv,  "puisque"sv,   "qu"sv,         "quand"sv,     "que"sv,      "quel"sv,
    "quelle"sv,  "quelles"sv,   "quelque"sv,    "quelques"sv,  "quels"sv,    "qui"sv,
    "quoi"sv,    "s"sv,         "sa"sv,         "sans"sv,      "se"sv,       "selon"sv,
    "sera"sv,    "serai"sv,     "seraient"sv,   "serais"sv,    "serait"sv,   "seras"sv,
    "serez"sv,   "seriez"sv,    "serions"sv,    "serons"sv,    "seront"sv,   "ses"sv,
    "si"sv,      "soient"sv,    "sois"sv,       "soit"sv,      "sommes"sv,   "son"sv,
    "sont"sv,    "sous"sv,      "soyez"sv,      "soyons"sv,    "suis"sv,     "sur"sv,
    "t"sv,       "ta"sv,        "te"sv,         "tel"sv,       "telle"sv,    "telles"sv,
    "tels"sv,    "tes"sv,       "toi"sv,        "ton"sv,       "tous"sv,     "tout"sv,
    "toute"sv,   "toutes"sv,    "très"sv,       "tu"sv,        "un"sv,       "une"sv,
    "va"sv,      "vers"sv,      "vont"sv,       "vos"sv,       "votre"sv,    "vous"sv,
    "y"sv,       "à"sv,         "ça"sv,         "également"sv, "étaient"sv,  "étais"sv,
    "était"sv,   "étant"sv,     "étante"sv,     "étantes"sv,   "étants"sv,   "étiez"sv,
    "étions"sv,  "été"sv,       "étée"sv,       "étées"sv,     "étés"sv,     "êtes"sv,
    "être"sv,
};

// Snowball English (pronouns, auxiliaries, contractions, determiners, prepositions) + news
// words: reporting verbs (said, says), modals (will, can, may, might, must, shall), and
// connectives (also, however, according, …). Sorted by bytes, no duplicates.
constexpr std::array kEnglish{
    "a"sv,         "about"sv,      "above"sv,     "according"sv,  "across"sv,   "after"sv,
    "again"sv,     "against"sv,    "all"sv,       "also"sv,       "although"sv, "am"sv,
    "among"sv,     "an"sv,         "and"sv,       "any"sv,        "are"sv,      "aren't"sv,
    "around"sv,    "as"sv,         "at"sv,        "be"sv,         "because"sv,  "been"sv,
    "before"sv,    "being"sv,      "below"sv,     "between"sv,    "both"sv,     "but"sv,
    "by"sv,        "can"sv,        "can't"sv,     "cannot"sv,     "could"sv,    "couldn't"sv,
    "did"sv,       "didn't"sv,     "do"sv,        "does"sv,       "doesn't"sv,  "doing"sv,
    "don't"sv,     "down"sv,       "during"sv,    "each"sv,       "even"sv,     "few"sv,
    "for"sv,       "from"sv,       "further"sv,   "had"sv,        "hadn't"sv,   "has"sv,
    "hasn't"sv,    "have"sv,       "haven't"sv,   "having"sv,     "he"sv,       "he'd"sv,
    "he'll"sv,     "he's"sv,       "her"sv,       "here"sv,       "here's"sv,   "hers"sv,
    "herself"sv,   "him"sv,        "himself"sv,   "his"sv,        "how"sv,      "how's"sv,
    "however"sv,   "i"sv,          "i'd"sv,       "i'll"sv,       "i'm"sv,      "i've"sv,
    "if"sv,        "in"sv,         "into"sv,      "is"sv,         "isn't"sv,    "it"sv,
    "it's"sv,      "its"sv,        "itself"sv,    "just"sv,       "let's"sv,    "may"sv,
    "me"sv,        "might"sv,      "more"sv,      "most"sv,       "mr"sv,       "mrs"sv,
    "ms"sv,        "must"sv,       "mustn't"sv,   "my"sv,         "myself"sv,   "no"sv,
    "nor"sv,       "not"sv,        "now"sv,       "of"sv,         "off"sv,      "on"sv,
    "once"sv,      "one"sv,        "only"sv,      "or"sv,         "other"sv,    "ought"sv,
    "our"sv,       "ours"sv,       "ourselves"sv, "out"sv,        "over"sv,     "own"sv,
    "per"sv,       "said"sv,       "same"sv,      "say"sv,        "says"sv,     "shall"sv,
    "shan't"sv,    "she"sv,        "she'd"sv,     "she'll"sv,     "she's"sv,    "should"sv,
    "shouldn't"sv, "since"sv,      "so"sv,        "some"sv,       "still"sv,    "such"sv,
    "than"sv,      "that"sv,       "that's"sv,    "the"sv,        "their"sv,    "theirs"sv,
    "them"sv,      "themselves"sv, "then"sv,      "there"sv,      "there's"sv,  "these"sv,
    "they"sv,      "they'd"sv,     "they'll"sv,   "they're"sv,    "they've"sv,  "this"sv,
    "those"sv,     "though"sv,     "through"sv,   "to"sv,         "too"sv,      "under"sv,
    "until"sv,     "up"sv,         "upon"sv,      "us"sv,         "very"sv,     "via"sv,
    "was"sv,       "wasn't"sv,     "we"sv,        "we'd"sv,       "we'll"sv,    "we're"sv,
    "we've"sv,     "were"sv,       "weren't"sv,   "what"sv,       "what's"sv,   "when"sv,
    "when's"sv,    "where"sv,      "where's"sv,   "whether"sv,    "which"sv,    "while"sv,
    "who"sv,       "who's"sv,      "whom"sv,      "why"sv,        "why's"sv,    "will"sv,
    "with"sv,      "within"sv,     "without"sv,   "won't"sv,      "would"sv,    "wouldn't"sv,
    "yet"sv,       "you"sv,        "you'd"sv,     "you'll"sv,     "you're"sv,   "you've"sv,
    "your"sv,      "yours"sv,      "yourself"sv,  "yourselves"sv,
};

template <std::size_t N>
constexpr bool sorted_unique(const std::array<std::string_view, N>& words) {
  for (std::size_t i = 1; i < N; ++i) {
    if (!(words[i - 1] < words[i])) return false;
  }
  return true;
}
static_assert(sorted_unique(kFrench), "kFrench must be sorted by bytes, without duplicates");
static_assert(sorted_unique(kEnglish), "kEnglish must be sorted by bytes, without duplicates");

// Latin-1 Supplement, Latin Extended-A and -B: the code points French and English text actually
// carry. Each entry is the ASCII folding (NFD with nonspacing marks removed), or empty when the
// code point has no ASCII folding (×, ÷, ß, ø, …: left unchanged). Ligatures œ and æ become
// "oe"/"ae" so that "oeuvre" (typed without the ligature) and "œuvre" meet; NFD keeps them.
constexpr char32_t kFoldFirst = 0xC0;
constexpr char32_t kFoldLast = 0x24F;

struct FoldTable {
  std::array<std::array<char, 3>, kFoldLast - kFoldFirst + 1> ascii{};  // NUL-terminated

  FoldTable() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status))
      throw Error("ICU NFD normaliser unavailable: " + std::string(u_errorName(status)));
    for (char32_t cp = kFoldFirst; cp <= kFoldLast; ++cp) {
      icu::UnicodeString decomposed =
          nfd->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), status);
      if (U_FAILURE(status)) throw Error("ICU NFD failed: " + std::string(u_errorName(status)));
      std::string folded;
      for (int32_t i = 0; i < decomposed.length(); ++i) {
        const UChar c = decomposed.charAt(i);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        if (c >= 0x80 || folded.size() >= 2) {
          folded.clear();
          break;
        }
        folded.push_back(static_cast<char>(c));
      }
      auto& slot = ascii[cp - kFoldFirst];
      std::copy(folded.begin(), folded.end(), slot.begin());
    }
    const auto set = [this](char32_t cp, std::string_view to) {
      std::copy(to.begin(), to.end(), ascii[cp - kFoldFirst].begin());
    };
    set(U'Œ', "OE");
    set(U'œ', "oe");
    set(U'Æ', "AE");
    set(U'æ', "ae");
  }
};

const FoldTable& fold_table() {
  static const FoldTable table;  // thread-safe initialisation (C++11 magic static)
  return table;
}

// Slow path for code points outside the table (Greek, Cyrillic, Vietnamese, combining marks
// left over from decomposed input): NFD, drop nonspacing marks, NFC.
void fold_with_icu(std::string_view utf8, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status))
    throw Error("ICU normalisers unavailable: " + std::string(u_errorName(status)));
  const icu::UnicodeString decomposed =
      nfd->normalize(icu::UnicodeString::fromUTF8(
                         icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size()))),
                     status);
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) stripped.append(c);
    i += U16_LENGTH(c);
  }
  const icu::UnicodeString composed = nfc->normalize(stripped, status);
  if (U_FAILURE(status))
    throw Error("ICU normalisation failed: " + std::string(u_errorName(status)));
  composed.toUTF8String(out);
}

// The lookup set: every list entry and its accent-folded form. An open-addressing table of
// string_views with an inlined FNV-1a hash: stopword lookups run once per new word in the
// tokenizer and up to three times per word in detect_language, so they must cost a few ns.
// Keys point into the static arrays or into `folded_storage`, never changed after construction.
class StopwordSet {
 public:
  template <std::size_t N>
  explicit StopwordSet(const std::array<std::string_view, N>& list) {
    folded_storage_.reserve(N);
    for (std::string_view w : list) {
      std::string folded;
      fold_accents(w, folded);
      if (folded != w) folded_storage_.push_back(std::move(folded));
    }
    std::size_t capacity = 1;
    while (capacity < 4 * (N + folded_storage_.size())) capacity *= 2;  // load factor <= 1/4
    slots_.resize(capacity);
    mask_ = capacity - 1;
    for (std::string_view w : list) insert(w);
    for (const std::string& w : folded_storage_) insert(w);
  }

  bool contains(std::string_view word) const {
    if (word.empty() || word.size() > max_length_) return false;
    for (std::size_t i = hash(word) & mask_;; i = (i + 1) & mask_) {
      const std::string_view slot = slots_[i];
      if (slot.data() == nullptr) return false;
      if (slot == word) return true;
    }
  }

  std::size_t max_length() const { return max_length_; }

 private:
  static std::size_t hash(std::string_view word) { return static_cast<std::size_t>(fnv1a(word)); }

  void insert(std::string_view word) {
    max_length_ = std::max(max_length_, word.size());
    for (std::size_t i = hash(word) & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].data() == nullptr) {
        slots_[i] = word;
        return;
      }
      if (slots_[i] == word) return;  // a folded form equal to another entry ("a" from "à")
    }
  }

  std::vector<std::string> folded_storage_;
  std::vector<std::string_view> slots_;  // default string_view: data() == nullptr, empty slot
  std::size_t mask_ = 0;
  std::size_t max_length_ = 0;
};

const StopwordSet& set_for(Language language) {
  static const StopwordSet french(kFrench);
  static const StopwordSet english(kEnglish);
  return language == Language::French ? french : english;
}

// Scripts and blocks where NFD produces nonspacing marks worth stripping, outside the table:
// combining marks themselves (decomposed input), Greek, Cyrillic, Armenian, Latin Extended
// Additional (Vietnamese), Greek Extended, combining marks for symbols and half marks.
bool needs_icu_fold(UChar32 cp) {
  return (cp >= 0x300 && cp < 0x530) || (cp >= 0x1DC0 && cp < 0x2000) ||
         (cp >= 0x20D0 && cp < 0x2100) || (cp >= 0xFE20 && cp < 0xFE30);
}

}  // namespace

void fold_accents(std::string_view utf8, std::string& out) {
  out.clear();
  const FoldTable& table = fold_table();
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < n;) {
    if (s[i] < 0x80) {
      out.push_back(static_cast<char>(s[i++]));
      continue;
    }
    const int32_t start = i;
    UChar32 cp;
    U8_NEXT(s, i, n, cp);
    if (cp >= static_cast<UChar32>(kFoldFirst) && cp <= static_cast<UChar32>(kFoldLast)) {
      const auto& folded = table.ascii[cp - kFoldFirst];
      if (folded[0] != '\0') {
        out.append(folded.data());
      } else {
        out.append(utf8.substr(start, i - start));
      }
    } else if (!needs_icu_fold(cp)) {
      out.append(utf8.substr(start, i - start));
    } else {
      // Rare: hand the rest of the word to ICU (it handles whatever follows, too).
      std::string tail;
      fold_with_icu(utf8.substr(start), tail);
      out += tail;
      return;
    }
  }
}

namespace stopwords {

std::span<const std::string_view> list(Language language) {
  if (language == Language::French) return kFrench;
  return kEnglish;
}

bool contains(std::string_view word, Language language) {
  return set_for(language).contains(word);
}

std::size_t max_length() {
  return std::max(set_for(Language::French).max_length(), set_for(Language::English).max_length());
}

}  // namespace stopwords
}  // namespace precis
