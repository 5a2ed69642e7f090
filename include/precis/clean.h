// Cleaning: tells the title, the content lines and the web boilerplate of each document apart.
// See ALGORITHMS.md section 4 for the heuristics and their sources (jusText, Boilerpipe,
// trafilatura).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "precis/document.h"

namespace precis {

struct CleanOptions {
  bool enabled = true;  // false keeps every non-blank line (the title is still detected)
};

struct DroppedLine {
  Span span;           // the line in Document::text, without its line break
  std::string reason;  // machine-readable: "title", "repeated", "boilerplate", "short", ...
};

struct CleanedDocument {
  std::string title;  // the headline (metadata, never a candidate sentence); empty when none
  Span title_span;    // a wrapped headline's span covers its lines, line breaks included
  // Kept lines in text order, each without its line break and without surrounding whitespace.
  // Lines separated only by a single line break belong to the same paragraph.
  std::vector<Span> lines;
  // Parallel to `lines` (or empty: none): true when the line's paragraph goes on in the next
  // line (a hard-wrapped paragraph, a Markdown quotation), so that the break between them is no
  // sign of a sentence end.
  std::vector<bool> wrapped;
  std::vector<DroppedLine> dropped;  // in text order
};

// Cleans every document of one cluster (a vector converts to the span). The cluster matters: a line
// that several different documents share is wire copy and is kept.
// `workers` threads share the per-document analysis and classification (the comparison across
// documents runs on one): the same result for any number.
std::vector<CleanedDocument> clean(std::span<const Document> documents,
                                   const CleanOptions& options = {}, std::size_t workers = 1);

}  // namespace precis
