#include "html.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "precis/document.h"
#include "precis/reader.h"
#include "read_pipeline.h"

using precis::html::is_html_path;
using precis::html::looks_like_html;
using precis::html::page_text;
using precis::testing::read_file;
using precis::testing::ReadFile;

namespace {

// The page's text, after checking its map: it never goes backwards, ends with the input's size,
// and each byte is the input's byte it is mapped to, or comes from a character reference (mapped
// to its '&'), or is what the writer adds: a space, a line break, a heading's marks.
std::string text_of(const std::string& input) {
  const precis::MappedText page = page_text(input);
  REQUIRE(page.source.size() == page.text.size() + 1);
  CHECK(page.source.back() == input.size());
  bool mapped = true;
  for (std::size_t k = 0; k < page.text.size(); ++k) {
    const char c = page.text[k];
    const std::size_t from = page.source[k];
    mapped = mapped && (k == 0 || from >= page.source[k - 1]) && from <= input.size() &&
             ((from < input.size() && (input[from] == c || input[from] == '&')) || c == ' ' ||
              c == '\n' || c == '#');
  }
  CHECK(mapped);
  return page.text;
}

std::string page(const std::string& body, const std::string& head = "") {
  return "<!DOCTYPE html>\n<html><head>" + head + "</head>\n<body>\n" + body + "\n</body></html>\n";
}

}  // namespace

TEST_CASE("html: pages are known by their name or by their first tag", "[html]") {
  CHECK(is_html_path("a/b/Article.HTML"));
  CHECK(is_html_path("x.htm"));
  CHECK(is_html_path("x.xhtml"));
  CHECK_FALSE(is_html_path("x.txt"));
  CHECK_FALSE(is_html_path("dir.html/x"));
  CHECK(looks_like_html("<!DOCTYPE html>\n<html>"));
  CHECK(looks_like_html("\n  <!doctype HTML><title>x</title>"));
  CHECK(looks_like_html("<?xml version=\"1.0\"?>\n<!-- saved -->\n<html lang=\"fr\">"));
  CHECK(looks_like_html("<HTML>"));
  CHECK(looks_like_html("<body class=\"article\"><p>Texte</p>"));
  // A text that quotes a tag, a TREC file, XML: no page.
  CHECK_FALSE(looks_like_html("Le <html> est un langage."));
  CHECK_FALSE(looks_like_html("<DOC>\n<DOCNO> X </DOCNO>"));
  CHECK_FALSE(looks_like_html("<htmlish>"));
  CHECK_FALSE(looks_like_html("<?xml version=\"1.0\"?><rss>"));
  CHECK_FALSE(looks_like_html("<!-- never closed"));
}

TEST_CASE("html: character references are decoded and mapped to their '&'", "[html]") {
  const std::string input = page(
      "<p>L&apos;&eacute;t&eacute; &amp; l&#39;hiver, 10&nbsp;000 "
      "&#x20AC; &#146;x&#146; &copy 2024 AT&T &bogus; &#0; &lt;b&gt;</p>");
  CHECK(text_of(input) == "L'été & l'hiver, 10 000 € ’x’ © 2024 AT&T &bogus; \xEF\xBF\xBD <b>\n");
  const precis::MappedText mapped = page_text(input);
  const std::size_t e_acute = mapped.text.find("\xC3\xA9");
  CHECK(input.substr(mapped.source[e_acute], 8) == "&eacute;");
  CHECK(mapped.source[e_acute + 1] == mapped.source[e_acute]);
}

TEST_CASE("html: scripts, styles and comments are no text; blocks are paragraphs", "[html]") {
  const std::string input = page(
      "<script>var s = \"<p>not text</p>\"; if (a < b) {}</script>\n"
      "<style>p > a { content: \"</p>\" }</style><!-- <p>a comment</p> -->\n"
      "<div><p>First   paragraph,\n   wrapped in the source.<p>Second <em>one</em>, "
      "<a href=\"/x\" title=\"a > b\">linked</a>.</div>\n"
      "<ul><li>One item<li>Another</ul><pre>keep\n  this</pre>Loose text.");
  CHECK(text_of(input) ==
        "First paragraph, wrapped in the source.\n\nSecond one, linked.\n\nOne item\n\n"
        "Another\n\nkeep\n  this\n\nLoose text.\n");
}

TEST_CASE("html: a <br> after a sentence goes on with its paragraph", "[html]") {
  CHECK(text_of(page("<p>One sentence.<br>Another.<br>A line<br>and more<br><br>Next.</p>")) ==
        "One sentence. Another. A line\nand more\n\nNext.\n");
}

TEST_CASE("html: what surrounds the article goes", "[html]") {
  const std::string input = page(
      "<header class=\"site\"><a href=\"/\">Le Journal</a><nav><a>Accueil</a> <a>Monde</a></nav>"
      "</header>\n"
      "<div id=\"cookie-banner\" style=\"display: none\">Nous utilisons des cookies.</div>\n"
      "<main><article>\n<header><h1>Le bilan du s&eacute;isme s'alourdit</h1></header>\n"
      "<div class=\"share-bar\">Partager sur Facebook</div>\n"
      "<p>Premier paragraphe de l'article, assez long pour compter.</p>\n"
      "<figure><img src=\"a.jpg\"><figcaption>Une photo. AFP</figcaption></figure>\n"
      "<aside><h3>Lire aussi</h3><a>Autre article</a></aside>\n"
      "<p hidden>Texte cach&eacute;.</p><p aria-hidden=\"true\">Aussi cach&eacute;.</p>\n"
      "<div class=\"survey feedback-prompt hidden\"><p>Votre avis nous int&eacute;resse.</p></div>"
      "<span class=\"sr-only\">Image :</span>\n"
      "<h2>Un intertitre</h2><p>Second paragraphe de l'article, lui aussi assez long.</p>\n"
      "<form><label>Votre e-mail</label><button>S'inscrire</button></form>\n"
      "</article>\n<section class=\"related-articles\"><h2>Sur le m&ecirc;me sujet</h2>"
      "<article><h3>Un autre titre</h3><p>Un court r&eacute;sum&eacute;.</p></article></section>"
      "</main>\n<footer>&copy; 2024 Le Journal</footer>");
  CHECK(text_of(input) ==
        "# Le bilan du séisme s'alourdit\n\nPremier paragraphe de l'article, assez long pour "
        "compter.\n\n## Un intertitre\n\nSecond paragraphe de l'article, lui aussi assez long.\n");
}

TEST_CASE("html: the headline above the article stays, the site's header does not", "[html]") {
  const std::string input = page(
      "<header><div class=\"logo\">Le Journal</div><h1>Le bilan du séisme s'alourdit</h1>"
      "</header>\n<div class=\"navigation navigation--wide\"><a>Accueil</a> <a>Monde</a></div>\n"
      "<div class=\"byline\">Par Jean Dupont</div>\n"
      "<article><p>Le texte de l'article, un premier paragraphe, qui raconte ce qui s'est "
      "passé.</p><p>Un autre paragraphe, plus loin, qui en dit un peu plus.</p></article>"
      "<article><p>Court.</p></article>");
  CHECK(text_of(input) ==
        "# Le bilan du séisme s'alourdit\n\nLe texte de l'article, un premier paragraphe, qui "
        "raconte ce qui s'est passé.\n\nUn autre paragraphe, plus loin, qui en dit un peu "
        "plus.\n");
}

TEST_CASE("html: a comment thread longer than the article is not the article", "[html]") {
  std::string comments;
  for (int k = 0; k < 6; ++k)
    comments +=
        "<li><p>A reader's comment, long enough to outweigh the article once there are "
        "a few of them.</p></li>";
  CHECK(text_of(page("<main><article><h1>Council approves new bike lanes</h1><p>The council "
                     "voted on Tuesday to build protected bike lanes.</p></article><div "
                     "id=\"comments\" class=\"comments-area\"><ol>" +
                     comments + "</ol></div></main>")) ==
        "# Council approves new bike lanes\n\nThe council voted on Tuesday to build protected bike "
        "lanes.\n");
}

TEST_CASE("html: a site's logo in an <h1> is no headline", "[html]") {
  // Above the article's own <h1>: the article's is the headline, and the logo is not read.
  CHECK(text_of(page("<div class=\"logo\"><h1><a href=\"/\">France 24 - International news "
                     "24/7</a></h1></div><article><h1>Third blogger hacked to death</h1><p>A "
                     "blogger was killed on Tuesday in the north-east of the country.</p>"
                     "</article>")) ==
        "# Third blogger hacked to death\n\nA blogger was killed on Tuesday in the north-east of "
        "the country.\n");
  // On a page that marks no article, the logo is a subhead for the cleaner to drop.
  CHECK(text_of(page("<h1><a href=\"/\">France 24 - International news 24/7</a></h1><h1>Third "
                     "blogger hacked to death</h1><p>A blogger was killed.</p>")) ==
        "## France 24 - International news 24/7\n\n# Third blogger hacked to death\n\nA blogger "
        "was killed.\n");
}

TEST_CASE("html: an <h1> inside a widget is no headline", "[html]") {
  CHECK(text_of(page("<div class=\"newsletter-modal\"><h1>Subscribe to our daily newsletter</h1>"
                     "</div><h1>Storm floods the city centre</h1><p>Water rose overnight in the "
                     "streets of the old town.</p>")) ==
        "# Storm floods the city centre\n\nWater rose overnight in the streets of the old town.\n");
}

TEST_CASE("html: a page of teasers has no article; a widget that holds the text stays", "[html]") {
  // No <article> holds half the text: the whole body is read.
  CHECK(text_of(page("<article><p>Premier résumé.</p></article>"
                     "<article><p>Deuxième résumé.</p></article>")) ==
        "Premier résumé.\n\nDeuxième résumé.\n");
  // The page's layout is named after its sidebar, but it holds the article.
  CHECK(text_of(page("<div class=\"layout with-sidebar\"><p>Le texte de l'article, assez long "
                     "pour être l'article.</p></div><div class=\"sidebar\">Les plus lus</div>")) ==
        "Le texte de l'article, assez long pour être l'article.\n");
}

TEST_CASE("html: the <title> gives the headline when no <h1> does", "[html]") {
  const std::string head =
      "<meta charset=\"utf-8\"><title>Le bilan du s&eacute;isme "
      "s'alourdit | Le Journal</title>";
  CHECK(text_of(page("<p>Le texte.</p>", head)) ==
        "# Le bilan du séisme s'alourdit\n\nLe texte.\n");
  // A logo in an <h1> is no headline.
  CHECK(text_of(page("<h1>Le Journal</h1><p>Le texte.</p>", head)) ==
        "# Le bilan du séisme s'alourdit\n\n# Le Journal\n\nLe texte.\n");
  // An <h1> of a headline's length is the headline.
  CHECK(text_of(page("<h1>Un titre de trois mots</h1><p>Le texte.</p>", head)) ==
        "# Un titre de trois mots\n\nLe texte.\n");
}

TEST_CASE("html: broken pages read as browsers read them", "[html]") {
  // Unclosed elements, stray end tags, a tag cut by the end of the file.
  CHECK(text_of("<p>Un <b>gras <i>italique</b> suite</i>.</span></div><p>Deux") ==
        "Un gras italique suite.\n\nDeux\n");
  CHECK(text_of("<p>Texte <a href=\"x") == "Texte\n");
  CHECK(text_of("<p>a < b et c<d</p>") == "a < b et c\n");
  // Comments closed abruptly, and a conditional comment's markup.
  CHECK(text_of("<p>Un<!-->, deux<!--->, trois<!--[if IE]><p>vieux<![endif]-->.</p>") ==
        "Un, deux, trois.\n");
  CHECK(text_of("") == "");
  CHECK(text_of("<html><body></body></html>") == "");
  // An unclosed <script> runs to the end; an unclosed <div> nesting does not grow without bound.
  CHECK(text_of("<p>Avant.</p><script>var x = 1;") == "Avant.\n");
  std::string deep;
  for (int k = 0; k < 20000; ++k) deep += "<div>";
  CHECK(text_of(deep + "Fond.") == "Fond.\n");
}

TEST_CASE("html: an inline element that goes leaves its sentence whole", "[html]") {
  CHECK(text_of(page("<p>Read <a href=\"x\">the report<svg><path/></svg></a> published today.</p>"
                     "<p>Words<span class=\"sr-only\"> (opens a new window)</span> go on, "
                     "<button>Share</button>here.</p>")) ==
        "Read the report published today.\n\nWords go on, here.\n");
}

TEST_CASE("html: a wrapper named after its sidebar still holds the article", "[html]") {
  const std::string article =
      "<article><p>The council voted on Tuesday to build protected bike "
      "lanes on Main Street, ending a debate of two years.</p></article>";
  CHECK(text_of(page("<div class=\"content sidebar-layout\">" + article +
                     "</div><main><p>Skip to content</p></main>")) ==
        "The council voted on Tuesday to build protected bike lanes on Main Street, ending a "
        "debate of two years.\n");
  CHECK(text_of(page("<main></main><div class=\"layout with-sidebar\"><p>The text of the "
                     "article.</p></div>")) == "The text of the article.\n");
}

TEST_CASE("html: foreign content, headings' end tags, white space, references", "[html]") {
  // In <svg>, <title/> is an ordinary element, not raw text that swallows the page.
  CHECK(text_of(page("<svg><title/></svg><p>Article text here.</p>")) == "Article text here.\n");
  // "</h2>" closes an <h1>: the headline does not hold the article.
  CHECK(text_of(page("<h1>Storm floods the old city</h2><article><p>Water rose in the streets "
                     "overnight.</p></article>")) ==
        "# Storm floods the old city\n\nWater rose in the streets overnight.\n");
  // A no-break space collapses with white space; a paragraph of one is empty.
  CHECK(text_of(page("<p>First.</p><p>&nbsp;</p><p>Second &nbsp; word.</p><p>&nbsp;Third.</p>")) ==
        "First.\n\nSecond word.\n\nThird.\n");
  // <pre> keeps its lines, blank ones too, without a CR's trailing space.
  CHECK(text_of(page("<pre>a.\r\nb\n\nc</pre>")) == "a.\nb\n\nc\n");
  // Control characters are no text; a legacy name stands without its ';' before letters.
  CHECK(text_of(page("<p>&#1;x&#x81;y&#x7F; &copy2024 &notit;</p>")) ==
        "\xEF\xBF\xBDx\xEF\xBF\xBDy\xEF\xBF\xBD ©2024 ¬it;\n");
  // An unclosed <title> swallows the page, as in a browser, and gives no headline.
  CHECK(text_of("<html><head><title>News<p>Article text.</p>") == "");
}

TEST_CASE("html: a page read, cleaned and segmented", "[html]") {
  const std::string input = page(
      "<nav><ul><li><a>Accueil</a></li><li><a>International</a></li></ul></nav>\n"
      "<article><h1>Le bilan du séisme au Maroc dépasse 2&nbsp;000 morts</h1>\n"
      "<p>Le bilan du <strong>séisme</strong> qui a frappé le Maroc s'est alourdi, selon le "
      "ministère de l'Intérieur. Les secours fouillent les décombres.</p>\n"
      "<h2>L'aide internationale</h2>\n"
      "<p>Plusieurs pays, dont l&apos;Espagne, ont envoyé des équipes de secours.</p>\n"
      "</article>",
      "<title>Séisme | Le Journal</title>");
  for (const std::string& path : {std::string("page.html"), std::string("page.txt")}) {
    const ReadFile r = read_file(path, input, precis::Language::French);
    CHECK(r.document.format == precis::Document::Format::Html);
    CHECK(r.cleaned.title == "Le bilan du séisme au Maroc dépasse 2 000 morts");
    CHECK(r.texts() == std::vector<std::string>{
                           "Le bilan du séisme qui a frappé le Maroc s'est alourdi, selon le "
                           "ministère de l'Intérieur.",
                           "Les secours fouillent les décombres.",
                           "Plusieurs pays, dont l'Espagne, ont envoyé des équipes de secours."});
    // Each span is where the sentence stands in the page.
    const auto span_of = [&](const precis::Sentence& s) {
      const std::size_t begin = r.document.original_offset(s.span.begin);
      return input.substr(begin, r.document.original_offset(s.span.end) - begin);
    };
    CHECK(span_of(r.sentences[0]) ==
          "Le bilan du <strong>séisme</strong> qui a frappé le Maroc s'est alourdi, selon le "
          "ministère de l'Intérieur.");
    CHECK(span_of(r.sentences[1]) == "Les secours fouillent les décombres.");
    CHECK(span_of(r.sentences[2]) ==
          "Plusieurs pays, dont l&apos;Espagne, ont envoyé des équipes de secours.");
  }
}

TEST_CASE("html: a page's text quoting <DOC> is no TREC collection", "[html]") {
  precis::Document document;
  std::vector<std::string> warnings;
  REQUIRE(precis::decode_document(
      "a.html", page("<p>&lt;DOC&gt;</p><p>Une phrase.</p><p>&lt;DOC&gt;</p><p>Deux.</p>"),
      document, warnings));
  CHECK(precis::split_collection(document).size() == 1);
}
