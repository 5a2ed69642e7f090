#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "precis/error.h"
#include "precis/reader.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using precis::decode_document;
using precis::Document;
using precis::read_inputs;

namespace {

using precis::testing::TempDir;

std::vector<std::string> paths_of(const precis::ReadResult& result) {
  std::vector<std::string> paths;
  for (const Document& document : result.documents) paths.push_back(document.path);
  return paths;
}

// The original bytes behind text[begin, end), through the document's offset map.
std::string original_bytes(const Document& document, const std::string& original, std::size_t begin,
                           std::size_t end) {
  const std::size_t from = document.original_offset(begin);
  const std::size_t to = document.original_offset(end);
  return original.substr(from, to - from);
}

// UTF-16 bytes of `text` with a BOM, in the given byte order.
std::string utf16_with_bom(const std::u16string& text, bool big_endian) {
  std::string bytes = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (const char16_t unit : text) {
    const char high = static_cast<char>(unit >> 8), low = static_cast<char>(unit & 0xFF);
    bytes += big_endian ? std::string{high, low} : std::string{low, high};
  }
  return bytes;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("directory walk: sorted, recursive, extensions filtered, hidden entries skipped",
          "[reader]") {
  TempDir dir;
  dir.write("b.txt", "B.\n");
  dir.write("a.md", "A.\n");
  dir.write("sub/d.txt", "D.\n");
  dir.write("sub/c.TXT", "C.\n");  // extensions compare case-insensitively
  dir.write("style.css", "p { color: red }\n");
  dir.write(".hidden.txt", "hidden\n");
  dir.write(".git/notes.txt", "hidden dir\n");
  dir.write("sub/.cache/x.md", "hidden dir\n");
  dir.write("noext", "no extension\n");

  const auto result = read_inputs({dir.path.string()});
  const std::string root = dir.path.string();
  CHECK(paths_of(result) == std::vector<std::string>{root + "/a.md", root + "/b.txt",
                                                     root + "/sub/c.TXT", root + "/sub/d.txt"});
  CHECK(result.warnings.empty());
  REQUIRE(result.documents.size() == 4);
  CHECK(result.documents[0].text == "A.\n");
  CHECK(result.documents[3].text == "D.\n");
}

TEST_CASE("inputs keep their given order; a file named explicitly is read whatever its name",
          "[reader]") {
  TempDir dir;
  const fs::path log = dir.write("notes.log", "Du texte.\n");
  const fs::path z = dir.write("z.txt", "Z.\n");
  const auto result = read_inputs({z.string(), log.string()});
  CHECK(paths_of(result) == std::vector<std::string>{z.string(), log.string()});
  CHECK(result.documents[1].text == "Du texte.\n");
}

TEST_CASE("a folder's web pages are read, but not the assets a browser saves beside them",
          "[reader]") {
  TempDir dir;
  dir.write("Article.html", "<!DOCTYPE html><p>L&apos;article.</p>\n");
  dir.write("Article_files/ad.html", "<p>Une publicité.</p>\n");
  dir.write("Article_files/style.css", "p {}\n");
  dir.write("Seite.htm", "<p>Der Artikel.</p>\n");
  dir.write("Seite-Dateien/frame.htm", "<p>Werbung.</p>\n");
  dir.write("notes_files/kept.html", "<p>Pas un dossier de page.</p>\n");  // no notes.html
  const auto result = read_inputs({dir.path.string()});
  const std::string root = dir.path.string();
  CHECK(paths_of(result) == std::vector<std::string>{root + "/Article.html", root + "/Seite.htm",
                                                     root + "/notes_files/kept.html"});
  REQUIRE(result.documents.size() == 3);
  CHECK(result.documents[0].format == Document::Format::Html);
  CHECK(result.documents[0].text == "L'article.\n");
  // Named on the command line, an asset is read.
  CHECK(read_inputs({root + "/Article_files/ad.html"}).documents.size() == 1);
}

TEST_CASE("a folder's TREC files are read whatever their name", "[reader]") {
  // DUC and TAC name their files after the document number: APW19981016.0240, NYT19990101.0001.
  TempDir dir;
  dir.write("APW19981016.0240", "<DOC>\n<DOCNO> APW19981016.0240 </DOCNO>\n<TEXT>\nA.\n</TEXT>\n");
  dir.write("sub/XIE19990101.0001", "\xEF\xBB\xBF\n<DOC id=\"XIE19990101.0001\">\n</DOC>\n");
  dir.write("APW.notes", "<DOCUMENT> is not a TREC file\n");
  dir.write("README", "Notes on the cluster.\n");
  const auto result = read_inputs({dir.path.string()});
  const std::string root = dir.path.string();
  CHECK(paths_of(result) ==
        std::vector<std::string>{root + "/APW19981016.0240", root + "/sub/XIE19990101.0001"});
}

TEST_CASE("a TREC collection file is one document per <DOC>, offsets still into the file",
          "[reader]") {
  // Gigaword and AQUAINT keep a day of an agency's wire in one file; each <DOC> is an article.
  const std::string gigaword =
      "<DOC id=\"AFP_ENG_19940512.0004\" type=\"story\" >\n<HEADLINE>\nOne\n</HEADLINE>\n"
      "<TEXT>\n<P>\nFirst article.\n</P>\n</TEXT>\n</DOC>\n"
      "<doc id='AFP_ENG_19940512.0005'>\n<TEXT>\n<P>\nSecond article.\n</P>\n</TEXT>\n</doc>\n"
      "  <DOC>\n<DOCNO> APW19980601.0003 </DOCNO>\n<TEXT>\nThird article.\n</TEXT>\n</DOC>\n"
      "<DOC>\n<DOCID>not a DOCNO</DOCID>\n<TEXT>\nFourth article.\n</TEXT>\n</DOC>\n";
  TempDir dir;
  const fs::path file = dir.write("afp_eng_199405", gigaword);
  const auto result = read_inputs({dir.path.string()});
  REQUIRE(result.documents.size() == 4);
  const std::vector<std::string> names = {"AFP_ENG_19940512.0004", "AFP_ENG_19940512.0005",
                                          "APW19980601.0003", "4"};
  const std::vector<std::string> texts = {"First article.", "Second article.", "Third article.",
                                          "Fourth article."};
  std::size_t covered = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    const Document& document = result.documents[k];
    CHECK(document.path == file.string());
    CHECK(document.part == names[k]);
    // The parts tile the file: each starts where the one before ends.
    CHECK(document.original_offset(0) == covered);
    covered = document.original_offset(document.text.size());
    const std::size_t begin = document.text.find(texts[k]);
    REQUIRE(begin != std::string::npos);
    CHECK(original_bytes(document, gigaword, begin, begin + texts[k].size()) == texts[k]);
  }
  CHECK(covered == gigaword.size());
  // The third <DOC> is indented: its part starts at its line, the spaces included.
  CHECK(result.documents[2].text.starts_with("  <DOC>"));

  SECTION("converted from UTF-16, each part keeps its slice of the offset map") {
    std::u16string wide;
    for (const char c : gigaword) wide.push_back(static_cast<char16_t>(c));
    const std::string bytes = utf16_with_bom(wide, false);
    Document document;
    std::vector<std::string> warnings;
    REQUIRE(decode_document("wide", bytes, document, warnings));
    const std::vector<Document> parts = precis::split_collection(std::move(document));
    REQUIRE(parts.size() == 4);
    CHECK(parts[3].part == "4");
    const std::size_t begin = parts[1].text.find("Second article.");
    const std::size_t from = parts[1].original_offset(begin);
    CHECK(from == 2 + 2 * gigaword.find("Second article."));
    CHECK(parts[1].original_offset(begin + 15) == from + 30);
    CHECK(parts[3].original_offset(parts[3].text.size()) == bytes.size());
  }
  SECTION("one <DOC>, or none, is one document") {
    for (const std::string& text : {std::string("<DOC>\n<TEXT>\nA.\n</TEXT>\n</DOC>\n"),
                                    std::string("<DOC>\n<DOCNO>1</DOCNO>\n<DOCNO>2</DOCNO>\n"),
                                    std::string("Plain text.\n<DOC>\n<DOC>\n")}) {
      Document document;
      std::vector<std::string> warnings;
      REQUIRE(decode_document("x", text, document, warnings));
      const std::vector<Document> parts = precis::split_collection(std::move(document));
      REQUIRE(parts.size() == 1);
      CHECK(parts[0].text == text);
      CHECK(parts[0].part.empty());
    }
  }
}

TEST_CASE("custom extensions are honoured", "[reader]") {
  TempDir dir;
  dir.write("a.txt", "A.\n");
  dir.write("b.text", "B.\n");
  precis::ReadOptions options;
  options.extensions = {".text"};
  const auto result = read_inputs({dir.path.string()}, options);
  CHECK(paths_of(result) == std::vector<std::string>{(dir.path / "b.text").string()});
}

TEST_CASE("valid UTF-8 is kept as is, without an offset map", "[reader]") {
  Document document;
  std::vector<std::string> warnings;
  const std::string bytes = "Être à l’Élysée 😀.\r\nDeux.\rTrois.\n";
  REQUIRE(decode_document("a.txt", bytes, document, warnings));
  CHECK(document.text == bytes);  // CRLF and lone CR are left alone: offsets stay identity
  CHECK(document.encoding == "UTF-8");
  CHECK(document.text_to_original.empty());
  CHECK(document.origin == 0);
  CHECK(document.original_offset(5) == 5);
  CHECK(warnings.empty());
}

TEST_CASE("a UTF-8 BOM is stripped and offsets shift by its length", "[reader]") {
  Document document;
  std::vector<std::string> warnings;
  REQUIRE(decode_document("bom.txt", "\xEF\xBB\xBFPremière phrase.\r\n", document, warnings));
  CHECK(document.text == "Première phrase.\r\n");
  CHECK(document.origin == 3);
  CHECK(document.text_to_original.empty());
  CHECK(document.original_offset(0) == 3);
  CHECK(document.original_offset(document.text.size()) == 3 + document.text.size());
  CHECK(warnings.empty());
}

TEST_CASE("Latin-1 files are converted with a warning and an exact offset map", "[reader]") {
  // "L'été à Paris, où il fait chaud. Le garçon mange une crêpe." in ISO-8859-1.
  const std::string latin1 =
      "L'\xE9t\xE9 \xE0 Paris, o\xF9 il fait chaud. Le gar\xE7on mange une cr\xEApe.\n"
      "Un \xE9l\xE8ve na\xEF"
      "f \xE9tudie \xE0 l'\xE9"
      "cole fran\xE7"
      "aise depuis d\xE9j\xE0 trois ann\xE9"
      "es.\n";
  TempDir dir;
  const fs::path file = dir.write("latin1.txt", latin1);
  const auto result = read_inputs({file.string()});
  REQUIRE(result.documents.size() == 1);
  const Document& document = result.documents[0];
  const std::string expected =
      "L'été à Paris, où il fait chaud. Le garçon mange une crêpe.\n"
      "Un élève naïf étudie à l'école française depuis déjà trois années.\n";
  CHECK(document.text == expected);
  CHECK((document.encoding == "ISO-8859-1" || document.encoding == "windows-1252"));
  REQUIRE(result.warnings.size() == 1);
  CHECK(result.warnings[0] ==
        file.string() + ": not valid UTF-8, converted from " + document.encoding);

  REQUIRE(document.text_to_original.size() == document.text.size() + 1);
  CHECK(document.original_offset(document.text.size()) == latin1.size());
  // Each sentence maps back to exactly its bytes in the original file.
  for (const std::string sentence :
       {"Le garçon mange une crêpe.", "L'été à Paris, où il fait chaud.",
        "Un élève naïf étudie à l'école française depuis déjà trois années."}) {
    const std::size_t begin = document.text.find(sentence);
    REQUIRE(begin != std::string::npos);
    const std::string original = original_bytes(document, latin1, begin, begin + sentence.size());
    Document back;
    std::vector<std::string> ignored;
    REQUIRE(decode_document("x", original, back, ignored));
    CHECK(back.text == sentence);
  }
  const std::size_t c_cedilla = document.text.find("ç");
  CHECK(document.original_offset(c_cedilla) == latin1.find('\xE7'));
  CHECK(document.original_offset(c_cedilla + 1) == latin1.find('\xE7'));  // both UTF-8 bytes
  CHECK(document.original_offset(c_cedilla + 2) == latin1.find('\xE7') + 1);
}

TEST_CASE("Windows-1252 files are converted (curly quotes, euro, oe ligature)", "[reader]") {
  const std::string cp1252 =
      "Il a dit \x93"
      "bonjour\x94 \x96 c\x92"
      "est l\x92\x9C"
      "uvre d\x92un \xE9l\xE8ve, pour 5 \x80.\n"
      "Le pr\xE9sident am\xE9ricain a d\xE9plor\xE9 \xAB ne pas avoir fait de progr\xE8s \xBB.\n";
  Document document;
  std::vector<std::string> warnings;
  REQUIRE(decode_document("cp.txt", cp1252, document, warnings));
  CHECK(document.encoding == "windows-1252");
  CHECK(document.text ==
        "Il a dit “bonjour” – c’est l’œuvre d’un élève, pour 5 €.\n"
        "Le président américain a déploré « ne pas avoir fait de progrès ».\n");
  CHECK(warnings ==
        std::vector<std::string>{"cp.txt: not valid UTF-8, converted from windows-1252"});
  const std::string sentence = "c’est l’œuvre d’un élève";
  const std::size_t begin = document.text.find(sentence);
  REQUIRE(begin != std::string::npos);
  CHECK(original_bytes(document, cp1252, begin, begin + sentence.size()) ==
        "c\x92"
        "est l\x92\x9C"
        "uvre d\x92un \xE9l\xE8ve");
}

TEST_CASE("UTF-16 with a BOM is converted, each UTF-8 byte mapped to its code unit", "[reader]") {
  const std::u16string text = u"Été “ok” 😀.\r\nFin.";
  const std::string utf8 = "Été “ok” 😀.\r\nFin.";
  for (const bool big_endian : {false, true}) {
    const std::string bytes = utf16_with_bom(text, big_endian);
    Document document;
    std::vector<std::string> warnings;
    REQUIRE(decode_document("u16.txt", bytes, document, warnings));
    CHECK(document.text == utf8);
    CHECK(document.encoding == (big_endian ? "UTF-16BE" : "UTF-16LE"));
    CHECK(document.origin == 2);
    CHECK(warnings.empty());
    REQUIRE(document.text_to_original.size() == utf8.size() + 1);
    CHECK(document.original_offset(0) == 2);  // "É" is code unit 0, right after the BOM
    CHECK(document.original_offset(1) == 2);
    CHECK(document.original_offset(2) == 4);  // "t"
    const std::size_t emoji = utf8.find("😀");
    const std::size_t emoji_unit = text.find(u"😀");
    for (std::size_t k = 0; k < 4; ++k) {
      CHECK(document.original_offset(emoji + k) == 2 + 2 * emoji_unit);
    }
    CHECK(document.original_offset(emoji + 4) == 2 + 2 * (emoji_unit + 2));  // "."
    CHECK(document.original_offset(utf8.size()) == bytes.size());
    const std::size_t fin = utf8.find("Fin.");
    CHECK(original_bytes(document, bytes, fin, fin + 4) ==
          utf16_with_bom(u"Fin.", big_endian).substr(2));
  }
}

TEST_CASE("files with NUL bytes are binary: skipped with a warning", "[reader]") {
  Document document;
  std::vector<std::string> warnings;
  CHECK_FALSE(decode_document("img.txt", std::string("GIF89a\0\0\x01", 9), document, warnings));
  CHECK(warnings == std::vector<std::string>{"img.txt: binary file (NUL bytes), skipped"});

  // A NUL inside otherwise valid UTF-8 is binary too, and so is one after a UTF-8 BOM.
  warnings.clear();
  CHECK_FALSE(decode_document("a.txt", std::string("Bonjour.\0", 9), document, warnings));
  CHECK_FALSE(decode_document("b.txt", std::string("\xEF\xBB\xBFx\0", 5), document, warnings));
  CHECK(warnings.size() == 2);
  // Bytes that start like UTF-16 but decode to U+0000.
  CHECK_FALSE(decode_document("c.bin",
                              std::string("\xFF\xFE"
                                          "A\0\0\0",
                                          6),
                              document, warnings));
  CHECK(warnings.size() == 3);

  TempDir dir;
  dir.write("bin.txt", std::string("\x7F"
                                   "ELF\0\0\0",
                                   7));
  dir.write("ok.txt", "Texte.\n");
  const auto result = read_inputs({dir.path.string()});
  CHECK(paths_of(result) == std::vector<std::string>{(dir.path / "ok.txt").string()});
  REQUIRE(result.warnings.size() == 1);
  CHECK(result.warnings[0] ==
        (dir.path / "bin.txt").string() + ": binary file (NUL bytes), skipped");
}

TEST_CASE("malformed UTF-8 sequences are not taken for UTF-8", "[reader]") {
  // Overlong slash, a UTF-16 surrogate, a code point above U+10FFFF, a truncated sequence.
  for (const std::string bad : {"a\xC0\xAF"
                                "b",
                                "a\xED\xA0\x80"
                                "b",
                                "a\xF4\x90\x80\x80"
                                "b",
                                "caf\xC3"}) {
    Document document;
    std::vector<std::string> warnings;
    REQUIRE(decode_document("bad.txt", bad, document, warnings));
    CHECK(document.encoding != "UTF-8");
    CHECK(document.text_to_original.size() == document.text.size() + 1);
    CHECK(warnings.size() == 1);
  }
}

TEST_CASE("an empty file is an empty document", "[reader]") {
  Document document;
  std::vector<std::string> warnings;
  REQUIRE(decode_document("empty.txt", "", document, warnings));
  CHECK(document.text.empty());
  CHECK(document.encoding == "UTF-8");
}

TEST_CASE("a missing input is an error naming the path", "[reader]") {
  TempDir dir;
  const std::string missing = (dir.path / "nope.txt").string();
  try {
    read_inputs({missing});
    FAIL("no exception");
  } catch (const precis::Error& error) {
    CHECK(std::string(error.what()) == missing + ": cannot read: No such file or directory");
    CHECK(error.kind() == precis::Error::Kind::Input);
  }
}

TEST_CASE("an unreadable file is an error when named, a warning inside a folder", "[reader]") {
  if (geteuid() == 0) {
    WARN("running as root, which can read any file: permission checks skipped");
    return;
  }
  TempDir dir;
  const fs::path secret = dir.write("secret.txt", "Secret.\n");
  fs::permissions(secret, fs::perms::none);
  try {
    read_inputs({secret.string()});
    FAIL("no exception");
  } catch (const precis::Error& error) {
    CHECK(std::string(error.what()) == secret.string() + ": cannot read: Permission denied");
  }

  const auto result = read_inputs({dir.path.string()});
  CHECK(result.documents.empty());
  REQUIRE(result.warnings.size() == 1);
  CHECK(contains(result.warnings[0], secret.string()));
  CHECK(contains(result.warnings[0], "Permission denied"));

  // A folder that cannot be listed, named explicitly.
  const fs::path closed = dir.path / "closed";
  fs::create_directory(closed);
  fs::permissions(closed, fs::perms::none);
  CHECK_THROWS_WITH(read_inputs({closed.string()}),
                    closed.string() + ": cannot read: Permission denied");
}

TEST_CASE("symbolic link loops terminate and read each file once", "[reader]") {
  TempDir dir;
  dir.write("a/one.txt", "Un.\n");
  dir.write("a/b/two.txt", "Deux.\n");
  fs::create_directory_symlink(dir.path / "a", dir.path / "a" / "b" / "up");  // a/b/up -> a
  fs::create_directory_symlink(dir.path / "a" / "b", dir.path / "a" / "side");
  fs::create_symlink(dir.path / "a" / "self", dir.path / "a" / "self");  // ELOOP on status
  const auto result = read_inputs({dir.path.string()});
  std::vector<std::string> texts;
  for (const Document& document : result.documents) texts.push_back(document.text);
  std::sort(texts.begin(), texts.end());
  CHECK(texts == std::vector<std::string>{"Deux.\n", "Un.\n"});
  // The self-referencing link is reported, not followed.
  REQUIRE(result.warnings.size() == 1);
  CHECK(contains(result.warnings[0], "self"));
}

TEST_CASE("a folder without readable files yields no documents", "[reader]") {
  TempDir dir;
  dir.write("image.png", "PNG");
  const auto result = read_inputs({dir.path.string()});
  CHECK(result.documents.empty());
  CHECK(result.warnings.empty());
}

TEST_CASE("the sample cluster reads as five UTF-8 documents", "[reader]") {
  const auto result = read_inputs({PRECIS_SOURCE_DIR "/samples/appel-trump-poutine"});
  REQUIRE(result.documents.size() == 5);
  CHECK(result.warnings.empty());
  for (const Document& document : result.documents) {
    CHECK(document.encoding == "UTF-8");
    CHECK(document.text_to_original.empty());
  }
  CHECK(contains(result.documents[0].path, "000_d174e9558c95ac9a.txt"));
  CHECK(contains(result.documents[4].path, "004_04058d18a2330ae6.txt"));
}
