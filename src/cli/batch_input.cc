#include "cli/batch_input.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "precis/error.h"
#include "precis/language.h"
#include "precis/reader.h"

namespace precis::cli {

namespace fs = std::filesystem;

namespace {

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1, column
// 7: "; the record already carries the input line, so keep the byte and the reason only.
std::string json_error_reason(const nlohmann::json::parse_error& e) {
  std::string what = e.what();
  auto column = what.find("column ");
  auto colon = column == std::string::npos ? std::string::npos : what.find(": ", column);
  std::string reason = colon == std::string::npos ? what : what.substr(colon + 2);
  return "not valid JSON (byte " + std::to_string(e.byte) + "): " + reason;
}

std::size_t positive_integer(const nlohmann::json& value, const std::string& key,
                             const std::optional<std::string>& id) {
  if (value.is_number_unsigned() && value.get<std::uint64_t>() > 0)
    return static_cast<std::size_t>(value.get<std::uint64_t>());
  if (value.is_number_integer() && value.get<std::int64_t>() > 0)
    return static_cast<std::size_t>(value.get<std::int64_t>());
  throw ClusterError(id, "\"" + key + "\" must be a positive integer");
}

// RAII for the file descriptor of a JSONL input (standard input is left open).
struct Fd {
  int fd = -1;
  bool owned = false;
  ~Fd() {
    if (owned && fd >= 0) ::close(fd);
  }
};

Fd open_input(const std::string& input) {
  if (input == "-") return Fd{STDIN_FILENO, false};
  int fd = ::open(input.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error(input + ": cannot open: " + std::strerror(errno));
  return Fd{fd, true};
}

}  // namespace

Cluster parse_cluster(const BatchItem& item) {
  Cluster cluster;
  cluster.line = item.line;
  if (!item.folder.empty()) {
    cluster.id = item.folder_id;
    std::error_code ec;
    fs::path docs = fs::path(item.folder) / "docs";
    cluster.paths.push_back(fs::is_directory(docs, ec) ? docs.string() : item.folder);
    return cluster;
  }

  nlohmann::json j;
  try {
    j = nlohmann::json::parse(item.json);
  } catch (const nlohmann::json::parse_error& e) {
    throw ClusterError(std::nullopt, json_error_reason(e));
  } catch (const nlohmann::json::exception& e) {
    // Valid syntax the library still refuses, e.g. a number beyond a double (1e999): found by
    // tests/fuzz/fuzz_batch_line.cc.
    throw ClusterError(std::nullopt, std::string("invalid JSON: ") + e.what());
  }
  if (!j.is_object()) throw ClusterError(std::nullopt, "not a JSON object");

  auto id = j.find("id");
  if (id == j.end()) throw ClusterError(std::nullopt, "missing \"id\"");
  if (!id->is_string() || id->get_ref<const std::string&>().empty())
    throw ClusterError(std::nullopt, "\"id\" must be a non-empty string");
  cluster.id = id->get<std::string>();
  const auto& cid = cluster.id;

  auto documents = j.find("documents");
  auto paths = j.find("paths");
  if ((documents == j.end()) == (paths == j.end()))
    throw ClusterError(cid, "needs exactly one of \"documents\" and \"paths\"");
  if (documents != j.end()) {
    if (!documents->is_array()) throw ClusterError(cid, "\"documents\" must be an array");
    for (const auto& d : *documents) {
      if (!d.is_object()) throw ClusterError(cid, "each document must be an object");
      auto text = d.find("text");
      if (text == d.end() || !text->is_string())
        throw ClusterError(cid, "each document needs a \"text\" string");
      auto name = d.find("name");
      if (name != d.end() && !name->is_string())
        throw ClusterError(cid, "a document \"name\" must be a string");
    }
    cluster.inline_documents = std::move(*documents);
  } else {
    if (!paths->is_array()) throw ClusterError(cid, "\"paths\" must be an array");
    for (const auto& p : *paths) {
      if (!p.is_string()) throw ClusterError(cid, "\"paths\" must hold strings");
      cluster.paths.push_back(p.get<std::string>());
    }
  }

  int budgets = 0;
  for (auto [key, unit] :
       {std::pair{"words", BudgetUnit::Words}, std::pair{"bytes", BudgetUnit::Bytes},
        std::pair{"sentences", BudgetUnit::Sentences}}) {
    auto it = j.find(key);
    if (it == j.end()) continue;
    ++budgets;
    cluster.overrides.unit = unit;
    cluster.overrides.budget = positive_integer(*it, key, cid);
  }
  if (budgets > 1) throw ClusterError(cid, "at most one of \"words\", \"bytes\", \"sentences\"");
  if (auto lang = j.find("lang"); lang != j.end()) {
    if (!lang->is_string()) throw ClusterError(cid, "\"lang\" must be a string");
    cluster.overrides.lang = lang->get<std::string>();
  }
  return cluster;
}

void read_documents(Cluster& cluster) {
  if (!cluster.paths.empty()) {
    try {
      ReadResult read = read_inputs(cluster.paths);
      cluster.documents = std::move(read.documents);
      cluster.warnings = std::move(read.warnings);
    } catch (const Error& e) {
      throw ClusterError(cluster.id, e.what());
    }
  } else if (cluster.inline_documents.is_array()) {
    std::size_t index = 0;
    for (auto& d : cluster.inline_documents) {
      ++index;
      auto name = d.find("name");
      std::string path = name != d.end() ? name->get<std::string>() : std::to_string(index);
      Document doc;
      if (decode_document(path, std::move(d["text"].get_ref<std::string&>()), doc,
                          cluster.warnings))
        cluster.documents.push_back(std::move(doc));
    }
    // The texts now live in the documents; do not keep a second copy while summarizing.
    cluster.inline_documents = nullptr;
  }
  if (cluster.documents.empty()) throw ClusterError(cluster.id, "no documents");
}

SummarizeOptions apply_overrides(const SummarizeOptions& base, const Cluster& cluster) {
  SummarizeOptions options = base;
  const auto& o = cluster.overrides;
  if (o.unit) {
    options.budget_unit = *o.unit;
    options.budget = o.budget;
  }
  try {
    if (o.lang) {
      if (*o.lang == "auto")
        options.language.reset();
      else
        options.language = parse_language(*o.lang);
    }
    options.validate();
  } catch (const Error& e) {
    throw ClusterError(cluster.id, e.what());
  }
  return options;
}

BatchInput::BatchInput(const std::string& input) : input_(input) {
  if (input == "-") return;
  std::error_code ec;
  auto status = fs::status(input, ec);
  if (ec || !fs::exists(status))
    throw Error(input + ": cannot open: " + (ec ? ec.message() : "No such file or directory"));
  if (fs::is_directory(status)) {
    for (const auto& entry : fs::directory_iterator(input, ec)) {
      auto name = entry.path().filename().string();
      if (name.empty() || name[0] == '.') continue;
      std::error_code dir_ec;
      if (entry.is_directory(dir_ec)) folders_.push_back(entry.path().string());
    }
    if (ec) throw Error(input + ": cannot read: " + ec.message());
    if (folders_.empty())
      throw Error(input + ": no cluster folders in it (each cluster is one sub-folder)");
    std::sort(folders_.begin(), folders_.end());
    return;
  }
  // Fail now, before any thread starts, when it cannot be read. Only a regular file is opened
  // here: opening and closing a named pipe would lose its writer.
  if (fs::is_regular_file(status))
    open_input(input);
  else if (::access(input.c_str(), R_OK) != 0)
    throw Error(input + ": cannot open: " + std::strerror(errno));
}

std::optional<std::size_t> BatchInput::count_clusters() const {
  if (is_folder()) return folders_.size();
  if (is_stdin()) return std::nullopt;
  std::error_code ec;
  if (!fs::is_regular_file(input_, ec)) return std::nullopt;
  std::ifstream in(input_, std::ios::binary);
  std::size_t count = 0;
  std::string line;
  while (std::getline(in, line))
    if (!is_blank(line)) ++count;
  return count;
}

void BatchInput::for_each(const std::atomic<bool>& stop,
                          const std::function<bool(BatchItem)>& sink) const {
  if (is_folder()) {
    for (std::size_t i = 0; i < folders_.size() && !stop; ++i) {
      BatchItem item;
      item.line = i + 1;
      item.folder = folders_[i];
      item.folder_id = fs::path(folders_[i]).filename().string();
      if (!sink(std::move(item))) return;
    }
    return;
  }

  Fd in = open_input(input_);
  struct stat st {};
  // A pipe or terminal can block for ever; poll with a timeout so that a signal can stop the
  // reader. A regular file never blocks.
  const bool may_block = ::fstat(in.fd, &st) != 0 || !S_ISREG(st.st_mode);
  std::vector<char> chunk(1 << 16);
  std::string pending;
  std::size_t line = 0;
  auto emit = [&](std::string&& text) {
    ++line;
    // A byte order mark (files saved by some Windows editors) is not part of the first record.
    if (line == 1 && text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    if (is_blank(text)) return true;
    BatchItem item;
    item.line = line;
    item.json = std::move(text);
    return sink(std::move(item));
  };
  for (;;) {
    if (stop) return;
    if (may_block) {
      pollfd p{in.fd, POLLIN, 0};
      int r = ::poll(&p, 1, 100);
      if (r == 0 || (r < 0 && errno == EINTR)) continue;
    }
    ssize_t n = ::read(in.fd, chunk.data(), chunk.size());
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      throw Error((is_stdin() ? std::string("standard input") : input_) +
                  ": cannot read: " + std::strerror(errno));
    }
    if (n == 0) break;
    const char* data = chunk.data();
    std::size_t size = static_cast<std::size_t>(n), start = 0;
    while (start < size) {
      const void* nl = std::memchr(data + start, '\n', size - start);
      if (!nl) {
        pending.append(data + start, size - start);
        break;
      }
      std::size_t end = static_cast<const char*>(nl) - data;
      pending.append(data + start, end - start);
      if (!emit(std::move(pending))) return;
      pending.clear();
      start = end + 1;
    }
  }
  if (!pending.empty()) emit(std::move(pending));
}

ResumeState prepare_resume(const std::string& path) {
  ResumeState state;
  std::error_code ec;
  if (!fs::exists(path, ec)) return state;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot read: " + std::strerror(errno));
  std::string line;
  std::size_t complete_end = 0, number = 0;
  while (std::getline(in, line)) {
    if (in.eof()) {
      // No line break after it: the run that wrote it was cut mid-line. Drop it.
      state.dropped_partial_line = true;
      break;
    }
    ++number;
    complete_end += line.size() + 1;
    if (is_blank(line)) continue;
    nlohmann::json record;
    try {
      record = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error&) {
    }
    auto id = record.is_object() ? record.find("id") : record.end();
    if (!record.is_object() || id == record.end())
      throw Error(path + ":" + std::to_string(number) +
                  ": not a record of precis batch; refusing to resume into this file");
    ++state.records;
    if (id->is_string()) {
      state.ids.insert(id->get<std::string>());
    } else if (auto l = record.find("line"); l != record.end() && l->is_number_unsigned()) {
      state.lines_without_id.insert(l->get<std::size_t>());
    }
  }
  if (state.dropped_partial_line) {
    in.close();
    fs::resize_file(path, complete_end, ec);
    if (ec) throw Error(path + ": cannot truncate the partial last line: " + ec.message());
  }
  return state;
}

}  // namespace precis::cli
