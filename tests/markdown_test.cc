#include "markdown.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "precis/document.h"
#include "precis/reader.h"
#include "read_pipeline.h"

using precis::markdown::is_markdown_path;
using precis::markdown::looks_like_markdown;
using precis::markdown::strip_inline;
using precis::testing::read_file;
using precis::testing::ReadFile;

namespace {

// The text without its inline markup, after checking its map: every byte comes from the same
// byte of the input, in order (the text is a subsequence of the input, but for the space a
// line-breaking tag's "<" becomes).
std::string stripped(const std::string& input) {
  const precis::MappedText plain = strip_inline(input);
  REQUIRE(plain.source.size() == plain.text.size() + 1);
  CHECK(plain.source.back() == input.size());
  bool mapped = true;
  for (std::size_t k = 0; k < plain.text.size(); ++k) {
    mapped = mapped && (k == 0 || plain.source[k] > plain.source[k - 1]) &&
             (input[plain.source[k]] == plain.text[k] ||
              (plain.text[k] == ' ' && input[plain.source[k]] == '<'));
  }
  CHECK(mapped);
  return plain.text;
}

}  // namespace

TEST_CASE("markdown: files are known by their name or by their marks", "[markdown]") {
  CHECK(is_markdown_path("a/b/Article.MD"));
  CHECK(is_markdown_path("x.markdown"));
  CHECK_FALSE(is_markdown_path("x.txt"));
  CHECK_FALSE(is_markdown_path("md"));

  // html2text, pandoc and reader modes write .txt files too.
  CHECK(looks_like_markdown("# Title\n\nText with a [link](https://example.com/a).\n"));
  CHECK(
      looks_like_markdown("Le groupe **NightVole** a revendiqué l'attaque.\n\n"
                          "Voir [le communiqué][1].\n\n[1]: https://example.com/c\n"));
  CHECK(looks_like_markdown("![photo](a.jpg)\n\n## Les faits\n\nTexte.\n"));
  // One mark alone, or marks that prose makes.
  CHECK_FALSE(looks_like_markdown("# Ten Americans arrested\n\nThe police said so.\n"));
  CHECK_FALSE(looks_like_markdown("#MeToo and #BalanceTonPorc spread.\n#1 in sales.\n"));
  CHECK_FALSE(looks_like_markdown("Il a dit « je pars […] demain » (Le Monde). [1] [2]\n"));
  CHECK_FALSE(looks_like_markdown("Prix : 10 €* (*hors taxes). 5 * 3 = 15.\n"));
  CHECK_FALSE(looks_like_markdown("Plain text.\n"));
  CHECK_FALSE(looks_like_markdown(""));
}

TEST_CASE("markdown: links keep their text, images go", "[markdown]") {
  CHECK(stripped("Le [centre hospitalier](/tag/centre-hospitalier/) fonctionne.") ==
        "Le centre hospitalier fonctionne.");
  CHECK(stripped("Selon l'[ANSSI](https://anssi.example \"Agence\") hier.") ==
        "Selon l'ANSSI hier.");
  CHECK(stripped("Un [lien](<url avec espaces> 'titre') et [un autre](a_(b)_c).") ==
        "Un lien et un autre.");
  CHECK(stripped("Vers le [CHU de Nantes][1] et [Saint-Nazaire][] ou [PEMA].\n\n"
                 "[1]: https://chu.example\n[saint-nazaire]: /sn \"Hôpital\"\n"
                 "[pema]: https://pema.example\n") ==
        "Vers le CHU de Nantes et Saint-Nazaire ou PEMA.\n\n\n\n\n");
  // An undefined label is no link: Wikipedia's "[1]", a quotation's "[…]".
  CHECK(stripped("Il a dit « je pars […] demain »[1] et [sic] (hier).") ==
        "Il a dit « je pars […] demain »[1] et [sic] (hier).");
  CHECK(stripped("Photo ![Le centre, lundi.](https://img.example/c.jpg) prise lundi.") ==
        "Photo  prise lundi.");
  CHECK(stripped("[![Ouest-Journal](/static/logo.svg)](/)") == "");
  // A link's text is read on: its emphasis goes too.
  CHECK(stripped("Le groupe [**NightVole**](/tag/nightvole) revendique.") ==
        "Le groupe NightVole revendique.");
  // A link may run over a hard-wrapped line, not over a blank one.
  CHECK(stripped("Le [centre\nhospitalier](/tag/c) est ouvert.") ==
        "Le centre\nhospitalier est ouvert.");
  CHECK(stripped("Le [centre\n\nhospitalier](/tag/c) est ouvert.") ==
        "Le [centre\n\nhospitalier](/tag/c) est ouvert.");
  // Not closed: text.
  CHECK(stripped("Un [lien](https://example.com sans fin.") ==
        "Un [lien](https://example.com sans fin.");
}

TEST_CASE("markdown: emphasis marks go by CommonMark's flanking rules", "[markdown]") {
  CHECK(stripped("le groupe **NightVole** et _Le Monde_, *ici* et __là__.") ==
        "le groupe NightVole et Le Monde, ici et là.");
  CHECK(stripped("***Très*** important, **« cité »**.") == "Très important, « cité ».");
  CHECK(stripped("**Bilan**") == "Bilan");
  // Over a wrapped line, within the paragraph.
  CHECK(stripped("_Le centre est visé depuis\ndimanche._\n") ==
        "Le centre est visé depuis\ndimanche.\n");
  CHECK(stripped("**ouvert\n\nfermé**") == "**ouvert\n\nfermé**");
  // Text: snake_case, arithmetic, a lone asterisk, a list's bullet, a rule.
  CHECK(stripped("snake_case_name et 5 * 3 = 15 et 2*3*4.") ==
        "snake_case_name et 5 * 3 = 15 et 234.");
  CHECK(stripped("Prix : 10 €* (*hors taxes)") == "Prix : 10 €* (*hors taxes)");
  CHECK(stripped("* Un point.\n* Un autre.\n\n* * *\n") == "* Un point.\n* Un autre.\n\n* * *\n");
  CHECK(stripped("* **Gras** dans une liste.") == "* Gras dans une liste.");
  // Unmatched runs stay; matched ones go.
  CHECK(stripped("**un *deux* trois") == "**un deux trois");
}

TEST_CASE("markdown: code, escapes, autolinks, footnotes, fences", "[markdown]") {
  CHECK(stripped("La commande `rm -rf *` et ``a ` b``.") == "La commande rm -rf * et a ` b.");
  CHECK(stripped("1\\. Premier \\*point\\* \\_ici\\_.") == "1. Premier *point* _ici_.");
  CHECK(stripped("Écrire à <mailto:a@example.com> ou voir <https://example.com/x>.") ==
        "Écrire à mailto:a@example.com ou voir https://example.com/x.");
  CHECK(stripped("a < b et a<b restent, <3 aussi.") == "a < b et a<b restent, <3 aussi.");
  // Raw HTML is markup: a tag that breaks a line or a block becomes a space.
  CHECK(stripped("le <em>mot</em> et <span class=\"x\">là</span>.") == "le mot et là.");
  CHECK(stripped("dimanche.<br>Les secours<br/>sont là.") == "dimanche. Les secours sont là.");
  CHECK(stripped("Avant <!-- publicité --> après.") == "Avant   après.");
  CHECK(stripped("Un <a href=\"x\"\nhref2>lien</a>.") == "Un <a href=\"x\"\nhref2>lien.");
  CHECK(stripped("selon Vigicrues[^1].\n\n[^1]: Le service de prévision.\n") ==
        "selon Vigicrues.\n\nLe service de prévision.\n");
  CHECK(stripped("Avant.\n\n```\nun **code** [x](y)\n```\n\n**Après**.") ==
        "Avant.\n\n```\nun **code** [x](y)\n```\n\nAprès.");
  CHECK(stripped("Une ligne\\\nforcée.") == "Une ligne\nforcée.");
  CHECK(stripped("") == "");
}

TEST_CASE("markdown: a prose line that opens like a definition is prose", "[markdown]") {
  CHECK(stripped("[Mise à jour]: le bilan s'alourdit.") == "[Mise à jour]: le bilan s'alourdit.");
  CHECK(stripped("[Mise à jour]: https://example.com \"titre\"") == "");
}

TEST_CASE("markdown: adversarial runs stay fast and exact", "[markdown]") {
  // Many openers that never close, then many closers of another mark: linear, not quadratic.
  std::string text;
  for (int k = 0; k < 50000; ++k) text += "_a ";
  for (int k = 0; k < 50000; ++k) text += "b* ";
  text += "[";
  for (int k = 0; k < 20000; ++k) text += "[x](";
  for (int k = 0; k < 20000; ++k) text += "[a][";
  for (int k = 0; k < 20000; ++k) text += "[a](b (";
  for (int k = 1; k < 300; ++k) text += std::string(static_cast<std::size_t>(k), '`') + "a";
  CHECK(stripped(text).size() == text.size());
}

TEST_CASE("markdown: a converted page reads like its article", "[markdown]") {
  const std::string page =
      "[Aller au contenu](#main)\n\n"
      "  * [Actualité](/actualite/)\n"
      "  * [Pays de la Loire](/pays-de-la-loire/)\n\n"
      "# Cyberattaque à l'hôpital de Valmorin : une rançon réclamée\n\n"
      "_Le centre hospitalier de Valmorin est visé depuis dimanche par une attaque\n"
      "informatique._\n\n"
      "![Le centre, lundi.](https://img.example/c.jpg)\n\n"
      "Le [centre hospitalier de Valmorin](/tag/chv/) fonctionne « en mode dégradé » depuis\n"
      "dimanche, a indiqué la direction, qui a porté plainte auprès du [parquet][1].\n\n"
      "Selon nos informations, les pirates se réclament du groupe **NightVole**.\n\n"
      "[1]: https://justice.example\n";
  for (const char* path : {"page.md", "page.txt"}) {
    INFO(path);
    const ReadFile converted = read_file(path, page, precis::Language::French);
    CHECK(converted.document.format == precis::Document::Format::Markdown);
    CHECK(converted.cleaned.title == "Cyberattaque à l'hôpital de Valmorin : une rançon réclamée");
    CHECK(converted.texts() ==
          std::vector<std::string>{
              "Le centre hospitalier de Valmorin est visé depuis dimanche par une attaque "
              "informatique.",
              "Le centre hospitalier de Valmorin fonctionne « en mode dégradé » depuis dimanche, "
              "a indiqué la direction, qui a porté plainte auprès du parquet.",
              "Selon nos informations, les pirates se réclament du groupe NightVole."});
    // Every span runs from the sentence's first byte to its last in the file.
    for (const auto& s : converted.sentences) {
      const std::size_t begin = converted.document.original_offset(s.span.begin);
      CHECK(page.compare(begin, 2, s.text.substr(0, 2)) == 0);
      CHECK(converted.document.original_offset(s.span.end) <= page.size());
    }
  }
  // Plain text keeps its brackets and asterisks.
  precis::Document plain;
  std::vector<std::string> warnings;
  REQUIRE(precis::decode_document("a.txt", "Un prix de 10 €* [sic].\n", plain, warnings));
  CHECK(plain.format == precis::Document::Format::Text);
  CHECK(plain.text == "Un prix de 10 €* [sic].\n");
}

TEST_CASE("markdown: a quotation's sentence over two lines has no \"> \" inside", "[markdown]") {
  const std::string text =
      "# The charity's leader speaks to the press\n\n"
      "> The group said it meant to open an orphanage\n"
      "> for the children, its leader said on **Friday**.\n";
  const ReadFile quote = read_file("quote.md", text, precis::Language::English);
  const auto& sentences = quote.sentences;
  const precis::Document& document = quote.document;
  REQUIRE(sentences.size() == 1);
  CHECK(sentences[0].text ==
        "The group said it meant to open an orphanage for the children, its leader said on "
        "Friday.");
  // Its span runs from its first character to its last in the file, markup inside.
  const std::size_t begin = document.original_offset(sentences[0].span.begin);
  const std::size_t end = document.original_offset(sentences[0].span.end);
  CHECK(text.substr(begin, end - begin) ==
        "The group said it meant to open an orphanage\n"
        "> for the children, its leader said on **Friday**.");
}

TEST_CASE("markdown: Jina Reader's header goes and gives the title", "[markdown]") {
  const std::string page =
      "Title: Harwick derailment: evacuation zone expanded\n\n"
      "URL Source: https://wjac.example.com/news/harwick\n\n"
      "Published Time: 2025-03-04T13:40:00-05:00\n\n"
      "Markdown Content:\n"
      "Harwick derailment: evacuation zone expanded\n"
      "===============\n\n"
      "State officials on Tuesday expanded the [evacuation zone](https://example.com/map) "
      "around the site of the derailment to an area one mile wide and two miles long.<br>About "
      "1,800 people are under the order.\n";
  const ReadFile jina = read_file("page.md", page, precis::Language::English);
  CHECK(jina.cleaned.title == "Harwick derailment: evacuation zone expanded");
  CHECK(jina.texts() ==
        std::vector<std::string>{
            "State officials on Tuesday expanded the evacuation zone around the site "
            "of the derailment to an area one mile wide and two miles long.",
            "About 1,800 people are under the order."});
}
