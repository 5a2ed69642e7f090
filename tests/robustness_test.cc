// Hostile and broken inputs through the library: each either gives a sensible summary whose
// attribution still holds, or an Error naming the file. Nothing crashes, hangs or goes quadratic.
// The CLI side (exit codes, stdout faults, -o atomicity) is in tests/cli/robustness.sh.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "clean_rules.h"
#include "precis/clean.h"
#include "precis/error.h"
#include "precis/idf.h"
#include "precis/reader.h"
#include "precis/segment.h"
#include "precis/summarizer.h"
#include "precis/tokenize.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using namespace precis;
using namespace std::string_literals;

namespace {

const std::string kSamples = PRECIS_SOURCE_DIR "/samples/appel-trump-poutine";

std::string file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<fs::path> sample_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(kSamples)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

using precis::testing::TempDir;

// Decodes `bytes` as the reader would; REQUIREs that it is not skipped.
Document decode(const std::string& path, const std::string& bytes,
                std::vector<std::string>* warnings = nullptr) {
  Document doc;
  std::vector<std::string> local;
  REQUIRE(decode_document(path, bytes, doc, warnings ? *warnings : local));
  return doc;
}

// Byte-exact attribution on any encoding: the summary's [start, end) is the image, through the
// document's offset map, of a span of the decoded text whose collapsed form is the sentence.
void check_attribution(const Summary& summary, const std::vector<Document>& documents,
                       const std::vector<std::string>& originals) {
  for (const SummarySentence& s : summary.sentences) {
    REQUIRE(s.source < documents.size());
    const Document& doc = documents[s.source];
    REQUIRE(s.start < s.end);
    REQUIRE(s.end <= originals[s.source].size());
    std::size_t begin = 0;
    while (begin < doc.text.size() && doc.original_offset(begin) < s.start) ++begin;
    std::size_t end = begin;
    while (end < doc.text.size() && doc.original_offset(end) < s.end) ++end;
    REQUIRE(doc.original_offset(begin) == s.start);
    REQUIRE(doc.original_offset(end) == s.end);
    CHECK(collapse_whitespace(std::string_view(doc.text).substr(begin, end - begin)) == s.text);
  }
}

std::set<std::string> sentence_texts(const Summary& summary) {
  std::set<std::string> texts;
  for (const auto& s : summary.sentences) texts.insert(s.text);
  return texts;
}

// A readable French article of `sentences` distinct sentences, with a title.
std::string article(int sentences, const std::string& topic = "la réforme des retraites") {
  std::string text = "Le gouvernement présente " + topic + "\n\n";
  for (int i = 0; i < sentences; ++i) {
    text += "Le ministre a présenté mardi le point numéro " + std::to_string(i) + " de " + topic +
            " devant les députés réunis à Paris. ";
    if (i % 4 == 3) text += "\n";
  }
  return text + "\n";
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("empty, blank and boilerplate-only documents are an error naming the file",
          "[robustness]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"empty.txt", ""},
      {"blank.txt", "  \n\t\r\n\xC2\xA0\n\r \n"},
      {"boilerplate.txt", "Accueil\nPartager sur Facebook\nNewsletter\nTous droits réservés\n"},
  };
  for (const auto& [name, bytes] : cases) {
    INFO(name);
    const std::vector<Document> docs = {decode(name, bytes)};
    try {
      summarize(docs, SummarizeOptions{});
      FAIL("no error for " << name);
    } catch (const Error& e) {
      CHECK(std::string(e.what()).find(name) != std::string::npos);
      CHECK(e.kind() == Error::Kind::Input);
    }
  }
}

TEST_CASE("an empty folder reads as no document, not as an error", "[robustness]") {
  TempDir dir;
  fs::create_directories(dir.path / "empty");
  const ReadResult read = read_inputs({(dir.path / "empty").string()});
  CHECK(read.documents.empty());
}

TEST_CASE("a document without sentence punctuation: an error by default, a summary unclean",
          "[robustness]") {
  const std::string text =
      "Titre\n\nle président a parlé hier devant les députés de la réforme des retraites\n"
      "et de la dette publique sans jamais conclure sur le calendrier\n\n"
      "un autre paragraphe parle de la dette et des retraites des députés de la majorité\n";
  const std::vector<Document> docs = {decode("nopunct.txt", text)};
  CHECK_THROWS_WITH(summarize(docs, SummarizeOptions{}), Catch::Contains("nopunct.txt"));
  SummarizeOptions raw;
  raw.clean.enabled = false;
  const Summary summary = summarize(docs, raw);
  REQUIRE_FALSE(summary.sentences.empty());
  check_attribution(summary, docs, {text});
}

TEST_CASE("one 1 MB sentence without a full stop is linear, not quadratic", "[robustness]") {
  std::string sentence;
  const char* words[] = {"le", "président", "a", "parlé", "hier", "devant", "les", "députés"};
  for (std::size_t i = 0; sentence.size() < (1u << 20); ++i) {
    sentence += words[(i * 7 + i / 3) % 8];
    sentence += ' ';
  }
  const std::string text = "Titre de l'article\n\n" + sentence + "\n\n" + article(6);
  const std::vector<Document> docs = {decode("huge.txt", text)};
  const auto start = std::chrono::steady_clock::now();
  const Summary summary = summarize(docs, SummarizeOptions{});
  const double elapsed = seconds_since(start);
  // ~0.1 s in Release, a few times that under ASan; a quadratic step on 1 MB takes minutes.
  CHECK(elapsed < 20.0);
  REQUIRE_FALSE(summary.sentences.empty());
  for (const auto& s : summary.sentences) CHECK(s.text.size() < 1000);  // the run-on is not chosen
  check_attribution(summary, docs, {text});
}

TEST_CASE("a few-MB file and very long lines summarize in reasonable time", "[robustness]") {
  // 4 MB of distinct sentences, 40 per line: long lines, many graph nodes.
  std::string text = "Un très long article\n\n";
  for (int i = 0; text.size() < (4u << 20); ++i) {
    text += "La commission numéro " + std::to_string(i % 997) + " a examiné le dossier " +
            std::to_string(i) + " pendant la séance du matin. ";
    if (i % 40 == 39) text += "\n";
  }
  const std::vector<Document> docs = {decode("big.txt", text)};
  // Capped: the similarity graph is quadratic in the sentences kept (1 MB of these sentences
  // makes 88 million edges and 2 GB), so the whole file goes through reading, cleaning and
  // segmenting, and only the first sentences into the graph.
  SummarizeOptions options;
  options.max_sentences_per_doc = 2000;
  const auto start = std::chrono::steady_clock::now();
  const Summary summary = summarize(docs, options);
  CHECK(seconds_since(start) < 60.0);
  REQUIRE_FALSE(summary.sentences.empty());
  CHECK(summary.used <= options.budget);
  check_attribution(summary, docs, {text});
}

TEST_CASE("invalid UTF-8, Latin-1, Windows-1252 and UTF-16 keep byte-exact attribution",
          "[robustness]") {
  const std::string latin1 =
      "Le gouvernement pr\xE9sente sa r\xE9"
      "forme\n\nLe ministre a pr\xE9sent\xE9 mardi la "
      "r\xE9"
      "forme des retraites devant les d\xE9put\xE9s r\xE9unis \xE0 Paris. Les syndicats "
      "ont d\xE9nonc\xE9 un texte injuste et promis une gr\xE8ve g\xE9n\xE9rale pour jeudi.\n";
  const std::string cp1252 =
      "Le ministre a d\xE9"
      "clar\xE9 \x93nous irons jusqu\x92"
      "au bout\x94 devant les d\xE9put\xE9s "
      "r\xE9unis mardi \xE0 Paris. La r\xE9"
      "forme co\xFB"
      "tera 3 milliards \x80 \x85 selon Bercy "
      "qui a publi\xE9 ses chiffres.\n";
  // Valid UTF-8 but for one stray byte: converted as a whole (no silent loss of the rest).
  const std::string broken =
      "Le ministre a présenté mardi la réforme des retraites devant les députés réunis \xFF"
      " à Paris. Les syndicats ont dénoncé un texte injuste et promis une grève générale.\n";
  std::u16string wide =
      u"\uFEFFLe ministre a présenté mardi la réforme des retraites devant les députés réunis à "
      u"Paris. Les syndicats ont dénoncé un texte injuste et promis une grève générale "
      u"🙂.\r\n";
  std::string utf16le, utf16be;
  for (char16_t unit : wide) {
    utf16le += static_cast<char>(unit & 0xFF);
    utf16le += static_cast<char>(unit >> 8);
    utf16be += static_cast<char>(unit >> 8);
    utf16be += static_cast<char>(unit & 0xFF);
  }
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"latin1.txt", latin1},   {"cp1252.txt", cp1252},   {"broken.txt", broken},
      {"utf16le.txt", utf16le}, {"utf16be.txt", utf16be},
  };
  for (const auto& [name, bytes] : cases) {
    INFO(name);
    const std::vector<Document> docs = {decode(name, bytes)};
    CHECK(docs[0].encoding != "UTF-8");
    SummarizeOptions options;
    options.language = Language::French;
    const Summary summary = summarize(docs, options);
    REQUIRE_FALSE(summary.sentences.empty());
    check_attribution(summary, docs, {bytes});
    for (const auto& s : summary.sentences) CHECK(s.text.find("Ã©") == std::string::npos);
  }
  // The stray byte of broken.txt becomes one U+FFFD; its accents stay accents.
  std::vector<std::string> warnings;
  const Document repaired = decode("broken.txt", broken, &warnings);
  CHECK(repaired.text.find("réforme") != std::string::npos);
  CHECK(repaired.text.find("réunis \xEF\xBF\xBD à Paris") != std::string::npos);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("broken.txt") != std::string::npos);
}

TEST_CASE("NUL bytes and binary files are skipped with a warning naming them", "[robustness]") {
  TempDir dir;
  std::string binary =
      "\x7F"
      "ELF\x02\x01";
  for (int i = 0; i < 4096; ++i) binary += static_cast<char>((i * 131) & 0xFF);
  dir.write("cluster/a.txt", binary);
  dir.write("cluster/b.txt", "Du texte.\0 Puis un NUL."s);
  dir.write("cluster/c.txt", article(4));
  const ReadResult read = read_inputs({(dir.path / "cluster").string()});
  REQUIRE(read.documents.size() == 1);
  CHECK(read.documents[0].path.ends_with("c.txt"));
  REQUIRE(read.warnings.size() == 2);
  CHECK(read.warnings[0].find("a.txt") != std::string::npos);
  CHECK(read.warnings[1].find("b.txt") != std::string::npos);
}

TEST_CASE("CRLF and lone CR line breaks never leak into sentences", "[robustness]") {
  const std::string lf = article(8);
  std::string crlf, cr;
  for (char c : lf) {
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    cr += c == '\n' ? '\r' : c;
  }
  Summary reference;
  for (const std::string* text : {&lf, &std::as_const(crlf), &std::as_const(cr)}) {
    const std::vector<Document> docs = {decode("a.txt", *text)};
    const Summary summary = summarize(docs, SummarizeOptions{});
    REQUIRE_FALSE(summary.sentences.empty());
    for (const auto& s : summary.sentences) CHECK(s.text.find('\r') == std::string::npos);
    check_attribution(summary, docs, {*text});
    if (text == &lf) {
      reference = summary;
    } else {
      CHECK(sentence_texts(summary) == sentence_texts(reference));
      CHECK(summarize({decode("a.txt", *text)}, SummarizeOptions{}).text() == reference.text());
    }
  }
}

TEST_CASE("the same article twice neither appears twice nor changes the summary", "[robustness]") {
  std::vector<Document> docs;
  for (const auto& file : sample_files()) docs.push_back(decode(file.string(), file_bytes(file)));
  REQUIRE(docs.size() >= 3);
  const Summary once = summarize(docs, SummarizeOptions{});
  std::vector<Document> twice = docs;
  Document copy = docs[0];
  copy.path += ".copy";
  twice.push_back(copy);
  const Summary summary = summarize(twice, SummarizeOptions{});
  CHECK(sentence_texts(summary).size() == summary.sentences.size());
  CHECK(sentence_texts(summary) == sentence_texts(once));
}

TEST_CASE("a cluster of one document, and of one sentence, still summarizes", "[robustness]") {
  const auto file = sample_files().front();
  const std::vector<Document> one = {decode(file.string(), file_bytes(file))};
  SummarizeOptions options;
  options.budget_unit = BudgetUnit::Sentences;
  options.budget = 3;
  const Summary summary = summarize(one, options);
  CHECK(summary.sentences.size() == 3);
  check_attribution(summary, one, {file_bytes(file)});

  const std::string single =
      "Titre\n\nDonald Trump et Vladimir Poutine se sont entretenus au téléphone jeudi.\n";
  const std::vector<Document> docs = {decode("single.txt", single)};
  const Summary s = summarize(docs, SummarizeOptions{});
  REQUIRE(s.sentences.size() == 1);
  CHECK(s.sentences[0].text ==
        "Donald Trump et Vladimir Poutine se sont entretenus au téléphone jeudi.");
  check_attribution(s, docs, {single});
}

TEST_CASE("a budget smaller than any sentence gives an empty summary, not an error",
          "[robustness]") {
  std::vector<Document> docs;
  for (const auto& file : sample_files()) docs.push_back(decode(file.string(), file_bytes(file)));
  for (auto [unit, budget] : {std::pair{BudgetUnit::Bytes, 5}, std::pair{BudgetUnit::Words, 1}}) {
    SummarizeOptions options;
    options.budget_unit = unit;
    options.budget = budget;
    const Summary summary = summarize(docs, options);
    CHECK(summary.sentences.empty());
    CHECK(summary.used == 0);
    CHECK(summary.sources.size() == docs.size());
  }
}

TEST_CASE("German and Russian text still summarizes", "[robustness]") {
  const std::string german =
      "Kanzler spricht in Berlin\n\nDer Bundeskanzler sagte am Montag in Berlin, die "
      "Verhandlungen mit den Gewerkschaften würden fortgesetzt. Die Opposition kritisierte die "
      "Regierung scharf für ihre Haushaltspolitik im kommenden Jahr. Ein Sprecher des "
      "Ministeriums wollte sich am Abend nicht dazu äußern.\n";
  const std::string russian =
      "Президент выступил\n\nПрезидент России заявил в понедельник, что переговоры будут "
      "продолжены в ближайшее время. Оппозиция резко раскритиковала правительство за бюджетную "
      "политику страны в этом году.\n";
  for (const std::string* text : {&german, &russian}) {
    const std::vector<Document> docs = {decode("a.txt", *text)};
    const Summary summary = summarize(docs, SummarizeOptions{});
    CHECK(summary.sentences.size() >= 2);
    check_attribution(summary, docs, {*text});
  }
}

TEST_CASE("Chinese text is not dropped as short lines by the cleaner", "[robustness]") {
  // Written without spaces: counting space-separated tokens made every paragraph one "word".
  CHECK(clean_rules::count_words("国家主席周一在北京发表重要讲话") == 15);
  CHECK(clean_rules::count_words("Le 新华社 dit") == 5);
  CHECK(clean_rules::ends_with_sentence_punctuation("会议由国务院总理主持。"));
  CHECK(clean_rules::ends_with_sentence_punctuation("真的吗？"));
  const std::string text =
      "新闻标题在这里\n\n国家主席周一在北京发表重要讲话，强调经济发展的重要性和改革的必要性。"
      "会议由国务院总理主持，各部委负责人出席了会议并作了发言。\n";
  const Document doc = decode("zh.txt", text);
  const std::vector<CleanedDocument> cleaned = clean(std::vector<Document>{doc});
  REQUIRE(cleaned[0].lines.size() == 1);
  CHECK(cleaned[0].title == "新闻标题在这里");
  const std::vector<Sentence> sentences = Segmenter().split(doc, cleaned[0], 0);
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[1].text == "会议由国务院总理主持，各部委负责人出席了会议并作了发言。");
}

TEST_CASE("idf tables that are missing, truncated or malformed are errors naming the file",
          "[robustness]") {
  TempDir dir;
  CHECK_THROWS_WITH(IdfTable::load((dir.path / "missing.idf").string()),
                    Catch::Contains("missing.idf"));
  IdfTable table;
  table.language = Language::French;
  table.documents = 3;
  table.df = {{"alpha", 1}, {"beta", 2}, {"gamma", 3}};
  const fs::path good = dir.path / "good.idf";
  table.save(good.string());
  const std::string bytes = file_bytes(good);
  // Cut inside the header, inside a term line, and nothing at all.
  for (std::size_t cut : {std::size_t{0}, std::size_t{5}, bytes.size() - 3}) {
    INFO("cut at " << cut);
    const fs::path bad = dir.write("cut" + std::to_string(cut) + ".idf", bytes.substr(0, cut));
    CHECK_THROWS_WITH(IdfTable::load(bad.string()),
                      Catch::Contains("cut" + std::to_string(cut) + ".idf"));
  }
  // A table for English on French documents, with the language forced, is a usage error.
  table.language = Language::English;
  std::vector<Document> docs;
  for (const auto& file : sample_files()) docs.push_back(decode(file.string(), file_bytes(file)));
  SummarizeOptions options;
  options.language = Language::French;
  options.idf = &table;
  try {
    summarize(docs, options);
    FAIL("an English table was accepted for French documents");
  } catch (const Error& e) {
    CHECK(e.kind() == Error::Kind::Usage);
    CHECK(std::string(e.what()).find("idf") != std::string::npos);
  }
}

TEST_CASE("devices and missing paths are refused before reading", "[robustness]") {
  // /dev/zero never ends: reading it whole would exhaust memory.
  if (fs::exists("/dev/zero")) {
    CHECK_THROWS_WITH(read_inputs({"/dev/zero"}),
                      Catch::Contains("/dev/zero") && Catch::Contains("not a regular file"));
  }
  CHECK_THROWS_WITH(read_inputs({"/nonexistent/precis/input.txt"}),
                    Catch::Contains("/nonexistent/precis/input.txt"));
}

TEST_CASE("a directory symlink loop ends and reads each file once", "[robustness]") {
  TempDir dir;
  dir.write("c/a.txt", article(3));
  dir.write("c/sub/b.txt", article(3, "la dette"));
  fs::create_directory_symlink("..", dir.path / "c/sub/up");
  fs::create_directory_symlink(dir.path / "c", dir.path / "c/self");
  const ReadResult read = read_inputs({(dir.path / "c").string()});
  CHECK(read.documents.size() == 2);
}

TEST_CASE("degenerate byte sequences go through every stage", "[robustness]") {
  // The edge cases of each decoder and splitter: nothing, or only markers and separators.
  const std::vector<std::string> inputs = {
      std::string("\xFF\xFE", 2),                     // a UTF-16 BOM and nothing else
      std::string("\xFE\xFF\xD8\x00", 4),             // a lone high surrogate
      std::string("\xFF\xFE\x00\xD8\x00\xDC", 6),     // a surrogate pair cut short
      std::string("\xEF\xBB\xBF", 3),                 // a UTF-8 BOM only
      std::string("\r\r\r\n\n\r", 6),                 // breaks only
      std::string(".\n. . .\n!?\xE2\x80\xA6\n", 13),  // punctuation only
  };
  for (const std::string& bytes : inputs) {
    Document doc;
    std::vector<std::string> warnings;
    if (!decode_document("f.txt", bytes, doc, warnings)) continue;
    const std::vector<CleanedDocument> cleaned = clean(std::vector<Document>{doc});
    for (Language language : {Language::French, Language::English}) {
      const std::vector<Sentence> sentences =
          Segmenter(SegmentOptions{language}).split(doc, cleaned[0], 0);
      Tokenizer tokenizer(TokenizeOptions{language});
      for (const Sentence& s : sentences) {
        CHECK(s.span.end <= doc.text.size());
        tokenizer.terms(s.text);
      }
    }
    CHECK_THROWS_AS(summarize({doc}, SummarizeOptions{}), Error);
  }
}
