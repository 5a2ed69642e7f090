// A source document: its UTF-8 text and the map back to the bytes of the original file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace precis {

// A half-open byte range [begin, end) in Document::text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;

  std::size_t size() const { return end - begin; }
  bool operator==(const Span&) const = default;
};

struct Document {
  std::string path;      // as given on the command line, or "-" for standard input
  std::string part;      // in a file of several TREC <DOC>s, this one's DOCNO; otherwise empty
  std::string text;      // valid UTF-8; every stage works on this
  std::string encoding;  // "UTF-8", or the charset the file was converted from

  // What the file was written in, which decode_document tells from its name and its content.
  // Markdown's inline markup (links, emphasis) and a subtitle file's cue numbers and timings are
  // already out of `text`; Markdown's block markup ("# ", "> ", "- ") is left to the cleaner. An
  // HTML page's text is its article's, its headings written as Markdown's ("# Title").
  enum class Format { Text, Markdown, Subtitles, Html };
  Format format = Format::Text;
  // "text", "markdown", "subtitles" or "html" (the JSON outputs' "format").
  static const char* format_name(Format format) {
    switch (format) {
      case Format::Markdown:
        return "markdown";
      case Format::Subtitles:
        return "subtitles";
      case Format::Html:
        return "html";
      case Format::Text:
        break;
    }
    return "text";
  }

  // Where text byte i came from in the original file. Empty in the common case (the file was
  // valid UTF-8, plain text): then the original offset is i + origin, origin being the length of
  // a byte order mark, plus where this document starts when its file holds several. Otherwise it
  // has text.size() + 1 entries, the last one being where the document ends in the file.
  std::vector<std::uint32_t> text_to_original;
  std::size_t origin = 0;

  // Byte offset in the original file of text byte `text_offset` (text_offset <= text.size()).
  std::size_t original_offset(std::size_t text_offset) const {
    return text_to_original.empty() ? text_offset + origin : text_to_original[text_offset];
  }
};

}  // namespace precis
