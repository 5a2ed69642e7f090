// Reads text lines from a file, a gzip-compressed file, or standard input ("-").
#pragma once

#include <cstdio>
#include <string>

namespace precis::cli {

class LineReader {
 public:
  // Throws precis::Error naming the file when it cannot be opened.
  explicit LineReader(const std::string& path);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // The next line without its line break; false at the end. Throws on a read error.
  bool next(std::string& line);
  std::size_t line_number() const { return line_number_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  void* gz_ = nullptr;  // gzFile; zlib also reads uncompressed files transparently
  std::size_t line_number_ = 0;
  std::string buffer_;
  std::size_t buffer_pos_ = 0;
  bool eof_ = false;
};

}  // namespace precis::cli
