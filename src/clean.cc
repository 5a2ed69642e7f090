#include "precis/clean.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clean_rules.h"
#include "parallel.h"

namespace precis {

namespace {

using clean_rules::PhraseMatch;

// Lines of fewer words without final punctuation are labels ("guest", "2 Commentaires", a byline)
// rather than headings (ALGORITHMS.md §4.3 item 6).
constexpr int kMinHeadingWords = 5;
// A headline has a few words: a one- or two-word line at the top is a rubric or a byline.
constexpr int kMinTitleWords = 3;
// Boilerpipe's NumWordsRulesClassifier with no links (ALGORITHMS.md §4.1): a block of at most
// 16 words between a block of at most 4 and one of at most 15 is not content.
constexpr int kContextMaxWords = 16;
constexpr int kContextMaxNextWords = 15;
constexpr int kContextMaxPreviousWords = 4;

struct Line {
  Span span;
  std::string key;
  int words = 0;
  bool punctuated = false;
  bool phrase = false;    // matches the boilerplate phrase list
  bool repeated = false;  // occurs more than once in this document
  bool shared = false;    // occurs in another document of the cluster too
  std::size_t last_occurrence = 0;
  const char* reason = nullptr;  // set when dropped

  bool blank() const { return span.size() == 0; }
  // Repetition only counts against a line that is not wire copy shared with another source.
  bool repeated_here() const { return repeated && !shared; }
  // A paragraph of running text, long enough that no widget or promotion looks like it.
  bool body() const {
    return punctuated && words > kContextMaxWords && !phrase && !repeated_here();
  }
};

std::vector<Line> analyse(const Document& document) {
  std::vector<Line> lines;
  for (const clean_rules::RawLine& raw : clean_rules::split_lines(document.text)) {
    Line line;
    line.span = raw.span;
    if (!line.blank()) {
      const std::string_view text =
          std::string_view(document.text).substr(raw.span.begin, raw.span.size());
      line.key = clean_rules::comparison_key(text);
      line.words = clean_rules::count_words(text);
      line.punctuated = clean_rules::ends_with_sentence_punctuation(text);
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
      line.last_occurrence = occurrences.last;
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
// are passed over, and so, when there is another candidate, is a line that the page repeats
// further down (seed 004's newsletter block sits above and below the article) - unless the next
// candidate is that line printed twice, which makes it the headline.
std::optional<std::size_t> find_title(const std::vector<Line>& lines) {
  std::size_t first_body = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (!line.blank() && line.punctuated && !line.phrase && !line.repeated_here()) {
      first_body = i;
      break;
    }
  }
  std::vector<std::size_t> repeated_below;
  for (std::size_t i = 0; i < first_body; ++i) {
    const Line& line = lines[i];
    if (line.blank() || line.phrase || line.punctuated) continue;
    if (line.words < kMinTitleWords) continue;
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
  // Wire copy that several sources carry is content; so is a long paragraph.
  if (line.shared || line.words >= clean_rules::kLongLineWords) return nullptr;
  if (line.punctuated) return nullptr;
  const Line* previous = previous_line(lines, i);
  const Line* next = next_line(lines, i);
  const bool between_paragraphs = previous && next && previous->body() && next->body();
  return line.words < kMinHeadingWords && !between_paragraphs ? "short" : "heading";
}

// Boilerpipe's word-count rule, but only in the tail after the last substantial paragraph: the
// promotions and widgets after an article are short lines among short lines, and applying it
// higher up would cost a short lede under a byline.
void drop_tail_fragments(std::vector<Line>& lines) {
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
    if (next && next->words > kContextMaxNextWords) continue;
    line.reason = "context";
  }
}

CleanedDocument clean_document(const Document& document, std::vector<Line>& lines,
                               const CleanOptions& options) {
  CleanedDocument result;
  const std::optional<std::size_t> title = find_title(lines);
  std::string_view title_key;
  if (title) {
    Line& line = lines[*title];
    line.reason = "title";
    title_key = line.key;
    result.title_span = line.span;
    result.title = clean_rules::collapse_spaces(
        std::string_view(document.text).substr(line.span.begin, line.span.size()));
  }

  if (options.enabled) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
      Line& line = lines[i];
      if (line.blank() || line.reason) continue;
      line.reason =
          clean_rules::is_title_repeat(line.key, title_key) ? "title-repeat" : classify(lines, i);
    }
    drop_tail_fragments(lines);
  }

  for (const Line& line : lines) {
    if (line.blank()) continue;
    if (line.reason) {
      result.dropped.push_back(DroppedLine{line.span, line.reason});
    } else {
      result.lines.push_back(line.span);
    }
  }
  return result;
}

}  // namespace

std::vector<CleanedDocument> clean(std::span<const Document> documents, const CleanOptions& options,
                                   std::size_t workers) {
  // Analysing lines and classifying them look at one document each; only the repetition count
  // compares documents, and runs alone in between.
  std::vector<std::vector<Line>> lines(documents.size());
  parallel_for(documents.size(), workers,
               [&](std::size_t d, std::size_t) { lines[d] = analyse(documents[d]); });
  mark_repetitions(lines);

  std::vector<CleanedDocument> result(documents.size());
  parallel_for(documents.size(), workers, [&](std::size_t d, std::size_t) {
    result[d] = clean_document(documents[d], lines[d], options);
  });
  return result;
}

}  // namespace precis
