// precis idf build CORPUS... -o FILE: background document frequencies for --idf.
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/line_reader.h"
#include "cli/output.h"
#include "precis/error.h"
#include "precis/idf.h"
#include "precis/reader.h"

namespace precis::cli {

namespace {

struct IdfCommand {
  std::vector<std::string> corpora;
  std::string output;
  std::string lang = "fr";
};

bool is_jsonl(const std::string& path) {
  for (const char* ext : {".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz"})
    if (path.size() >= std::strlen(ext) &&
        path.compare(path.size() - std::strlen(ext), std::string::npos, ext) == 0)
      return true;
  return false;
}

// One JSON line: a document ({"text"} or OrangeSum-style {"title", "heading", "article"}) or a
// batch cluster ({"documents": [{"text"}]}, each document counted once). Each is cleaned as a file
// of the same text would be (IdfBuilder::add_document).
void add_json_line(IdfBuilder& builder, const std::string& line, const LineReader& reader,
                   std::vector<std::string>& warnings) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  const std::string where = reader.path() + ":" + std::to_string(reader.line_number());
  auto fail = [&](const std::string& what) { throw Error(where + ": " + what); };
  if (j.is_discarded() || !j.is_object()) fail("not a JSON object");
  auto text_of = [](const nlohmann::json& o) {
    std::string text;
    for (const char* key : {"title", "heading", "article", "text"}) {
      auto it = o.find(key);
      if (it != o.end() && it->is_string()) {
        text += it->get_ref<const std::string&>();
        text += '\n';
      }
    }
    return text;
  };
  auto add = [&](std::string text) {
    Document document;
    if (decode_document(where, std::move(text), document, warnings)) builder.add_document(document);
  };
  if (auto docs = j.find("documents"); docs != j.end() && docs->is_array()) {
    for (const auto& d : *docs)
      if (d.is_object()) add(text_of(d));
    return;
  }
  std::string text = text_of(j);
  if (text.empty()) fail("no \"text\", \"article\" or \"documents\" field");
  add(std::move(text));
}

void run_idf_build(const IdfCommand& cmd) {
  IdfBuilder builder(parse_language(cmd.lang));
  std::vector<std::string> plain;
  std::vector<std::string> warnings;
  for (const auto& corpus : cmd.corpora) {
    if (corpus == "-" || is_jsonl(corpus)) {
      LineReader reader(corpus);
      std::string line;
      while (reader.next(line))
        if (line.find_first_not_of(" \t") != std::string::npos)
          add_json_line(builder, line, reader, warnings);
      print_warnings(warnings);
      warnings.clear();
    } else {
      plain.push_back(corpus);
    }
  }
  if (!plain.empty()) {
    ReadResult read = read_inputs(plain);
    print_warnings(read.warnings);
    for (const auto& d : read.documents) builder.add_document(d);
  }
  if (builder.documents() == 0) throw Error("no document found in the corpus");
  const IdfTable table = builder.table();
  table.save(cmd.output);
  std::cerr << "precis: idf: " << table.documents << " documents, " << table.df.size()
            << " terms -> " << cmd.output << "\n";
}

}  // namespace

void setup_idf(CLI::App& app) {
  auto cmd = std::make_shared<IdfCommand>();
  auto* idf = app.add_subcommand("idf", "Background document frequencies for --idf");
  idf->require_subcommand(1);
  auto* build = idf->add_subcommand(
      "build", "Count document frequencies over folders of articles or JSON Lines (.gz too)");
  build
      ->add_option("corpus", cmd->corpora,
                   "Folders/files of articles (*.txt, *.md, *.html, *.srt, *.vtt), or JSONL files "
                   "(.jsonl, .jsonl.gz; one article a line with \"text\" or \"article\", or a "
                   "batch cluster), or -")
      ->required();
  build->add_option("-o,--output", cmd->output, "The table to write")->required();
  build->add_option("--lang", cmd->lang, "Language of the corpus: fr or en")
      ->capture_default_str()
      ->check(CLI::IsMember({"fr", "en"}, CLI::ignore_case));
  build->callback([cmd]() { run_idf_build(*cmd); });
}

}  // namespace precis::cli
