// Options shared by `summarize` and `batch`, and the renderings of a Summary.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "precis/idf.h"
#include "precis/summarizer.h"

namespace precis::cli {

enum class Format { Text, Markdown, Json };

struct SummaryFlags {
  SummarizeOptions options;
  std::string lang = "auto";
  std::string idf_path;                             // --idf FILE
  std::size_t words = 0, bytes = 0, sentences = 0;  // budget flags (at most one)
  std::string order = "source";
  std::string selector = "mmr";
  std::string format = "text";
  bool no_clean = false;
  std::shared_ptr<IdfTable> idf;  // loaded by finalize()

  // Turns the flags into `options` (budget, language, order, idf table). Throws Error::usage.
  void finalize();
  Format output_format() const;
};

// Registers --lang, --words/--bytes/--sentences, --order, --lambda, --threshold, --damping,
// --redundancy, --support-threshold, --min-words, --max-words, --idf, --no-clean, --max-docs,
// --max-sentences-per-doc, --format and --threads (when with_threads) on `command`, each with
// its default. Without --threads every summary runs on one thread.
void add_summary_flags(CLI::App& command, SummaryFlags& flags, bool with_threads = false);

// Accepts a whole number written in decimal digits only, at least `minimum`: CLI11's number
// checks let "-1" wrap around in an unsigned option, and print the range as 1.8e308 digits.
CLI::Validator whole_number(std::size_t minimum);

// The JSON object of one summary (schema in README.md "JSON output").
nlohmann::ordered_json summary_to_json(const Summary& summary, const SummarizeOptions& options);

// Readable paragraphs with source markers ([2] or [2, 4, 5]), then the numbered source list.
std::string render_text(const Summary& summary);
// The same with Markdown footnotes.
std::string render_markdown(const Summary& summary);

// Renders in `format`; JSON is pretty-printed for `summarize`, one line for `batch`.
std::string render(const Summary& summary, const SummarizeOptions& options, Format format,
                   bool one_line_json);

}  // namespace precis::cli
