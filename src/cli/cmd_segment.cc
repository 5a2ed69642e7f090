// precis segment INPUT...: the cleaned, segmented sentences of each document, for inspection.
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "cli/output.h"
#include "precis/clean.h"
#include "precis/error.h"
#include "precis/reader.h"
#include "precis/segment.h"
#include "precis/summarizer.h"
#include "precis/tokenize.h"

namespace precis::cli {

namespace {

struct SegmentCommand {
  std::vector<std::string> inputs;
  std::string lang = "auto";
  std::string format = "text";
  std::string output;
  bool no_clean = false;
  bool with_terms = false;
};

Language cluster_language(const std::vector<Document>& documents, const std::string& lang) {
  return lang == "auto" ? detect_cluster_language(documents) : parse_language(lang);
}

void run_segment(const SegmentCommand& cmd) {
  ReadResult read = read_inputs(cmd.inputs);
  print_warnings(read.warnings);
  if (read.documents.empty())
    throw Error("no readable document in " + cmd.inputs.front() +
                " (expected *.txt, *.md, *.html, *.srt or *.vtt files, or TREC <DOC> files)");
  const Language language = cluster_language(read.documents, cmd.lang);
  const auto cleaned = clean(read.documents, CleanOptions{.enabled = !cmd.no_clean});
  Segmenter segmenter(SegmentOptions{.language = language});
  Tokenizer tokenizer(TokenizeOptions{.language = language});

  std::ostringstream text;
  nlohmann::ordered_json documents = nlohmann::ordered_json::array();
  for (std::size_t d = 0; d < read.documents.size(); ++d) {
    const Document& doc = read.documents[d];
    const auto sentences = segmenter.split(doc, cleaned[d], static_cast<std::uint32_t>(d));
    if (cmd.format == "text") {
      if (d > 0) text << "\n";
      for (const auto& s : sentences) text << s.text << "\n";
      continue;
    }
    nlohmann::ordered_json dropped = nlohmann::ordered_json::array();
    for (const auto& line : cleaned[d].dropped)
      dropped.push_back({{"text", collapse_whitespace(std::string_view(doc.text).substr(
                                      line.span.begin, line.span.size()))},
                         {"start", doc.original_offset(line.span.begin)},
                         {"end", doc.original_offset(line.span.end)},
                         {"reason", line.reason}});
    nlohmann::ordered_json out_sentences = nlohmann::ordered_json::array();
    for (const auto& s : sentences) {
      nlohmann::ordered_json js = {{"index", s.index},
                                   {"text", s.text},
                                   {"start", doc.original_offset(s.span.begin)},
                                   {"end", doc.original_offset(s.span.end)},
                                   {"tokens", tokenizer.count_words(s.text)}};
      if (cmd.with_terms) js["terms"] = tokenizer.terms(s.text);
      out_sentences.push_back(std::move(js));
    }
    nlohmann::ordered_json out_document = {{"path", doc.path}};
    if (!doc.part.empty()) out_document["part"] = doc.part;
    out_document["encoding"] = doc.encoding;
    out_document["format"] = Document::format_name(doc.format);
    out_document["title"] = cleaned[d].title;
    out_document["dropped"] = std::move(dropped);
    out_document["sentences"] = std::move(out_sentences);
    documents.push_back(std::move(out_document));
  }
  if (cmd.format == "text") {
    write_output(cmd.output, text.str());
  } else {
    nlohmann::ordered_json result = {{"language", std::string(language_code(language))},
                                     {"documents", std::move(documents)}};
    write_output(
        cmd.output,
        result.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
  }
}

}  // namespace

void setup_segment(CLI::App& app) {
  auto cmd = std::make_shared<SegmentCommand>();
  auto* sub = app.add_subcommand(
      "segment", "Print the sentences of each document after cleaning (text or JSON)");
  sub->add_option("inputs", cmd->inputs,
                  "Files or folders (*.txt, *.md, *.html, *.srt, *.vtt, recursive), or -")
      ->required();
  sub->add_option("--lang", cmd->lang, "Language: auto, fr or en")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "fr", "en"}, CLI::ignore_case));
  sub->add_option("-f,--format", cmd->format,
                  "text: one sentence per line; json: per document its title, dropped lines "
                  "with reasons, sentences with byte offsets and token counts")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "json"}));
  sub->add_option("-o,--output", cmd->output, "Write to FILE (atomically) instead of stdout");
  sub->add_flag("--no-clean", cmd->no_clean, "Keep boilerplate lines (no cleaning)");
  sub->add_flag("--terms", cmd->with_terms, "JSON: list each sentence's index terms too");
  sub->callback([cmd]() { run_segment(*cmd); });
}

}  // namespace precis::cli
