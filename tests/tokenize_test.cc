#include <algorithm>
#include <catch2/catch.hpp>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "precis/tokenize.h"
#include "stopwords.h"

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

TEST_CASE("the term cache survives growth and clearing", "[tokenize]") {
  // 150,000 distinct words: more than the cache holds, so it grows, fills and is cleared.
  std::string text;
  Terms expected;
  for (int i = 0; i < 150'000; ++i) {
    std::string w = "zq";
    for (int v = i; v > 0 || w.size() == 2; v /= 26) w.push_back(static_cast<char>('a' + v % 26));
    text += w + (i % 7 == 0 ? "\n" : " ");
    expected.push_back(w);
  }
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
