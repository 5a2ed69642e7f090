#include "html.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "html_tree.h"

namespace precis::html {

namespace {

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
          // In <pre>, a no-break space is a space that stays.
          const std::string_view written =
              replacement == "\xC2\xA0" ? std::string_view(" ") : std::string_view(replacement);
          flush();
          append(written, at, at + length);
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
  const Tree tree = build_tree(input);
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
          } else if (element.block) {
            writer.paragraph_break();
          }
          if (element.name == "pre") writer.enter_pre();
          break;
        }
        case Event::Type::Close: {
          const Element& element = elements[event.element];
          if (heading_level(element.name) > 0) {
            writer.end_heading();
          } else if (element.block) {
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
