#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "precis/error.h"
#include "precis/reader.h"
#include "precis/segment.h"
#include "precis/summarizer.h"

using namespace precis;

namespace {

const std::string kSamples = PRECIS_SOURCE_DIR "/samples/appel-trump-poutine";

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Read as a file would be (decode_document).
Document make_document(std::string path, std::string text) {
  Document d;
  std::vector<std::string> warnings;
  REQUIRE(decode_document(path, std::move(text), d, warnings));
  return d;
}

// The attribution contract: the original bytes of every span, white space collapsed, are the
// sentence's text.
void check_attribution(const Summary& summary, const std::vector<std::string>& originals) {
  for (const auto& s : summary.sentences) {
    REQUIRE(s.source < originals.size());
    REQUIRE(s.start < s.end);
    REQUIRE(s.end <= originals[s.source].size());
    CHECK(collapse_whitespace(originals[s.source].substr(s.start, s.end - s.start)) == s.text);
    for (const auto& sup : s.support) CHECK(sup.source != s.source);
  }
}

std::size_t words_of(const Summary& summary) {
  std::size_t words = 0;
  for (const auto& s : summary.sentences) words += count_budget_words(s.text);
  return words;
}

}  // namespace

TEST_CASE("budget words are runs of non-space", "[summarizer]") {
  CHECK(count_budget_words("") == 0);
  CHECK(count_budget_words("  a  b\tc\n") == 3);
  CHECK(count_budget_words("« Nous partons » , dit-il.") == 6);
}

TEST_CASE("the samples give an attributed, non-redundant summary within budget", "[summarizer]") {
  const auto read = read_inputs({kSamples});
  REQUIRE(read.documents.size() == 5);
  std::vector<std::string> originals;
  for (const auto& d : read.documents) originals.push_back(file_bytes(d.path));

  SummarizeOptions options;
  const Summary summary = summarize(read.documents, options);
  CHECK(summary.language == Language::French);
  REQUIRE(summary.sentences.size() >= 3);
  CHECK(summary.used == words_of(summary));
  CHECK(summary.used <= 100);
  CHECK(summary.used >= 60);  // the budget is used, not wasted
  check_attribution(summary, originals);

  std::set<std::string> texts;
  bool any_support = false;
  for (const auto& s : summary.sentences) {
    CHECK(texts.insert(s.text).second);  // no sentence twice
    any_support = any_support || !s.support.empty();
    CHECK(s.score > 0.0);
    CHECK(s.score <= 1.0);
    // No boilerplate of the seeds in a summary.
    for (const char* junk : {"abonn", "Commentaires", "Cookie", "lettre d'information", "Akismet"})
      CHECK(s.text.find(junk) == std::string::npos);
  }
  CHECK(any_support);  // five articles on one call: some facts are reported by several
  // Source order: by document, then position.
  for (std::size_t k = 1; k < summary.sentences.size(); ++k) {
    const auto& a = summary.sentences[k - 1];
    const auto& b = summary.sentences[k];
    CHECK((a.source < b.source || (a.source == b.source && a.index < b.index)));
  }
  CHECK(summary.sources.size() == 5);
  CHECK(summary.sources[4].title ==
        "Trump a officiellement parlé à Poutine pour mettre fin à la guerre en Ukraine");
}

TEST_CASE("summaries are deterministic", "[summarizer]") {
  const auto read = read_inputs({kSamples});
  SummarizeOptions options;
  const Summary a = summarize(read.documents, options);
  const Summary b = summarize(read.documents, options);
  REQUIRE(a.sentences.size() == b.sentences.size());
  for (std::size_t k = 0; k < a.sentences.size(); ++k) {
    CHECK(a.sentences[k].text == b.sentences[k].text);
    CHECK(a.sentences[k].score == b.sentences[k].score);
  }
}

TEST_CASE("a hard-wrapped copy of the samples gives the same summary", "[summarizer]") {
  // Every line wrapped at 72 code points, greedily, as fixed-width plain text has it.
  const auto code_points = [](const std::string& s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
  };
  const auto wrap = [&](const std::string& text) {
    std::string out, line;
    std::istringstream lines(text);
    for (std::string raw; std::getline(lines, raw);) {
      std::istringstream words(raw);
      line.clear();
      for (std::string word; words >> word;) {
        if (!line.empty() && code_points(line) + 1 + code_points(word) > 72) {
          out += line + "\n";
          line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
      }
      out += line + "\n";
    }
    return out;
  };
  const auto read = read_inputs({kSamples});
  std::vector<Document> wrapped;
  std::vector<std::string> originals;
  std::size_t lines_split = 0;
  for (const Document& d : read.documents) {
    wrapped.push_back(make_document(d.path, wrap(d.text)));
    originals.push_back(wrapped.back().text);
    lines_split += std::count(originals.back().begin(), originals.back().end(), '\n') -
                   std::count(d.text.begin(), d.text.end(), '\n');
  }
  REQUIRE(lines_split > 50);  // the copy is wrapped indeed
  const Summary expected = summarize(read.documents, SummarizeOptions{});
  const Summary summary = summarize(wrapped, SummarizeOptions{});
  check_attribution(summary, originals);
  REQUIRE(summary.sentences.size() == expected.sentences.size());
  for (std::size_t k = 0; k < summary.sentences.size(); ++k) {
    CHECK(summary.sentences[k].text == expected.sentences[k].text);
    CHECK(summary.sentences[k].source == expected.sentences[k].source);
  }
}

TEST_CASE("Markdown articles: no sentence starts with block markup, spans stay exact",
          "[summarizer]") {
  const std::vector<Document> documents = {
      make_document("a.md",
                    "# Ten Americans arrested in Haiti\n\n"
                    "> Haitian police arrested ten United States nationals over the alleged "
                    "abduction of 33 children at the border.\n\n"
                    "- The group belongs to a two-month-old charity from Idaho, with members from "
                    "Texas and Kansas.\n"
                    "- Police said the Americans did not have any paperwork to take the children "
                    "out of Haiti.\n\n"
                    "> The group said it meant to open an orphanage for the children.\n"
                    "> Its leader said the Americans had acted in good faith in Haiti.\n"),
      make_document("b.md",
                    "## Americans held over Haitian children\n\n"
                    "1. Ten United States nationals were arrested by Haitian police over the "
                    "alleged abduction of 33 children.\n"
                    "2. The charity says it meant to open an orphanage in the Dominican "
                    "Republic for the children.\n")};
  std::vector<std::string> originals;
  for (const Document& d : documents) originals.push_back(d.text);
  const Summary summary = summarize(documents, SummarizeOptions{});
  REQUIRE(summary.sentences.size() >= 2);
  check_attribution(summary, originals);
  for (const auto& s : summary.sentences) {
    INFO(s.text);
    CHECK(std::string("#>-0123456789").find(s.text.front()) == std::string::npos);
  }
  CHECK(summary.sources[1].title == "Americans held over Haitian children");
}

TEST_CASE("every budget unit is a hard limit", "[summarizer]") {
  const auto read = read_inputs({kSamples});
  for (std::size_t budget : {20, 45, 100, 250}) {
    SummarizeOptions o;
    o.budget = budget;
    CHECK(words_of(summarize(read.documents, o)) <= budget);
    o.budget_unit = BudgetUnit::Bytes;
    o.budget = budget * 6;
    const Summary by_bytes = summarize(read.documents, o);
    CHECK(by_bytes.text().size() <= budget * 6);
    CHECK(by_bytes.used == by_bytes.text().size());
  }
  SummarizeOptions o;
  o.budget_unit = BudgetUnit::Sentences;
  o.budget = 2;
  CHECK(summarize(read.documents, o).sentences.size() == 2);
  // A budget smaller than any sentence: an empty summary, not an error or a truncated sentence.
  o.budget_unit = BudgetUnit::Words;
  o.budget = 3;
  CHECK(summarize(read.documents, o).sentences.empty());
}

TEST_CASE("rank order follows the selection, lead takes first sentences", "[summarizer]") {
  const auto read = read_inputs({kSamples});
  SummarizeOptions o;
  o.order = SentenceOrder::Rank;
  const Summary ranked = summarize(read.documents, o);
  REQUIRE(!ranked.sentences.empty());
  o.selector = Selector::Lead;
  o.order = SentenceOrder::Source;
  o.budget_unit = BudgetUnit::Sentences;
  o.budget = 5;
  // One sentence from each of the five articles, from its opening (a first sentence may be
  // skipped as a question or a near-duplicate of an earlier article's).
  const Summary lead = summarize(read.documents, o);
  REQUIRE(lead.sentences.size() == 5);
  std::set<std::uint32_t> sources;
  for (const auto& s : lead.sentences) {
    CHECK(s.index <= 2);
    sources.insert(s.source);
  }
  CHECK(sources.size() >= 4);
}

TEST_CASE("a fact shared by several sources is chosen and supported", "[summarizer]") {
  // Three short "articles": two report the same fact in other words, one adds noise.
  std::vector<Document> docs = {
      make_document("a.txt",
                    "Le conseil municipal de Lyon a voté jeudi la gratuité des transports pour "
                    "les étudiants.\n\nLa météo était clémente sur la ville ce jour-là selon les "
                    "prévisionnistes."),
      make_document("b.txt",
                    "Jeudi, le conseil municipal de Lyon a voté la gratuité des transports en "
                    "commun pour les étudiants.\n\nUn concert de jazz aura lieu samedi au parc de "
                    "la Tête d'Or."),
      make_document("c.txt",
                    "La gratuité des transports pour les étudiants a été votée par le conseil "
                    "municipal de Lyon.\n\nLes commerçants du centre redoutent des travaux "
                    "prolongés sur la place.")};
  SummarizeOptions o;
  o.budget_unit = BudgetUnit::Sentences;
  o.budget = 1;
  const Summary s = summarize(docs, o);
  REQUIRE(s.sentences.size() == 1);
  CHECK(s.sentences[0].text.find("gratuité") != std::string::npos);
  std::set<std::uint32_t> supporters;
  for (const auto& sup : s.sentences[0].support) {
    supporters.insert(sup.source);
    CHECK(sup.index == 0);
    CHECK(sup.similarity >= o.support_threshold);
  }
  CHECK(supporters.size() == 2);
  // With room for more, the paraphrases of the same fact are never both in the summary.
  o.budget = 3;
  const Summary three = summarize(docs, o);
  int about_transport = 0;
  for (const auto& sent : three.sentences)
    if (sent.text.find("gratuité") != std::string::npos) ++about_transport;
  CHECK(about_transport == 1);
}

TEST_CASE("the same article twice does not appear twice and counts as support", "[summarizer]") {
  const auto read = read_inputs({kSamples});
  std::vector<Document> docs = read.documents;
  docs.push_back(docs[1]);
  docs.back().path = "copy-of-001.txt";
  SummarizeOptions o;
  const Summary s = summarize(docs, o);
  std::set<std::string> texts;
  bool copy_supports = false;
  for (const auto& sent : s.sentences) {
    CHECK(texts.insert(sent.text).second);
    CHECK(sent.source != 5);
    for (const auto& sup : sent.support)
      if (sup.source == 5) copy_supports = true;
  }
  CHECK(copy_supports == std::any_of(s.sentences.begin(), s.sentences.end(),
                                     [](const SummarySentence& x) { return x.source == 1; }));
}

TEST_CASE("offsets point into the original bytes of a converted file", "[summarizer]") {
  // Latin-1: "é" is one byte in the file, two in the UTF-8 text.
  const std::string latin1 =
      "Titre du jour\n\nLe pr\xE9sident a annonc\xE9 une r\xE9"
      "forme des retraites tr\xE8s attendue hier soir.\n\nLes syndicats ont appel\xE9 \xE0 une "
      "gr\xE8ve g\xE9n\xE9rale pour la semaine prochaine.\n";
  const auto dir = std::filesystem::temp_directory_path() / "precis_summarizer_latin1";
  std::filesystem::create_directories(dir);
  const auto path = (dir / "a.txt").string();
  std::ofstream(path, std::ios::binary) << latin1;
  auto read = read_inputs({path});
  REQUIRE(read.documents.size() == 1);
  SummarizeOptions o;
  o.language = Language::French;
  o.budget_unit = BudgetUnit::Sentences;
  o.budget = 2;
  const Summary s = summarize(read.documents, o);
  REQUIRE(s.sentences.size() == 2);
  for (const auto& sent : s.sentences) {
    const std::string original = latin1.substr(sent.start, sent.end - sent.start);
    CHECK(original.front() == 'L');
    CHECK(original.back() == '.');
    CHECK(original.size() < sent.text.size());  // fewer bytes than the UTF-8 text
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("invalid options and inputs are reported", "[summarizer]") {
  const auto read = read_inputs({kSamples});
  SummarizeOptions o;
  o.lambda = 1.5;
  CHECK_THROWS_AS(summarize(read.documents, o), Error);
  o = {};
  o.budget = 0;
  CHECK_THROWS_AS(summarize(read.documents, o), Error);
  o = {};
  o.min_words = 10;
  o.max_words = 5;
  CHECK_THROWS_AS(summarize(read.documents, o), Error);
  CHECK_THROWS_AS(summarize({}, SummarizeOptions{}), Error);
  CHECK_THROWS_WITH(summarize({make_document("empty.txt", "  \n\n ")}, SummarizeOptions{}),
                    Catch::Contains("empty.txt"));
  IdfTable english;
  english.language = Language::English;
  english.documents = 10;
  o = {};
  o.idf = &english;
  o.language = Language::French;
  CHECK_THROWS_AS(summarize(read.documents, o), Error);
}

TEST_CASE("a background table counts what a summary reads: no markup, no page furniture",
          "[summarizer]") {
  // Two articles of one Gigaword-style collection file: each counts once, and its tags, DOCNO and
  // type attribute count as no term; its headline does.
  const std::string gigaword =
      "<DOC id=\"APW_ENG_19981012.0240\" type=\"story\">\n<HEADLINE>\nHurricane hits the "
      "keys\n</HEADLINE>\n<TEXT>\n<P>\nThe storm flooded the islands on Monday, officials "
      "said.\n</P>\n</TEXT>\n</DOC>\n<DOC id=\"APW_ENG_19981012.0241\" "
      "type=\"story\">\n<HEADLINE>\nMarkets rally\n</HEADLINE>\n<TEXT>\n<P>\nShares rose "
      "sharply in Tokyo on Tuesday, officials "
      "said.\n</P>\n</TEXT>\n</DOC>\n";
  Document file;
  std::vector<std::string> warnings;
  REQUIRE(decode_document("apw.txt", gigaword, file, warnings));
  const std::vector<Document> articles = split_collection(std::move(file));
  REQUIRE(articles.size() == 2);
  IdfBuilder cleaned(Language::English), raw(Language::English);
  for (const Document& d : articles) {
    cleaned.add_document(d);
    raw.add_text(d.text);
  }
  const IdfTable table = cleaned.table();
  CHECK(table.documents == 2);
  for (const char* markup :
       {"doc", "headlin", "text", "p", "id", "stori", "type", "apw_eng_19981012.0240"})
    CHECK(table.df.count(markup) == 0);
  CHECK(raw.table().df.at("headlin") == 2);  // what counting the raw text did
  CHECK(table.df.at("hurrican") == 1);       // the headline counts
  CHECK(table.df.at("flood") == 1);
  CHECK(table.df.at("offici") == 2);

  // A scraped page: the newsletter block seed 004 prints above and below the article counts as
  // no term, the article's words do.
  const auto read = read_inputs({kSamples});
  const auto page =
      std::find_if(read.documents.begin(), read.documents.end(),
                   [](const Document& d) { return d.path.find("004_") != std::string::npos; });
  REQUIRE(page != read.documents.end());
  const std::string text = countable_text(*page);
  CHECK(text.find("Recevez la liste des nouveaux articles") == std::string::npos);
  CHECK(page->text.find("Recevez la liste des nouveaux articles") != std::string::npos);
  CHECK(text.find("Poutine") != std::string::npos);
  // Without cleaning every line counts.
  CHECK(countable_text(*page, CleanOptions{.enabled = false}).find("Recevez la liste") !=
        std::string::npos);
}

TEST_CASE("a background idf table changes the weights, not the contract", "[summarizer]") {
  const auto read = read_inputs({kSamples});
  IdfBuilder builder(Language::French);
  for (const auto& d : read.documents) builder.add_document(d);
  const IdfTable table = builder.table();
  CHECK(table.documents == 5);
  CHECK(table.df.count("poutin") == 1);  // stemmed, folded terms
  CHECK(table.df.at("poutin") == 5);
  SummarizeOptions o;
  o.idf = &table;
  const Summary s = summarize(read.documents, o);
  CHECK(!s.sentences.empty());
  CHECK(s.used <= 100);

  const auto path = (std::filesystem::temp_directory_path() / "precis_idf_roundtrip.tsv").string();
  table.save(path);
  const IdfTable loaded = IdfTable::load(path);
  CHECK(loaded.documents == table.documents);
  CHECK(loaded.df == table.df);
  CHECK(loaded.idf("poutin") == Approx(smoothed_idf(5, 5)));
  CHECK(loaded.idf("absent") == Approx(std::log(6.0) + 1.0));
  // A truncated table is refused with the file name.
  std::ofstream(path, std::ios::binary) << "#precis-idf 1\nlanguage\tfr\n";
  CHECK_THROWS_WITH(IdfTable::load(path), Catch::Contains(path));
  std::ofstream(path, std::ios::binary) << "garbage\n";
  CHECK_THROWS_WITH(IdfTable::load(path), Catch::Contains("not a precis idf table"));
  std::filesystem::remove(path);
}

TEST_CASE("text in another language still works, with a warning", "[summarizer]") {
  const auto read = read_inputs({kSamples});
  CHECK(summarize(read.documents, SummarizeOptions{}).warnings.empty());
  const std::string german =
      "Die Bundesregierung hat am Donnerstag ein neues Gesetz zur Förderung der erneuerbaren "
      "Energien beschlossen. Nach Angaben des Wirtschaftsministeriums sollen bis zum Jahr 2030 "
      "achtzig Prozent des Stroms aus Wind und Sonne stammen. Die Opposition kritisierte den "
      "Entwurf als unzureichend und forderte schnellere Maßnahmen gegen den Klimawandel. "
      "Umweltverbände begrüßten die Pläne grundsätzlich, bemängelten aber fehlende Details.";
  SummarizeOptions o;
  o.budget_unit = BudgetUnit::Sentences;
  o.budget = 1;
  const Summary de = summarize({make_document("de.txt", german)}, o);
  CHECK(de.sentences.size() == 1);
  REQUIRE(de.warnings.size() == 1);
  CHECK_THAT(de.warnings[0], Catch::Contains("does not look French"));
  // Chinese has no spaces between words: sentences must not count as one word each.
  const std::string chinese =
      "国务院周四发布了一项新的可再生能源发展计划。根据该计划，到二〇三〇年，风能和太阳能发电将占"
      "全国电力的一半以上。专家表示，这一目标需要大规模投资电网建设。环保组织对计划表示欢迎，但认为"
      "具体的资金安排仍不清楚。";
  const Summary zh = summarize({make_document("zh.txt", chinese)}, o);
  CHECK(zh.sentences.size() == 1);
  CHECK(zh.warnings.size() == 1);
  // The words the budget used are the ones the selection charged: the tokenizer's, not spaces'.
  SummarizeOptions by_words;
  by_words.budget = 40;
  const Summary zh_words = summarize({make_document("zh.txt", chinese)}, by_words);
  REQUIRE(!zh_words.sentences.empty());
  CHECK(zh_words.used > zh_words.sentences.size());
  CHECK(zh_words.used <= 40);
}

TEST_CASE("a summary speaks one language: a bilingual release's other half is not taken",
          "[summarizer]") {
  const std::string english =
      "The Kingsford Waterfront Marathon was modified at 10:45 a.m. because of extreme heat.\n\n"
      "The course was closed at the 32-kilometre mark and about 1,150 runners were redirected "
      "to the finish area.\n\n"
      "Forty-six participants received medical care on course or at the finish line.\n\n";
  const std::string french =
      "Le Marathon riverain de Kingsford a été modifié à 10 h 45 en raison de la chaleur "
      "extrême.\n\n"
      "Le parcours a été fermé au 32e kilomètre et environ 1 150 coureurs ont été redirigés vers "
      "l'aire d'arrivée.\n\n"
      "Quarante-six participants ont reçu des soins sur le parcours ou à l'arrivée.\n";
  const std::string report =
      "Organizers of the Kingsford marathon stopped the race on Sunday morning as the heat "
      "rose.\n\n"
      "The runners who had not reached the 32-kilometre mark were sent to the finish, and the "
      "race director said that every one of them would get a free entry to the 2026 event.\n\n"
      "Nine of the participants who were treated by paramedics were taken to the hospital.\n";
  const std::string brief =
      "Heat forced the Kingsford marathon to end early on Sunday, and 46 runners needed medical "
      "care.\n\n"
      "One of the runners who were taken to the hospital is in a serious but stable "
      "condition, the organizers said in the afternoon.\n";
  const std::vector<Document> release = {make_document("release.txt", english + french),
                                         make_document("report.txt", report),
                                         make_document("brief.txt", brief)};
  SummarizeOptions o;
  o.budget = 250;
  const Summary summary = summarize(release, o);
  CHECK(summary.language == Language::English);
  REQUIRE(!summary.sentences.empty());
  // Without the rule, the French translation of a sentence already taken was taken too; the
  // lead baseline, which takes the first sentences of each source in turn, obeys it as well.
  for (const auto& s : summary.sentences) {
    INFO(s.text);
    CHECK((s.source != 0 || s.start < english.size()));
  }
  SummarizeOptions lead = o;
  lead.selector = Selector::Lead;
  const Summary led = summarize(release, lead);
  REQUIRE(!led.sentences.empty());
  for (const auto& s : led.sentences) {
    INFO(s.text);
    CHECK((s.source != 0 || s.start < english.size()));
  }
  // Forced against the text, the language excludes nothing: the summary is not emptied.
  o.language = Language::French;
  const Summary forced = summarize({make_document("report.txt", report)}, o);
  CHECK(!forced.sentences.empty());
}

TEST_CASE("one huge document is capped at max_sentences_per_doc", "[summarizer]") {
  std::string text;
  for (int i = 0; i < 3000; ++i)
    text += "Le rapport numéro " + std::to_string(i) + " du comité a été publié ce matin à Paris. ";
  const Summary s = summarize({make_document("big.txt", text)}, SummarizeOptions{});
  CHECK(s.sources[0].sentences == SummarizeOptions{}.max_sentences_per_doc);
  CHECK(s.times.sentences == 1000);
  CHECK(!s.sentences.empty());
}

TEST_CASE("past max_graph_sentences, the first k sentences of each document are kept",
          "[summarizer]") {
  // 10 documents of 12 sentences; a limit of 50 keeps the first 5 of each (50), not 6 (60).
  std::vector<Document> documents;
  for (int d = 0; d < 10; ++d) {
    std::string text;
    for (int i = 0; i < 12; ++i)
      text += "La commission numéro " + std::to_string(d) + " a publié son rapport " +
              std::to_string(i) + " sur le budget des transports ce matin à Lyon. ";
    documents.push_back(make_document("d" + std::to_string(d) + ".txt", text));
  }
  SummarizeOptions o;
  o.max_graph_sentences = 50;
  const Summary capped = summarize(documents, o);
  CHECK(capped.times.sentences == 50);
  for (const auto& source : capped.sources) CHECK(source.sentences == 5);
  for (const auto& sentence : capped.sentences) CHECK(sentence.index < 5);
  REQUIRE(capped.warnings.size() == 1);
  CHECK_THAT(capped.warnings[0], Catch::Contains("120 sentences") &&
                                     Catch::Contains("only the first 5 of each document"));
  // At the limit exactly, or with no limit, nothing is left out and nothing is said.
  o.max_graph_sentences = 120;
  CHECK(summarize(documents, o).times.sentences == 120);
  o.max_graph_sentences = 0;
  const Summary all = summarize(documents, o);
  CHECK(all.times.sentences == 120);
  CHECK(all.warnings.empty());
  // A limit below the number of documents still keeps each one's first sentence.
  o.max_graph_sentences = 3;
  CHECK(summarize(documents, o).times.sentences == 10);
}
