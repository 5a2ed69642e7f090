// A subcommand that must end with a given exit code (not an error) throws ExitRequest.
#pragma once

namespace precis::cli {

struct ExitRequest {
  int code;
};

}  // namespace precis::cli
