// Markdown: a .md file, or the text that converters write in it (html2text, pandoc, a browser's
// reader mode, a scraper's Markdown export), whatever the file's name. Its block markup ("# ",
// "> ", "- ", "1. ") is skipped by the cleaner, which knows where a block opens; its inline markup
// is removed here, before any stage reads the text. Kept, "le [centre hospitalier de
// Valmorin](/tag/centre-hospitalier-de-valmorin/) fonctionne" printed a web address inside a
// summary sentence, counted it against the word budget and put its words into the TF-IDF
// vectors, and "le groupe **NightVole**" printed its asterisks.
#pragma once

#include <string_view>

#include "mapped_text.h"

namespace precis::markdown {

// True for a path ending in .md or .markdown (any case).
bool is_markdown_path(std::string_view path);

// True when the text reads as Markdown: it makes kMinMarks marks or more that prose does not
// make: a link or an image ("[text](target)", "![alt](target)"), a reference definition
// ("[1]: https://…"), an ATX heading opening a line ("## Title"; "#MeToo" is no heading), a strong
// emphasis ("**NightVole**"). One alone is not enough: a plain text may quote one.
bool looks_like_markdown(std::string_view text);

// The text without its inline markup, every byte mapped to the input (the text is a subsequence
// of the input: only markup bytes go, and a line-breaking tag's "<" becomes a space). Following
// CommonMark:
// - a link keeps its text: "[text](target "title")", "[text][label]", "[text][]" and "[text]"
//   (the last three when the label is defined); an image ("![alt](target)") goes whole, and so
//   does a footnote call ("[^1]") and a reference definition's line ("[1]: https://…");
// - emphasis marks go ("*", "_", "**", "__" by CommonMark's flanking rules: "snake_case", "5 * 3"
//   and a lone "*" stay), as do a code span's backticks, an autolink's angle brackets, a
//   backslash escape's backslash ("1\." is "1.") and a footnote definition's "[^1]: ";
// - raw HTML goes: an inline tag ("<em>", "</span>") whole, one that breaks a line or a block
//   ("<br>", "<p>") and a comment ("<!-- ad -->") for a space;
// - block markup stays for the cleaner, and so does fenced code.
// Markup never spans a blank line.
MappedText strip_inline(std::string_view text);

}  // namespace precis::markdown
