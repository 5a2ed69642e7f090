#include "precis/clean.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clean_rules.h"
#include "parallel.h"
#include "stopwords.h"

namespace precis {

namespace {

using clean_rules::PhraseMatch;

// Lines of fewer words without final punctuation are labels ("guest", "2 Commentaires", a byline)
// rather than headings (ALGORITHMS.md §4.3 item 6).
constexpr int kMinHeadingWords = 5;
// A headline has a few words: a one- or two-word line at the top is a rubric or a byline.
constexpr int kMinTitleWords = 3;
// A site's name is short ("KWXT 12 News", "The Kansas City Star", "La Tribune de Genève"), and
// so are the items of a menu ("Watch Live", "Local News").
constexpr int kMaxMastheadWords = 4;
constexpr int kMaxMenuItemWords = 2;
// A first line ending with an initialism ("... in the U.S.") is the headline when it has at most
// this many words: the 100 WikiNews headlines of multiling2011_en have 4 to 17 (with their date),
// the 100 of rpm2_fr_dev 3 to 14, and a lede of one short sentence is rarer than a headline that
// names a country.
constexpr int kMaxInitialismTitleWords = 17;
// A line without final punctuation of at least this many words that holds a sentence end inside
// it (clean_rules::holds_sentences) is a paragraph that lost its last period: scraped pages have
// them (eval/README.md, "Scraped pages"), and taking them for headings dropped intro paragraphs
// and interview answers. The development sets have none (their sentences are unchanged).
constexpr int kMinParagraphWords = 12;
// Boilerpipe's NumWordsRulesClassifier with no links (ALGORITHMS.md §4.1): a block of at most
// 16 words between a block of at most 4 and one of at most 15 is not content.
constexpr int kContextMaxWords = 16;
constexpr int kContextMaxNextWords = 15;
constexpr int kContextMaxPreviousWords = 4;
// Photo captions: news pages that separate paragraphs with blank lines print a picture's caption
// as a short line glued under the paragraph it illustrates, sometimes with a credit line under it
// ("Lots of children have been affected by the earthquake." / "Image: Diego Grez." in the
// MultiLing 2011 WikiNews articles, 12 such lines in 100 articles). The longest caption there has
// 18 words; a credit has at most 5.
constexpr int kCaptionMaxWords = 20;
constexpr int kCreditMaxWords = 5;
// A document "separates paragraphs with blank lines" when it has at least this many blocks
// (runs of lines between blank lines) and few of them have more than one line (at most one in
// kBlocksPerMultiLine; a hard-wrapped paragraph counts as one line here). Text with one
// paragraph a line fails this test, so its short lines are never read as captions.
constexpr std::size_t kMinBlocks = 3;
constexpr std::size_t kBlocksPerMultiLine = 3;

struct Line {
  Span span;  // one line, or the lines of one hard-wrapped paragraph
  std::string key;
  std::uint32_t parts = 1;            // lines of the text that `span` covers
  std::uint32_t last_occurrence = 0;  // index in the document's lines (32 bits: Line stays small)
  int words = 0;
  bool punctuated = false;
  bool phrase = false;           // matches the boilerplate phrase list
  bool repeated = false;         // occurs more than once in this document
  bool shared = false;           // occurs in another document of the cluster too
  const char* reason = nullptr;  // set when dropped
  // Bytes at the start of a kept line that go on their own: a dateline, a speaker's name, an
  // e-mail field's name. `prefix` reaches the text after it, `prefix_own` ends at its last mark.
  std::uint32_t prefix = 0;
  std::uint32_t prefix_own = 0;
  const char* prefix_reason = nullptr;

  bool blank() const { return span.size() == 0; }
  // Repetition only counts against a line that is not wire copy shared with another source.
  bool repeated_here() const { return repeated && !shared; }
  // A paragraph of running text, long enough that no widget or promotion looks like it.
  bool body() const {
    return punctuated && words > kContextMaxWords && !phrase && !repeated_here();
  }
};

// The line's text in its document.
std::string_view text_of(const Document& document, const Line& line) {
  return std::string_view(document.text).substr(line.span.begin, line.span.size());
}

// For each line of the text, whether the next line continues it because the text is hard-wrapped
// (fixed-width plain text, wire copy, e-mail). The rules below read a line as a unit: wrapped
// lines taken one by one look like headings (no final period, few words), and a copy of the
// development sets wrapped at 72 columns lost a quarter of its ROUGE-1 that way (eval/README.md).
// A wrapper breaks a line only where the next word would not fit in the width: a line is a
// wrapped one when its length, a space and the next line's first word come within a fifth of
// the widest line seen, which is at most the width the text was wrapped at (a greedy wrapper
// such as Python's textwrap breaks there exactly; GNU fmt balances its lines and breaks up to
// a tenth earlier, and a tenth of slack still split 2 of 116 wrapped lines in one article).
// The document counts as wrapped when that width is plausible and at least kMinWrappedLines of
// the lines followed by another non-blank line break that way, at least half of them, and most
// of those stop mid-sentence: one short paragraph a line also makes full-width lines, but each
// ends a sentence, where a wrapper's breaks fall between any two words.
//
// Some breaks are no wrap even in wrapped text:
// - before an underline ("=====" under a title) or a horizontal rule;
// - under the document's first line, unless the next line goes on in lower case or a greedy
//   wrapper would break exactly there: it is where a headline sits, glued above the first
//   paragraph (a 61-column headline over text wrapped at 72 is within the slack);
// - before a bullet ("- ", "* "), after another bullet, a sentence's end or a colon: a list's
//   items;
// - after a sentence's end, before a line without final punctuation that is not wrapped itself:
//   a subhead between two paragraphs of text without blank lines;
// - after a sentence's end, before a line that the phrase list's strong entries mark on its own
//   ("Copyright 2010 Reuters. All rights reserved." glued under a paragraph's last line would
//   take the paragraph with it; the weaker entries, such as "commentaire", match real lines).
constexpr std::size_t kMinWrapWidth = 40;  // code points; wrapped text uses 60-80 columns
constexpr std::size_t kMaxWrapWidth = 100;
constexpr std::size_t kWrapSlackPerWidth = 5;
constexpr std::size_t kMinWrappedLines = 3;
constexpr std::size_t kMinUnbreakableRun = 40;

// True for an underline or a horizontal rule: one of = - _ * ~ # repeated (spaces allowed).
bool is_rule(std::string_view line) {
  if (line.empty() || std::string_view("=-_*~#").find(line[0]) == std::string_view::npos)
    return false;
  std::size_t marks = 0;
  for (const char c : line) {
    if (c == line[0]) {
      ++marks;
    } else if (c != ' ' && c != '\t') {
      return false;
    }
  }
  return marks >= 3;
}

// Where the line of the text holding `begin` starts, after its leading spaces and tabs.
std::size_t line_start(std::string_view text, std::size_t begin) {
  std::size_t start = begin;
  while (start > 0 && text[start - 1] != '\n' && text[start - 1] != '\r') --start;
  while (start < begin && (text[start] == ' ' || text[start] == '\t')) ++start;
  return start;
}

// True when the line of the text holding `begin` opens with a bullet ("- ", "* ", "+ ", "• ",
// ...), its markup skipped or not.
bool bullet_item(std::string_view text, std::size_t begin) {
  const std::string_view rest = text.substr(line_start(text, begin));
  return rest.starts_with("+ ") || clean_rules::bullet_marker_length(rest) > 0;
}

// True when the line holds a run of kMinUnbreakableRun bytes without a space (a URL): a wrapper
// cannot break it, so the line's length says nothing about the width (the numbered URLs of a
// `lynx -dump` page's reference list run to 100 columns under text wrapped at 70).
bool has_unbreakable_run(std::string_view line) {
  std::size_t run = 0;
  for (const char c : line) {
    run = c == ' ' || c == '\t' ? 0 : run + 1;
    if (run >= kMinUnbreakableRun) return true;
  }
  return false;
}

// True when the line stops where no heading does: after a comma or a semicolon, or on a word of
// the French or English stopword lists written in lower case ("... dans l'Etat de", "... by the").
// `line` is trimmed, as every RawLine is.
bool ends_mid_phrase(std::string_view line) {
  if (line.empty()) return false;
  if (line.back() == ',' || line.back() == ';') return true;
  const std::size_t space = line.find_last_of(" \t");
  const std::string_view word = space == std::string_view::npos ? line : line.substr(space + 1);
  if (std::any_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
    return false;
  return stopwords::contains(word, Language::French) ||
         stopwords::contains(word, Language::English);
}

// A text with fewer than kMinWrappedLines line breaks inside its paragraphs (a brief of two
// short paragraphs) is too short for its line lengths to show a wrap; there a line break is a
// wrap only when the line is as long as wrapped lines are (kMinWrapWidth to kMaxWrapWidth code
// points), stops mid-sentence, and either the next line goes on in lower case or the line ends
// mid-phrase. Without it, each paragraph's first line read as a heading and was dropped, and
// with it half of every sentence it held: of 8,702 sentences in 2,936 OrangeSum briefs of two
// paragraphs wrapped at 60-76 columns (eval/wrapped_briefs.py), 319 were lost; 48 with the
// lower-case test alone, 25 with both. A headline or a list item is shorter, or ends on a
// content word before a capital (a name: "... by President Donald" / "Trump ..." is still cut).
std::vector<bool> short_text_wrap(std::string_view text,
                                  const std::vector<clean_rules::RawLine>& raw) {
  std::vector<bool> continues;
  for (std::size_t i = 0; i + 1 < raw.size(); ++i) {
    if (raw[i].span.size() == 0 || raw[i + 1].span.size() == 0) continue;
    const std::string_view line = text.substr(raw[i].span.begin, raw[i].span.size());
    const std::size_t n = clean_rules::count_code_points(line);
    if (n < kMinWrapWidth || n > kMaxWrapWidth ||
        clean_rules::ends_with_sentence_punctuation(line) || clean_rules::ends_with_colon(line) ||
        !(clean_rules::starts_with_lowercase(
              text.substr(raw[i + 1].span.begin, raw[i + 1].span.size())) ||
          ends_mid_phrase(line)))
      continue;
    if (continues.empty()) continues.assign(raw.size(), false);
    continues[i] = true;
  }
  return continues;
}

// Empty when the document is not wrapped (most documents: no allocation).
std::vector<bool> wrapped_line_breaks(std::string_view text,
                                      const std::vector<clean_rules::RawLine>& raw) {
  const auto line_text = [&](std::size_t i) {
    return text.substr(raw[i].span.begin, raw[i].span.size());
  };
  const auto glued = [&](std::size_t i) {
    return raw[i].span.size() != 0 && raw[i + 1].span.size() != 0;
  };
  std::size_t glued_lines = 0, width = 0;
  for (std::size_t i = 0; i + 1 < raw.size(); ++i) {
    if (!glued(i)) continue;
    ++glued_lines;
    const std::size_t n = clean_rules::count_code_points(line_text(i));
    if (n <= kMaxWrapWidth && !has_unbreakable_run(line_text(i))) width = std::max(width, n);
  }
  if (glued_lines < kMinWrappedLines) return short_text_wrap(text, raw);
  if (width < kMinWrapWidth) return {};
  const std::size_t full = width - width / kWrapSlackPerWidth;
  // What each line needs to be followed by the next word in its paragraph (0: nothing fits),
  // and whether it ends a sentence; both are read again below.
  std::vector<std::size_t> room_used(raw.size(), 0);
  std::vector<bool> continues(raw.size(), false), ends(raw.size(), false);
  std::size_t wrapped = 0, sentence_ends = 0;
  for (std::size_t i = 0; i + 1 < raw.size(); ++i) {
    if (!glued(i)) continue;
    const std::size_t n = clean_rules::count_code_points(line_text(i));
    if (n > kMaxWrapWidth) continue;
    room_used[i] = n + 1 + clean_rules::first_word_code_points(line_text(i + 1));
    if (room_used[i] <= full) continue;
    continues[i] = true;
    ++wrapped;
    ends[i] = clean_rules::ends_with_sentence_punctuation(line_text(i));
    if (ends[i]) ++sentence_ends;
  }
  // Only the blocks (runs of lines without a blank one) that hold a wrap count: a PDF's
  // letterhead ("PRÉFET" / "Liberté" / "Égalité" / "Fraternité"), address and contact lines
  // are glued too, and outnumbered the wraps of the prose under them.
  std::size_t glued_in_prose = 0;
  for (std::size_t begin = 0; begin + 1 < raw.size();) {
    if (!glued(begin)) {
      ++begin;
      continue;
    }
    std::size_t end = begin;  // the block's glued breaks: [begin, end)
    bool holds_wrap = false;
    for (; end + 1 < raw.size() && glued(end); ++end) holds_wrap = holds_wrap || continues[end];
    if (holds_wrap) glued_in_prose += end - begin;
    begin = end;
  }
  // Prose too short for its widths to tell (the letterhead made the text long enough for this
  // test, not its paragraphs): the short text's test, line by line.
  if (glued_in_prose < kMinWrappedLines) return short_text_wrap(text, raw);
  if (wrapped < kMinWrappedLines || 2 * wrapped < glued_in_prose || 2 * sentence_ends >= wrapped)
    return {};
  // The breaks that are no wrap (see above).
  const std::size_t first = static_cast<std::size_t>(
      std::find_if(raw.begin(), raw.end(),
                   [](const clean_rules::RawLine& line) { return line.span.size() != 0; }) -
      raw.begin());
  for (std::size_t i = 0; i + 1 < raw.size(); ++i) {
    if (!continues[i]) continue;
    const std::string_view next = line_text(i + 1);
    if (is_rule(next) ||  // "=====" under a title, a horizontal rule
        (i == first && !clean_rules::starts_with_lowercase(next) && room_used[i] <= width) ||
        (bullet_item(text, raw[i + 1].span.begin) &&
         (ends[i] || bullet_item(text, raw[i].span.begin) ||
          clean_rules::ends_with_colon(line_text(i)))) ||
        (ends[i] && !clean_rules::ends_with_sentence_punctuation(next) && !continues[i + 1]) ||
        (ends[i] && clean_rules::match_phrases(
                        clean_rules::comparison_key(next), clean_rules::count_code_points(next),
                        clean_rules::count_words(next), false) == PhraseMatch::Strong))
      continues[i] = false;
  }
  return continues;
}

// A plain text's numbered item is one of a list of two or more (see skip_block_markers).
constexpr std::size_t kMinNumberedItems = 2;

// Markdown's block markup ("# ", "> ", "- ", "1. ") is no text: a line that opens a block
// starts after it, so that a heading is a title or a subhead, and no sentence opens with a list
// marker. A line opens a block after a blank line, after a line that ends a
// sentence or announces something (: ;), or after a line with the same markup (the next list
// item, the next line of a quotation); inside a paragraph, "2012." or "- " at the start of a
// hard-wrapped line is text. Fenced code is left alone, and a heading's closing hashes go too.
// (Inline markup, links and emphasis, is out of the text already: markdown::strip_inline.)
// Plain text gets the same treatment for its bullets ("- ", "• ", "* ", "– ", the "— " of an
// interview's turns, "▪ ", "● ") and its numbered items ("1. ", "1.1 ", "a) ", "(3) " before a
// capital: a report's or an official statement's paragraphs): copied from a web page or a PDF, a
// list keeps its markers, and a summary sentence should not open with one. Headings stay: "#" at
// the start of a plain-text line is as likely to be text ("#MeToo").
// Returns, for each line of a Markdown file, whether it is a quotation's prose ("> " skipped,
// but not "> - ", a list item quoted), empty for plain text, which has no quotation markup; and
// where the text of each heading ("# Title", "## Subhead") starts.
struct Heading {
  std::size_t begin = 0;
  bool top = false;  // level 1
};
struct BlockMarkup {
  std::vector<bool> quoted;
  std::vector<Heading> headings;
};
BlockMarkup skip_block_markers(std::string_view text, std::vector<clean_rules::RawLine>& lines,
                               bool markdown) {
  BlockMarkup found;
  std::vector<bool>& quoted = found.quoted;
  quoted.assign(markdown ? lines.size() : 0, false);
  const auto kind_of = [](char c) {
    return c >= '0' && c <= '9' ? '1' : c >= 'a' && c <= 'z' ? 'a' : c == '*' || c == '+' ? '-' : c;
  };
  // The last line of text read (empty after a blank line or at the start); whether it lets a
  // block open is only asked on a line with a marker, so most lines cost no punctuation test.
  std::string_view previous;
  const auto opens_block = [&] {
    return previous.empty() || clean_rules::ends_with_sentence_punctuation(previous) ||
           clean_rules::ends_with_colon(previous);
  };
  // Each line's marker, read before any is skipped: its length and its kind (a UTF-8 bullet's is
  // its last byte: "•" and "—" lists are different lists).
  struct Marker {
    std::size_t length = 0;
    char kind = 0;
    bool numbered = false;  // a plain text's "1. ", "a) "
  };
  std::vector<Marker> markers(lines.size());
  std::size_t numbered_items = 0;
  for (std::size_t index = 0; index < lines.size(); ++index) {
    const Span span = lines[index].span;
    if (span.size() == 0) continue;
    const std::string_view view = text.substr(span.begin, span.size());
    Marker& marker = markers[index];
    marker.length = markdown ? clean_rules::markdown_marker_length(view)
                             : clean_rules::bullet_marker_length(view);
    if (!markdown && marker.length == 0) {
      marker.length = clean_rules::numbered_marker_length(view);
      marker.numbered = marker.length > 0;
      if (marker.numbered) ++numbered_items;
    }
    if (marker.length > 0)
      marker.kind = kind_of(view[0] == '\xE2' && view.size() > 2 ? view[2] : view[0]);
  }
  // A list has two items or more: one line opening with "21. " is more likely the French
  // press's "21. C'est le nombre de voyages …" than an item.
  if (numbered_items < kMinNumberedItems)
    for (Marker& marker : markers)
      if (marker.numbered) marker = {};
  bool in_fence = false;
  char previous_kind = 0;
  for (std::size_t index = 0; index < lines.size(); ++index) {
    clean_rules::RawLine& line = lines[index];
    if (line.span.size() == 0) {
      previous = {};
      previous_kind = 0;
      continue;
    }
    const std::string_view view = text.substr(line.span.begin, line.span.size());
    if (markdown && (view.starts_with("```") || view.starts_with("~~~"))) {
      in_fence = !in_fence;
      continue;
    }
    if (in_fence) continue;
    const std::size_t marker = markers[index].length;
    const char kind = markers[index].kind;
    // A list opens after a sentence, a colon or a blank line, or under a label ("L'essentiel",
    // "Key points") when the next line is its second item.
    const bool next_item_alike = index + 1 < lines.size() && markers[index + 1].kind == kind;
    if (marker > 0 && (kind == previous_kind || opens_block() || next_item_alike)) {
      line.span.begin += marker;
      if (kind == '#') {
        found.headings.push_back(
            {line.span.begin, view.size() > 1 && (view[1] == ' ' || view[1] == '\t')});
        // "## Title ##": the closing sequence, after a space
        std::size_t end = line.span.end;
        while (end > line.span.begin && text[end - 1] == '#') --end;
        if (end < line.span.end && (end == line.span.begin || text[end - 1] == ' ')) {
          while (end > line.span.begin && text[end - 1] == ' ') --end;
          line.span.end = end;
        }
      }
      previous_kind = kind;
      // Markdown only: no plain-text bullet is '>'. A quoted list's items are lines of their own.
      if (kind == '>') quoted[index] = view[view.find_last_not_of(" \t", marker - 1)] == '>';
    } else {
      previous_kind = 0;
    }
    previous = view;
  }
  return found;
}

// Dropped lines are reported in text order: the cleaner's, then the markup's, merged.
bool in_text_order(const DroppedLine& a, const DroppedLine& b) {
  return a.span.begin < b.span.begin;
}

// What analyse() finds besides the lines.
struct Extras {
  std::vector<Span> parts;              // every line of the text, when some are joined (wrapped)
  std::vector<DroppedLine> markup;      // tag lines and, in a TREC file, metadata; in text order
  std::optional<std::size_t> headline;  // TREC: where the <HEADLINE>'s text starts
  std::vector<Heading> headings;        // Markdown: its "# Title" and "## Subhead" lines
};

// SGML and HTML markup (clean_rules::markup_only): a line of tags only ("<P>", "</TEXT>") is a
// blank line, which is what it means in the TREC/DUC/TAC collections, and goes to `markup`; a
// line starts after its leading block tags and ends before its trailing ones ("<DOCNO>
// APW19981016.0240 </DOCNO>" is a one-word line, "<P>Le président …" a paragraph). Without
// this, the tag lines between the hard-wrapped paragraphs of a DUC article hid the wrap, and
// each of its lines was dropped as a heading.
void skip_markup(std::string_view text, std::vector<clean_rules::RawLine>& lines, bool trec,
                 std::vector<DroppedLine>& markup) {
  for (clean_rules::RawLine& line : lines) {
    if (line.span.size() == 0 || (text[line.span.begin] != '<' && text[line.span.end - 1] != '>'))
      continue;
    const std::string_view view = text.substr(line.span.begin, line.span.size());
    if (clean_rules::markup_only(view)) {
      markup.push_back(DroppedLine{line.span, "markup"});
      line.span.end = line.span.begin;
      continue;
    }
    line.span.begin += clean_rules::leading_markup_length(view, trec);
    line.span.end -= clean_rules::trailing_markup_length(
        text.substr(line.span.begin, line.span.end - line.span.begin), trec);
  }
}

// A TREC file's article is its <TEXT> (or <LEADPARA>) and its headline the <HEADLINE> (<HL>,
// <HEAD>, <TI>): the other elements are metadata ("<DATE> January 1, 1989, Sunday, Home
// Edition", "<SLUG>", "<TRAILER>", "<ANNOTATION>"), which read as text would give the title and
// sentences of the article. Their lines go to `markup` as "metadata" and become blank lines,
// which also keeps them from hiding a hard wrap. Returns the index of the headline's first line
// of text, if any (the lines of a second headline element go as "title").
// The collections' text is hard-wrapped, and where it marks its paragraphs with <P> (Gigaword,
// AQUAINT, the NYT and LA Times of DUC), a line break inside one is a wrap: `joins_next[i]` says
// line i's paragraph goes on in line i + 1, which does not open a <P> of its own. That holds
// in an article of two short paragraphs too, where the wrap is too seldom seen to be told from
// the line lengths (wrapped_line_breaks wants three wrapped lines). A <HEADLINE>'s lines are
// one title the same way ("GEORGES LEAVES KEYS BATTERED" / "BUT RESIDENTS UNBOWED").
std::optional<std::size_t> read_trec(std::string_view text,
                                     std::vector<clean_rules::RawLine>& lines,
                                     std::vector<DroppedLine>& markup,
                                     std::vector<bool>& joins_next) {
  constexpr std::string_view kHeadlines[] = {"headline", "hl", "head", "ti"};
  bool in_body = false, in_headline = false, in_paragraph = false;
  std::optional<std::size_t> headline;
  joins_next.assign(lines.size(), false);
  // Whether the previous line is text that goes on: inside a <P> still open, or the headline
  // with its element still open.
  enum class Open { kNothing, kParagraph, kHeadline } open = Open::kNothing;
  for (std::size_t index = 0; index < lines.size(); ++index) {
    clean_rules::RawLine& line = lines[index];
    if (line.span.size() == 0) {
      open = Open::kNothing;
      continue;
    }
    const std::string_view view = text.substr(line.span.begin, line.span.size());
    bool body = in_body, heading = in_headline, opens_paragraph = false;
    for (const clean_rules::Tag& tag : clean_rules::tags_of(view)) {
      if (tag.name == "p") {
        in_paragraph = !tag.closing;
        opens_paragraph = opens_paragraph || !tag.closing;
      } else if (tag.name == "text" || tag.name == "leadpara") {
        in_body = !tag.closing;
        body = body || in_body;
      } else if (std::find(std::begin(kHeadlines), std::end(kHeadlines), tag.name) !=
                 std::end(kHeadlines)) {
        in_headline = !tag.closing;
        heading = heading || in_headline;
      }
    }
    const bool tags_only = clean_rules::markup_only(view);
    const bool goes_on = !tags_only && ((open == Open::kParagraph && body && !opens_paragraph) ||
                                        (open == Open::kHeadline && !body && heading));
    if (goes_on) joins_next[index - 1] = true;
    open = !tags_only && body && in_paragraph ? Open::kParagraph : Open::kNothing;
    if (body || tags_only) continue;          // tag lines: skip_markup's
    if (heading && (!headline || goes_on)) {  // the headline, wrapped or not
      if (!headline) headline = index;
      if (in_headline) open = Open::kHeadline;
      continue;
    }
    markup.push_back(DroppedLine{line.span, heading ? "title" : "metadata"});
    line.span.end = line.span.begin;
  }
  return headline;
}

// The document's lines, and its Extras.
std::vector<Line> analyse(const Document& document, Extras& extras) {
  std::vector<clean_rules::RawLine> raw = clean_rules::split_lines(document.text);
  // A TREC file holds its article in a <TEXT> element; without one, it is read as any text.
  const bool trec = document.format != Document::Format::Html &&
                    clean_rules::is_trec(document.text) &&
                    (document.text.find("<TEXT") != std::string::npos ||
                     document.text.find("<text") != std::string::npos);
  std::optional<std::size_t> headline;
  std::vector<bool> paragraph_goes_on;
  if (trec) headline = read_trec(document.text, raw, extras.markup, paragraph_goes_on);
  skip_markup(document.text, raw, trec, extras.markup);
  if (headline && raw[*headline].span.size() > 0) extras.headline = raw[*headline].span.begin;
  std::sort(extras.markup.begin(), extras.markup.end(), in_text_order);
  std::vector<Span>& parts = extras.parts;
  BlockMarkup block_markup = skip_block_markers(
      document.text, raw,
      document.format == Document::Format::Markdown || document.format == Document::Format::Html);
  const std::vector<bool>& quoted = block_markup.quoted;
  extras.headings = std::move(block_markup.headings);
  std::vector<bool> continues = wrapped_line_breaks(document.text, raw);
  // Line i runs on into line i + 1, as in a wrapped paragraph, when both still hold text.
  const auto join_with_next = [&](std::size_t i) {
    if (raw[i].span.size() == 0 || raw[i + 1].span.size() == 0) return;
    if (continues.empty()) continues.assign(raw.size(), false);
    continues[i] = true;
  };
  // A TREC <P>'s lines are one paragraph (read_trec), and so are a Markdown quotation's.
  for (std::size_t i = 0; i + 1 < paragraph_goes_on.size(); ++i)
    if (paragraph_goes_on[i]) join_with_next(i);
  for (std::size_t i = 0; i + 1 < quoted.size(); ++i)
    if (quoted[i] && quoted[i + 1]) join_with_next(i);
  if (!continues.empty()) {
    parts.reserve(raw.size());
    for (const clean_rules::RawLine& line : raw) parts.push_back(line.span);
  }
  std::vector<Line> lines;
  for (std::size_t first = 0; first < raw.size();) {
    std::size_t last = first;
    while (!continues.empty() && continues[last]) ++last;
    Line line;
    line.span = Span{raw[first].span.begin, raw[last].span.end};
    line.parts = static_cast<std::uint32_t>(last - first + 1);
    first = last + 1;
    if (!line.blank()) {
      const std::string_view text = text_of(document, line);
      line.key = clean_rules::comparison_key(text);
      line.words = clean_rules::count_words(text);
      line.punctuated =
          clean_rules::ends_with_sentence_punctuation(text) ||
          (line.words >= kMinParagraphWords &&
           (clean_rules::holds_sentences(text) || clean_rules::ends_with_link_after_clause(text) ||
            clean_rules::ends_with_emoji_after_clause(text)));
      line.phrase = clean_rules::match_phrases(line.key, clean_rules::count_code_points(text),
                                               line.words, line.punctuated) != PhraseMatch::None;
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

void mark_repetitions(std::vector<std::vector<Line>>& documents) {
  struct Seen {
    std::size_t first_document;
    bool shared;
  };
  std::unordered_map<std::string_view, Seen> across;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    struct Occurrences {
      std::size_t count = 0;
      std::size_t last = 0;
    };
    std::unordered_map<std::string_view, Occurrences> within;
    for (std::size_t i = 0; i < documents[d].size(); ++i) {
      const Line& line = documents[d][i];
      if (line.blank()) continue;
      Occurrences& occurrences = within[line.key];
      ++occurrences.count;
      occurrences.last = i;
      auto [it, inserted] = across.try_emplace(line.key, Seen{d, false});
      if (!inserted && it->second.first_document != d) it->second.shared = true;
    }
    for (Line& line : documents[d]) {
      if (line.blank()) continue;
      const Occurrences& occurrences = within.at(line.key);
      line.repeated = occurrences.count > 1;
      line.last_occurrence = static_cast<std::uint32_t>(occurrences.last);
    }
  }
  for (std::vector<Line>& lines : documents) {
    for (Line& line : lines) {
      if (!line.blank()) line.shared = across.at(line.key).shared;
    }
  }
}

// The headline: the first line without final punctuation, looked for only above the first line
// of running text (a document that opens with a sentence has no title). Lines of the phrase list
// and breadcrumbs are passed over, and so, when there is another candidate, is a line that the page
// repeats further down (seed 004's newsletter block sits above and below the article) - unless the
// next candidate is that line printed twice, which makes it the headline.
// The document's first line may also end with an initialism's period and still be the headline
// ("2005/01/08 Tsunami aid donations in 2005 deductible for 2004 in the U.S.", a WikiNews
// headline in multiling2011_en that became the first sentence of its summary): a short first
// line reads as a headline, a longer one (over kMaxInitialismTitleWords) as a lede.
std::optional<std::size_t> find_title(std::string_view text, const std::vector<Line>& lines) {
  std::size_t first_text = lines.size();
  for (std::size_t i = 0; i < lines.size() && first_text == lines.size(); ++i) {
    if (!lines[i].blank()) first_text = i;
  }
  // ... and only above running text: a one-sentence document keeps its sentence.
  const bool first_is_initialism_headline =
      first_text < lines.size() && lines[first_text].punctuated &&
      lines[first_text].words <= kMaxInitialismTitleWords &&
      clean_rules::ends_with_initialism(
          text.substr(lines[first_text].span.begin, lines[first_text].span.size())) &&
      std::any_of(lines.begin() + static_cast<std::ptrdiff_t>(first_text) + 1, lines.end(),
                  [](const Line& line) { return line.punctuated && !line.phrase; });
  const auto headline_shaped = [&](std::size_t i) {
    return !lines[i].punctuated || (i == first_text && first_is_initialism_headline);
  };
  std::size_t first_body = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (!line.blank() && !headline_shaped(i) && !line.phrase && !line.repeated_here()) {
      first_body = i;
      break;
    }
  }
  // A site's name above its menu, with no blank line between ("KWXT 12 News" / "Watch Live" /
  // "Weather"; "Tolland County Ledger" / "Home | News | Obituaries"), and that menu on one line:
  // the page's header, not the article's (the third review of scraped pages). Passed over when
  // a headline follows.
  const auto adjacent = [&](std::size_t i) -> const Line* {
    return i + 1 < lines.size() && !lines[i + 1].blank() ? &lines[i + 1] : nullptr;
  };
  const auto menu = [&](const Line& line) {
    return clean_rules::is_menu_line(text.substr(line.span.begin, line.span.size()));
  };
  const auto page_header = [&](std::size_t i) {
    if (i == first_text && lines[i].words <= kMaxMastheadWords) {
      const Line* next = adjacent(i);
      if (next && (next->phrase || menu(*next))) return true;
      const Line* after = next ? adjacent(i + 1) : nullptr;
      if (after && next->words <= kMaxMenuItemWords && after->words <= kMaxMenuItemWords)
        return true;
    }
    return i == first_text + 1 && lines[first_text].words <= kMaxMastheadWords &&
           !lines[first_text].punctuated && menu(lines[i]);
  };
  std::vector<std::size_t> repeated_below, page_headers;
  for (std::size_t i = 0; i < first_body; ++i) {
    const Line& line = lines[i];
    if (line.blank() || line.phrase || !headline_shaped(i)) continue;
    if (line.words < kMinTitleWords) continue;
    if (clean_rules::is_date_line(line.key) || clean_rules::has_menu_separators(line.key)) continue;
    if (page_header(i)) {
      page_headers.push_back(i);
      continue;
    }
    // A breadcrumb ("Accueil > Politique > Gouvernement", "Home › News") is the site's menu.
    if (line.key.find(" > ") != std::string::npos || line.key.find(" \u203A ") != std::string::npos)
      continue;
    if (line.words >= clean_rules::kLongLineWords) break;  // a paragraph that lost its period
    if (line.repeated_here() && line.last_occurrence >= first_body) {
      repeated_below.push_back(i);
      continue;
    }
    for (const std::size_t earlier : repeated_below) {
      if (clean_rules::is_title_repeat(line.key, lines[earlier].key)) return earlier;
    }
    return i;
  }
  if (!repeated_below.empty()) return repeated_below.front();
  if (!page_headers.empty()) return page_headers.front();
  return std::nullopt;
}

const Line* previous_line(const std::vector<Line>& lines, std::size_t i) {
  while (i-- > 0) {
    if (!lines[i].blank()) return &lines[i];
  }
  return nullptr;
}

const Line* next_line(const std::vector<Line>& lines, std::size_t i) {
  while (++i < lines.size()) {
    if (!lines[i].blank()) return &lines[i];
  }
  return nullptr;
}

// Why a line that is neither the title nor a copy of it is dropped (nullptr: kept). Repetition
// and the phrase list come first because they are the surest signs.
const char* classify(const std::vector<Line>& lines, std::size_t i) {
  const Line& line = lines[i];
  if (line.repeated_here()) return "repeated";
  if (line.phrase) return "boilerplate";
  // A Wikipedia reference list's entry ("^ a b "Title". Publisher.").
  if (line.key.starts_with("^ ")) return "boilerplate";
  // A long paragraph is content, and so is a sentence. A line without final punctuation that
  // several sources carry is not spared: wire copy shares sentences, and what two pages of one
  // outlet share below the sentence level is its template (menus, share buttons, the site name).
  if (line.words >= clean_rules::kLongLineWords) return nullptr;
  // Before the punctuation test: "10:52 a.m." and "Le 12 mars 2025." end with a period.
  if (clean_rules::is_date_line(line.key)) return "date";
  if (line.punctuated) return nullptr;
  const Line* previous = previous_line(lines, i);
  const Line* next = next_line(lines, i);
  const bool between_paragraphs = previous && next && previous->body() && next->body();
  return line.words < kMinHeadingWords && !between_paragraphs ? "short" : "heading";
}

// Boilerpipe's word-count rule, but only in the tail after the last substantial paragraph: the
// promotions and widgets after an article are short lines among short lines, and applying it
// higher up would cost a short lede under a byline. Not after a subhead: a short section that
// closes an article ("What comes next" / "Investigators expect a preliminary report within 30
// days.", "Casualties" / "No injuries were reported.") is text, even when its subhead, under
// kMinHeadingWords, was dropped as short; but a widget's label ("Related", "Trending") is none.
void drop_tail_fragments(const Document& document, std::vector<Line>& lines) {
  std::size_t tail = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].blank() && !lines[i].reason && lines[i].words > kContextMaxWords) tail = i + 1;
  }
  if (tail == 0) return;  // no article to be the tail of: a page of short lines stays as it is
  for (std::size_t i = tail; i < lines.size(); ++i) {
    Line& line = lines[i];
    if (line.blank() || line.reason || line.shared || line.words > kContextMaxWords) continue;
    const Line* previous = previous_line(lines, i);
    const Line* next = next_line(lines, i);
    if (!previous || !previous->reason || previous->words > kContextMaxPreviousWords) continue;
    // After a headline or a subhead comes text, not widgets.
    const std::string_view why = previous->reason;
    if (why == "title" || why == "heading") continue;
    // A live blog's post: a sentence under its time stamp, or under the headline under its stamp
    // ("1:05 p.m. ET" / "Schools closed Wednesday" / "The Dunmore Area School District said …").
    // A widget under a date ("MAY 25" / "Add a comment…") has no period.
    const Line* stamp =
        why == "short" ? previous_line(lines, static_cast<std::size_t>(previous - lines.data()))
                       : previous;
    if (stamp && stamp->reason && std::string_view(stamp->reason) == "date" &&
        clean_rules::ends_with_period(text_of(document, line)))
      continue;
    if (why == "short" && (previous->words >= 2 || !clean_rules::is_widget_label(previous->key)) &&
        clean_rules::is_sentence_case_label(text_of(document, *previous)) &&
        clean_rules::ends_with_period(text_of(document, line)))
      continue;
    if (clean_rules::is_ad_slot(previous->key) &&
        clean_rules::ends_with_period(text_of(document, line)))
      continue;
    if (next && next->words > kContextMaxNextWords) continue;
    line.reason = "context";
  }
}

bool separates_paragraphs_with_blank_lines(const std::vector<Line>& lines) {
  std::size_t blocks = 0, multi_line = 0;
  for (std::size_t i = 0; i < lines.size();) {
    if (lines[i].blank()) {
      ++i;
      continue;
    }
    const std::size_t first = i;
    while (i < lines.size() && !lines[i].blank()) ++i;
    ++blocks;
    if (i - first > 1) ++multi_line;
  }
  return blocks >= kMinBlocks && multi_line * kBlocksPerMultiLine <= blocks;
}

// True when the line holding `begin` has something before it on its line of text: Markdown
// markup that the span skips.
bool after_markup(std::string_view text, std::size_t begin) {
  return line_start(text, begin) < begin;
}

// A short line glued under a paragraph of running text, ending its block (credit lines aside),
// in a document whose paragraphs are otherwise separated by blank lines: a caption. The
// segmenter would make it a sentence of its own ("HMS Cornwall at Zeebrugge in 2006."), and
// LexRank likes such short lines that repeat the cluster's words: one reached a summary.
// A list or a quotation announced by the paragraph (it ends with a colon), a line opening with
// a list marker, a quote or a number, or ending like a list item (; ,), is no caption.
void drop_captions(const Document& document, std::vector<Line>& lines) {
  if (!separates_paragraphs_with_blank_lines(lines)) return;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const Line& line = lines[i];
    const Line& above = lines[i - 1];
    // A caption is one line: two wrapped lines under a paragraph are a paragraph of their own.
    if (line.blank() || line.reason || line.shared || line.words > kCaptionMaxWords ||
        line.parts > 1)
      continue;
    if (above.blank() || above.reason || !above.body()) continue;
    const std::string_view caption = text_of(document, line);
    if (clean_rules::ends_with_colon(text_of(document, above)) ||
        !clean_rules::starts_with_letter(caption) || after_markup(document.text, line.span.begin))
      continue;
    if (const char last = caption.back(); last == ';' || last == ',') continue;
    std::size_t end = i + 1;  // the credits under it, to the end of the block
    while (end < lines.size() && !lines[end].blank() && lines[end].words <= kCreditMaxWords) ++end;
    // More text in the same block: a list or a paragraph broken by hand, not a caption.
    if (end < lines.size() && !lines[end].blank()) continue;
    for (std::size_t k = i; k < end; ++k)
      if (!lines[k].reason) lines[k].reason = "caption";
  }
}

// A picture's label on a line of its own ("Image", "Photo", "Vidéo": the alt text's stand-in in
// a copied AMP or reader page) and the short line under it, its caption ("Le tablier du pont de
// la Lanne gît dans la rivière, mercredi matin."), which as a sentence reads like news.
constexpr std::array<std::string_view, 10> kPictureLabels = {
    "image", "images", "photo",     "photos",      "illustration",
    "vidéo", "video",  "diaporama", "infographie", "graphic"};

void drop_labelled_captions(std::vector<Line>& lines) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].blank() || std::find(kPictureLabels.begin(), kPictureLabels.end(), lines[i].key) ==
                                kPictureLabels.end())
      continue;
    Line* caption = i + 1 < lines.size() ? &lines[i + 1] : nullptr;
    if (!caption || caption->blank() || caption->reason || caption->shared || caption->parts > 1 ||
        caption->words > kCaptionMaxWords)
      continue;
    caption->reason = "caption";
  }
}

// A line copied whole at the start of the next one: an AMP or reader copy prints a caption twice,
// the second time with its credit ("Smoke rises from derailed tank cars ... on Tuesday." / the
// same "(AP Photo/Martin Kell)"), and a quotation or a lede comes back with more after it. The
// next line holds everything the first says.
void drop_prefix_copies(std::vector<Line>& lines) {
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    Line& line = lines[i];
    const Line& next = lines[i + 1];
    if (line.blank() || line.reason || !line.punctuated || line.words < kMinHeadingWords ||
        next.blank() || next.key.size() <= line.key.size() || !next.key.starts_with(line.key) ||
        next.key[line.key.size()] != ' ')
      continue;
    line.reason = "repeated";
  }
}

// A block (lines between blank lines) of two or more roster entries (clean_rules::
// is_roster_entry), maybe under a heading: an earnings call's participants, a paper's staff. The
// entries without final punctuation go as short lines already; one that ends with an abbreviation
// ("... Brightwater Dairy Co.") was taken for a sentence and reached a summary.
void drop_rosters(const Document& document, std::vector<Line>& lines) {
  for (std::size_t i = 0; i < lines.size();) {
    if (lines[i].blank()) {
      ++i;
      continue;
    }
    const auto entry = [&](std::size_t k) {
      return lines[k].parts == 1 && clean_rules::is_roster_entry(text_of(document, lines[k]));
    };
    // The block may open with the roster's own heading ("Company Participants").
    const std::size_t first = entry(i) || lines[i].punctuated ? i : i + 1;
    std::size_t end = first;
    bool roster = true;
    for (; end < lines.size() && !lines[end].blank(); ++end) roster = roster && entry(end);
    if (roster && end >= first + 2)
      for (std::size_t k = i; k < end; ++k)
        if (!lines[k].reason) lines[k].reason = "roster";
    i = end;
  }
}

// True when `word` (a place in capitals) comes back in the text from `from` on, in capitals and
// as a whole word: an acronym does ("UNICEF – The agency … UNICEF said"), a place comes back
// written as a name ("WASHINGTON — … in Washington").
bool capitals_recur(std::string_view text, std::string_view word, std::size_t from) {
  if (word.empty()) return false;
  const auto letter_or_digit = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  for (std::size_t at = text.find(word, from); at != std::string_view::npos;
       at = text.find(word, at + 1)) {
    const std::size_t end = at + word.size();
    if ((at == 0 || !letter_or_digit(text[at - 1])) &&
        (end >= text.size() || !letter_or_digit(text[end])))
      return true;
  }
  return false;
}

void set_prefix(Line& line, std::size_t length, std::size_t own, const char* reason) {
  line.prefix = static_cast<std::uint32_t>(length);
  line.prefix_own = static_cast<std::uint32_t>(own);
  line.prefix_reason = reason;
}

// An e-mail's header: runs of "Name: value" lines (clean_rules::find_header_field). At the top of
// the document a subject alone makes one ("Subject: [Borough] Evacuation update"), or two fields
// of which one addresses the message; further down, a forwarded message's header has a subject
// and an addressing field. Marks the runs' lines as "header" when `drop`, and returns the index
// of the subject's line in the run that opens the document: the message's headline, whose field
// name goes as a prefix and whose key is the subject's (for title repeats).
std::optional<std::size_t> mark_email_headers(const Document& document, std::vector<Line>& lines,
                                              bool drop) {
  std::optional<std::size_t> subject;
  bool at_top = true;
  bool above_body = true;  // no paragraph of running text yet
  for (std::size_t i = 0; i < lines.size();) {
    if (lines[i].blank()) {
      ++i;
      continue;
    }
    std::size_t end = i;
    bool has_subject = false, has_addressing = false;
    std::optional<std::size_t> run_subject;
    clean_rules::HeaderField subject_field;
    while (end < lines.size() && !lines[end].blank() && lines[end].parts == 1) {
      const clean_rules::HeaderField field =
          clean_rules::find_header_field(text_of(document, lines[end]));
      if (field.kind == clean_rules::HeaderKind::None) break;
      if (field.kind == clean_rules::HeaderKind::Subject && !run_subject) {
        run_subject = end;
        subject_field = field;
        has_subject = true;
      }
      has_addressing = has_addressing || field.kind == clean_rules::HeaderKind::Addressing;
      ++end;
    }
    const std::size_t fields = end - i;
    // A letter's or an official communiqué's subject line under its letterhead ("MINISTÈRE DU
    // …" / "Paris, le 19 mars 2025" / "Objet : cyberattaque visant le centre hospitalier de
    // Valmorin") says what the text is about, as an e-mail's does.
    const bool subject_line = above_body && !subject && fields == 1 && has_subject;
    const bool header = at_top ? has_subject || (fields >= 2 && has_addressing)
                               : (fields >= 2 && has_subject && has_addressing) || subject_line;
    if (header) {
      if ((at_top || subject_line) && run_subject) {
        subject = run_subject;
        Line& line = lines[*run_subject];
        set_prefix(line, subject_field.length, subject_field.own, "header");
        line.key =
            clean_rules::comparison_key(text_of(document, line).substr(subject_field.length));
      }
      if (drop)
        for (std::size_t k = i; k < end; ++k)
          if (k != run_subject || !(at_top || subject_line)) lines[k].reason = "header";
    }
    at_top = false;
    for (std::size_t k = i; k < std::max(end, i + 1); ++k)
      above_body = above_body && !lines[k].body();
    i = std::max(end, i + 1);
  }
  return subject;
}

// A transcript's speakers ("HOST (JULIA FERN): ", "OSEI: ", "Q: "): their names open the lines
// they speak, which as sentences start with a name that is nobody's subject ("OSEI: Marchetti,
// who died in 1998, ..."), and keep a host's greeting ("Welcome back to The Capitol Minute.")
// above the selection's length floor. A document is a transcript when one name opens two of its
// lines: a brief that opens one paragraph with a rubric in capitals ("EXCLUSIVE: ...") is not.
void strip_speaker_labels(const Document& document, std::vector<Line>& lines) {
  std::vector<std::string_view> names;
  bool recurs = false;
  for (const Line& line : lines) {
    // A headline's rubric comes back at the start of the lede ("ONPC : La comédienne ..." twice
    // in an OrangeSum article): that is no second turn.
    if (line.blank() || (line.reason && std::string_view(line.reason).starts_with("title")))
      continue;
    const clean_rules::SpeakerLabel label =
        clean_rules::find_speaker_label(text_of(document, line));
    if (label.length == 0) continue;
    recurs = recurs || std::find(names.begin(), names.end(), label.name) != names.end();
    names.push_back(label.name);
  }
  if (!recurs) return;
  for (Line& line : lines) {
    if (line.blank() || line.reason || line.prefix) continue;
    const clean_rules::SpeakerLabel label =
        clean_rules::find_speaker_label(text_of(document, line));
    if (label.length > 0) set_prefix(line, label.length, label.own, "speaker");
  }
}

// An author's bio under the article ("Renata Solis covers Congress for Capitol Wire. Omar Haddad
// contributed reporting.", "Tom covers agriculture and commodities from Chicago.", "Kelsey Marr
// covers public safety for The Keystone Ledger. Reach her at …"): a line that opens with a name
// of the byline above the text, then a word in lower case, in the document's second half. The
// first review's scraped pages had six, kept as sentences; a reporter's name is nobody's
// subject in the story itself.
void drop_author_bios(const Document& document, std::vector<Line>& lines) {
  std::vector<std::string> names;
  std::size_t first_body = lines.size();
  for (std::size_t i = 0; i < lines.size() && first_body == lines.size(); ++i) {
    if (lines[i].blank()) continue;
    if (lines[i].body()) first_body = i;
    for (std::string& name : clean_rules::byline_names(text_of(document, lines[i])))
      names.push_back(std::move(name));
  }
  if (names.empty() || first_body == lines.size()) return;
  std::size_t text_lines = 0;
  for (const Line& line : lines) text_lines += !line.blank();
  std::size_t seen = 0;
  for (Line& line : lines) {
    if (line.blank()) continue;
    if (++seen <= text_lines / 2 || line.reason) continue;
    const std::string_view text = text_of(document, line);
    for (const std::string& name : names) {
      if (clean_rules::opens_with_author(text, name)) {
        line.reason = "byline";
        break;
      }
    }
  }
}

// The line that starts at text offset `begin`, if any: lines are in text order.
std::optional<std::size_t> line_starting_at(const std::vector<Line>& lines, std::size_t begin) {
  const auto found = std::partition_point(
      lines.begin(), lines.end(), [&](const Line& line) { return line.span.begin < begin; });
  if (found == lines.end() || found->span.begin != begin) return std::nullopt;
  return static_cast<std::size_t>(found - lines.begin());
}

// A Markdown heading is a heading by its markup, whatever its punctuation: "## What happened?"
// and "## Et les données des patients ?" read as questions, and were kept as sentences.
void drop_markdown_headings(const std::vector<Heading>& headings, std::vector<Line>& lines) {
  for (const Heading& heading : headings) {
    const std::optional<std::size_t> i = line_starting_at(lines, heading.begin);
    if (i && lines[*i].parts == 1 && !lines[*i].reason) lines[*i].reason = "heading";
  }
}

CleanedDocument clean_document(const Document& document, std::vector<Line>& lines,
                               const Extras& extras, const CleanOptions& options) {
  const std::vector<Span>& parts = extras.parts;
  CleanedDocument result;
  std::optional<std::size_t> title;
  if (extras.headline) {  // TREC: the <HEADLINE>, whatever its punctuation
    title = line_starting_at(lines, *extras.headline);
    if (title && lines[*title].blank()) title.reset();
  }
  if (!title) title = mark_email_headers(document, lines, options.enabled);
  // Markdown: the first level-1 heading of a headline's length. A page converted by html2text
  // or a reader mode opens with its menu, whose items ("Pays de la Loire") look like headlines
  // to find_title; the page's <h1> is its headline.
  for (const Heading& heading : extras.headings) {
    if (title) break;
    if (!heading.top) continue;
    const std::optional<std::size_t> i = line_starting_at(lines, heading.begin);
    if (i && lines[*i].words >= kMinTitleWords) title = i;
  }
  if (!title) title = find_title(document.text, lines);
  std::string_view title_key;
  if (title) {
    Line& line = lines[*title];
    line.reason = "title";
    title_key = line.key;
    result.title_span = Span{line.span.begin + line.prefix, line.span.end};
    result.title = clean_rules::collapse_spaces(
        std::string_view(document.text).substr(result.title_span.begin, result.title_span.size()));
  }

  if (options.enabled) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
      Line& line = lines[i];
      if (line.blank() || line.reason) continue;
      line.reason =
          clean_rules::is_title_repeat(line.key, title_key) ? "title-repeat" : classify(lines, i);
    }
    drop_captions(document, lines);
    drop_labelled_captions(lines);
    drop_prefix_copies(lines);
    drop_rosters(document, lines);
    drop_tail_fragments(document, lines);
    strip_speaker_labels(document, lines);
    drop_markdown_headings(extras.headings, lines);
    drop_author_bios(document, lines);
  }
  // The article's dateline ("WASHINGTON (AP) _ ") opens its first kept line, or the second one
  // under a standfirst when it carries an agency tag: the line starts after it
  // (clean_rules::find_dateline). Only there: further down, a line that opens with "PARIS –" is
  // text.
  if (options.enabled) {
    int kept_seen = 0;
    for (Line& line : lines) {
      if (line.blank() || line.reason) continue;
      if (line.prefix) break;  // a transcript's first turn
      const clean_rules::Dateline found = clean_rules::find_dateline(text_of(document, line));
      if (found.length > 0 && (kept_seen == 0 || found.agency) &&
          !capitals_recur(document.text, found.bare_place, line.span.begin + found.length)) {
        set_prefix(line, found.length, found.own, "dateline");
        break;
      }
      if (++kept_seen == 2) break;
    }
  }

  // `wrapped` stays empty unless a kept line is wrapped (most documents: no allocation).
  const bool any_wrapped = std::any_of(
      lines.begin(), lines.end(), [](const Line& line) { return line.parts > 1 && !line.reason; });
  const auto emit = [&](const Line& line, Span span, bool continues) {
    if (line.prefix && span.begin == line.span.begin && line.prefix < span.size()) {
      result.dropped.push_back(
          DroppedLine{Span{span.begin, span.begin + line.prefix_own}, line.prefix_reason});
      span.begin += line.prefix;
    }
    if (line.reason) {
      result.dropped.push_back(DroppedLine{span, line.reason});
    } else {
      result.lines.push_back(span);
      if (any_wrapped) result.wrapped.push_back(continues);
    }
  };
  std::size_t part = 0;  // index in `parts` of the line's first line of text
  for (const Line& line : lines) {
    const std::size_t first = part;
    part += line.parts;
    if (line.blank()) continue;
    if (line.parts == 1) {
      emit(line, line.span, false);
      continue;
    }
    // A wrapped paragraph is reported line by line, as the text has it.
    for (std::size_t k = first; k < part; ++k) emit(line, parts[k], k + 1 < part);
  }
  if (!extras.markup.empty()) {
    const std::size_t before = result.dropped.size();
    result.dropped.insert(result.dropped.end(), extras.markup.begin(), extras.markup.end());
    std::inplace_merge(result.dropped.begin(), result.dropped.begin() + before,
                       result.dropped.end(), in_text_order);
  }
  return result;
}

}  // namespace

std::vector<CleanedDocument> clean(std::span<const Document> documents, const CleanOptions& options,
                                   std::size_t workers) {
  // Analysing lines and classifying them look at one document each; only the repetition count
  // compares documents, and runs alone in between.
  std::vector<std::vector<Line>> lines(documents.size());
  std::vector<Extras> extras(documents.size());
  parallel_for(documents.size(), workers,
               [&](std::size_t d, std::size_t) { lines[d] = analyse(documents[d], extras[d]); });
  mark_repetitions(lines);

  std::vector<CleanedDocument> result(documents.size());
  parallel_for(documents.size(), workers, [&](std::size_t d, std::size_t) {
    result[d] = clean_document(documents[d], lines[d], extras[d], options);
  });
  return result;
}

}  // namespace precis
