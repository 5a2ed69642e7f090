#include "html.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace precis::html {

namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// A tag's or an entity's name longer than this is read no further (HTML5's longest entity name
// has 31 characters; no element's name comes near).
constexpr std::size_t kMaxNameBytes = 32;
// The longest of the names browsers accept without ';' ("frac34", "plusmn").
constexpr std::size_t kMaxLegacyNameBytes = 6;
// A widget (a share bar, a "related" box) that holds this share of the page's text or more is
// the content after all: a page whose article sits in <div class="main sidebar-layout">.
constexpr double kMaxWidgetShare = 1.0 / 3.0;
// The <main> is the content when it holds this share of the page's text, and an <article> inside
// it when it holds this share of the <main>'s (more than half, with a margin: two teasers of
// about the same length are no article and its sidebar).
constexpr double kMinMainShare = 1.0 / 3.0;
constexpr double kMinArticleShare = 0.6;
// Elements nest at most this deep in the tree kept (a page of 100,000 unclosed <div>s stays
// linear: deeper start tags are read as text-less).
constexpr std::size_t kMaxDepth = 512;
// An <h1> of fewer words is a logo, not the headline: the <title> is the first heading then.
constexpr std::size_t kMinHeadlineWords = 3;

struct Entity {
  std::string_view name;
  std::string_view utf8;
  bool legacy;  // also stands without its ';'
};
constexpr Entity kEntities[] = {
#include "html_entities.inc"
};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alnum(char c) {
  return is_alpha(c) || is_digit(c);
}
char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}
std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}
bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(text[i]) != prefix[i]) return false;
  return true;
}

template <std::size_t N>
bool is_one_of(std::string_view name, const std::string_view (&names)[N]) {
  return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

// HTML5's void elements: no content, no end tag.
constexpr std::string_view kVoid[] = {"area",  "base",  "br",     "col",     "embed", "hr",
                                      "img",   "input", "link",   "meta",    "param", "source",
                                      "track", "wbr",   "keygen", "basefont"};
// Elements whose content is raw text up to their end tag (no tags, no entities read in it; the
// title's entities are decoded when it is used).
constexpr std::string_view kRawText[] = {"script",   "style",    "xmp",      "iframe", "noembed",
                                         "noframes", "noscript", "textarea", "title",  "plaintext"};
// Elements that break the text: each is a paragraph of its own.
constexpr std::string_view kBlock[] = {
    "address", "article", "aside",  "blockquote", "body", "caption", "center",   "dd",
    "details", "dialog",  "dir",    "div",        "dl",   "dt",      "fieldset", "figcaption",
    "figure",  "footer",  "form",   "h1",         "h2",   "h3",      "h4",       "h5",
    "h6",      "header",  "hgroup", "hr",         "html", "legend",  "li",       "main",
    "menu",    "nav",     "ol",     "p",          "pre",  "section", "summary",  "table",
    "td",      "th",      "tr",     "ul"};
// A start tag of one of these closes an open <p> (HTML5: "close a p element").
constexpr std::string_view kClosesParagraph[] = {
    "address", "article", "aside",    "blockquote", "center", "details", "dialog",  "dir",
    "div",     "dl",      "fieldset", "figcaption", "figure", "footer",  "form",    "h1",
    "h2",      "h3",      "h4",       "h5",         "h6",     "header",  "hgroup",  "hr",
    "main",    "menu",    "nav",      "ol",         "p",      "pre",     "section", "summary",
    "table",   "ul",      "li",       "dd",         "dt"};
// HTML5's scope markers: a search for an element to close stops at them.
constexpr std::string_view kScopeBoundary[] = {"html",     "table",  "td",     "th",     "caption",
                                               "template", "button", "object", "marquee"};
// Elements that are never the article's text.
constexpr std::string_view kNotContent[] = {
    "head",   "title",   "script",  "style", "noscript", "template", "svg",        "math",
    "nav",    "aside",   "footer",  "form",  "button",   "select",   "textarea",   "iframe",
    "object", "embed",   "video",   "audio", "canvas",   "figure",   "figcaption", "dialog",
    "menu",   "address", "picture", "map",   "label"};
// ARIA roles of what surrounds an article.
constexpr std::string_view kNotContentRoles[] = {"navigation",    "banner", "contentinfo",
                                                 "complementary", "search", "menu",
                                                 "menubar",       "dialog", "alertdialog"};
// Words in a class or an id that name a page's widgets (lower case, matched inside the value:
// "article-share", "RelatedLinks", "c-newsletter-box").
constexpr std::string_view kWidgetWords[] = {
    "share",      "sharing",    "social",    "related",      "recommend", "newsletter", "subscribe",
    "promo",      "advert",     "sponsor",   "cookie",       "consent",   "gdpr",       "sidebar",
    "breadcrumb", "pagination", "popup",     "modal",        "outbrain",  "taboola",    "feedback",
    "comments",   "comment-",   "disqus",    "commentaires", "navbar",    "navigation", "menu",
    "footer",     "paywall",    "read-more", "lire-aussi"};

// A token of the page, as HTML5's tokenizer reads it.
struct Token {
  enum class Type { Text, StartTag, EndTag, Other, End } type = Type::End;
  std::size_t begin = 0;
  std::size_t end = 0;  // past the token
  std::string name;     // a tag's, lower case
  std::size_t attributes_begin = 0, attributes_end = 0;
  bool self_closing = false;
};

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : text_(text) {}

  std::size_t position() const { return at_; }
  void skip_to(std::size_t at) { at_ = at; }

  Token next() {
    Token token;
    token.begin = at_;
    if (at_ >= text_.size()) return token;
    if (text_[at_] == '<' && read_markup(token)) return token;
    // Text up to the next '<' that opens markup.
    std::size_t end = at_ + 1;
    for (;;) {
      end = text_.find('<', end);
      if (end == std::string_view::npos) {
        end = text_.size();
        break;
      }
      if (opens_markup(end)) break;
      ++end;
    }
    token.type = Token::Type::Text;
    token.end = at_ = end;
    return token;
  }

  // Where the raw text of `name` (script, style, title …) ends: at "</name" followed by white
  // space, '/' or '>', or at the end of the text.
  std::size_t raw_text_end(std::string_view name) const {
    for (std::size_t at = at_; (at = text_.find("</", at)) != std::string_view::npos; at += 2) {
      const std::string_view rest = text_.substr(at + 2);
      if (starts_with_ignoring_case(rest, name) &&
          (rest.size() == name.size() || is_space(rest[name.size()]) || rest[name.size()] == '/' ||
           rest[name.size()] == '>'))
        return at;
    }
    return text_.size();
  }

 private:
  bool opens_markup(std::size_t at) const {
    if (at + 1 >= text_.size()) return false;
    const char c = text_[at + 1];
    return is_alpha(c) || c == '/' || c == '!' || c == '?';
  }

  bool read_markup(Token& token) {
    if (!opens_markup(at_)) return false;
    const std::size_t begin = at_;
    const char c = text_[begin + 1];
    if (c == '!' && text_.substr(begin + 2, 2) == "--") {  // a comment, to "-->"
      // "<!-->" and "<!--->" are whole comments (HTML5's abrupt closing).
      const std::string_view after = text_.substr(begin + 4);
      const std::size_t close = text_.find("-->", begin + 4);
      at_ = after.starts_with(">")            ? begin + 5
            : after.starts_with("->")         ? begin + 6
            : close == std::string_view::npos ? text_.size()
                                              : close + 3;
      token.type = Token::Type::Other;
      token.end = at_;
      return true;
    }
    if (c == '!' || c == '?' ||
        (c == '/' && !(begin + 2 < text_.size() && is_alpha(text_[begin + 2])))) {
      // A doctype, a CDATA section, a processing instruction or "</>": a bogus comment to '>'.
      const std::size_t close = text_.find('>', begin + 2);
      at_ = close == std::string_view::npos ? text_.size() : close + 1;
      token.type = Token::Type::Other;
      token.end = at_;
      return true;
    }
    const bool end_tag = c == '/';
    std::size_t at = begin + (end_tag ? 2 : 1);
    const std::size_t name_begin = at;
    while (at < text_.size() && !is_space(text_[at]) && text_[at] != '/' && text_[at] != '>') ++at;
    token.name = lowered(text_.substr(name_begin, std::min(at - name_begin, kMaxNameBytes + 1)));
    token.attributes_begin = at;
    // Attributes, as HTML5 reads them: a quoted value may hold '>'.
    while (at < text_.size() && text_[at] != '>') {
      if (text_[at] == '"' || text_[at] == '\'') {
        const std::size_t close = text_.find(text_[at], at + 1);
        // Only after '=' is a quote a value's; elsewhere it is part of a name. Either way the
        // tag goes on past it, as it does in a browser.
        if (preceded_by_equals(at) && close != std::string_view::npos) {
          at = close + 1;
          continue;
        }
      }
      ++at;
    }
    if (at >= text_.size()) {  // a tag cut by the end of the file is no tag: HTML5 drops it
      at_ = text_.size();
      token.type = Token::Type::Other;
      token.end = at_;
      return true;
    }
    token.attributes_end = at;
    token.self_closing = at > token.attributes_begin && text_[at - 1] == '/';
    token.type = end_tag ? Token::Type::EndTag : Token::Type::StartTag;
    token.end = at_ = at + 1;
    return true;
  }

  // True when the quote at `at` follows "=" (white space between allowed): a value opens.
  bool preceded_by_equals(std::size_t at) const {
    while (at > 0 && is_space(text_[at - 1])) --at;
    return at > 0 && text_[at - 1] == '=';
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

// The value of attribute `wanted` in a start tag's attribute text, lower case; `present` says
// whether it is there at all (hidden has no value).
std::string attribute(std::string_view attributes, std::string_view wanted, bool& present) {
  present = false;
  std::size_t at = 0;
  while (at < attributes.size()) {
    while (at < attributes.size() && (is_space(attributes[at]) || attributes[at] == '/')) ++at;
    const std::size_t name_begin = at;
    while (at < attributes.size() && !is_space(attributes[at]) && attributes[at] != '=' &&
           attributes[at] != '/')
      ++at;
    if (at == name_begin) {
      ++at;
      continue;
    }
    const std::string name = lowered(attributes.substr(name_begin, at - name_begin));
    std::size_t look = at;
    while (look < attributes.size() && is_space(attributes[look])) ++look;
    std::string_view value;
    if (look < attributes.size() && attributes[look] == '=') {
      at = look + 1;
      while (at < attributes.size() && is_space(attributes[at])) ++at;
      if (at < attributes.size() && (attributes[at] == '"' || attributes[at] == '\'')) {
        const std::size_t close = attributes.find(attributes[at], at + 1);
        const std::size_t value_end = close == std::string_view::npos ? attributes.size() : close;
        value = attributes.substr(at + 1, value_end - at - 1);
        at = value_end + 1;
      } else {
        const std::size_t value_begin = at;
        while (at < attributes.size() && !is_space(attributes[at])) ++at;
        value = attributes.substr(value_begin, at - value_begin);
      }
    }
    if (name == wanted) {
      present = true;
      return lowered(value);
    }
  }
  return {};
}

// An element of the tree, as much of it as choosing the article's text needs.
struct Element {
  std::string name;
  std::size_t parent = kNone;
  std::size_t open_event = 0, close_event = 0;
  bool not_content = false;  // by its name, its role or its being hidden: goes whole
  bool widget = false;       // by its class or id: goes unless it holds much of the text
  bool main = false;         // <main>, role="main"
  bool article = false;      // <article>, role="article"
  std::size_t text = 0;      // visible bytes inside (not counting what is not content)
  std::size_t own_text = 0;  // the same, not counting widgets (page_text sums it)
  std::size_t words = 0;     // words inside (for an <h1>)
  bool block = false;        // one of kBlock: a paragraph of its own
  bool scope = false;        // one of kScopeBoundary
};

struct Event {
  enum class Type { Open, Close, Text, LineBreak } type;
  std::size_t element = kNone;     // Open, Close
  std::size_t begin = 0, end = 0;  // Text: the token's bytes
};

struct Tree {
  std::vector<Element> elements;
  std::vector<Event> events;
  std::size_t title_begin = kNone, title_end = kNone;  // the <title>'s raw text
  std::size_t loose_text = 0;  // visible bytes outside any element (a fragment's)
};

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = is_space(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

std::size_t visible_bytes(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !is_space(c); }));
}

// Classes that hide an element (CSS frameworks' and screen readers' conventions), compared with
// whole class names: NYT's "reader-satisfaction-survey prompt feedback-prompt hidden" put "We're
// interested in your feedback on this page." in the text.
constexpr std::string_view kHidingClasses[] = {"hidden",         "hide",
                                               "d-none",         "is-hidden",
                                               "sr-only",        "visually-hidden",
                                               "visuallyhidden", "screen-reader-text",
                                               "off-screen",     "offscreen"};

bool names_a_widget(const std::string& class_and_id) {
  if (std::any_of(std::begin(kWidgetWords), std::end(kWidgetWords), [&](std::string_view word) {
        return class_and_id.find(word) != std::string::npos;
      }))
    return true;
  for (std::size_t at = 0; at < class_and_id.size();) {
    while (at < class_and_id.size() && is_space(class_and_id[at])) ++at;
    std::size_t end = at;
    while (end < class_and_id.size() && !is_space(class_and_id[end])) ++end;
    if (end > at && is_one_of(std::string_view(class_and_id).substr(at, end - at), kHidingClasses))
      return true;
    at = end;
  }
  return false;
}

// 1 for <h1> … 6 for <h6>, 0 for any other element.
int heading_level(const std::string& name) {
  return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' ? name[1] - '0' : 0;
}

class TreeBuilder {
 public:
  explicit TreeBuilder(std::string_view text) : text_(text), tokenizer_(text) {}

  Tree build() {
    for (Token token = tokenizer_.next(); token.type != Token::Type::End;
         token = tokenizer_.next()) {
      switch (token.type) {
        case Token::Type::Text:
          add_text(token.begin, token.end);
          break;
        case Token::Type::StartTag:
          start_tag(token);
          break;
        case Token::Type::EndTag:
          end_tag(token.name);
          break;
        default:
          break;
      }
    }
    while (!stack_.empty()) pop();
    return std::move(tree_);
  }

 private:
  void add_text(std::size_t begin, std::size_t end) {
    tree_.events.push_back({Event::Type::Text, kNone, begin, end});
    const std::string_view text = text_.substr(begin, end - begin);
    if (stack_.empty()) {
      tree_.loose_text += visible_bytes(text);
      return;
    }
    Element& element = tree_.elements[stack_.back()];
    element.text += visible_bytes(text);
    element.own_text += visible_bytes(text);
    element.words += count_words(text);
  }

  void start_tag(const Token& token) {
    const std::string& name = token.name;
    if (name == "br") {
      tree_.events.push_back({Event::Type::LineBreak});
      return;
    }
    if (open_p_ > 0 && is_one_of(name, kClosesParagraph)) close_in_scope("p", {});
    if (name == "li") close_in_scope("li", {"ul", "ol", "menu"});
    if (name == "dd" || name == "dt") {
      close_in_scope("dd", {"dl"});
      close_in_scope("dt", {"dl"});
    }
    if (name == "td" || name == "th" || name == "tr") {
      close_in_scope("td", {"tr", "table", "tbody", "thead", "tfoot"});
      close_in_scope("th", {"tr", "table", "tbody", "thead", "tfoot"});
    }
    if (name == "tr") close_in_scope("tr", {"table", "tbody", "thead", "tfoot"});
    if (name == "option" && !stack_.empty() && tree_.elements[stack_.back()].name == "option")
      pop();
    if (heading_level(name) > 0 && !stack_.empty() &&
        heading_level(tree_.elements[stack_.back()].name) > 0)
      pop();

    // In <svg> and <math>, <title> and <style> are ordinary elements ("<svg><title/></svg>").
    const bool raw = foreign_depth_ == 0 && is_one_of(name, kRawText);
    if (raw) {
      const std::size_t content_begin = tokenizer_.position();
      const std::size_t content_end =
          name == "plaintext" ? text_.size() : tokenizer_.raw_text_end(name);
      // An unclosed <title> swallows the page, as in a browser, but is no headline.
      if (name == "title" && tree_.title_begin == kNone && content_end < text_.size()) {
        tree_.title_begin = content_begin;
        tree_.title_end = content_end;
      }
      tokenizer_.skip_to(content_end);
    }
    if (is_one_of(name, kVoid)) {
      if (name == "hr") {
        push(token);
        pop();
      }
      return;
    }
    if (stack_.size() >= kMaxDepth) return;
    push(token);
    // A raw-text element's content is not the page's text; "<div/>" in a page means "<div>", but
    // "<svg/>", "<path/>" are empty, as they are in XML.
    if (raw || (token.self_closing && foreign_depth_ > 0)) pop();
  }

  void end_tag(const std::string& name) {
    if (name == "br") {  // "</br>" is read as "<br>"
      tree_.events.push_back({Event::Type::LineBreak});
      return;
    }
    if (name == "body" || name == "html") return;  // text after them is still the body's
    // "</h2>" closes whichever heading is open ("<h1>Title</h2>"), as in a browser.
    const bool heading = heading_level(name) > 0;
    if (heading ? open_headings_ == 0 : open_count(name) == 0) return;  // nothing to close
    const bool special = is_one_of(name, kBlock);
    for (std::size_t k = stack_.size(); k-- > 0;) {
      const Element& open = tree_.elements[stack_[k]];
      if (heading ? heading_level(open.name) > 0 : open.name == name) {
        while (stack_.size() > k) pop();
        return;
      }
      // An inline element's end tag does not close a block it is not in ("</span>" inside a
      // <div> opened after the <span>); a block's stops at a table's or a button's scope.
      if ((!special && open.block) || open.scope) return;
    }
  }

  int open_count(const std::string& name) const {
    const auto found = open_names_.find(name);
    return found == open_names_.end() ? 0 : found->second;
  }

  // Closes the innermost open `name`, unless one of `boundaries` or a scope marker comes first.
  void close_in_scope(const std::string& name, std::initializer_list<std::string_view> boundaries) {
    if (open_count(name) == 0) return;
    for (std::size_t k = stack_.size(); k-- > 0;) {
      const Element& open = tree_.elements[stack_[k]];
      if (open.name == name) {
        while (stack_.size() > k) pop();
        return;
      }
      if (open.scope ||
          std::find(boundaries.begin(), boundaries.end(), open.name) != boundaries.end())
        return;
    }
  }

  void push(const Token& token) {
    Element element;
    element.name = token.name;
    element.parent = stack_.empty() ? kNone : stack_.back();
    element.open_event = tree_.events.size();
    const std::string_view attributes =
        text_.substr(token.attributes_begin, token.attributes_end - token.attributes_begin);
    bool present = false;
    const std::string role = attribute(attributes, "role", present);
    const std::string aria_hidden = attribute(attributes, "aria-hidden", present);
    std::string style = attribute(attributes, "style", present);
    style.erase(std::remove_if(style.begin(), style.end(), is_space), style.end());
    bool hidden = false;
    attribute(attributes, "hidden", hidden);
    element.not_content = is_one_of(element.name, kNotContent) ||
                          is_one_of(role, kNotContentRoles) || hidden || aria_hidden == "true" ||
                          style.find("display:none") != std::string::npos ||
                          style.find("visibility:hidden") != std::string::npos;
    std::string class_and_id = attribute(attributes, "class", present);
    class_and_id += ' ';
    class_and_id += attribute(attributes, "id", present);
    // The page's own classes say what it holds ("single-post has-comments"), not what it is.
    element.widget =
        element.name != "html" && element.name != "body" && names_a_widget(class_and_id);
    element.main = element.name == "main" || role == "main";
    element.article = element.name == "article" || role == "article";
    element.block = is_one_of(element.name, kBlock);
    element.scope = is_one_of(element.name, kScopeBoundary);
    count_open(element.name, +1);
    stack_.push_back(tree_.elements.size());
    tree_.events.push_back({Event::Type::Open, stack_.back()});
    tree_.elements.push_back(std::move(element));
  }

  void pop() {
    const std::size_t index = stack_.back();
    stack_.pop_back();
    Element& element = tree_.elements[index];
    count_open(element.name, -1);
    element.close_event = tree_.events.size();
    tree_.events.push_back({Event::Type::Close, index});
    if (element.parent != kNone) {
      Element& parent = tree_.elements[element.parent];
      if (!element.not_content) {
        parent.text += element.text;
        parent.words += element.words;
      }
    }
  }

  // What is open, counted, so that an end tag or an implied end with nothing to close costs no
  // walk down the stack (a page of unmatched "</b>" under 500 open <span>s took seconds).
  void count_open(const std::string& name, int delta) {
    open_names_[name] += delta;
    if (name == "p") open_p_ += delta;
    if (heading_level(name) > 0) open_headings_ += delta;
    if (name == "svg" || name == "math") foreign_depth_ += delta;
  }

  std::string_view text_;
  Tokenizer tokenizer_;
  Tree tree_;
  std::vector<std::size_t> stack_;
  std::unordered_map<std::string, int> open_names_;
  int open_p_ = 0, open_headings_ = 0, foreign_depth_ = 0;
};

// The UTF-8 bytes of code point `cp`, as HTML5 reads a numeric character reference.
std::string utf8_of_reference(std::uint32_t cp) {
  // Windows-1252's characters for the C1 range, as browsers read "&#146;".
  static constexpr std::uint16_t kWindows1252[32] = {
      0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  if (cp >= 0x80 && cp <= 0x9F) cp = kWindows1252[cp - 0x80];
  // No control character reaches the text (HTML5 emits them, as parse errors): "&#1;", "&#x7F;"
  // and the C1 codes Windows-1252 leaves unassigned ("&#x81;") are invisible junk.
  const bool control = (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\f' && cp != '\r') ||
                       (cp >= 0x7F && cp <= 0x9F);
  if (control || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

// The character reference at text[at] == '&': its replacement and its length, or 0 when the
// '&' is text ("AT&T", "a & b").
std::size_t read_reference(std::string_view text, std::size_t at, std::string& replacement) {
  std::size_t k = at + 1;
  if (k < text.size() && text[k] == '#') {
    ++k;
    const bool hex = k < text.size() && (text[k] == 'x' || text[k] == 'X');
    if (hex) ++k;
    const std::size_t digits_begin = k;
    std::uint32_t cp = 0;
    while (k < text.size() &&
           (hex ? std::isxdigit(static_cast<unsigned char>(text[k])) : is_digit(text[k]))) {
      const char c = lower(text[k]);
      const std::uint32_t digit = is_digit(c) ? c - '0' : c - 'a' + 10;
      cp = std::min<std::uint32_t>(cp * (hex ? 16 : 10) + digit, 0x110000);
      ++k;
    }
    if (k == digits_begin) return 0;
    if (k < text.size() && text[k] == ';') ++k;
    replacement = utf8_of_reference(cp);
    return k - at;
  }
  const std::size_t name_begin = k;
  while (k < text.size() && k - name_begin <= kMaxNameBytes && is_alnum(text[k])) ++k;
  const std::string_view name = text.substr(name_begin, k - name_begin);
  if (name.empty()) return 0;
  const bool terminated = k < text.size() && text[k] == ';';
  const auto lookup = [](std::string_view wanted) -> const Entity* {
    const auto found =
        std::lower_bound(std::begin(kEntities), std::end(kEntities), wanted,
                         [](const Entity& e, std::string_view n) { return e.name < n; });
    return found != std::end(kEntities) && found->name == wanted ? &*found : nullptr;
  };
  if (const Entity* entity = lookup(name); entity && (terminated || entity->legacy)) {
    replacement = entity->utf8;
    return k + (terminated ? 1 : 0) - at;
  }
  // A legacy name stands without its ';' before more letters, as browsers read text:
  // "&copy2024" is "©2024", "&notit;" is "¬it;" (the longest such name that opens the run).
  for (std::size_t length = std::min(name.size() - 1, kMaxLegacyNameBytes); length >= 2; --length) {
    if (const Entity* entity = lookup(name.substr(0, length)); entity && entity->legacy) {
      replacement = entity->utf8;
      return 1 + length;
    }
  }
  return 0;
}

// The text being written, with HTML's white space rules: runs collapse to one space, and a
// break or a space only goes out before the next visible character.
class Writer {
 public:
  explicit Writer(std::string_view input) : input_(input) {}

  void paragraph_break() { pending_break_ = 2; }
  void line_break() { pending_break_ = std::min(pending_break_ + 1, 2); }
  void heading(int level) {
    paragraph_break();
    prefix_.assign(static_cast<std::size_t>(level), '#');
    prefix_ += ' ';
  }
  // A heading without text leaves no marks for the next paragraph.
  void end_heading() {
    paragraph_break();
    prefix_.clear();
  }
  void enter_pre() { ++pre_; }
  void leave_pre() { pre_ = pre_ > 0 ? pre_ - 1 : 0; }

  // The text of input bytes [begin, end): white space collapsed (kept in <pre>), references
  // decoded.
  void text(std::size_t begin, std::size_t end) {
    for (std::size_t at = begin; at < end;) {
      const char c = input_[at];
      if (is_space(c)) {
        if (pre_ > 0 && c == '\n') {
          flush();
          append("\n", at, at + 1);
        } else if (pre_ > 0 && c != '\r') {
          flush();
          append(" ", at, at + 1);
        } else if (pre_ == 0 && space_at_ == kNone) {
          space_at_ = at;
        }
        ++at;
        continue;
      }
      if (c == '&') {
        std::string replacement;
        const std::size_t length = read_reference(input_.substr(0, end), at, replacement);
        if (length > 0 && replacement == "\xC2\xA0" && pre_ == 0) {
          // A no-break space is white space to every later stage ("10&nbsp;000" reads "10
          // 000"), and collapses with the white space around it ("<p>&nbsp;</p>" is empty).
          if (space_at_ == kNone) space_at_ = at;
          at += length;
          continue;
        }
        if (length > 0) {
          if (replacement == "\xC2\xA0") replacement = " ";
          flush();
          append(replacement, at, at + length);
          at += length;
          continue;
        }
      }
      flush();
      const std::size_t next = at + 1;
      append(input_.substr(at, 1), at, next);
      at = next;
    }
  }

  // The text written, its map ending with the input's size. A last line break ends the text
  // where its last character does: a sentence at the end of the article does not run on over
  // the page's closing tags.
  MappedText finish() {
    if (!out_.text.empty()) {
      out_.text += '\n';
      out_.source.push_back(last_end_);
    }
    out_.source.push_back(input_.size());
    return std::move(out_);
  }

 private:
  // The pending break, space and heading marks, before a visible character.
  void flush() {
    if (out_.text.empty()) {
      pending_break_ = 0;
    } else if (pending_break_ == 1 && ends_sentence()) {
      // One <br> after a sentence goes on with the paragraph: a page that breaks its lines
      // after each sentence has paragraphs, not a sentence then a photo caption under it.
      out_.text += ' ';
      out_.source.push_back(last_end_);
    } else if (pending_break_ > 0) {
      for (int k = 0; k < pending_break_; ++k) {
        out_.text += '\n';
        out_.source.push_back(last_end_);
      }
    } else if (space_at_ != kNone) {
      out_.text += ' ';
      out_.source.push_back(space_at_);
    }
    pending_break_ = 0;
    space_at_ = kNone;
  }

  bool ends_sentence() const {
    const std::string_view text = out_.text;
    for (const std::string_view end :
         {".", "!", "?", "\xE2\x80\xA6", "\xC2\xBB", "\xE2\x80\x9D", "\""})
      if (text.ends_with(end)) return true;
    return false;
  }

  // `bytes` for input bytes [begin, end): byte for byte when they are the input's, all mapped to
  // `begin` otherwise (a reference's replacement). Heading marks go first, mapped to `begin`.
  void append(std::string_view bytes, std::size_t begin, std::size_t end) {
    if (!prefix_.empty()) {
      out_.text += prefix_;
      out_.source.insert(out_.source.end(), prefix_.size(), begin);
      prefix_.clear();
    }
    const bool same = input_.substr(begin, end - begin) == bytes;
    for (std::size_t k = 0; k < bytes.size(); ++k) {
      out_.text += bytes[k];
      out_.source.push_back(same ? begin + k : begin);
    }
    last_end_ = end;
  }

  std::string_view input_;
  MappedText out_;
  int pending_break_ = 0;
  std::size_t space_at_ = kNone;
  std::size_t last_end_ = 0;
  std::string prefix_;
  int pre_ = 0;
};

// The longest part of a <title> around its separators, without the site's name: "Séisme en
// Turquie : le bilan s'alourdit | Le Monde" gives the headline.
std::pair<std::size_t, std::size_t> title_headline(std::string_view text, std::size_t begin,
                                                   std::size_t end) {
  static constexpr std::string_view kSeparators[] = {
      " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 "};
  std::vector<std::pair<std::size_t, std::size_t>> parts;
  std::size_t part_begin = begin;
  for (std::size_t at = begin; at < end;) {
    std::size_t length = 0;
    for (const std::string_view separator : kSeparators)
      if (text.substr(at, std::min(end - at, separator.size())) == separator)
        length = separator.size();
    if (length == 0) {
      ++at;
      continue;
    }
    parts.push_back({part_begin, at});
    at += length;
    part_begin = at;
  }
  parts.push_back({part_begin, end});
  std::pair<std::size_t, std::size_t> best = parts.front();
  std::size_t best_words = 0;
  for (const auto& part : parts) {
    const std::size_t words = count_words(text.substr(part.first, part.second - part.first));
    if (words > best_words) {
      best = part;
      best_words = words;
    }
  }
  return best;
}

}  // namespace

bool is_html_path(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) return false;
  const std::string extension = lowered(path.substr(dot));
  return extension == ".html" || extension == ".htm" || extension == ".xhtml" ||
         extension == ".shtml";
}

bool looks_like_html(std::string_view text) {
  std::size_t at = 0;
  for (;;) {
    while (at < text.size() && is_space(text[at])) ++at;
    const std::string_view rest = text.substr(at);
    if (rest.starts_with("<!--")) {
      const std::size_t close = rest.find("-->");
      if (close == std::string_view::npos) return false;
      at += close + 3;
    } else if (rest.starts_with("<?xml")) {
      const std::size_t close = rest.find("?>");
      if (close == std::string_view::npos) return false;
      at += close + 2;
    } else {
      if (starts_with_ignoring_case(rest, "<!doctype") && rest.size() > 9) {
        std::size_t k = 9;
        while (k < rest.size() && is_space(rest[k])) ++k;
        return starts_with_ignoring_case(rest.substr(k), "html");
      }
      // A page saved without its doctype, or a scraper's body alone.
      for (const std::string_view tag : {"<html", "<head", "<body"})
        if (starts_with_ignoring_case(rest, tag) &&
            (rest.size() == tag.size() || is_space(rest[tag.size()]) || rest[tag.size()] == '>'))
          return true;
      return false;
    }
  }
}

MappedText page_text(std::string_view input) {
  const Tree tree = TreeBuilder(input).build();
  const std::vector<Element>& elements = tree.elements;

  // The page's text, and the content it marks.
  std::size_t page_text_bytes = tree.loose_text;
  for (const Element& element : elements)
    if (element.parent == kNone && !element.not_content) page_text_bytes += element.text;
  // A widget by its class goes unless it holds much of the text (then it is the content).
  const auto small_widget = [&](std::size_t k) {
    return elements[k].widget && elements[k].text < kMaxWidgetShare * page_text_bytes;
  };
  // The text outside widgets, whatever their size, summed up the tree (an element comes after
  // its parent): what choosing the content weighs. A widget that holds a <main>, an <article>
  // or an <h1> is a wrapper ("<div class="content sidebar-layout"><article>"), and counts.
  std::vector<std::size_t> own_text(elements.size());
  std::vector<bool> holds_marked(elements.size(), false);
  for (std::size_t k = 0; k < elements.size(); ++k) {
    own_text[k] = elements[k].own_text;
    holds_marked[k] = elements[k].main || elements[k].article || elements[k].name == "h1";
  }
  std::size_t page_own_text = tree.loose_text;
  for (std::size_t k = elements.size(); k-- > 0;) {
    const std::size_t parent = elements[k].parent;
    if (parent != kNone && holds_marked[k]) holds_marked[parent] = true;
    if (elements[k].not_content || (elements[k].widget && !holds_marked[k])) continue;
    (parent == kNone ? page_own_text : own_text[parent]) += own_text[k];
  }
  std::size_t root = kNone;
  const auto inside = [&](std::size_t element, std::size_t ancestor) {
    for (std::size_t k = element; k != kNone; k = elements[k].parent)
      if (k == ancestor) return true;
    return false;
  };
  const auto content_ancestry_kept = [&](std::size_t element) {
    for (std::size_t k = element; k != kNone; k = elements[k].parent)
      if (elements[k].not_content || small_widget(k)) return false;
    return true;
  };
  // Marks `element` and its ancestors.
  const auto ancestry = [&](std::size_t element) {
    std::vector<bool> marked(elements.size(), false);
    for (std::size_t k = element; k != kNone; k = elements[k].parent) marked[k] = true;
    return marked;
  };
  // Shares are of the text outside widgets: a comment thread that outweighs the article does
  // not make the <main> that holds both the content.
  const auto largest = [&](auto&& wanted) {
    std::size_t best = kNone;
    for (std::size_t k = 0; k < elements.size(); ++k)
      if (wanted(k) && content_ancestry_kept(k) && (best == kNone || own_text[k] > own_text[best]))
        best = k;
    return best;
  };
  const std::size_t main = largest([&](std::size_t k) { return elements[k].main; });
  if (main != kNone && own_text[main] > 0 && own_text[main] >= kMinMainShare * page_own_text)
    root = main;
  const std::size_t scope_text = root == kNone ? page_own_text : own_text[root];
  const std::size_t article = largest(
      [&](std::size_t k) { return elements[k].article && (root == kNone || inside(k, root)); });
  if (article != kNone && own_text[article] >= kMinArticleShare * scope_text &&
      own_text[article] > 0)
    root = article;

  // The headline: the article's first <h1>, or else the nearest one above it; on a page that
  // marks no content, its first <h1> that is not a link's (a site's logo: "<h1><a href="/">France
  // 24 - International news 24/7</a></h1>" stood above the article's own <h1>). Other <h1>s are
  // written as subheads.
  const std::vector<bool> holds_root = ancestry(root);
  // A heading that is all a link's text, or inside a link. The link opens the heading: only its
  // first few events are read, whatever the heading holds.
  constexpr std::size_t kLinkEvents = 4;
  const auto is_link = [&](std::size_t heading) {
    for (std::size_t k = elements[heading].parent; k != kNone; k = elements[k].parent)
      if (elements[k].name == "a") return true;
    const std::size_t end =
        std::min(elements[heading].close_event, elements[heading].open_event + 1 + kLinkEvents);
    for (std::size_t e = elements[heading].open_event + 1; e < end; ++e)
      if (tree.events[e].type == Event::Type::Open &&
          elements[tree.events[e].element].name == "a" &&
          elements[tree.events[e].element].text == elements[heading].text)
        return true;
    return false;
  };
  std::size_t headline = kNone, first_h1 = kNone, above_root = kNone;
  for (std::size_t k = 0; k < elements.size() && headline == kNone; ++k) {
    if (elements[k].name != "h1" || !content_ancestry_kept(k)) continue;
    if (root == kNone) {
      if (first_h1 == kNone) first_h1 = k;
      if (!is_link(k)) headline = k;
    } else if (inside(k, root)) {
      headline = k;
    } else if (elements[k].close_event < elements[root].open_event) {
      above_root = k;
    }
  }
  if (headline == kNone) headline = root == kNone ? first_h1 : above_root;
  const std::vector<bool> holds_headline = ancestry(headline);

  // What goes whole.
  std::vector<bool> dropped(elements.size(), false);
  for (std::size_t k = 0; k < elements.size(); ++k) {
    const Element& element = elements[k];
    if (element.not_content) {
      dropped[k] = true;
    } else if (element.name == "header") {
      dropped[k] = !holds_headline[k] && (root == kNone || !inside(k, root));
    } else if (small_widget(k)) {
      dropped[k] = !holds_root[k];
    }
  }

  Writer writer(input);
  const auto write_events = [&](std::size_t first, std::size_t last) {
    for (std::size_t e = first; e <= last && e < tree.events.size(); ++e) {
      const Event& event = tree.events[e];
      switch (event.type) {
        case Event::Type::Text:
          writer.text(event.begin, event.end);
          break;
        case Event::Type::LineBreak:
          writer.line_break();
          break;
        case Event::Type::Open: {
          const Element& element = elements[event.element];
          if (dropped[event.element]) {
            // A block goes with its paragraph; an inline element ("<span class="sr-only">", an
            // icon's <svg>, a <button>) goes from inside its sentence, which goes on.
            e = element.close_event;
            if (element.block) writer.paragraph_break();
            break;
          }
          if (const int level = heading_level(element.name); level > 0) {
            writer.heading(level == 1 && event.element != headline ? 2 : level);
          } else if (is_one_of(element.name, kBlock)) {
            writer.paragraph_break();
          }
          if (element.name == "pre") writer.enter_pre();
          break;
        }
        case Event::Type::Close: {
          const Element& element = elements[event.element];
          if (heading_level(element.name) > 0) {
            writer.end_heading();
          } else if (is_one_of(element.name, kBlock)) {
            writer.paragraph_break();
          }
          if (element.name == "pre") writer.leave_pre();
          break;
        }
      }
    }
  };
  if (root == kNone) {
    write_events(0, tree.events.size());
  } else {
    if (headline != kNone && !inside(headline, root))
      write_events(elements[headline].open_event, elements[headline].close_event);
    write_events(elements[root].open_event, elements[root].close_event);
  }
  MappedText page = writer.finish();

  // The <title> goes first when no <h1> gives the headline, if it stands before the text (the
  // map never goes backwards).
  const bool headline_words = headline != kNone && elements[headline].words >= kMinHeadlineWords;
  if (headline_words || tree.title_begin == kNone || tree.title_end > page.source.front())
    return page;
  const auto [begin, end] = title_headline(input, tree.title_begin, tree.title_end);
  Writer title_writer(input);
  title_writer.heading(1);
  title_writer.text(begin, end);
  MappedText title = title_writer.finish();
  if (title.text.empty()) return page;
  title.source.resize(title.text.size() - 1);  // without its last line break and the end
  title.text.pop_back();
  if (!page.text.empty()) {
    title.text += "\n\n";
    title.source.insert(title.source.end(), 2, end);
  }
  title.text += page.text;
  title.source.insert(title.source.end(), page.source.begin(), page.source.end());
  return title;
}

}  // namespace precis::html
