// The tree of a web page as browsers build it, as much of it as choosing and writing the
// article's text needs (html.cc): its elements, what they are (content or not, a widget, a
// block), how much text they hold, and the page's tokens in order as events. Internal to the
// reader.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace precis::html {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// A tag's or an entity's name longer than this is read no further (HTML5's longest entity name
// has 31 characters; no element's name comes near).
constexpr std::size_t kMaxNameBytes = 32;

inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
inline bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
inline bool is_alnum(char c) {
  return is_alpha(c) || is_digit(c);
}
inline char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}
inline std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}
inline bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(text[i]) != prefix[i]) return false;
  return true;
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

inline std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = is_space(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// 1 for <h1> … 6 for <h6>, 0 for any other element.
inline int heading_level(const std::string& name) {
  return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' ? name[1] - '0' : 0;
}

// The page's tree, built as HTML5 builds it, enough for text: void elements, the raw text of
// <script>, <style> and <title>, comments, the end tags a page may leave out (a <p> closed by the
// next block, an <li> by the next item, a cell by the next cell), stray end tags ignored,
// elements 512 deep at most. Elements come in document order, a parent before its children;
// events in the page's order.
Tree build_tree(std::string_view text);

}  // namespace precis::html
