#include "subtitles.h"

#include <array>
#include <cstdint>
#include <optional>

namespace precis::subtitles {

namespace {

// A pause this long after a cue that ends a sentence ends the paragraph: a change of scene or of
// speaker (subtitles leave a few frames, 0.1-0.3 s, between the cues of one speech).
constexpr std::int64_t kParagraphPauseMs = 2000;
// Without pauses, a paragraph ends at the first sentence end after this many words, about a
// printed paragraph's length, so that one line the cleaner rejects does not take the whole
// video's text with it.
constexpr std::size_t kParagraphWords = 80;

struct Line {
  std::size_t begin = 0;
  std::size_t end = 0;  // without "\r\n"
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  for (std::size_t begin = 0; begin <= text.size();) {
    std::size_t end = text.find('\n', begin);
    const std::size_t next = end == std::string_view::npos ? text.size() + 1 : end + 1;
    if (end == std::string_view::npos) end = text.size();
    std::size_t stop = end;
    while (stop > begin &&
           (text[stop - 1] == '\r' || text[stop - 1] == ' ' || text[stop - 1] == '\t'))
      --stop;
    std::size_t start = begin;
    while (start < stop && (text[start] == ' ' || text[start] == '\t')) ++start;
    lines.push_back({start, stop});
    begin = next;
  }
  return lines;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Parses "01:02:03,456", "02:03.456" or "1:02:03.4" at `i`; the time in milliseconds.
std::optional<std::int64_t> timestamp(std::string_view s, std::size_t& i) {
  std::array<std::int64_t, 3> parts{};
  std::size_t count = 0;
  while (true) {
    const std::size_t from = i;
    std::int64_t value = 0;
    while (i < s.size() && is_digit(s[i]) && i - from < 4) value = value * 10 + (s[i++] - '0');
    if (i == from || count == parts.size()) return std::nullopt;
    parts[count++] = value;
    if (i < s.size() && s[i] == ':') {
      ++i;
      continue;
    }
    break;
  }
  if (count < 2 || i >= s.size() || (s[i] != ',' && s[i] != '.')) return std::nullopt;
  ++i;
  const std::size_t from = i;
  std::int64_t fraction = 0;
  while (i < s.size() && is_digit(s[i]) && i - from < 3) fraction = fraction * 10 + (s[i++] - '0');
  if (i == from) return std::nullopt;
  for (std::size_t k = i - from; k < 3; ++k) fraction *= 10;
  std::int64_t seconds = 0;
  for (std::size_t k = 0; k < count; ++k) seconds = seconds * 60 + parts[k];
  return seconds * 1000 + fraction;
}

struct Timing {
  std::int64_t start = 0;
  std::int64_t end = 0;
};

// "00:00:01,000 --> 00:00:04,000", maybe followed by WebVTT's settings ("align:start").
std::optional<Timing> timing(std::string_view line) {
  std::size_t i = 0;
  const auto start = timestamp(line, i);
  if (!start) return std::nullopt;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (line.substr(i, 3) != "-->") return std::nullopt;
  i += 3;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  const auto end = timestamp(line, i);
  if (!end || (i < line.size() && line[i] != ' ' && line[i] != '\t')) return std::nullopt;
  return Timing{*start, *end};
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s)
    if (!is_digit(c)) return false;
  return true;
}

// "WEBVTT", "NOTE", "STYLE", "REGION": the word alone or followed by a space or a tab.
bool opens_with_keyword(std::string_view line, std::string_view keyword) {
  return line.starts_with(keyword) && (line.size() == keyword.size() ||
                                       line[keyword.size()] == ' ' || line[keyword.size()] == '\t');
}

// Text with, for each byte, the input byte it comes from.
struct Mapped {
  std::string text;
  std::vector<std::size_t> source;

  void push(char c, std::size_t from) {
    text.push_back(c);
    source.push_back(from);
  }
  void append(std::string_view s, std::size_t from) {
    for (const char c : s) push(c, from);
  }
  void erase(std::size_t begin, std::size_t end) {
    text.erase(begin, end - begin);
    source.erase(source.begin() + static_cast<std::ptrdiff_t>(begin),
                 source.begin() + static_cast<std::ptrdiff_t>(end));
  }
  void trim() {
    std::size_t end = text.size();
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    erase(end, text.size());
    std::size_t begin = 0;
    while (begin < text.size() && (text[begin] == ' ' || text[begin] == '\t')) ++begin;
    erase(0, begin);
  }
};

constexpr std::string_view kNote = "\u266A";   // ♪
constexpr std::string_view kNotes = "\u266B";  // ♫

// A cue line without its markup: tags and entities.
Mapped strip_markup(std::string_view text, const Line& line) {
  struct Entity {
    std::string_view name, value;
  };
  static constexpr Entity kEntities[] = {{"&amp;", "&"},   {"&lt;", "<"},   {"&gt;", ">"},
                                         {"&quot;", "\""}, {"&nbsp;", " "}, {"&lrm;", ""},
                                         {"&rlm;", ""},    {"&apos;", "'"}};
  Mapped out;
  const std::string_view s = text.substr(line.begin, line.end - line.begin);
  // False once a tag has no end after it: none has, further on (one scan, however many '<').
  bool tag_ends = true, override_ends = true;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = line.begin + i;
    if (s[i] == '<' && tag_ends) {  // <i>, </i>, <v Speaker>, <c.yellow>, <00:00:01.000>
      const std::size_t close = s.find('>', i);
      tag_ends = close != std::string_view::npos;
      if (tag_ends) {
        i = close + 1;
        continue;
      }
    } else if (s[i] == '{' && override_ends && i + 1 < s.size() && s[i + 1] == '\\') {
      const std::size_t close = s.find('}', i);  // {\an8}, {\i1}
      override_ends = close != std::string_view::npos;
      if (override_ends) {
        i = close + 1;
        continue;
      }
    } else if (s[i] == '&') {
      bool decoded = false;
      for (const Entity& entity : kEntities) {
        if (s.substr(i).starts_with(entity.name)) {
          out.append(entity.value, at);
          i += entity.name.size();
          decoded = true;
          break;
        }
      }
      if (decoded) continue;
    }
    out.push(s[i], at);
    ++i;
  }
  out.trim();
  return out;
}

// Sound labels and music: "[Music]", "[APPLAUSE]", "(rires)", "♪ paroles ♪".
bool is_sound_label(std::string_view line) {
  if (line.size() >= 2 &&
      ((line.front() == '[' && line.back() == ']') || (line.front() == '(' && line.back() == ')')))
    return line.find(line.front(), 1) == std::string_view::npos;
  return line.starts_with(kNote) || line.starts_with(kNotes) || line.starts_with('#');
}

// Removes "[Applause]" inside a line, and the dash that opens a dialogue turn ("-On ne sait
// pas", "- Yes.") or the ">>" of a change of speaker in broadcast captions. One pass: a cue line
// has no length limit.
Mapped strip_labels(const Mapped& line) {
  std::size_t from = 0;
  for (const std::string_view turn : {"-", "\u2013", "\u2014", ">>"}) {
    if (line.text.starts_with(turn) && line.text.size() > turn.size() &&
        line.text[turn.size()] != '-' && !is_digit(line.text[turn.size()])) {
      from = turn.size();
      break;
    }
  }
  Mapped out;
  bool closed = true;  // false once a '[' has no ']' after it: none has, further on
  for (std::size_t k = from; k < line.text.size(); ++k) {
    const char c = line.text[k];
    if (c == '[' && closed) {
      const std::size_t close = line.text.find(']', k);
      closed = close != std::string::npos;
      if (closed) {
        k = close;
        continue;
      }
    }
    // One space where a label was between two.
    if ((c == ' ' || c == '\t') && (out.text.empty() || out.text.back() == ' ')) continue;
    out.push(c == '\t' ? ' ' : c, line.source[k]);
  }
  out.trim();
  return out;
}

std::size_t count_words(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : s) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// The text ends a sentence: . ! ? … maybe followed by closing quotes or brackets.
bool ends_sentence(std::string_view s) {
  while (!s.empty()) {
    if (s.ends_with("\u00BB") || s.ends_with("\u201D") || s.ends_with("\u2019")) {
      s.remove_suffix(s.ends_with("\u00BB") ? 2 : 3);
    } else if (s.back() == '"' || s.back() == '\'' || s.back() == ')' || s.back() == ' ' ||
               s.back() == '\xC2' || s.back() == '\xA0') {
      s.remove_suffix(1);
    } else {
      break;
    }
  }
  return s.ends_with('.') || s.ends_with('!') || s.ends_with('?') || s.ends_with("\u2026");
}

}  // namespace

bool is_subtitles(std::string_view text) {
  const std::vector<Line> lines = split_lines(text.substr(0, 4096));
  std::size_t k = 0;
  while (k < lines.size() && lines[k].begin == lines[k].end) ++k;
  if (k == lines.size()) return false;
  const auto line = [&](std::size_t index) {
    return text.substr(lines[index].begin, lines[index].end - lines[index].begin);
  };
  if (k == 0 && opens_with_keyword(line(0), "WEBVTT")) return true;
  if (all_digits(line(k)) && k + 1 < lines.size()) ++k;
  return timing(line(k)).has_value();
}

MappedText cue_text(std::string_view text) {
  const std::vector<Line> lines = split_lines(text);
  const auto view = [&](const Line& line) {
    return text.substr(line.begin, line.end - line.begin);
  };
  const bool webvtt = !lines.empty() && opens_with_keyword(view(lines[0]), "WEBVTT");

  Mapped out;
  std::string previous_line;  // the last line taken, for roll-up captions
  std::optional<std::int64_t> previous_end;
  std::size_t paragraph_words = 0;
  bool first_block = true;
  for (std::size_t k = 0; k < lines.size();) {
    if (lines[k].begin == lines[k].end) {
      ++k;
      continue;
    }
    std::size_t end = k;  // a block: lines up to the next blank one
    while (end < lines.size() && lines[end].begin != lines[end].end) ++end;
    const bool header = first_block && webvtt;
    first_block = false;
    const std::string_view head = view(lines[k]);
    if (header ||
        (webvtt && (opens_with_keyword(head, "NOTE") || opens_with_keyword(head, "STYLE") ||
                    opens_with_keyword(head, "REGION")))) {
      k = end;
      continue;
    }
    // The timing line: the block's first or, after a number or an identifier, its second.
    std::size_t first_text = k;
    std::optional<Timing> cue_timing;
    for (std::size_t t = k; t < end && t <= k + 1; ++t) {
      if (const auto found = timing(view(lines[t]))) {
        cue_timing = found;
        first_text = t + 1;
        break;
      }
    }
    if (!cue_timing && end == k + 1 && all_digits(head)) {  // a number without its cue
      k = end;
      continue;
    }
    // A new cue after a sentence's end: a paragraph ends on a pause, or on a long paragraph.
    const bool pause =
        cue_timing && previous_end && cue_timing->start - *previous_end >= kParagraphPauseMs;
    bool paragraph_end = ends_sentence(out.text) && (pause || paragraph_words >= kParagraphWords);
    bool spoken = false;
    for (std::size_t t = first_text; t < end; ++t) {
      Mapped line = strip_markup(text, lines[t]);
      if (is_sound_label(line.text)) continue;
      line = strip_labels(line);
      if (line.text.empty() || line.text == previous_line) continue;
      if (!out.text.empty()) {
        const std::size_t after = out.source.back() + 1;
        if (paragraph_end) {
          out.append("\n\n", after);
          paragraph_words = 0;
          paragraph_end = false;
        } else {
          out.push(' ', after);
        }
      }
      out.text += line.text;
      out.source.insert(out.source.end(), line.source.begin(), line.source.end());
      paragraph_words += count_words(line.text);
      previous_line = std::move(line.text);
      spoken = true;
    }
    // A pause is measured from the last words: a cue of music or noise is part of it.
    if (cue_timing && spoken) previous_end = cue_timing->end;
    k = end;
  }
  out.source.push_back(text.size());
  return MappedText{std::move(out.text), std::move(out.source)};
}

}  // namespace precis::subtitles
