// Text rewritten by the reader (a subtitle file's cues, a Markdown file without its inline
// markup), each byte still mapped to the input it was read from, so that spans stay offsets
// into the original file.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace precis {

struct MappedText {
  std::string text;
  // source[k] is the byte of the input that text byte k comes from (text.size() + 1 entries, the
  // last one the input's size).
  std::vector<std::size_t> source;
};

}  // namespace precis
