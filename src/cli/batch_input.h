// The inputs of `precis batch`: a folder of cluster folders, or JSON Lines (a file or standard
// input) with one cluster a line; and the output file of an earlier run, for --resume.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <vector>

#include "precis/document.h"
#include "precis/summarizer.h"

namespace precis::cli {

// One unit of work, as the reader hands it to the workers: the raw line is parsed by a worker so
// that JSON parsing runs in parallel too.
struct BatchItem {
  std::size_t line = 0;  // 1-based line of the JSONL input, or position of the cluster folder
  std::string json;      // the line (JSONL input)
  std::string folder;    // the cluster folder (folder input)
  std::string folder_id;
};

// Per-cluster settings a JSONL line may carry ("words", "bytes", "sentences", "lang").
struct ClusterOverrides {
  std::optional<BudgetUnit> unit;
  std::size_t budget = 0;
  std::optional<std::string> lang;  // "fr", "en" or "auto"
};

// A cluster whose line has been parsed but whose documents may not have been read yet.
struct Cluster {
  std::optional<std::string> id;  // nullopt when the line could not be read far enough
  std::size_t line = 0;
  ClusterOverrides overrides;
  std::vector<Document> documents;
  std::vector<std::string> warnings;

  // What read_documents() materializes: inline documents, or paths, or the cluster folder.
  nlohmann::json inline_documents;
  std::vector<std::string> paths;
};

// A cluster that fails: becomes one error record in the output.
class ClusterError : public std::runtime_error {
 public:
  ClusterError(std::optional<std::string> id, const std::string& message)
      : std::runtime_error(message), id_(std::move(id)) {}
  const std::optional<std::string>& id() const { return id_; }

 private:
  std::optional<std::string> id_;
};

// Parses the line (or takes the folder name): id, overrides, where the documents are. Throws
// ClusterError for a line that is not JSON, not an object, or lacks or mistypes a field.
Cluster parse_cluster(const BatchItem& item);

// Reads or decodes the documents of a parsed cluster. Throws ClusterError (with the id) when a
// path cannot be read or the cluster has no document.
void read_documents(Cluster& cluster);

// The options of one cluster: `base` with the overrides applied and validated. Throws
// ClusterError naming the override at fault.
SummarizeOptions apply_overrides(const SummarizeOptions& base, const Cluster& cluster);

// The input of a batch. Folder: every non-hidden sub-folder is a cluster (id = its name), sorted
// by name; a cluster folder with a docs/ sub-folder (the layout of the evaluation sets) is read
// from docs/ only. Otherwise a JSONL file, or standard input for "-".
class BatchInput {
 public:
  explicit BatchInput(const std::string& input);  // throws Error when it cannot be opened

  bool is_stdin() const { return input_ == "-"; }
  bool is_folder() const { return !folders_.empty(); }
  const std::string& name() const { return input_; }

  // Number of clusters when cheap to know (folder, or a regular file: counts its lines).
  std::optional<std::size_t> count_clusters() const;

  // Reads the input lazily and hands each item to `sink` in input order; stops when `sink`
  // returns false or `stop` becomes true (checked while waiting for standard input too). Blank
  // lines are skipped but counted. Throws Error on a read failure.
  void for_each(const std::atomic<bool>& stop, const std::function<bool(BatchItem)>& sink) const;

 private:
  std::string input_;
  std::vector<std::string> folders_;  // sorted cluster folders (folder input)
};

// What an earlier run already wrote to the output file: the ids of its records, and the lines of
// its records that have no id (input lines that were not JSON).
struct ResumeState {
  std::unordered_set<std::string> ids;
  std::unordered_set<std::size_t> lines_without_id;
  std::size_t records = 0;
  bool dropped_partial_line = false;

  bool done(const Cluster& cluster) const {
    return cluster.id ? ids.count(*cluster.id) > 0 : lines_without_id.count(cluster.line) > 0;
  }
};

// Reads the output file of an interrupted run, truncating a last line that was cut short (a crash
// mid-write) so that appending continues on a line boundary. A missing file is an empty state.
// Throws Error when a complete line is not a record of precis batch (not the right file).
ResumeState prepare_resume(const std::string& path);

}  // namespace precis::cli
