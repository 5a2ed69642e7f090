#include <algorithm>
#include <catch2/catch.hpp>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "precis/tokenize.h"
#include "stopwords.h"
#include "word_breaks.h"

using namespace precis;
using Catch::Matchers::Equals;
using Terms = std::vector<std::string>;

namespace {

TokenizeOptions french(bool stem = true, bool fold = true, bool stop = true) {
  TokenizeOptions o;
  o.language = Language::French;
  o.stem = stem;
  o.fold_accents = fold;
  o.remove_stopwords = stop;
  return o;
}

TokenizeOptions english(bool stem = true, bool fold = true, bool stop = true) {
  TokenizeOptions o = french(stem, fold, stop);
  o.language = Language::English;
  return o;
}

// Lower-cased, elision-split words only: no stemming, no folding, stopwords kept.
Terms words(std::string_view text, Language language = Language::French) {
  TokenizeOptions o = french(false, false, false);
  o.language = language;
  return Tokenizer(o).terms(text);
}

Terms terms(std::string_view text, const TokenizeOptions& options = {}) {
  return Tokenizer(options).terms(text);
}

std::vector<std::filesystem::path> seed_files() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(PRECIS_SOURCE_DIR "/samples/appel-trump-poutine")) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string all_seeds() {
  std::string text;
  for (const auto& path : seed_files()) text += read_file(path) + "\n";
  return text;
}

const char* const kEnglishParagraph =
    "President Donald Trump said on Thursday that he had spoken with Vladimir Putin for more than "
    "an hour, but that the call had not brought the war in Ukraine any closer to an end. The "
    "White House confirmed that the two leaders discussed the conflict, and officials said they "
    "would not comment on whether new sanctions were being considered.";

}  // namespace

TEST_CASE("elisions are split with ' and ’, aujourd'hui stays whole", "[tokenize]") {
  const TokenizeOptions content = french(false, false, true);  // stopwords out, no stem/fold
  CHECK_THAT(terms("l'homme d'affaires", content), Equals(Terms{"homme", "affaires"}));
  CHECK_THAT(terms("l’homme d’affaires", content), Equals(Terms{"homme", "affaires"}));
  CHECK_THAT(terms("lʼhomme", content), Equals(Terms{"homme"}));  // U+02BC
  CHECK_THAT(terms("L'État D’AFFAIRES", content), Equals(Terms{"état", "affaires"}));
  // The elided pronouns and prepositions are stopwords: nothing is left of these.
  CHECK_THAT(terms("qu'il jusqu'à lorsqu'il puisqu'elle c'est n’est quoiqu'on", content),
             Equals(Terms{}));
  CHECK_THAT(terms("aujourd'hui aujourd’hui prud'homme qu'aujourd'hui", content),
             Equals(Terms{"aujourd'hui", "aujourd'hui", "prud'homme", "aujourd'hui"}));
  // With stopwords kept, what follows the article is kept; the article itself is dropped.
  CHECK_THAT(words("l'homme qu'il jusqu'à c'est"), Equals(Terms{"homme", "il", "à", "est"}));
  CHECK_THAT(words("lorsqu’il puisqu'elle s'il m'a t'en j'ai"),
             Equals(Terms{"il", "elle", "il", "a", "en", "ai"}));
  CHECK_THAT(words("aujourd'hui"), Equals(Terms{"aujourd'hui"}));
  // An apostrophe at the end is not an elision (ICU leaves it out of the word anyway).
  CHECK_THAT(words("l' homme"), Equals(Terms{"l", "homme"}));  // "l" alone is a stopword
  // Elision is French only: an English word keeps its apostrophe.
  CHECK_THAT(words("l'homme", Language::English), Equals(Terms{"l'homme"}));
}

TEST_CASE("English possessives are stripped, contractions stay whole", "[tokenize]") {
  CHECK_THAT(words("Trump's Putin’s leaders' don't I'm", Language::English),
             Equals(Terms{"trump", "putin", "leaders", "don't", "i'm"}));
  CHECK_THAT(terms("Trump's aides don't know it's over", english(false, false)),
             Equals(Terms{"trump", "aides", "know"}));
  // A possessive on an English name inside French text is stripped too.
  CHECK_THAT(words("Trump's"), Equals(Terms{"trump"}));
}

TEST_CASE("words are lower-cased with Unicode case mapping", "[tokenize]") {
  CHECK_THAT(words("ÉLYSÉE À Ça ŒUVRE Ärger"),
             Equals(Terms{"élysée", "à", "ça", "œuvre", "ärger"}));
  CHECK_THAT(words("İSTANBUL ΣΩΚΡΆΤΗΣ"), Equals(Terms{"istanbul", "σωκράτησ"}));  // simple mapping
}

TEST_CASE("hyphenated compounds and punctuation are split by ICU", "[tokenize]") {
  CHECK_THAT(words("porte-parole"), Equals(Terms{"porte", "parole"}));
  CHECK_THAT(words("États-Unis"), Equals(Terms{"états", "unis"}));
  CHECK_THAT(words("c'est-à-dire"), Equals(Terms{"est", "à", "dire"}));
  CHECK_THAT(words("« Oui ! », a-t-il dit... (vraiment?)"),
             Equals(Terms{"oui", "a", "t", "il", "dit", "vraiment"}));
  CHECK_THAT(words(" \n\t—…«»"), Equals(Terms{}));
}

TEST_CASE("French stopwords are removed, including est, a, son, été", "[tokenize]") {
  CHECK_THAT(terms("Il a été élu, son fils est là et nous sommes contents", french(false, false)),
             Equals(Terms{"élu", "fils", "contents"}));
  CHECK_THAT(terms("selon le président, après la guerre, depuis 2022", french(false, false)),
             Equals(Terms{"président", "guerre", "2022"}));
  // Capitals often lose their accents: the folded form is a stopword too.
  CHECK_THAT(terms("ETAIT Etait était ETE", french(false, false)), Equals(Terms{}));
  CHECK_THAT(terms("Il a été élu", french(false, false, false)),
             Equals(Terms{"il", "a", "été", "élu"}));
}

TEST_CASE("is_stopword knows both lists", "[tokenize]") {
  for (const char* w : {"est",  "a",    "as",    "son",     "été", "étés",  "sommes", "le",
                        "l",    "d",    "qu",    "à",       "y",   "selon", "plus",   "après",
                        "dont", "être", "avoir", "eussiez", "ete", "etait", "apres",  "tres"}) {
    INFO(w);
    CHECK(is_stopword(w, Language::French));
  }
  for (const char* w : {"président", "homme", "guerre", "ukraine", "trump", "the", "said", ""}) {
    INFO(w);
    CHECK_FALSE(is_stopword(w, Language::French));
  }
  for (const char* w : {"the", "a", "is", "don't", "don’t", "it's", "said", "also", "would",
                        "could", "one", "themselves"}) {
    INFO(w);
    CHECK(is_stopword(w, Language::English));
  }
  for (const char* w : {"president", "war", "le", "est", "selon", "trump"}) {
    INFO(w);
    CHECK_FALSE(is_stopword(w, Language::English));
  }
}

TEST_CASE("stopword lists are sorted, unique and of the documented size", "[tokenize]") {
  const auto fr = stopwords::list(Language::French);
  const auto en = stopwords::list(Language::English);
  CHECK(fr.size() >= 200);
  CHECK(fr.size() <= 260);
  CHECK(en.size() >= 174);
  CHECK(en.size() <= 230);
  CHECK(std::adjacent_find(fr.begin(), fr.end(), std::greater_equal<>()) == fr.end());
  CHECK(std::adjacent_find(en.begin(), en.end(), std::greater_equal<>()) == en.end());
  // Every entry is already in the form the tokenizer looks up: lower case, ASCII apostrophe.
  for (auto list : {fr, en}) {
    for (std::string_view w : list) {
      INFO(w);
      CHECK_THAT(words(w, list.data() == fr.data() ? Language::French : Language::English),
                 Equals(Terms{std::string(w)}) ||
                     Equals(Terms{std::string(w.substr(0, w.size() - 2))}));  // "it's" → "it"
    }
  }
}

TEST_CASE("Snowball French stemming then accent folding (ALGORITHMS.md 3.2)", "[tokenize]") {
  CHECK_THAT(terms("présidentielles"), Equals(Terms{"presidentiel"}));
  CHECK_THAT(terms("présidente présidents Président"),
             Equals(Terms{"president", "president", "president"}));
  CHECK_THAT(terms("gouvernement gouvernements gouverner"),
             Equals(Terms{"gouvern", "gouvern", "gouvern"}));
  CHECK_THAT(terms("États Etats ÉTATS états etats"),
             Equals(Terms{"etat", "etat", "etat", "etat", "etat"}));
  CHECK_THAT(terms("nationales ukrainiens Ukraine"),
             Equals(Terms{"national", "ukrainien", "ukrain"}));
  CHECK_THAT(terms("l'État d'affaires l’Élysée"), Equals(Terms{"etat", "affair", "elys"}));
  // Ligatures fold too, so a word typed without œ meets its proper spelling.
  CHECK_THAT(terms("œuvre oeuvre"), Equals(Terms{"oeuvr", "oeuvr"}));
  // Decomposed accents (e + U+0301) and soft hyphens do not split a word's term.
  CHECK_THAT(terms("e\u0301tats gouverne\u00ADment"), Equals(Terms{"etat", "gouvern"}));
}

TEST_CASE("numbers are kept, unstemmed", "[tokenize]") {
  CHECK_THAT(
      terms("Le 3 juillet 2022, 66,9 milliards et 10 000 soldats, 3.5 %"),
      Equals(Terms{"3", "juillet", "2022", "66,9", "milliard", "10", "000", "soldat", "3.5"}));
  // Digits glued to letters make a letter word (ICU), lower-cased like any other.
  CHECK_THAT(terms("G7 1er", french(false)), Equals(Terms{"g7", "1er"}));
  CHECK_THAT(terms("In 2022, 3,000 troops", english()), Equals(Terms{"2022", "3,000", "troop"}));
}

TEST_CASE("options stem, fold_accents and remove_stopwords are honoured", "[tokenize]") {
  const char* text = "Les présidentielles de l'État";
  CHECK_THAT(terms(text, french(true, true, true)), Equals(Terms{"presidentiel", "etat"}));
  CHECK_THAT(terms(text, french(false, true, true)), Equals(Terms{"presidentielles", "etat"}));
  CHECK_THAT(terms(text, french(true, false, true)), Equals(Terms{"présidentiel", "état"}));
  CHECK_THAT(terms(text, french(false, false, true)), Equals(Terms{"présidentielles", "état"}));
  CHECK_THAT(terms(text, french(true, true, false)),
             Equals(Terms{"le", "presidentiel", "de", "etat"}));
  CHECK_THAT(terms(text, french(false, false, false)),
             Equals(Terms{"les", "présidentielles", "de", "état"}));
  Tokenizer t(french(false, true, false));
  CHECK_FALSE(t.options().stem);
  CHECK(t.options().fold_accents);
  CHECK_FALSE(t.options().remove_stopwords);
  CHECK(t.options().language == Language::French);
}

TEST_CASE("English stemming and stopwords", "[tokenize]") {
  CHECK_THAT(terms("running presidents", english()), Equals(Terms{"run", "presid"}));
  CHECK_THAT(terms("The President said he would meet the leaders", english()),
             Equals(Terms{"presid", "meet", "leader"}));
  CHECK_THAT(terms("The café", english(false, false)), Equals(Terms{"café"}));
  CHECK_THAT(terms("The café", english(false, true)), Equals(Terms{"cafe"}));
}

TEST_CASE("terms() replaces the output and handles long texts in chunks", "[tokenize]") {
  Tokenizer t;
  Terms out{"stale", "entries", "here", "and", "more"};
  t.terms("Le président", out);
  CHECK_THAT(out, Equals(Terms{"president"}));
  t.terms("", out);
  CHECK(out.empty());

  // Many 64 KiB chunks: the result must be exactly the concatenation per document.
  const std::string seeds = all_seeds();
  const Terms once = t.terms(seeds);
  REQUIRE(once.size() > 1000);
  std::string big;
  for (int i = 0; i < 60; ++i) big += seeds;
  REQUIRE(big.size() > 8 * 64 * 1024);
  const Terms many = t.terms(big);
  REQUIRE(many.size() == 60 * once.size());
  for (std::size_t i = 0; i < many.size(); i += once.size()) {
    REQUIRE(std::equal(once.begin(), once.end(), many.begin() + static_cast<std::ptrdiff_t>(i)));
  }
  // A word longer than a chunk is cut at a UTF-8 boundary: no byte is lost to U+FFFD.
  std::string long_word = "ab ";  // odd offset: a plain byte cut would split an "é"
  while (long_word.size() < 300 * 1024) long_word += "é";
  std::size_t bytes = 0;
  for (const std::string& term : Tokenizer(french(false, false)).terms(long_word)) {
    bytes += term.size();
  }
  CHECK(bytes == long_word.size() - 1);  // all but the space
}

// `count` distinct made-up words ("zqa", "zqb", ...), as one text and as the expected terms.
static std::pair<std::string, Terms> distinct_words(int count) {
  std::string text;
  Terms words;
  for (int i = 0; i < count; ++i) {
    std::string w = "zq";
    for (int v = i; v > 0 || w.size() == 2; v /= 26) w.push_back(static_cast<char>('a' + v % 26));
    text += w + (i % 7 == 0 ? "\n" : " ");
    words.push_back(w);
  }
  return {text, words};
}

TEST_CASE("the term cache survives growth and clearing", "[tokenize]") {
  // 150,000 distinct words: more than the cache holds, so it grows, fills and is cleared.
  const auto [text, expected] = distinct_words(150'000);
  Tokenizer t(french(false, false, false));
  for (int round = 0; round < 2; ++round) {
    const Terms got = t.terms(text);
    REQUIRE(got.size() == expected.size());
    CHECK(got == expected);
  }
  // Upper-case variants are different cache keys but the same terms.
  Tokenizer stemmed;
  CHECK_THAT(stemmed.terms("Président PRÉSIDENT président"),
             Equals(Terms{"president", "president", "president"}));
}

namespace {

// The strings of term_ids(), through the vocabulary.
Terms id_terms(Tokenizer& tokenizer, std::string_view text, TermVocabulary& vocabulary) {
  std::vector<std::uint32_t> ids{7, 7, 7};  // replaced, not appended to
  tokenizer.term_ids(text, vocabulary, ids);
  Terms out;
  for (const std::uint32_t id : ids) out.emplace_back(vocabulary.term(id));
  return out;
}

}  // namespace

TEST_CASE("a term vocabulary gives dense ids in first-seen order and stable strings",
          "[tokenize]") {
  TermVocabulary v;
  CHECK(v.size() == 0);
  CHECK(v.intern("president") == 0);
  CHECK(v.intern("etat") == 1);
  CHECK(v.intern("president") == 0);
  CHECK(v.intern("") == 2);
  const std::string_view first = v.term(0);
  // Many more terms (the table grows, new chunks are taken): earlier views stay valid.
  for (int i = 0; i < 100'000; ++i) v.intern(std::string(1, 't').append(std::to_string(i)));
  v.intern(std::string(100'000, 'x'));  // longer than a chunk
  CHECK(v.size() == 100'004);
  CHECK(first == "president");
  CHECK(v.term(1) == "etat");
  CHECK(v.term(3) == "t0");
  CHECK(v.intern("t99999") == 100'002);
  CHECK(v.term(100'003) == std::string(100'000, 'x'));
  v.clear();
  CHECK(v.size() == 0);
  CHECK(v.intern("etat") == 0);
}

TEST_CASE("term_ids gives the terms of terms() as ids", "[tokenize]") {
  const std::string seeds = all_seeds();
  for (const TokenizeOptions& options :
       {french(), french(false, false, false), english(), english(true, true, false)}) {
    Tokenizer by_string(options);
    Tokenizer by_id(options);
    TermVocabulary vocabulary;
    const Terms expected = by_string.terms(seeds);
    REQUIRE(expected.size() > 1000);
    CHECK(id_terms(by_id, seeds, vocabulary) == expected);
    // First-seen order: the first term has id 0, and the ids are dense.
    std::vector<std::uint32_t> ids;
    by_id.term_ids(seeds, vocabulary, ids);
    CHECK(ids.front() == 0);
    CHECK(*std::max_element(ids.begin(), ids.end()) + 1 == vocabulary.size());
    // A second vocabulary, then the first again: the cache re-binds, the terms are the same.
    TermVocabulary other;
    const char* short_text = "Le président, 2025 ; l'État";
    const Terms short_terms = by_string.terms(short_text);
    CHECK(id_terms(by_id, short_text, other) == short_terms);
    CHECK(other.size() == std::set<std::string>(short_terms.begin(), short_terms.end()).size());
    const std::size_t before = vocabulary.size();
    CHECK(id_terms(by_id, seeds, vocabulary) == expected);
    CHECK(vocabulary.size() == before);
    // terms() from a Tokenizer that also hands out ids.
    CHECK(by_id.terms(seeds) == expected);
  }
  // Numbers are terms, neither stemmed nor folded; a stopword-only text has none.
  Tokenizer t;
  TermVocabulary v;
  const char* numbers = "Il y a 10 000 euros, 66,9 milliards.";
  const Terms number_terms = id_terms(t, numbers, v);
  CHECK(number_terms == Tokenizer().terms(numbers));
  CHECK(std::find(number_terms.begin(), number_terms.end(), "66,9") != number_terms.end());
  CHECK(id_terms(t, "Il y a.", v).empty());
  CHECK(id_terms(t, "", v).empty());
}

TEST_CASE("term_ids survives the cache filling, clearing and vocabularies cleared", "[tokenize]") {
  // 150,000 distinct words: the cache (100,000 words) is cleared, the vocabulary keeps its ids.
  const auto [text, expected] = distinct_words(150'000);
  Tokenizer t(french(false, false, false));
  TermVocabulary vocabulary;
  std::vector<std::uint32_t> first, second;
  t.term_ids(text, vocabulary, first);
  t.term_ids(text, vocabulary, second);
  CHECK(first == second);
  REQUIRE(vocabulary.size() == expected.size());
  for (std::size_t i = 0; i < first.size(); i += 997)
    CHECK(vocabulary.term(first[i]) == expected[i]);
  // A cleared vocabulary starts again from 0: the cache must not hand out the old ids.
  vocabulary.clear();
  CHECK(id_terms(t, "zqb zqa", vocabulary) == Terms{"zqb", "zqa"});
  std::vector<std::uint32_t> ids;
  t.term_ids("zqa zqb", vocabulary, ids);
  CHECK(ids == std::vector<std::uint32_t>{1, 0});
  // A word too long for the cache (over 65,535 UTF-16 units in one chunk) is still a term.
  const std::string long_word = "ab " + std::string(200'000, 'a');
  CHECK(id_terms(t, long_word, vocabulary) == t.terms(long_word));
}

namespace {

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// The Latin shortcut takes `text` and finds ICU's words, kinds included.
void check_latin_matches_icu(const std::string& text, Language language = Language::French) {
  bool handled = false;
  const auto latin = scanned_words(text, language, WordPath::Latin, &handled);
  INFO("text: [" << text << "]");
  REQUIRE(handled);
  CHECK(latin == scanned_words(text, language, WordPath::Icu));
}

}  // namespace

TEST_CASE("the Latin word shortcut finds ICU's words", "[tokenize]") {
  // Every code unit the shortcut handles, between every pair of the characters that join words
  // (letters, digits, '@', the MidLetter/MidNum/MidNumLet classes, '_').
  std::vector<char32_t> handled;
  for (char32_t c = 0; c < 0x10000; ++c) {
    if (latin_words::class_of(static_cast<char16_t>(c)) != latin_words::kUnsupported)
      handled.push_back(c);
  }
  REQUIRE(handled.size() > 300);
  const std::vector<char32_t> joiners = {'a', U'é', '1', '@', '.', '\'', U'’', ',', ';', U'·', '_'};
  for (const char32_t c : handled) {
    for (const char32_t before : joiners) {
      for (const char32_t after : joiners) {
        std::string text;
        for (const char32_t x : {before, c, after, before == '1' ? U'2' : U'b'})
          append_utf8(text, x);
        bool ok = false;
        const auto latin = scanned_words(text, Language::French, WordPath::Latin, &ok);
        if (!ok || latin != scanned_words(text, Language::French, WordPath::Icu)) {
          FAIL_CHECK("mismatch on [" << text << "]");
        }
      }
    }
  }
  // Random strings over the set, biased to the joining characters (20 million of them agreed
  // when this was written; a few thousand here).
  std::uint64_t state = 12345;
  const auto next = [&](std::size_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>((state >> 33) % bound);
  };
  for (int round = 0; round < 20'000; ++round) {
    std::string text;
    for (std::size_t k = 0, n = 1 + next(16); k < n; ++k)
      append_utf8(text, next(2) ? joiners[next(joiners.size())] : handled[next(handled.size())]);
    check_latin_matches_icu(text, round % 2 ? Language::French : Language::English);
  }
  // Real text: the sample articles, line by line (a line with a character outside the set goes
  // to ICU whole).
  std::size_t lines = 0, taken = 0;
  for (const auto& path : seed_files()) {
    std::istringstream in(read_file(path));
    for (std::string line; std::getline(in, line);) {
      ++lines;
      bool ok = false;
      const auto latin = scanned_words(line, Language::French, WordPath::Latin, &ok);
      if (!ok) continue;
      ++taken;
      CHECK(latin == scanned_words(line, Language::French, WordPath::Icu));
    }
  }
  CHECK(taken * 10 >= lines * 9);
  // Outside the set: the whole chunk goes to ICU, and the Tokenizer's terms stay ICU's.
  for (const std::string text : {"fa\u00ADçade", "e\u0301t\u00E9", "dit\u202F:", "東京タワー",
                                 "\xF0\x9F\x98\x80 ok", "caf\xE9 invalid"}) {
    bool ok = true;
    CHECK(scanned_words(text, Language::French, WordPath::Latin, &ok) ==
          scanned_words(text, Language::French, WordPath::Icu));
    CHECK_FALSE(ok);
  }
}

TEST_CASE("count_words counts letters and numbers, stopwords included", "[tokenize]") {
  Tokenizer t;
  CHECK(t.count_words("L'homme d’affaires, 10 000 euros ! porte-parole") == 7);
  CHECK(t.count_words("Il a été élu.") == 4);
  CHECK(t.count_words("") == 0);
  CHECK(t.count_words(" ... « » — !? ") == 0);
  // Kana and ideographs count as letters (ICU rule status 300–499).
  CHECK(t.count_words("東京タワー") >= 1);
  CHECK_FALSE(t.terms("東京タワー").empty());
  // Independent of the options: the same count with stemming and stopwords off.
  Tokenizer raw(french(false, false, false));
  const std::string seeds = all_seeds();
  CHECK(raw.count_words(seeds) == t.count_words(seeds));
  CHECK(t.count_words(seeds) > t.terms(seeds).size());
}

TEST_CASE("detect_language: seeds are French, an English paragraph is English", "[tokenize]") {
  const auto files = seed_files();
  REQUIRE(files.size() == 5);
  for (const auto& path : files) {
    INFO(path.string());
    CHECK(detect_language(read_file(path)) == Language::French);
  }
  CHECK(detect_language(kEnglishParagraph) == Language::English);
  CHECK(detect_language("") == Language::French);
  CHECK(detect_language("12 345 !") == Language::French);
  // Too little evidence stays French (the project default); a French text quoting English too.
  CHECK(detect_language("Breaking news") == Language::French);
  CHECK(detect_language(std::string("Le président a déclaré : « ") + kEnglishParagraph +
                        " » Puis il a quitté la salle, et les journalistes sont restés dans la "
                        "cour de l'Élysée pendant une heure, alors que la nuit tombait sur "
                        "Paris et que les ministres se réunissaient à huis clos pour discuter "
                        "de la situation de l'Ukraine et des sanctions contre la Russie.") ==
        Language::French);
  // Long input: only a prefix is read, and a cut inside a multi-byte character is harmless.
  std::string long_english;
  while (long_english.size() < 100 * 1024) long_english += std::string(kEnglishParagraph) + " é ";
  CHECK(detect_language(long_english) == Language::English);
}

TEST_CASE("reads_as_other_language: a sentence clearly in the other language", "[tokenize]") {
  using precis::reads_as_other_language;
  // A bilingual release's French half in an English cluster, and the reverse.
  CHECK(
      reads_as_other_language("Félicitations à Daniel Kiprono (KEN, 2:07:48, record du "
                              "parcours) et à Mélanie Gauthier, gagnants de l'édition 2025.",
                              Language::English));
  CHECK(reads_as_other_language(
      "\"The safety of our runners is, and always will be, our first priority,\" said the "
      "race director.",
      Language::French));
  CHECK_FALSE(reads_as_other_language("Neuf ont été transportés à l'hôpital.", Language::French));
  // Names, titles and initials from the other language are not enough.
  CHECK_FALSE(reads_as_other_language(
      "Le film « The Lord of the Rings » sort en salle le 19 décembre.", Language::French));
  CHECK_FALSE(reads_as_other_language("Sen. Dana Whitley, D-N.Y., and Sen. Harold Voss, R-La.",
                                      Language::English));
  CHECK_FALSE(reads_as_other_language(
      "Traffic was diverted around the Place de la Concorde and the Rue de la Paix.",
      Language::English));
  CHECK_FALSE(reads_as_other_language("", Language::English));
  // The evidence: stopwords of one list only, an elision counting as French.
  const precis::LanguageEvidence evidence =
      precis::language_evidence("l'homme and the dog de la ville");
  CHECK(evidence.french == 3);   // l', de, la
  CHECK(evidence.english == 2);  // and, the
}

TEST_CASE("tokenizers are independent across threads and movable", "[tokenize]") {
  const std::string seeds = all_seeds();
  const Terms expected = Tokenizer().terms(seeds);
  std::vector<Terms> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results) {
    threads.emplace_back([&seeds, &result] {
      Tokenizer t;
      for (int i = 0; i < 5; ++i) t.terms(seeds, result);
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& result : results) CHECK(result == expected);

  Tokenizer a(english());
  Tokenizer b(std::move(a));
  CHECK_THAT(b.terms("running"), Equals(Terms{"run"}));
  Tokenizer c;
  c = std::move(b);
  CHECK(c.options().language == Language::English);
  CHECK_THAT(c.terms("running"), Equals(Terms{"run"}));
}

// Throughput (CPU time) of terms(), count_words() and detect_language() on the seeds repeated to
// ~20 MB (issue 7 wants the whole front end at >= 20 MB/s per core). Run with: precis_tests
// "[.bench]" (Release build).
TEST_CASE("tokenizer throughput", "[.bench]") {
  const std::string seeds = all_seeds();
  std::string big;
  while (big.size() < 20 * 1024 * 1024) big += seeds;
  const double mb = static_cast<double>(big.size()) / 1e6;
  // CPU time, not wall time: the two shared cores are often busy with other builds.
  const auto time = [&](auto&& run) {
    const std::clock_t start = std::clock();
    run();
    return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  };
  Tokenizer t;
  Terms out;
  t.terms(seeds, out);  // warm the term cache and the prototypes
  const double terms_s = time([&] { t.terms(big, out); });
  const std::size_t big_terms = out.size();
  std::size_t count = 0;
  const double count_s = time([&] { count = t.count_words(big); });
  // Per sentence, as the summarizer calls it: the per-call overhead (setText) shows here.
  std::vector<std::string_view> sentences;
  for (std::size_t at = 0; at < big.size();) {
    std::size_t end = big.find(". ", at);
    end = end == std::string::npos ? big.size() : end + 2;
    sentences.push_back(std::string_view(big).substr(at, end - at));
    at = end;
  }
  std::size_t sentence_terms = 0;
  const double sentences_s = time([&] {
    for (std::string_view sentence : sentences) {
      t.terms(sentence, out);
      sentence_terms += out.size();
    }
  });
  Language language = Language::English;
  const double detect_s = time([&] {
    for (int i = 0; i < 100; ++i) language = detect_language(big);
  });
  WARN("terms(): " << mb / terms_s << " MB/s (" << big_terms << " terms); per sentence: "
                   << mb / sentences_s << " MB/s (" << sentences.size() << " calls, "
                   << sentence_terms << " terms); count_words(): " << mb / count_s << " MB/s ("
                   << count << " words); detect_language(): " << detect_s * 10 << " ms per call");
  CHECK(language == Language::French);
  CHECK(sentence_terms == big_terms);
}
