// The one exception type of precis. The library throws it; the CLI catches it in main() and maps
// it to an exit code (1 for bad input or I/O, 2 for usage errors).
#pragma once

#include <stdexcept>
#include <string>

namespace precis {

class Error : public std::runtime_error {
 public:
  enum class Kind { Input, Usage };

  explicit Error(const std::string& message, Kind kind = Kind::Input)
      : std::runtime_error(message), kind_(kind) {}

  // An error in an option value, reported as a usage error (exit code 2).
  static Error usage(const std::string& message) { return Error(message, Kind::Usage); }

  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

}  // namespace precis
