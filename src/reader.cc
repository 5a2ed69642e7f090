#include "precis/reader.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>
#include <set>
#include <string_view>
#include <system_error>

#include "clean_rules.h"
#include "html.h"
#include "markdown.h"
#include "precis/error.h"
#include "subtitles.h"

namespace precis {

namespace fs = std::filesystem;

namespace {

// --- Reading bytes ---------------------------------------------------------------------------

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

// The largest input read. Converted text keeps its offsets as 32-bit values, and a pipe that
// never ends (/dev/zero, `yes |`) must end in an error, not in memory exhaustion.
constexpr std::size_t kMaxInputBytes = std::size_t{1} << 30;

std::string too_large_text() {
  return "larger than 1 GiB, the most precis reads";
}

// Reads a whole stream. `size_hint` lets a regular file be read with a single fread; the loop
// still runs to the end in case the file grew or the hint was wrong (pipes, /proc files).
// Stops with `too_large` set after kMaxInputBytes.
bool read_stream(std::FILE* file, std::size_t size_hint, std::string& out, bool& too_large) {
  too_large = false;
  out.clear();
  out.resize(size_hint > 0 ? std::min(size_hint, kMaxInputBytes) + 1 : std::size_t{1} << 16);
  std::size_t used = 0;
  for (;;) {
    used += std::fread(out.data() + used, 1, out.size() - used, file);
    if (used < out.size()) break;
    if (used > kMaxInputBytes) {
      too_large = true;
      out.clear();
      out.shrink_to_fit();
      return !std::ferror(file);
    }
    out.resize(std::min(out.size() * 2, kMaxInputBytes + 1));
  }
  out.resize(used);
  return !std::ferror(file);
}

std::string error_text(int error_number) {
  std::string text = std::strerror(error_number);
  return text;
}

// Reads a file; on failure returns false and sets `problem` to the reason.
bool read_file(const fs::path& path, std::string& bytes, std::string& problem) {
  std::error_code ec;
  std::uintmax_t size = fs::is_regular_file(path, ec) ? fs::file_size(path, ec) : 0;
  if (ec) size = 0;
  errno = 0;
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    problem = error_text(errno != 0 ? errno : EIO);
    return false;
  }
  errno = 0;
  bool too_large = false;
  if (!read_stream(file.get(), static_cast<std::size_t>(size), bytes, too_large)) {
    // Reading a directory through fopen succeeds on Linux, the fread then fails with EISDIR.
    problem = error_text(errno != 0 ? errno : EIO);
    return false;
  }
  if (too_large) {
    problem = too_large_text();
    return false;
  }
  return true;
}

// --- UTF-8 validation ------------------------------------------------------------------------

// Length of the valid UTF-8 sequence at s[i] (s[i] >= 0x80), 0 when it is not one: no
// overlongs, no surrogates, nothing above U+10FFFF.
std::size_t utf8_sequence_length(const unsigned char* s, std::size_t n, std::size_t i) {
  const unsigned char c = s[i];
  std::size_t length;
  unsigned char low = 0x80, high = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3;
    if (c == 0xE0) low = 0xA0;
    if (c == 0xED) high = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4;
    if (c == 0xF0) low = 0x90;
    if (c == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (i + length > n || s[i + 1] < low || s[i + 1] > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if ((s[i + k] & 0xC0) != 0x80) return 0;
  }
  return length;
}

// Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF). ASCII runs, the common
// case for English and most of French, are skipped eight bytes at a time.
bool is_valid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      std::uint64_t chunk;
      std::memcpy(&chunk, s + i, 8);
      if ((chunk & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = utf8_sequence_length(s, n, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

// True when text that is not valid UTF-8 is still UTF-8 with a few damaged bytes (a scraper
// cut a sequence, one stray byte): its many valid multi-byte sequences would all turn into
// mojibake ("prÃ©sident") if the whole file were read as Windows-1252. A Latin-1 file has
// almost no valid sequence (an accented letter followed by a symbol of 0x80-0xBF).
bool is_damaged_utf8(std::string_view text, std::size_t& invalid) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t valid = 0;
  invalid = 0;
  for (std::size_t i = 0; i < n;) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = utf8_sequence_length(s, n, i);
    if (length == 0) {
      ++invalid;
      ++i;
    } else {
      ++valid;
      i += length;
    }
  }
  return valid >= 4 * invalid;
}

// --- Conversion with an offset map -----------------------------------------------------------

// Converts bytes[start, end) from `charset` to UTF-8 and records, for every UTF-8 byte, the
// offset in `bytes` of the code unit it came from. Works in chunks so a 200 MB file never needs
// a full UTF-16 copy.
void convert_to_utf8(const std::string& bytes, std::size_t start, const char* charset,
                     Document& out) {
  if (bytes.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw Error(out.path + ": file too large to convert (over 4 GiB)");
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> converter(ucnv_open(charset, &status),
                                                               ucnv_close);
  if (U_FAILURE(status)) {
    throw Error(out.path + ": cannot convert from " + charset + ": " + u_errorName(status));
  }

  out.text.clear();
  out.text_to_original.clear();
  out.text.reserve(bytes.size() - start + bytes.size() / 4);
  out.text_to_original.reserve(out.text.capacity() + 1);

  constexpr std::size_t kChunk = 1 << 15;
  std::vector<UChar> units(kChunk);
  std::vector<int32_t> offsets(kChunk);
  const char* source = bytes.data() + start;
  const char* const source_end = bytes.data() + bytes.size();
  std::uint32_t last_offset = static_cast<std::uint32_t>(start);
  bool done = false;
  while (!done) {
    const std::size_t call_base = static_cast<std::size_t>(source - bytes.data());
    UChar* target = units.data();
    status = U_ZERO_ERROR;
    ucnv_toUnicode(converter.get(), &target, units.data() + units.size(), &source, source_end,
                   offsets.data(), /*flush=*/true, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      status = U_ZERO_ERROR;
    } else {
      done = true;
    }
    if (U_FAILURE(status)) {
      throw Error(out.path + ": cannot convert from " + charset + ": " + u_errorName(status));
    }
    const int32_t count = static_cast<int32_t>(target - units.data());
    int32_t i = 0;
    while (i < count) {
      // Offsets are relative to this call's source; -1 marks units from bytes a previous call
      // had already consumed (a sequence split across calls): those belong to the last offset.
      const int32_t relative = offsets[i];
      if (relative >= 0) last_offset = static_cast<std::uint32_t>(call_base + relative);
      if (units[i] < 0x80) {  // ASCII: the bulk of any Western text
        out.text.push_back(static_cast<char>(units[i++]));
        out.text_to_original.push_back(last_offset);
        continue;
      }
      UChar32 c;
      U16_NEXT(units.data(), i, count, c);
      if (U_IS_SURROGATE(c)) c = 0xFFFD;  // a lone surrogate, or a pair split at the chunk end
      char encoded[4];
      int32_t length = 0;
      U8_APPEND_UNSAFE(encoded, length, c);  // c is a scalar value, 4 bytes always suffice
      out.text.append(encoded, static_cast<std::size_t>(length));
      out.text_to_original.insert(out.text_to_original.end(), static_cast<std::size_t>(length),
                                  last_offset);
    }
  }
  out.text_to_original.push_back(static_cast<std::uint32_t>(bytes.size()));
}

// Legacy charsets the detector may name that ICU cannot open or that cannot be what they claim
// here (the bytes are not valid UTF-8 and have no NUL, so no UTF-16/32).
bool usable_detected_charset(std::string_view name) {
  if (name.empty()) return false;
  if (name.starts_with("UTF-")) return false;
  if (name.starts_with("ISO-2022")) return false;
  if (name.starts_with("IBM42")) return false;  // IBM420/424 with _rtl/_ltr suffixes
  return true;
}

// Picks the charset of text that is not UTF-8. French files in the wild are Windows-1252 or
// Latin-1; the detector is asked first so a Cyrillic or Japanese file still comes out right.
std::string detect_charset(std::string_view bytes) {
  constexpr std::size_t kSample = 1 << 20;  // detection quality does not improve past this
  constexpr int32_t kMinConfidence = 30;
  std::string charset = "windows-1252";
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> detector(ucsdet_open(&status),
                                                                          ucsdet_close);
  if (U_FAILURE(status)) return charset;
  ucsdet_setText(detector.get(), bytes.data(),
                 static_cast<int32_t>(std::min(bytes.size(), kSample)), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return charset;
  const char* name = ucsdet_getName(match, &status);
  const int32_t confidence = ucsdet_getConfidence(match, &status);
  if (U_FAILURE(status) || name == nullptr) return charset;
  // ISO-8859-1 is reported for Western text without bytes 0x80-0x9F, which both charsets decode
  // identically; keep the name the detector gave so the warning says what the file looked like.
  const std::string_view detected = name;
  if (detected == "ISO-8859-1" || detected == "windows-1252") return std::string(detected);
  if (confidence < kMinConfidence || !usable_detected_charset(detected)) return charset;
  status = U_ZERO_ERROR;
  UConverter* probe = ucnv_open(name, &status);
  if (U_FAILURE(status)) return charset;
  ucnv_close(probe);
  return std::string(detected);
}

// --- Directory walk --------------------------------------------------------------------------

bool has_extension(const fs::path& path, const std::vector<std::string>& extensions) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::any_of(extensions.begin(), extensions.end(), [&](const std::string& wanted) {
    std::string lower = wanted;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower == extension;
  });
}

// True when the file's first bytes pass clean_rules::is_trec (the cleaner's own test, so both
// read the same files as TREC): the TREC SGML of the DUC, TAC and AQUAINT collections, whose files
// are named after their document number ("APW19981016.0240") and have no .txt to find them by.
bool opens_as_trec(const fs::path& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return false;  // unreadable: not ours to report, it was never asked for
  char head[64] = {};
  const std::size_t got = std::fread(head, 1, sizeof head, file);
  std::fclose(file);
  return clean_rules::is_trec(std::string_view(head, got));
}

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

// True when `directory` is the folder a browser saves beside a page ("Page_files" beside
// "Page.html", "Page-Dateien" in German, "Page_fichiers" in French): its frames, ads and widgets
// are .html files too, and no articles.
bool is_saved_page_assets(const fs::path& directory) {
  const std::string name = directory.filename().string();
  for (const std::string_view suffix : {"_files", "-Dateien", "_fichiers", "-files"}) {
    if (name.size() <= suffix.size() || !std::string_view(name).ends_with(suffix)) continue;
    const std::string stem = name.substr(0, name.size() - suffix.size());
    for (const char* extension : {".html", ".htm", ".xhtml", ".shtml"}) {
      std::error_code ec;
      if (fs::is_regular_file(directory.parent_path() / (stem + extension), ec)) return true;
    }
  }
  return false;
}

// Collects the files to read under `directory`. Symbolic links are followed, but a directory
// already visited (by canonical path) is not entered again, which ends symlink loops. Problems
// below the top level become warnings: one bad entry must not sink a whole folder. A saved
// page's folder of assets is not entered (is_saved_page_assets).
void walk(const fs::path& directory, const ReadOptions& options, std::set<fs::path>& visited,
          std::vector<fs::path>& files, std::vector<std::string>& warnings) {
  std::error_code ec;
  fs::path canonical = fs::canonical(directory, ec);
  if (ec) {
    warnings.push_back(directory.string() + ": cannot read: " + ec.message() + ", skipped");
    return;
  }
  if (!visited.insert(canonical).second) return;  // a loop, or a second link to the same tree

  fs::directory_iterator it(directory, ec);
  if (ec) {
    warnings.push_back(directory.string() + ": cannot read: " + ec.message() + ", skipped");
    return;
  }
  std::vector<fs::path> subdirectories;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const fs::path& entry = it->path();
    if (is_hidden(entry)) continue;
    std::error_code status_ec;
    const fs::file_status status = fs::status(entry, status_ec);  // follows symlinks
    if (status_ec) {
      warnings.push_back(entry.string() + ": cannot read: " + status_ec.message() + ", skipped");
      continue;
    }
    if (fs::is_directory(status)) {
      if (!is_saved_page_assets(entry)) subdirectories.push_back(entry);
    } else if (fs::is_regular_file(status) &&
               (has_extension(entry, options.extensions) || opens_as_trec(entry))) {
      files.push_back(entry);
    }
  }
  if (ec) {
    warnings.push_back(directory.string() + ": cannot read: " + ec.message());
  }
  for (const fs::path& subdirectory : subdirectories) {
    walk(subdirectory, options, visited, files, warnings);
  }
}

void add_document(const std::string& path, std::string bytes, ReadResult& result) {
  Document document;
  if (decode_document(path, std::move(bytes), document, result.warnings)) {
    for (Document& part : split_collection(std::move(document)))
      result.documents.push_back(std::move(part));
  }
}

// --- TREC collection files -------------------------------------------------------------------

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Where `needle` (lower case) starts in `haystack`, any case; npos if nowhere.
std::size_t find_ignoring_case(std::string_view haystack, std::string_view needle) {
  const auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                              [](char a, char b) { return ascii_lower(a) == b; });
  return it == haystack.end() ? std::string_view::npos
                              : static_cast<std::size_t>(it - haystack.begin());
}

// A <DOC>'s name: its <DOCNO> (TREC, DUC, AQUAINT), else the id attribute of the <DOC> tag
// (Gigaword, AQUAINT-2: <DOC id="AFP_ENG_20050101.0001" type="story">), else its ordinal.
std::string doc_name(std::string_view element, std::size_t ordinal) {
  const auto named = [](std::string_view raw) {
    constexpr std::size_t kMaxName = 120;  // a name, not a paragraph
    std::string name = clean_rules::collapse_spaces(raw);
    if (name.size() > kMaxName) {
      std::size_t cut = kMaxName;
      while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
      name.resize(cut);
    }
    return name;
  };
  if (const std::size_t docno = find_ignoring_case(element, "<docno>");
      docno != std::string_view::npos) {
    const std::string_view rest = element.substr(docno + 7);
    if (std::string name = named(rest.substr(0, rest.find('<'))); !name.empty()) return name;
  }
  const std::string_view tag = element.substr(0, element.find('>'));
  if (const std::size_t id = find_ignoring_case(tag, " id="); id != std::string_view::npos) {
    std::string_view value = tag.substr(id + 4);
    std::size_t end = value.find_first_of(" \t\r\n");
    if (!value.empty() && (value[0] == '"' || value[0] == '\'')) {
      end = value.find(value[0], 1);
      value.remove_prefix(1);
      if (end != std::string_view::npos) --end;
    }
    if (std::string name = named(value.substr(0, end)); !name.empty()) return name;
  }
  return std::to_string(ordinal);
}

}  // namespace

std::vector<Document> split_collection(Document document) {
  std::vector<Document> parts;
  const std::string_view text = document.text;
  std::vector<std::size_t> starts;  // where each line that opens a <DOC> begins
  // A page's text may quote "<DOC>" (decoded from "&lt;DOC&gt;"): only a file's own markup counts.
  if (document.format != Document::Format::Html && clean_rules::is_trec(text)) {
    for (std::size_t line = 0; line < text.size();) {
      const std::size_t end = std::min(text.find('\n', line), text.size());
      // The file's own test, on the line: "<DOC>" or "<DOC id=…>", any case, after blanks.
      if (clean_rules::is_trec(text.substr(line, end - line))) starts.push_back(line);
      line = end + 1;
    }
  }
  if (starts.size() < 2) {
    parts.push_back(std::move(document));
    return parts;
  }
  starts.front() = 0;  // blank lines before the first <DOC> go with it
  starts.push_back(text.size());
  for (std::size_t k = 0; k + 1 < starts.size(); ++k) {
    const std::size_t begin = starts[k], end = starts[k + 1];
    Document part;
    part.path = document.path;
    part.encoding = document.encoding;
    part.format = document.format;
    part.text = std::string(text.substr(begin, end - begin));
    part.part = doc_name(std::string_view(part.text).substr(part.text.find('<')), k + 1);
    if (document.text_to_original.empty()) {
      part.origin = document.origin + begin;
    } else {
      part.text_to_original.assign(document.text_to_original.begin() + begin,
                                   document.text_to_original.begin() + end + 1);
    }
    parts.push_back(std::move(part));
  }
  return parts;
}

namespace {

// Bytes to UTF-8 text (decode_document without the format's step).
bool decode_text(const std::string& path, std::string bytes, Document& out,
                 std::vector<std::string>& warnings) {
  out = Document{};
  out.path = path;
  const auto starts_with = [&](std::string_view prefix) {
    return std::string_view(bytes).starts_with(prefix);
  };

  // Byte order marks first: UTF-16/32 text is full of NUL bytes and must not look binary.
  struct Bom {
    std::string_view bytes;
    const char* charset;
  };
  static const Bom kWideBoms[] = {
      {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
      {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
      {std::string_view("\xFE\xFF", 2), "UTF-16BE"},
      {std::string_view("\xFF\xFE", 2), "UTF-16LE"},
  };
  for (const Bom& bom : kWideBoms) {
    if (starts_with(bom.bytes)) {
      out.origin = bom.bytes.size();
      out.encoding = bom.charset;
      convert_to_utf8(bytes, out.origin, bom.charset, out);
      // Text has no U+0000; a binary file that happens to start with FF FE does.
      if (out.text.find('\0') != std::string::npos) {
        warnings.push_back(path + ": binary file (NUL bytes), skipped");
        return false;
      }
      return true;
    }
  }

  if (std::memchr(bytes.data(), '\0', bytes.size()) != nullptr) {
    warnings.push_back(path + ": binary file (NUL bytes), skipped");
    return false;
  }

  const std::size_t bom_length = starts_with("\xEF\xBB\xBF") ? 3 : 0;
  const std::string_view body = std::string_view(bytes).substr(bom_length);
  if (is_valid_utf8(body)) {
    out.origin = bom_length;
    out.encoding = "UTF-8";
    bytes.erase(0, bom_length);
    out.text = std::move(bytes);
    return true;
  }

  std::size_t invalid = 0;
  if (is_damaged_utf8(body, invalid)) {
    // ICU's UTF-8 decoder replaces each ill-formed sequence with U+FFFD and keeps the offsets.
    out.origin = bom_length;
    out.encoding = "UTF-8 (repaired)";
    convert_to_utf8(bytes, bom_length, "UTF-8", out);
    warnings.push_back(path + ": not valid UTF-8, " + std::to_string(invalid) +
                       " invalid byte(s) replaced with U+FFFD");
    return true;
  }

  const std::string charset = detect_charset(body);
  out.origin = bom_length;
  out.encoding = charset;
  convert_to_utf8(bytes, bom_length, charset.c_str(), out);
  warnings.push_back(path + ": not valid UTF-8, converted from " + charset);
  return true;
}

// The document's text becomes `rewritten`, each byte still mapped to the file.
void replace_text(Document& document, MappedText rewritten) {
  std::vector<std::uint32_t> to_original(rewritten.source.size());
  for (std::size_t k = 0; k < rewritten.source.size(); ++k)
    to_original[k] = static_cast<std::uint32_t>(document.original_offset(rewritten.source[k]));
  document.text = std::move(rewritten.text);
  document.text_to_original = std::move(to_original);
}

// A subtitle file becomes the text of its cues (subtitles::cue_text), a web page its article's
// (html::page_text), Markdown its text without inline markup (markdown::strip_inline); plain text
// stays as it is.
void read_format(Document& document) {
  if (subtitles::is_subtitles(document.text)) {
    document.format = Document::Format::Subtitles;
    replace_text(document, subtitles::cue_text(document.text));
  } else if (html::is_html_path(document.path) || html::looks_like_html(document.text)) {
    document.format = Document::Format::Html;
    replace_text(document, html::page_text(document.text));
  } else if (markdown::is_markdown_path(document.path) ||
             markdown::looks_like_markdown(document.text)) {
    document.format = Document::Format::Markdown;
    MappedText plain = markdown::strip_inline(document.text);
    // Most Markdown has little inline markup, or none: the offsets stay implicit then.
    if (plain.text.size() != document.text.size()) replace_text(document, std::move(plain));
  }
}

}  // namespace

bool decode_document(const std::string& path, std::string bytes, Document& out,
                     std::vector<std::string>& warnings) {
  if (!decode_text(path, std::move(bytes), out, warnings)) return false;
  read_format(out);
  return true;
}

ReadResult read_inputs(const std::vector<std::string>& inputs, const ReadOptions& options) {
  ReadResult result;
  for (const std::string& input : inputs) {
    if (input == "-") {
      std::string bytes;
      bool too_large = false;
      if (!read_stream(stdin, 0, bytes, too_large)) {
        throw Error("-: cannot read standard input: " + error_text(errno != 0 ? errno : EIO));
      }
      if (too_large) throw Error("-: cannot read standard input: " + too_large_text());
      add_document("-", std::move(bytes), result);
      continue;
    }

    const fs::path path(input);
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      const std::string reason =
          ec ? ec.message() : std::make_error_code(std::errc::no_such_file_or_directory).message();
      throw Error(input + ": cannot read: " + reason);
    }

    if (fs::is_directory(status)) {
      // The top level is named by the user, so failing to list it is an error, not a warning.
      fs::directory_iterator probe(path, ec);
      if (ec) throw Error(input + ": cannot read: " + ec.message());
      std::set<fs::path> visited;
      std::vector<fs::path> files;
      walk(path, options, visited, files, result.warnings);
      std::sort(files.begin(), files.end());
      for (const fs::path& file : files) {
        std::string bytes, problem;
        if (!read_file(file, bytes, problem)) {
          result.warnings.push_back(file.string() + ": cannot read: " + problem + ", skipped");
          continue;
        }
        add_document(file.string(), std::move(bytes), result);
      }
      continue;
    }

    // A device (/dev/zero, /dev/urandom, a disk) is an endless or meaningless stream; named
    // pipes and process substitutions are fine. Refuse devices before reading a byte.
    if (fs::is_character_file(status) || fs::is_block_file(status) || fs::is_socket(status)) {
      throw Error(input + ": cannot read: not a regular file (a device or socket)");
    }
    std::string bytes, problem;
    if (!read_file(path, bytes, problem)) throw Error(input + ": cannot read: " + problem);
    add_document(input, std::move(bytes), result);
  }
  return result;
}

}  // namespace precis
