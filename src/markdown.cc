#include "markdown.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace precis::markdown {

namespace {

// Marks of Markdown a text must make to read as Markdown (looks_like_markdown).
constexpr int kMinMarks = 2;
// CommonMark's bounds: a link label has at most 999 characters, and cmark nests at most 32
// parentheses in a link's destination. A title gets the label's bound. Past them the text is no
// markup, and every search for a closing mark stays short: unbounded, a paragraph of "[x](" or
// "[a][" repeated took time quadratic in its length.
constexpr std::size_t kMaxLabelBytes = 999;
constexpr int kMaxDestinationParentheses = 32;
// Raw HTML: a tag or a comment longer than this is text (and no search reads further).
constexpr std::size_t kMaxRawHtmlBytes = 300;
// Tags that break a line or a block: they become a space, not nothing.
constexpr std::array<std::string_view, 22> kBreakingTags = {
    "br",    "p",          "div",     "li",      "ul",     "ol",        "tr", "td",
    "th",    "hr",         "h1",      "h2",      "h3",     "h4",        "h5", "h6",
    "table", "blockquote", "section", "article", "figure", "figcaption"};

bool is_ascii_punctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

bool is_line_space(char c) {
  return c == ' ' || c == '\t';
}

struct Line {
  std::size_t begin = 0;
  std::size_t end = 0;  // before its "\n" or "\r\n"
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    const std::size_t next = end == std::string_view::npos ? text.size() + 1 : end + 1;
    if (end == std::string_view::npos) end = text.size();
    if (end > begin && text[end - 1] == '\r') --end;
    lines.push_back({begin, end});
    begin = next;
  }
  return lines;
}

bool is_blank(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char c) { return is_line_space(c); });
}

// Up to three spaces of indentation, as CommonMark allows before block markup.
std::size_t indentation(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  return i;
}

bool is_fence(std::string_view line) {
  line.remove_prefix(indentation(line));
  return line.starts_with("```") || line.starts_with("~~~");
}

// A link's label as CommonMark compares them: ASCII case folded, white space runs collapsed.
std::string normalize_label(std::string_view label) {
  std::string out;
  bool space = false;
  for (const char c : label) {
    if (is_line_space(c) || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

// "[label]: destination" opening a line: the label, or nothing. A footnote's definition
// ("[^1]: text") is no reference definition: its text is prose.
std::optional<std::string_view> reference_definition(std::string_view line) {
  std::size_t i = indentation(line);
  if (i >= line.size() || line[i] != '[' || i + 1 >= line.size() || line[i + 1] == '^')
    return std::nullopt;
  const std::size_t close = line.find(']', i + 1);
  if (close == std::string_view::npos || close == i + 1 || close + 1 >= line.size() ||
      line[close + 1] != ':')
    return std::nullopt;
  const std::string_view label = line.substr(i + 1, close - i - 1);
  if (label.find('[') != std::string_view::npos) return std::nullopt;
  // The destination, one run without spaces, then at most a title in quotes or parentheses:
  // "[Mise à jour]: le bilan s'alourdit" is prose.
  std::size_t k = close + 2;
  const auto skip_space = [&] {
    while (k < line.size() && is_line_space(line[k])) ++k;
  };
  skip_space();
  if (k == line.size()) return std::nullopt;
  while (k < line.size() && !is_line_space(line[k])) ++k;
  skip_space();
  if (k < line.size()) {
    const char closing = line[k] == '(' ? ')' : line[k];
    if (closing != '"' && closing != '\'' && closing != ')') return std::nullopt;
    const std::size_t end = line.find(closing, k + 1);
    if (end == std::string_view::npos) return std::nullopt;
    k = end + 1;
    skip_space();
    if (k < line.size()) return std::nullopt;
  }
  return label;
}

// The length of "[^label]: " opening a line (a footnote's definition), or 0.
std::size_t footnote_definition_marker(std::string_view line) {
  const std::size_t i = indentation(line);
  if (!line.substr(i).starts_with("[^")) return 0;
  const std::size_t close = line.find(']', i + 2);
  if (close == std::string_view::npos || close == i + 2 || close + 1 >= line.size() ||
      line[close + 1] != ':')
    return 0;
  std::size_t end = close + 2;
  while (end < line.size() && is_line_space(line[end])) ++end;
  return end;
}

// What is around an emphasis mark, for CommonMark's flanking rules.
enum class Around { space, punctuation, other };

Around classify(UChar32 c) {
  if (c < 0 || u_isUWhiteSpace(c)) return Around::space;
  if (c < 0x80)
    return is_ascii_punctuation(static_cast<char>(c)) ? Around::punctuation : Around::other;
  return (U_GET_GC_MASK(c) & (U_GC_P_MASK | U_GC_S_MASK)) != 0 ? Around::punctuation
                                                               : Around::other;
}

// A run of "*" or "_" in a paragraph (CommonMark's delimiter run).
struct Delimiter {
  std::size_t position = 0;  // of the run's first mark not yet matched
  std::size_t length = 0;    // marks not yet matched
  std::size_t original_length = 0;
  char mark = 0;
  bool can_open = false;
  bool can_close = false;
};

class InlineStripper {
 public:
  InlineStripper(std::string_view text, std::set<std::string> labels)
      : text_(text),
        labels_(std::move(labels)),
        drop_(text.size(), false),
        space_(text.size(), false) {}

  void drop(std::size_t begin, std::size_t end) {
    std::fill(drop_.begin() + static_cast<std::ptrdiff_t>(begin),
              drop_.begin() + static_cast<std::ptrdiff_t>(end), true);
  }

  // The inline markup of one paragraph, [begin, end) of the text (its lines and the line breaks
  // between them).
  void paragraph(std::size_t begin, std::size_t end) {
    begin_ = begin;
    end_ = end;
    delimiters_.clear();
    match_brackets_and_backticks();
    std::size_t i = begin;
    while (i < end) {
      if (drop_[i]) {
        ++i;
        continue;
      }
      const char c = text_[i];
      if (c == '\\' && i + 1 < end) {
        if (is_ascii_punctuation(text_[i + 1])) {  // the escaped mark is text
          drop_[i] = true;
          i += 2;
          continue;
        }
        if (text_[i + 1] == '\n' || text_[i + 1] == '\r') drop_[i] = true;  // a hard line break
        ++i;
      } else if (c == '`') {
        i = code_span(i);
      } else if (c == '!' && i + 1 < end && text_[i + 1] == '[') {
        if (const auto link_end = link(i + 1)) {
          drop(i, *link_end);  // an image: its alt text is a caption, not prose
          i = *link_end;
        } else {
          ++i;
        }
      } else if (c == '[') {
        i = footnote_call_or_link(i);
      } else if (c == '<') {
        i = autolink(i);
      } else if (c == '*' || c == '_') {
        i = delimiter_run(i);
      } else {
        ++i;
      }
    }
    emphasis();
  }

  MappedText result() const {
    MappedText out;
    out.text.reserve(text_.size());
    out.source.reserve(text_.size() + 1);
    for (std::size_t i = 0; i < text_.size(); ++i) {
      if (drop_[i]) continue;
      out.text.push_back(space_[i] ? ' ' : text_[i]);
      out.source.push_back(i);
    }
    out.source.push_back(text_.size());
    return out;
  }

 private:
  // For every "[" of the paragraph, the "]" that closes it (nested brackets balanced), and for
  // every run of backticks, the next run of the same length: one pass each, so that no search
  // for a closing mark reads the paragraph again.
  void match_brackets_and_backticks() {
    const std::size_t size = end_ - begin_;
    closing_.assign(size, kNone);
    std::vector<std::size_t> open;
    std::unordered_map<std::size_t, std::size_t> next_run;  // length -> the run met after
    for (std::size_t k = end_; k-- > begin_;) {
      if (text_[k] != '`' || (k > begin_ && text_[k - 1] == '`')) continue;
      std::size_t run_end = k;
      while (run_end < end_ && text_[run_end] == '`') ++run_end;
      const std::size_t length = run_end - k;
      const auto next = next_run.find(length);
      if (next != next_run.end()) closing_[k - begin_] = next->second;
      next_run[length] = k;
    }
    for (std::size_t k = begin_; k < end_; ++k) {
      const char c = text_[k];
      if (c == '\\') {
        ++k;
      } else if (c == '[') {
        open.push_back(k);
      } else if (c == ']' && !open.empty()) {
        closing_[open.back() - begin_] = k;
        open.pop_back();
      }
    }
  }

  // A code span: backticks, then the same number of backticks; its text is literal.
  std::size_t code_span(std::size_t open) {
    std::size_t run = open;
    while (run < end_ && text_[run] == '`') ++run;
    const std::size_t close = closing_[open - begin_];
    if (close == kNone) return run;
    drop(open, run);
    drop(close, close + (run - open));
    return close + (run - open);
  }

  // "[^1]": a footnote's call goes whole; any other "[" may open a link.
  std::size_t footnote_call_or_link(std::size_t open) {
    if (open + 1 < end_ && text_[open + 1] == '^') {
      std::size_t close = open + 2;
      while (close < end_ && text_[close] != ']' && !is_line_space(text_[close]) &&
             text_[close] != '\n' && text_[close] != '[')
        ++close;
      if (close < end_ && text_[close] == ']' && close > open + 2) {
        drop(open, close + 1);
        return close + 1;
      }
      return open + 1;
    }
    if (const auto link_end = link(open)) {
      // The link's text stays (and is read on, for its emphasis); "[" and "](target)" go.
      drop_[open] = true;
      drop(link_close_, *link_end);
    }
    return open + 1;
  }

  // The bracket that closes the one at `open`, nested brackets balanced, or nothing.
  std::optional<std::size_t> closing_bracket(std::size_t open) const {
    const std::size_t close = closing_[open - begin_];
    if (close == kNone) return std::nullopt;
    return close;
  }

  // Whether `label` is a reference definition's.
  bool defined(std::string_view label) const {
    return !labels_.empty() && label.size() <= kMaxLabelBytes &&
           labels_.contains(normalize_label(label));
  }

  // A link or an image's brackets at `open`: where its markup ends, or nothing when it is no
  // link ("[…]" in a quotation, Wikipedia's "[1]"). Sets link_close_ to the closing bracket.
  std::optional<std::size_t> link(std::size_t open) {
    const auto close = closing_bracket(open);
    if (!close) return std::nullopt;
    link_close_ = *close;
    const std::size_t after = *close + 1;
    if (after < end_ && text_[after] == '(') {
      if (const auto end = inline_destination(after)) return end;
    }
    if (after < end_ && text_[after] == '[') {
      const std::size_t label_end = closing_[after - begin_];
      if (label_end != kNone) {
        std::string_view label = text_.substr(after + 1, label_end - after - 1);
        if (label.find('[') == std::string_view::npos) {
          if (label.empty()) label = text_.substr(open + 1, *close - open - 1);
          if (defined(label)) return label_end + 1;
          return std::nullopt;
        }
      }
    }
    if (defined(text_.substr(open + 1, *close - open - 1))) return after;
    return std::nullopt;
  }

  // "(target)" or "(target "title")" at `open`: where it ends, or nothing.
  std::optional<std::size_t> inline_destination(std::size_t open) const {
    std::size_t k = open + 1;
    const auto skip_space = [&] {
      while (k < end_ && (is_line_space(text_[k]) || text_[k] == '\n' || text_[k] == '\r')) ++k;
    };
    skip_space();
    if (k < end_ && text_[k] == '<') {  // "<…>", which holds no "<" and no line break
      const std::size_t close = text_.find_first_of("<>\n", k + 1);
      if (close == std::string_view::npos || close >= end_ || text_[close] != '>')
        return std::nullopt;
      k = close + 1;
    } else {
      int depth = 0;
      while (k < end_) {
        const char c = text_[k];
        if (c == '\\' && k + 1 < end_) {
          k += 2;
          continue;
        }
        if (is_line_space(c) || c == '\n' || c == '\r' || static_cast<unsigned char>(c) < 0x20)
          break;
        if (c == '(' && ++depth > kMaxDestinationParentheses) return std::nullopt;
        if (c == ')' && depth-- == 0) break;
        ++k;
      }
    }
    skip_space();
    if (k < end_ && (text_[k] == '"' || text_[k] == '\'' || text_[k] == '(')) {
      const char closing = text_[k] == '(' ? ')' : text_[k];
      const std::size_t close =
          text_.substr(0, std::min(end_, k + 1 + kMaxLabelBytes)).find(closing, k + 1);
      if (close == std::string_view::npos) return std::nullopt;
      k = close + 1;
      skip_space();
    }
    if (k < end_ && text_[k] == ')') return k + 1;
    return std::nullopt;
  }

  // "<https://…>", "<mailto:…>": the address is text, its brackets go. Any other "<" may open
  // raw HTML.
  std::size_t autolink(std::size_t open) {
    const std::string_view rest = text_.substr(open + 1, end_ - open - 1);
    if (!rest.starts_with("http://") && !rest.starts_with("https://") &&
        !rest.starts_with("mailto:"))
      return raw_html(open);
    for (std::size_t k = 0; k < rest.size(); ++k) {
      const char c = rest[k];
      if (c == '>') {
        drop_[open] = true;
        drop_[open + 1 + k] = true;
        return open + 2 + k;
      }
      if (c == '<' || is_line_space(c) || c == '\n' || c == '\r') break;
    }
    return open + 1;
  }

  // Raw HTML inside a paragraph (a converter's "<br>", "<span class=…>", "</em>", "<!-- ad -->"):
  // markup, not text. A tag that breaks a line or a block becomes a space, so that
  // "morning.<br>Officials" and "a<br>b" do not glue; an inline one goes ("<em>mot</em>").
  std::size_t raw_html(std::size_t open) {
    const std::string_view rest = text_.substr(open, std::min(end_ - open, kMaxRawHtmlBytes));
    std::size_t length = 0;
    bool breaks = false;
    if (rest.starts_with("<!--")) {
      const std::size_t close = rest.find("-->", 4);
      if (close != std::string_view::npos) length = close + 3;
      breaks = true;
    } else {
      std::size_t k = rest.size() > 1 && rest[1] == '/' ? 2 : 1;
      const std::size_t name_begin = k;
      while (k < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[k])) != 0 ||
                                 (k > name_begin && rest[k] == '-')))
        ++k;
      if (k == name_begin || std::isalpha(static_cast<unsigned char>(rest[name_begin])) == 0)
        return open + 1;
      std::string name(rest.substr(name_begin, k - name_begin));
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      // Attributes, then ">" or "/>": no "<" and no line break before it.
      if (k < rest.size() && rest[k] != '>' && rest[k] != '/' && !is_line_space(rest[k]))
        return open + 1;
      const std::size_t close = rest.find_first_of("<>\n", k);
      if (close == std::string_view::npos || rest[close] != '>') return open + 1;
      length = close + 1;
      breaks = std::find(kBreakingTags.begin(), kBreakingTags.end(), name) != kBreakingTags.end();
    }
    if (length == 0) return open + 1;
    drop(open + (breaks ? 1 : 0), open + length);
    if (breaks) space_[open] = true;
    return open + length;
  }

  // The character before the byte at `position`, and the one at `position`; the text's start
  // and the paragraph's end count as white space.
  Around before(std::size_t position) const {
    if (position == 0) return Around::space;
    UChar32 c = 0;
    auto offset = static_cast<std::int32_t>(position);
    U8_PREV(reinterpret_cast<const uint8_t*>(text_.data()), 0, offset, c);
    return classify(c);
  }
  Around after(std::size_t position) const {
    if (position >= end_) return Around::space;
    UChar32 c = 0;
    auto offset = static_cast<std::int32_t>(position);
    U8_NEXT(reinterpret_cast<const uint8_t*>(text_.data()), offset, static_cast<std::int32_t>(end_),
            c);
    return classify(c);
  }

  // A run of "*" or "_": whether it may open or close emphasis (CommonMark's flanking rules:
  // "snake_case" and "5 * 3" are text).
  std::size_t delimiter_run(std::size_t begin) {
    const char mark = text_[begin];
    std::size_t end = begin;
    while (end < end_ && text_[end] == mark && !drop_[end]) ++end;
    const Around previous = before(begin), next = after(end);
    const bool left =
        next != Around::space && (next != Around::punctuation || previous != Around::other);
    const bool right =
        previous != Around::space && (previous != Around::punctuation || next != Around::other);
    Delimiter run;
    run.position = begin;
    run.length = run.original_length = end - begin;
    run.mark = mark;
    if (mark == '*') {
      run.can_open = left;
      run.can_close = right;
    } else {  // "_" inside a word is text
      run.can_open = left && (!right || previous == Around::punctuation);
      run.can_close = right && (!left || next == Around::punctuation);
    }
    if (run.can_open || run.can_close) delimiters_.push_back(run);
    return end;
  }

  // CommonMark's "process emphasis": each closing run is matched with the nearest opening run
  // of the same mark, two marks at a time when both have two; the runs between them are text.
  // `previous` links each run to the nearest one before it that may still match, so that the
  // runs matched or passed over are not read again: the work stays linear in the runs.
  void emphasis() {
    const std::size_t count = delimiters_.size();
    std::vector<std::ptrdiff_t> previous(count);
    for (std::size_t k = 0; k < count; ++k) previous[k] = static_cast<std::ptrdiff_t>(k) - 1;
    // Where the search for an opener stops, by mark, closer's length modulo 3 and whether the
    // closer can open (CommonMark's openers_bottom).
    std::array<std::ptrdiff_t, 12> bottom;
    bottom.fill(-1);
    for (std::size_t c = 0; c < count; ++c) {
      Delimiter& closer = delimiters_[c];
      if (!closer.can_close) continue;
      const std::size_t key = (closer.mark == '*' ? 0 : 6) + (closer.original_length % 3) * 2 +
                              (closer.can_open ? 1 : 0);
      while (closer.length > 0) {
        std::ptrdiff_t o = previous[c];
        while (o > bottom[key]) {
          const Delimiter& opener = delimiters_[static_cast<std::size_t>(o)];
          const bool odd_match =
              (opener.can_close || closer.can_open) &&
              (opener.original_length + closer.original_length) % 3 == 0 &&
              !(opener.original_length % 3 == 0 && closer.original_length % 3 == 0);
          if (opener.mark == closer.mark && opener.can_open && opener.length > 0 && !odd_match)
            break;
          o = previous[static_cast<std::size_t>(o)];
        }
        if (o <= bottom[key]) {
          bottom[key] = static_cast<std::ptrdiff_t>(c) - 1;
          break;
        }
        Delimiter& opener = delimiters_[static_cast<std::size_t>(o)];
        const std::size_t used = opener.length >= 2 && closer.length >= 2 ? 2 : 1;
        opener.length -= used;
        drop(opener.position + opener.length, opener.position + opener.length + used);
        drop(closer.position, closer.position + used);
        closer.position += used;
        closer.length -= used;
        // The runs between them can no longer match; an opener with no mark left is gone.
        previous[c] = opener.length > 0 ? o : previous[static_cast<std::size_t>(o)];
      }
      // A closer with no mark left, or that cannot open, is gone: the next run looks past it.
      if ((closer.length == 0 || !closer.can_open) && c + 1 < count) previous[c + 1] = previous[c];
    }
  }

  std::string_view text_;
  std::set<std::string> labels_;
  std::vector<bool> drop_;
  std::vector<bool> space_;  // a byte that becomes a space (the "<" of a "<br>")
  std::vector<Delimiter> delimiters_;
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> closing_;  // by offset in the paragraph (match_brackets_and_backticks)
  std::size_t begin_ = 0, end_ = 0;   // of the paragraph being read
  std::size_t link_close_ = 0;        // set by link()
};

}  // namespace

bool is_markdown_path(std::string_view path) {
  const auto ends_with = [&](std::string_view suffix) {
    if (path.size() < suffix.size()) return false;
    for (std::size_t k = 0; k < suffix.size(); ++k) {
      char c = path[path.size() - suffix.size() + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != suffix[k]) return false;
    }
    return true;
  };
  return ends_with(".md") || ends_with(".markdown");
}

bool looks_like_markdown(std::string_view text) {
  // Most text makes none of the marks: four searches say so without splitting it into lines.
  if (text.find("](") == std::string_view::npos && text.find("**") == std::string_view::npos &&
      text.find("]:") == std::string_view::npos && text.find("# ") == std::string_view::npos)
    return false;
  int marks = 0;
  for (const Line& line : split_lines(text)) {
    const std::string_view view = text.substr(line.begin, line.end - line.begin);
    if (reference_definition(view)) {
      ++marks;
    } else {
      const std::size_t hashes = view.find_first_not_of('#', indentation(view));
      if (hashes != std::string_view::npos && hashes > indentation(view) &&
          hashes - indentation(view) <= 6 && view[hashes] == ' ' &&
          view.find_first_not_of(' ', hashes) != std::string_view::npos)
        ++marks;
      // "](" after a "[" on the line, then a target without spaces and ")": a link or an image.
      for (std::size_t at = view.find("]("); at != std::string_view::npos;
           at = view.find("](", at + 2)) {
        const std::size_t close = view.find(')', at + 2);
        if (view.rfind('[', at) != std::string_view::npos && close != std::string_view::npos &&
            view.substr(at + 2, close - at - 2).find(' ') == std::string_view::npos)
          ++marks;
      }
      // "**word … word**": strong emphasis, its marks against its words.
      for (std::size_t at = view.find("**"); at != std::string_view::npos;) {
        const std::size_t close = view.find("**", at + 2);
        if (close == std::string_view::npos) break;
        if (close > at + 2 && !is_line_space(view[at + 2]) && !is_line_space(view[close - 1]))
          ++marks;
        at = view.find("**", close + 2);
      }
    }
    if (marks >= kMinMarks) return true;
  }
  return false;
}

MappedText strip_inline(std::string_view text) {
  const std::vector<Line> lines = split_lines(text);
  const auto view = [&](const Line& line) {
    return text.substr(line.begin, line.end - line.begin);
  };
  std::set<std::string> labels;
  for (const Line& line : lines)
    if (const auto label = reference_definition(view(line))) labels.insert(normalize_label(*label));

  InlineStripper stripper(text, std::move(labels));
  bool in_fence = false;
  std::optional<std::size_t> paragraph;  // where the paragraph being gathered starts
  const auto end_paragraph = [&](std::size_t end) {
    if (paragraph) stripper.paragraph(*paragraph, end);
    paragraph.reset();
  };
  for (const Line& line : lines) {
    const std::string_view content = view(line);
    if (is_fence(content)) {
      end_paragraph(line.begin);
      in_fence = !in_fence;
      continue;
    }
    if (in_fence) continue;
    if (is_blank(content)) {
      end_paragraph(line.begin);
      continue;
    }
    if (reference_definition(content)) {
      end_paragraph(line.begin);
      stripper.drop(line.begin, line.end);
      continue;
    }
    if (const std::size_t marker = footnote_definition_marker(content)) {
      end_paragraph(line.begin);
      stripper.drop(line.begin, line.begin + marker);
    }
    if (!paragraph) paragraph = line.begin;
  }
  end_paragraph(text.size());
  return stripper.result();
}

}  // namespace precis::markdown
