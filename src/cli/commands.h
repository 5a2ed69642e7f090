// Each subcommand is one setup function that registers its options and its callback.
#pragma once

#include <CLI/CLI.hpp>

namespace precis::cli {

void setup_segment(CLI::App& app);
void setup_summarize(CLI::App& app);
void setup_batch(CLI::App& app);
void setup_eval(CLI::App& app);
void setup_idf(CLI::App& app);

// Exit codes, documented in the README.
inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;    // unreadable input, I/O failure
inline constexpr int kExitUsage = 2;    // bad command line or option value
inline constexpr int kExitPartial = 3;  // batch finished, some clusters failed

}  // namespace precis::cli
