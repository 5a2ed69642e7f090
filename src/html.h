// HTML: a saved web page (.html, .htm, or text that opens as an HTML document). The page becomes
// the text of its article, each byte still mapped to the file, so that a summary sentence's span
// is where the sentence stands in the page's source. Read as plain text, a page gave its
// <script> and <style> as paragraphs, its tags and entities inside sentences ("&eacute;t&eacute;",
// "<a href=…>"), and its menu, share bar and footer as more lines for the cleaner to guess at.
#pragma once

#include <string_view>

#include "mapped_text.h"

namespace precis::html {

// True for a path ending in .html, .htm, .xhtml or .shtml (any case).
bool is_html_path(std::string_view path);

// True when the text opens as an HTML document: "<!DOCTYPE html", "<html", "<head" or "<body"
// (any case), after white space, an XML declaration and comments. A fragment of tags inside plain
// text is no page.
bool looks_like_html(std::string_view text);

// The page's article as text, every byte mapped to the input:
// - the tree is built as browsers build it, enough for text: void elements, the raw text of
//   <script> and <style>, comments, the end tags HTML lets a page leave out (a <p> closed by the
//   next block, an <li> by the next item, a cell by the next cell), stray end tags ignored;
// - what is not the article goes whole: <head>, scripts, styles, forms, media, <nav>, <aside>,
//   <footer>, <figure> (a photo and its caption), a <header> without the <h1>, hidden elements
//   (hidden, aria-hidden, display:none), ARIA landmarks that are not the content (navigation,
//   banner, contentinfo, complementary, search), and elements whose class or id names a widget
//   (share, social, related, newsletter, comments, cookie, advert …) or hides them (a class
//   "hidden", "sr-only", "visually-hidden" …) unless they hold a third of the page's text or
//   the content chosen below;
// - when the page marks its content, the text is the <main> (or role="main"), if it holds a
//   third of the page's text, and inside it the <article> (role="article") that holds most of its
//   text, if that is 60% of it or more (text outside widgets: a long comment thread beside the
//   article does not count, but a wrapper named after its sidebar that holds the article does);
//   the headline is
//   the article's first <h1>, or the nearest above it (kept), or on a page that marks no content
//   its first <h1> that is not a link's (a site's logo); other <h1>s are written as subheads;
// - each block (<p>, <div>, <li>, a cell …) is a paragraph of its own, <br> a line break (a space
//   after a sentence), an inline element that goes (an icon, a screen reader's label) leaves its
//   sentence whole, white space and no-break spaces collapse to one space (but not in <pre>),
//   character references are decoded (all of HTML5's names, numeric ones but control characters,
//   the names browsers accept without ';': "&copy2024"), and a heading becomes a
//   Markdown heading ("# ", "## " …; these bytes are mapped to the heading's text), for the cleaner
//   to take the first one as the title and drop the others as subheads;
// - without an <h1> of three words or more, the <title> is the first heading: the longest of
//   its parts around " | ", " - ", " – " or " — " (the site's name goes);
// - elements nest 512 deep at most: deeper start tags are read as text-less (a page of 100,000
//   unclosed <div>s stays linear), and what is open is counted so that an end tag with nothing to
//   close costs no walk.
MappedText page_text(std::string_view text);

}  // namespace precis::html
