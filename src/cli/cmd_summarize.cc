// precis summarize INPUT...: one attributed summary of all the documents.
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
  SummaryFlags flags;
};

void run_summarize(SummarizeCommand& cmd) {
  cmd.flags.finalize();
  ReadResult read = read_inputs(cmd.inputs);
  print_warnings(read.warnings);
  if (read.documents.empty())
    throw Error("no readable document in " + cmd.inputs.front() +
                (cmd.inputs.size() > 1 ? " (and the other inputs)" : "") +
                " (expected *.txt or *.md files, one article each)");
  const Summary summary = summarize(read.documents, cmd.flags.options);
  if (summary.sentences.empty())
    print_warnings({"no sentence fits the budget of " + std::to_string(summary.budget) + " " +
                    std::string(budget_unit_name(summary.budget_unit)) +
                    "; the summary is empty"});
  write_output(cmd.output,
               render(summary, cmd.flags.options, cmd.flags.output_format(), false));
}

}  // namespace

void setup_summarize(CLI::App& app) {
  auto cmd = std::make_shared<SummarizeCommand>();
  auto* sub = app.add_subcommand(
      "summarize", "Summarize the articles of one event (files, folders, or - for stdin)");
  sub->add_option("inputs", cmd->inputs, "Files or folders (*.txt, *.md, recursive), or -")
      ->required();
  sub->add_option("-o,--output", cmd->output,
                  "Write to FILE (atomically: whole or not at all) instead of stdout");
  add_summary_flags(*sub, cmd->flags, true);
  sub->callback([cmd]() { run_summarize(*cmd); });
}

}  // namespace precis::cli
