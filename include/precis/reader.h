// Reading inputs: files, directories (recursive) and standard input, decoded to UTF-8.
#pragma once

#include <string>
#include <vector>

#include "precis/document.h"

namespace precis {

struct ReadOptions {
  // Extensions taken when walking a directory (a file named explicitly is always read).
  std::vector<std::string> extensions = {".txt",  ".md",  ".srt",   ".vtt",
                                         ".html", ".htm", ".xhtml", ".shtml"};
};

struct ReadResult {
  std::vector<Document> documents;    // sorted by path within each directory; inputs in given order
  std::vector<std::string> warnings;  // one line each, naming the file (skipped binary, converted)
};

// Reads every input ("-" = standard input, one document). Directories are walked recursively,
// hidden entries skipped, files sorted by path. Throws Error naming the path for a missing or
// unreadable input.
ReadResult read_inputs(const std::vector<std::string>& inputs, const ReadOptions& options = {});

// A TREC collection file (Gigaword, AQUAINT, TDT: one file per agency and day) holds many <DOC>
// elements, each an article of its own: returns one Document per <DOC> (its text from its <DOC>
// line to the next, `part` its DOCNO or id attribute, offsets still into the file). Any other
// document, a TREC file of one <DOC> included, comes back alone and unchanged.
std::vector<Document> split_collection(Document document);

// Turns raw bytes into a Document: strips a BOM, validates UTF-8, otherwise detects the charset
// (UTF-16 with BOM, Windows-1252, Latin-1, ...) and converts it, keeping the offset map. A
// subtitle file (SubRip or WebVTT, known by its content whatever its name) becomes the text of
// its cues, without numbers, timings and markup, still mapped to the file: a sentence that runs
// over two cues has one span, from its first word to its last. Markdown (a .md file, or text
// that makes Markdown's marks) loses its inline markup (links' targets, images, emphasis marks),
// still mapped to the file. `format` says which. Returns false (and appends a warning) when the
// bytes look binary (NUL bytes) and must be skipped.
bool decode_document(const std::string& path, std::string bytes, Document& out,
                     std::vector<std::string>& warnings);

}  // namespace precis
