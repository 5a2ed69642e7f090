#include "cli/line_reader.h"

#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>

#include "precis/error.h"

namespace precis::cli {

LineReader::LineReader(const std::string& path) : path_(path) {
  gz_ = path == "-" ? gzdopen(dup(STDIN_FILENO), "rb") : gzopen(path.c_str(), "rb");
  if (gz_ == nullptr)
    throw Error(path + ": cannot read: " + (errno ? std::strerror(errno) : "cannot open"));
  gzbuffer(static_cast<gzFile>(gz_), 1 << 17);
}

LineReader::~LineReader() {
  if (gz_ != nullptr) gzclose(static_cast<gzFile>(gz_));
}

bool LineReader::next(std::string& line) {
  line.clear();
  while (true) {
    const auto newline = buffer_.find('\n', buffer_pos_);
    if (newline != std::string::npos) {
      line.append(buffer_, buffer_pos_, newline - buffer_pos_);
      buffer_pos_ = newline + 1;
      break;
    }
    line.append(buffer_, buffer_pos_, std::string::npos);
    buffer_.clear();
    buffer_pos_ = 0;
    if (eof_) {
      if (line.empty()) return false;
      break;
    }
    buffer_.resize(1 << 17);
    const int n =
        gzread(static_cast<gzFile>(gz_), buffer_.data(), static_cast<unsigned>(buffer_.size()));
    if (n < 0) {
      int code = 0;
      const char* message = gzerror(static_cast<gzFile>(gz_), &code);
      throw Error(path_ + ": read error: " + (message ? message : "unknown"));
    }
    buffer_.resize(static_cast<std::size_t>(n));
    if (n == 0) eof_ = true;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  ++line_number_;
  return true;
}

}  // namespace precis::cli
