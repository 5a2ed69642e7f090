// Reader, cleaner, segmenter and tokenizer on arbitrary bytes: decode_document must accept or
// skip any file, and every later stage must keep its spans inside the text it was given.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "fuzz_common.h"
#include "precis/clean.h"
#include "precis/error.h"
#include "precis/reader.h"
#include "precis/segment.h"
#include "precis/tokenize.h"

using namespace precis;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The first byte picks the options, so both languages, both cleaning modes and both ways of
  // naming a file are explored.
  if (size == 0) return 0;
  const std::uint8_t flags = data[0];
  const std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  const Language language = (flags & 1) ? Language::English : Language::French;

  Document doc;
  std::vector<std::string> warnings;
  try {
    // Bit 5 names the file .md: any text is read as Markdown then, not only text with its marks;
    // bit 6 .html: any text is read as a web page.
    const char* name = (flags & 64) ? "fuzz.html" : (flags & 32) ? "fuzz.md" : "fuzz.txt";
    if (!decode_document(name, bytes, doc, warnings)) {
      PRECIS_FUZZ_CHECK(!warnings.empty());  // a skipped file is always reported
      return 0;
    }
  } catch (const Error&) {
    return 0;  // a reported failure (e.g. a charset ICU cannot open) is an acceptable outcome
  }
  fuzz::check_document(doc, bytes.size());
  if (doc.format == Document::Format::Html && doc.encoding == "UTF-8") {
    // A page's text is the file's bytes, or a character reference's replacement (mapped to its
    // '&'), or what the reader writes between them: spaces, line breaks, a heading's marks.
    for (std::size_t i = 0; i < doc.text.size(); ++i) {
      const char c = doc.text[i];
      const std::size_t from = doc.original_offset(i);
      PRECIS_FUZZ_CHECK((from < bytes.size() && (bytes[from] == c || bytes[from] == '&')) ||
                        c == ' ' || c == '\n' || c == '#');
    }
  }
  {
    // A collection file's documents tile it: each starts where the one before ends.
    const std::vector<Document> parts = split_collection(doc);
    PRECIS_FUZZ_CHECK(!parts.empty());
    std::size_t next = doc.original_offset(0);
    for (const Document& part : parts) {
      PRECIS_FUZZ_CHECK(part.original_offset(0) == next);
      PRECIS_FUZZ_CHECK(fuzz::valid_utf8(part.text));
      next = part.original_offset(part.text.size());
    }
    PRECIS_FUZZ_CHECK(next == bytes.size());
  }

  CleanOptions clean_options;
  clean_options.enabled = !(flags & 2);
  const std::vector<CleanedDocument> cleaned = clean(std::vector<Document>{doc}, clean_options);
  PRECIS_FUZZ_CHECK(cleaned.size() == 1);
  const CleanedDocument& c = cleaned[0];
  PRECIS_FUZZ_CHECK(c.title_span.begin <= c.title_span.end && c.title_span.end <= doc.text.size());
  std::size_t last_end = 0;
  for (const Span& line : c.lines) {
    PRECIS_FUZZ_CHECK(line.begin <= line.end && line.end <= doc.text.size());
    PRECIS_FUZZ_CHECK(line.begin >= last_end);  // in text order, not overlapping
    last_end = line.end;
  }
  for (const DroppedLine& line : c.dropped) {
    PRECIS_FUZZ_CHECK(line.span.begin <= line.span.end && line.span.end <= doc.text.size());
  }

  // One segmenter and tokenizer per option set for the whole run, as precis uses them (one per
  // thread, reused): state carried from one input to the next is part of what is tested.
  static Segmenter segmenters[2] = {Segmenter(SegmentOptions{Language::French}),
                                    Segmenter(SegmentOptions{Language::English})};
  static std::vector<std::unique_ptr<Tokenizer>> tokenizers(32);
  const Segmenter& segmenter = segmenters[flags & 1];
  const std::vector<Sentence> sentences = segmenter.split(doc, c, 0);
  std::unique_ptr<Tokenizer>& slot = tokenizers[flags & 31];
  if (!slot) {
    slot = std::make_unique<Tokenizer>(
        TokenizeOptions{language, !(flags & 4), !(flags & 8), !(flags & 16)});
  }
  Tokenizer& tokenizer = *slot;
  std::vector<std::string> terms;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    PRECIS_FUZZ_CHECK(s.index == i);
    PRECIS_FUZZ_CHECK(s.span.begin < s.span.end && s.span.end <= doc.text.size());
    PRECIS_FUZZ_CHECK(fuzz::valid_utf8(s.text));
    tokenizer.terms(s.text, terms);
    for (const std::string& term : terms) PRECIS_FUZZ_CHECK(fuzz::valid_utf8(term));
    tokenizer.count_words(s.text);
  }
  // The tokenizer and language detection also see the raw text (idf building does this).
  tokenizer.terms(doc.text, terms);
  detect_language(doc.text);
  collapse_whitespace(doc.text);
  return 0;
}
