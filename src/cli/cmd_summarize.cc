// precis summarize INPUT...: one attributed summary of all the documents.
#include <chrono>
#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "cli/output.h"
#include "cli/summary_flags.h"
#include "precis/error.h"
#include "precis/reader.h"

namespace precis::cli {

namespace {

struct SummarizeCommand {
  std::vector<std::string> inputs;
  std::string output;
  bool profile = false;
  SummaryFlags flags;
};

void run_summarize(SummarizeCommand& cmd) {
  cmd.flags.finalize();
  const auto start = std::chrono::steady_clock::now();
  ReadResult read = read_inputs(cmd.inputs);
  const double read_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  print_warnings(read.warnings);
  if (read.documents.empty())
    throw Error("no readable document in " + cmd.inputs.front() +
                (cmd.inputs.size() > 1 ? " (and the other inputs)" : "") +
                " (expected *.txt, *.md, *.html, *.srt or *.vtt files, or TREC <DOC> files)");
  const Summary summary = summarize(read.documents, cmd.flags.options);
  print_warnings(summary.warnings);
  if (summary.sentences.empty())
    print_warnings({"no sentence fits the budget of " + std::to_string(summary.budget) + " " +
                    std::string(budget_unit_name(summary.budget_unit)) + "; the summary is empty"});
  write_output(cmd.output, render(summary, cmd.flags.options, cmd.flags.output_format(), false));
  if (cmd.profile) {
    std::size_t bytes = 0;
    for (const auto& d : read.documents) bytes += d.text.size();
    const StageTimes& t = summary.times;
    const double total =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr,
                 "precis: profile: %zu documents, %zu bytes, %zu sentences, %zu edges\n"
                 "precis: profile: read %.2f ms, clean %.2f ms, segment %.2f ms, tokenize %.2f "
                 "ms, graph %.2f ms, lexrank %.2f ms, select %.2f ms, total %.2f ms\n",
                 read.documents.size(), bytes, t.sentences, t.edges, read_ms, t.clean, t.segment,
                 t.tokenize, t.graph, t.lexrank, t.select, total);
  }
}

}  // namespace

void setup_summarize(CLI::App& app) {
  auto cmd = std::make_shared<SummarizeCommand>();
  auto* sub = app.add_subcommand(
      "summarize", "Summarize the articles of one event (files, folders, or - for stdin)");
  sub->add_option("inputs", cmd->inputs,
                  "Files or folders (*.txt, *.md, *.html, *.srt, *.vtt, recursive), or -")
      ->required();
  sub->add_option("-o,--output", cmd->output,
                  "Write to FILE (atomically: whole or not at all) instead of stdout");
  sub->add_flag("--profile", cmd->profile,
                "Print the time of each stage, and the graph size, on stderr");
  add_summary_flags(*sub, cmd->flags, /*with_threads=*/true);
  sub->callback([cmd]() { run_summarize(*cmd); });
}

}  // namespace precis::cli
