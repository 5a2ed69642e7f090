// Writing results: standard output, or a file written whole or not at all.
#pragma once

#include <string>
#include <vector>

namespace precis::cli {

// Writes `content` to `path` atomically (a temporary file in the same folder, fsync, rename), or
// to standard output when `path` is empty or "-". Throws precis::Error naming the file on failure
// (full disk, closed pipe, missing folder).
void write_output(const std::string& path, const std::string& content);

// Writes all of `content` to `fd`, retrying on EINTR and short writes. Throws precis::Error
// "NAME: cannot write: reason" (EPIPE for a closed pipe, ENOSPC for a full disk).
void write_fully(int fd, const std::string& content, const std::string& name);

// Prints each warning on stderr as "precis: warning: ...".
void print_warnings(const std::vector<std::string>& warnings);

}  // namespace precis::cli
