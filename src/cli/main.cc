// precis: extractive multi-document summaries with attribution.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/exit.h"
#include "precis/error.h"

int main(int argc, char** argv) {
  CLI::App app{"precis: one short, non-redundant, attributed summary of a folder of news articles"};
  app.set_version_flag("--version", std::string("precis ") + PRECIS_VERSION);
  app.require_subcommand(1);
  precis::cli::setup_segment(app);
  precis::cli::setup_summarize(app);
  precis::cli::setup_batch(app);
  precis::cli::setup_eval(app);
  precis::cli::setup_idf(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version arrive here with exit code 0.
    if (e.get_exit_code() == 0) return app.exit(e);
    std::cerr << "precis: " << e.what() << "\n";
    std::cerr << "Run with --help for more information.\n";
    return precis::cli::kExitUsage;
  } catch (const precis::cli::ExitRequest& e) {
    return e.code;
  } catch (const precis::Error& e) {
    std::cerr << "precis: " << e.what() << "\n";
    return e.kind() == precis::Error::Kind::Usage ? precis::cli::kExitUsage
                                                  : precis::cli::kExitError;
  } catch (const std::exception& e) {
    std::cerr << "precis: internal error: " << e.what() << "\n";
    return precis::cli::kExitError;
  }
  return precis::cli::kExitOk;
}
