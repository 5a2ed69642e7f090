// The whole pipeline on a few fuzzed documents: summarize() either throws precis::Error or
// returns a summary whose every sentence points at real bytes of a real source.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.h"
#include "precis/error.h"
#include "precis/reader.h"
#include "precis/segment.h"
#include "precis/summarizer.h"

using namespace precis;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3 || size > 1 << 16) return 0;
  const std::uint8_t flags = data[0];
  const std::uint8_t budget = data[1];
  std::string_view rest(reinterpret_cast<const char*>(data + 2), size - 2);

  // Documents are separated by a form feed plus "@@": rare in text, easy for the mutator to
  // insert. At most 6 documents, so one run stays fast.
  std::vector<std::string> files;
  while (files.size() < 6) {
    const std::size_t cut = rest.find("\f@@");
    files.emplace_back(rest.substr(0, cut));
    if (cut == std::string_view::npos) break;
    rest.remove_prefix(cut + 3);
  }
  std::vector<Document> documents;
  std::vector<std::size_t> sizes;
  std::vector<std::string> files_kept;  // the bytes of each decoded document
  std::vector<std::string> warnings;
  for (std::size_t i = 0; i < files.size(); ++i) {
    Document doc;
    try {
      // One document in three is Markdown, whose block markup the cleaner skips, and one a web
      // page.
      const char* extension = i % 3 == 1 ? ".md" : i % 3 == 2 ? ".html" : ".txt";
      if (decode_document("doc" + std::to_string(i) + extension, files[i], doc, warnings)) {
        documents.push_back(std::move(doc));
        sizes.push_back(files[i].size());
        files_kept.push_back(files[i]);
      }
    } catch (const Error&) {
    }
  }
  if (documents.empty()) return 0;

  SummarizeOptions options;
  switch (flags & 3) {
    case 0:
      options.language.reset();
      break;
    case 1:
      options.language = Language::French;
      break;
    default:
      options.language = Language::English;
      break;
  }
  options.budget_unit = (flags & 4)   ? BudgetUnit::Bytes
                        : (flags & 8) ? BudgetUnit::Sentences
                                      : BudgetUnit::Words;
  options.budget = std::max<std::size_t>(1, budget);
  options.order = (flags & 16) ? SentenceOrder::Rank : SentenceOrder::Source;
  options.selector = (flags & 32) ? Selector::Lead : Selector::Mmr;
  options.clean.enabled = !(flags & 64);
  if (flags & 128) options.threshold = 0.0;  // continuous LexRank: a dense graph
  try {
    options.validate();
  } catch (const Error&) {
    return 0;
  }

  Summary summary;
  try {
    summary = summarize(documents, options);
  } catch (const Error&) {
    return 0;  // "no sentence found": the documented outcome for text without sentences
  }
  PRECIS_FUZZ_CHECK(summary.sources.size() == documents.size());
  if (options.budget_unit == BudgetUnit::Sentences) {
    PRECIS_FUZZ_CHECK(summary.sentences.size() <= options.budget);
  }
  PRECIS_FUZZ_CHECK(summary.used <= options.budget);
  for (const SummarySentence& s : summary.sentences) {
    PRECIS_FUZZ_CHECK(s.source < documents.size());
    PRECIS_FUZZ_CHECK(s.start < s.end && s.end <= sizes[s.source]);
    PRECIS_FUZZ_CHECK(fuzz::valid_utf8(s.text));
    // The attribution contract, where the file's bytes are the text's (no conversion): the
    // span's bytes are the text, or in Markdown and subtitles hold it in order.
    if (documents[s.source].encoding == "UTF-8") {
      const std::string span = files_kept[s.source].substr(s.start, s.end - s.start);
      switch (documents[s.source].format) {
        case Document::Format::Text:
          PRECIS_FUZZ_CHECK(collapse_whitespace(span) == s.text);
          break;
        case Document::Format::Markdown:
          PRECIS_FUZZ_CHECK(fuzz::holds_in_order(span, s.text, false));
          break;
        case Document::Format::Subtitles:
          PRECIS_FUZZ_CHECK(fuzz::holds_in_order(span, s.text, true));
          break;
        case Document::Format::Html:
          // Letters and digits in order, where no character reference may stand for one.
          if (span.find('&') == std::string::npos)
            PRECIS_FUZZ_CHECK(fuzz::holds_in_order(span, s.text, true));
          break;
      }
    }
    PRECIS_FUZZ_CHECK(s.score >= 0.0 && s.score <= 1.0);
    for (const Support& support : s.support) {
      PRECIS_FUZZ_CHECK(support.source < documents.size() && support.source != s.source);
    }
  }
  fuzz::valid_utf8(summary.text());
  return 0;
}
