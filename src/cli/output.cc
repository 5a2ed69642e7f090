#include "cli/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "precis/error.h"

namespace precis::cli {

void write_fully(int fd, const std::string& content, const std::string& name) {
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error(name + ": cannot write: " + std::strerror(errno));
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
}

void write_output(const std::string& path, const std::string& content) {
  if (path.empty() || path == "-") {
    std::cout.flush();
    write_fully(STDOUT_FILENO, content, "standard output");
    return;
  }
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  // Built by appending: g++ 12 warns falsely (-Wrestrict) on "." + std::string.
  std::string hidden_name(".");
  hidden_name += target.filename().string();
  hidden_name += ".tmp.XXXXXX";
  std::string tmpl = (dir / hidden_name).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) throw Error(path + ": cannot create output file: " + std::strerror(errno));
  try {
    write_fully(fd, content, path);
    if (::fsync(fd) != 0) throw Error(path + ": cannot write: " + std::strerror(errno));
    if (::close(fd) != 0) {
      fd = -1;
      throw Error(path + ": cannot write: " + std::strerror(errno));
    }
    fd = -1;
    // mkstemp creates 0600 files; give the result the usual permissions for new files.
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::chmod(tmpl.c_str(), 0666 & ~mask);
    if (std::rename(tmpl.c_str(), path.c_str()) != 0)
      throw Error(path + ": cannot write: " + std::strerror(errno));
  } catch (...) {
    if (fd >= 0) ::close(fd);
    ::unlink(tmpl.c_str());
    throw;
  }
}

void print_warnings(const std::vector<std::string>& warnings) {
  for (const auto& w : warnings) std::cerr << "precis: warning: " << w << "\n";
}

}  // namespace precis::cli
