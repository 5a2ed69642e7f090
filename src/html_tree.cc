#include "html_tree.h"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <vector>

namespace precis::html {

namespace {

// Elements nest at most this deep in the tree kept (a page of 100,000 unclosed <div>s stays
// linear: deeper start tags are read as text-less).
constexpr std::size_t kMaxDepth = 512;

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

}  // namespace

Tree build_tree(std::string_view text) {
  return TreeBuilder(text).build();
}

}  // namespace precis::html
