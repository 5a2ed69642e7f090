// precis batch: one summary per cluster for a whole folder or JSONL stream of clusters, on a pool
// of worker threads, written in input order as JSON Lines (or one file per cluster).
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "cli/batch_input.h"
#include "cli/batch_pool.h"
#include "cli/commands.h"
#include "cli/exit.h"
#include "cli/output.h"
#include "cli/summary_flags.h"
#include "precis/cores.h"
#include "precis/error.h"
#include "precis/idf.h"
#include "precis/language.h"
#include "precis/summarizer.h"
#include "precis/tokenize.h"

namespace precis::cli {

namespace {

namespace fs = std::filesystem;

struct BatchFlags {
  std::string input;
  std::string output;
  std::string out_dir;
  std::size_t jobs = 0;  // 0 = all cores
  bool fail_fast = false;
  bool resume = false;
  bool quiet = false;
  bool batch_idf = false;
};

// What a worker hands back for one cluster.
struct BatchResult {
  std::size_t line = 0;
  std::optional<std::string> id;
  bool skipped = false;  // --resume: already in the output
  bool failed = false;
  std::string record;  // the JSONL line, '\n' included (empty with --out-dir on success)
  std::string error;
  std::vector<std::string> warnings;
};

std::string dump_line(const nlohmann::ordered_json& j) {
  // Texts are valid UTF-8 by construction; replace rather than throw if one ever is not.
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

// {"id", then the fields of summarize --format json in their order}: the id first, so that a
// reader of the file (or `cut -c1-40`) sees which cluster a line is about.
std::string summary_record(const std::string& id, nlohmann::ordered_json summary) {
  nlohmann::ordered_json j;
  j["id"] = id;
  for (auto it = summary.begin(); it != summary.end(); ++it) j[it.key()] = std::move(it.value());
  return dump_line(j);
}

std::string error_record(const std::optional<std::string>& id, std::size_t line,
                         const std::string& error) {
  nlohmann::ordered_json j;
  j["id"] = id ? nlohmann::ordered_json(*id) : nlohmann::ordered_json(nullptr);
  j["line"] = line;
  j["error"] = error;
  return dump_line(j);
}

const char* format_extension(Format format) {
  switch (format) {
    case Format::Text:
      return ".txt";
    case Format::Markdown:
      return ".md";
    case Format::Json:
      return ".json";
  }
  return ".txt";
}

// An id becomes a file name with --out-dir: refuse anything that could leave the folder or hide.
void check_file_name(const Cluster& cluster) {
  const std::string& id = *cluster.id;
  if (id.empty() || id[0] == '.' || id.find('/') != std::string::npos ||
      id.find('\0') != std::string::npos)
    throw ClusterError(cluster.id, "id cannot be used as a file name in --out-dir");
}

// The language a cluster is summarized in when --batch-idf needs to know it up front (to pick
// the table and tokenize pass 1 the way pass 2 will): the same detection as summarize().
Language cluster_language(const Cluster& cluster, const SummarizeOptions& options) {
  return options.language ? *options.language : detect_cluster_language(cluster.documents);
}

// Blocks SIGINT and SIGTERM in every thread of the batch and waits for them on one thread, so
// that a signal becomes an orderly stop (flush what is complete, leave a resumable file) instead
// of a death in the middle of a write.
class SignalWatcher {
 public:
  SignalWatcher() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set_, &old_);
    thread_ = std::thread([this] { run(); });
  }
  ~SignalWatcher() {
    done_ = true;
    thread_.join();
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  SignalWatcher(const SignalWatcher&) = delete;
  SignalWatcher& operator=(const SignalWatcher&) = delete;

  int signal() const { return signal_; }

  // What to do on a signal (runs at once if one already arrived).
  void on_signal(std::function<void()> action) {
    std::lock_guard lock(mutex_);
    action_ = std::move(action);
    if (signal_ && action_) action_();
  }

 private:
  void run() {
    while (!done_) {
      timespec timeout{0, 100'000'000};
      int s = sigtimedwait(&set_, nullptr, &timeout);
      if (s <= 0) continue;
      std::lock_guard lock(mutex_);
      if (!signal_) signal_ = s;
      if (action_) action_();
    }
  }

  sigset_t set_{}, old_{};
  std::atomic<bool> done_{false};
  std::atomic<int> signal_{0};
  std::mutex mutex_;
  std::function<void()> action_;
  std::thread thread_;
};

// done/total, rate and ETA on one self-rewriting stderr line; only for a terminal.
class Progress {
 public:
  Progress(bool enabled, std::optional<std::size_t> total, std::string label)
      : enabled_(enabled), total_(total), label_(std::move(label)) {}

  void update(std::size_t done, std::size_t failed, bool force = false) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    double seconds = std::chrono::duration<double>(now - start_).count();
    double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0.0;
    std::string line = "precis: " + label_ + ": " + std::to_string(done);
    if (total_) line += "/" + std::to_string(*total_);
    line += " clusters";
    if (failed) line += " (" + std::to_string(failed) + " failed)";
    char buf[96];
    std::snprintf(buf, sizeof buf, ", %.1f/s", rate);
    line += buf;
    if (total_ && rate > 0 && *total_ >= done) {
      auto eta = static_cast<long>(std::lround(static_cast<double>(*total_ - done) / rate));
      std::snprintf(buf, sizeof buf, ", ETA %ld:%02ld:%02ld", eta / 3600, eta / 60 % 60, eta % 60);
      line += buf;
    }
    std::cerr << "\r\033[K" << line << std::flush;
    shown_ = true;
  }

  // Clears the progress line before a message so that they do not mix.
  void clear() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
    shown_ = false;
  }

 private:
  bool enabled_;
  std::optional<std::size_t> total_;
  std::string label_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

// Document frequencies of one cluster, for --batch-idf's first pass.
struct ClusterDf {
  bool ok = false;
  Language language = Language::French;
  std::uint64_t documents = 0;
  std::unordered_map<std::string, std::uint64_t> df;
};

// Runs `work` over every item of the input on `jobs` threads and hands the results to `consume`
// in input order; stops early when `consume` returns false or a signal arrives. The reader runs
// on its own thread so that results are written while it waits for more input.
template <typename Result>
void run_ordered(const BatchInput& input, std::size_t jobs, SignalWatcher& signals,
                 std::function<Result(BatchItem&)> work,
                 const std::function<bool(Result&)>& consume) {
  std::atomic<bool> stop{false};
  std::exception_ptr reader_error;
  OrderedPool<BatchItem, Result> pool(jobs, 4 * jobs, std::move(work));
  std::thread reader([&] {
    try {
      input.for_each(stop, [&](BatchItem item) { return pool.submit(std::move(item)); });
    } catch (...) {
      reader_error = std::current_exception();
    }
    pool.close();
  });
  // However this scope ends (done, stopped, a write error), stop the reader and join it before
  // the pool and the flags it uses go away.
  struct Joiner {
    std::atomic<bool>& stop;
    OrderedPool<BatchItem, Result>& pool;
    std::thread& reader;
    SignalWatcher& signals;
    bool joined = false;
    void finish() {
      if (joined) return;
      joined = true;
      signals.on_signal(nullptr);
      stop = true;
      pool.cancel();
      reader.join();
    }
    ~Joiner() { finish(); }
  } joiner{stop, pool, reader, signals};
  signals.on_signal([&] {
    stop = true;
    pool.cancel();
  });

  while (auto result = pool.next()) {
    if (!consume(*result)) return;
  }
  joiner.finish();  // reader_error is only safe to read once the reader is done
  if (reader_error && !signals.signal()) std::rethrow_exception(reader_error);
}

// Pass 1 of --batch-idf: df over every document of the batch, one table per language.
std::map<Language, IdfTable> batch_document_frequencies(const BatchInput& input,
                                                        const SummarizeOptions& base,
                                                        std::size_t jobs, SignalWatcher& signals,
                                                        Progress& progress) {
  std::function<ClusterDf(BatchItem&)> work = [&base](BatchItem& item) {
    ClusterDf out;
    try {
      Cluster cluster = parse_cluster(item);
      read_documents(cluster);
      SummarizeOptions options = apply_overrides(base, cluster);
      out.language = cluster_language(cluster, options);
      // One tokenizer per thread and language: building one loads ICU and Snowball state.
      thread_local std::map<Language, Tokenizer> tokenizers;
      auto it = tokenizers.find(out.language);
      if (it == tokenizers.end()) {
        TokenizeOptions to;
        to.language = out.language;
        it = tokenizers.emplace(out.language, Tokenizer(to)).first;
      }
      std::vector<std::string> terms;
      std::unordered_set<std::string> seen;
      for (const auto& doc : cluster.documents) {
        it->second.terms(countable_text(doc, options.clean), terms);
        seen.clear();
        for (auto& t : terms)
          if (seen.insert(t).second) ++out.df[t];
        ++out.documents;
      }
      out.ok = true;
    } catch (const std::exception&) {
      // The cluster fails again in pass 2, where it becomes an error record.
    }
    return out;
  };
  std::map<Language, IdfTable> tables;
  std::size_t done = 0;
  run_ordered<ClusterDf>(input, jobs, signals, work, [&](ClusterDf& r) {
    ++done;
    if (r.ok) {
      IdfTable& table = tables[r.language];
      table.language = r.language;
      table.documents += r.documents;
      for (auto& [term, n] : r.df) table.df[term] += n;
    }
    progress.update(done, 0);
    return true;
  });
  progress.update(done, 0, true);
  progress.clear();
  return tables;
}

void run_batch(CLI::App& cmd, SummaryFlags& flags, BatchFlags& bf) {
  flags.finalize();
  const bool to_dir = !bf.out_dir.empty();
  const bool to_stdout = !to_dir && (bf.output.empty() || bf.output == "-");
  if (!to_dir && cmd.get_option("--format")->count() > 0 && flags.format != "json")
    throw Error::usage("--format applies to --out-dir; the JSON Lines output is always JSON");
  if (bf.resume && to_stdout)
    throw Error::usage("--resume needs an output to resume into: -o FILE or --out-dir DIR");
  if (bf.batch_idf && bf.input == "-")
    throw Error::usage(
        "--batch-idf reads the input twice (document frequencies first, then the summaries): "
        "give a file or a folder, not standard input");
  std::size_t jobs = bf.jobs ? bf.jobs : available_cores();

  BatchInput input(bf.input);
  const Format format = flags.output_format();
  const bool show_progress = !bf.quiet && ::isatty(STDERR_FILENO);
  std::optional<std::size_t> total = show_progress ? input.count_clusters() : std::nullopt;

  ResumeState resume;
  if (bf.resume && !to_dir) resume = prepare_resume(bf.output);
  if (resume.dropped_partial_line && !bf.quiet)
    std::cerr << "precis: batch: " << bf.output
              << ": dropped a partial last line (an interrupted write)\n";
  if (to_dir) {
    std::error_code ec;
    fs::create_directories(bf.out_dir, ec);
    if (ec) throw Error(bf.out_dir + ": cannot create: " + ec.message());
  }

  int out_fd = STDOUT_FILENO;
  std::string out_name = "standard output";
  if (!to_dir && !to_stdout) {
    out_fd = ::open(bf.output.c_str(),
                    O_WRONLY | O_CREAT | O_CLOEXEC | (bf.resume ? O_APPEND : O_TRUNC), 0666);
    if (out_fd < 0) throw Error(bf.output + ": cannot open: " + std::strerror(errno));
    out_name = bf.output;
  }
  struct Closer {
    int fd;
    ~Closer() {
      if (fd != STDOUT_FILENO) ::close(fd);
    }
  } closer{out_fd};

  SignalWatcher signals;

  // Pass 1 (--batch-idf): one table per language over every document of the batch, shared
  // read-only by all workers in pass 2.
  std::map<Language, IdfTable> batch_tables;
  if (bf.batch_idf) {
    Progress p1(show_progress, total, "batch-idf");
    batch_tables = batch_document_frequencies(input, flags.options, jobs, signals, p1);
  }

  const SummarizeOptions& base = flags.options;
  std::function<BatchResult(BatchItem&)> work = [&](BatchItem& item) {
    BatchResult r;
    r.line = item.line;
    std::string rendered;
    std::string file;
    try {
      Cluster cluster = parse_cluster(item);
      r.id = cluster.id;
      if (to_dir) {
        check_file_name(cluster);
        file = (fs::path(bf.out_dir) / (*cluster.id + format_extension(format))).string();
        std::error_code ec;
        if (bf.resume && fs::exists(file, ec)) {
          r.skipped = true;
          return r;
        }
      } else if (bf.resume && resume.done(cluster)) {
        r.skipped = true;
        return r;
      }
      read_documents(cluster);
      SummarizeOptions options = apply_overrides(base, cluster);
      if (bf.batch_idf) {
        options.language = cluster_language(cluster, options);
        auto it = batch_tables.find(*options.language);
        if (it != batch_tables.end()) options.idf = &it->second;
      }
      Summary summary = summarize(cluster.documents, options);
      r.warnings = std::move(cluster.warnings);
      r.warnings.insert(r.warnings.end(), summary.warnings.begin(), summary.warnings.end());
      if (to_dir) {
        rendered = render(summary, options, format, false);
      } else {
        r.record = summary_record(*cluster.id, summary_to_json(summary, options));
      }
    } catch (const ClusterError& e) {
      // An earlier run's record of this failure is found by id, or by line when the line had
      // none (not JSON): either way it is not written twice.
      if (bf.resume && !to_dir &&
          (e.id() ? resume.ids.count(*e.id()) > 0 : resume.lines_without_id.count(r.line) > 0)) {
        r.skipped = true;
        return r;
      }
      r.failed = true;
      r.id = e.id();
      r.error = e.what();
    } catch (const std::bad_alloc&) {
      r.failed = true;
      r.error = "out of memory";
    } catch (const std::exception& e) {
      // precis::Error from summarize (no sentence in any document, ...) and anything else that
      // concerns this cluster only.
      r.failed = true;
      r.error = e.what();
    }
    if (r.failed) {
      if (!to_dir) r.record = error_record(r.id, r.line, r.error);
      return r;
    }
    // Outside the per-cluster catch: a full disk is the batch's failure, not the cluster's.
    if (to_dir) write_output(file, rendered);
    return r;
  };

  Progress progress(show_progress, total, "batch");
  std::size_t done = 0, failed = 0, skipped = 0;
  bool stopped_on_failure = false;
  std::string first_failure;
  run_ordered<BatchResult>(input, jobs, signals, work, [&](BatchResult& r) {
    if (r.skipped) {
      ++skipped;
      progress.update(done + skipped, failed);
      return true;
    }
    ++done;
    if (!bf.quiet && (!r.warnings.empty() || r.failed)) {
      progress.clear();
      std::string where = "line " + std::to_string(r.line) + (r.id ? " (" + *r.id + ")" : "");
      for (const auto& w : r.warnings)
        std::cerr << "precis: warning: " << where << ": " << w << "\n";
      if (r.failed) std::cerr << "precis: batch: " << where << ": " << r.error << "\n";
    }
    // One write() per line (looping only on a short write), so that a reader of the file, GNU
    // parallel --line-buffer or a crash never sees half a record followed by another one.
    if (!r.record.empty()) write_fully(out_fd, r.record, out_name);
    progress.update(done + skipped, failed);
    if (r.failed) {
      ++failed;
      if (bf.fail_fast) {
        stopped_on_failure = true;
        first_failure = "line " + std::to_string(r.line) + ": " + r.error;
        return false;
      }
    }
    return true;
  });
  progress.update(done + skipped, failed, true);
  progress.clear();

  std::string counts = std::to_string(done) + " clusters, " + std::to_string(failed) + " failed";
  if (skipped) counts += ", " + std::to_string(skipped) + " skipped (already done)";
  if (int sig = signals.signal()) {
    std::cerr << "precis: batch: interrupted by " << (sig == SIGINT ? "SIGINT" : "SIGTERM")
              << " after " << counts << "; every finished cluster was written"
              << (bf.resume || to_dir || !to_stdout ? "; run again with --resume to continue" : "")
              << "\n";
    throw ExitRequest{128 + sig};
  }
  if (stopped_on_failure) {
    std::cerr << "precis: batch: stopped at the first failure (--fail-fast): " << first_failure
              << "\n";
    throw ExitRequest{kExitError};
  }
  // The count line is the one thing --quiet keeps, and only when something failed.
  if (!bf.quiet || failed) std::cerr << "precis: batch: " << counts << "\n";
  if (failed) throw ExitRequest{kExitPartial};
}

}  // namespace

void setup_batch(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "batch",
      "Summarize many clusters: a folder of cluster folders, or JSON Lines (one cluster a line), "
      "in parallel; one JSON line per cluster, in input order");
  auto flags = std::make_shared<SummaryFlags>();
  auto bf = std::make_shared<BatchFlags>();
  cmd->add_option("input", bf->input,
                  "A folder whose sub-folders are the clusters, or a JSONL file ('-' = standard "
                  "input) with one {\"id\", \"documents\"|\"paths\"} object a line")
      ->required();
  auto* output = cmd->add_option("-o,--output", bf->output,
                                 "Write the JSON Lines to FILE instead of standard output");
  cmd->add_option("--out-dir", bf->out_dir,
                  "Write one file per cluster (<id>.txt/.md/.json after --format) in DIR instead "
                  "of JSON Lines")
      ->excludes(output);
  cmd->add_option("-j,--jobs", bf->jobs,
                  "Worker threads (default: every core this process may use)")
      ->check(whole_number(1));
  cmd->add_flag("--fail-fast", bf->fail_fast,
                "Stop at the first cluster that fails (exit code 1) instead of recording the "
                "error and going on");
  cmd->add_flag("--resume", bf->resume,
                "Skip the clusters already in the -o FILE (or --out-dir) of an interrupted run "
                "and append the others");
  cmd->add_flag("-q,--quiet", bf->quiet, "No progress line and no warnings on standard error");
  auto* batch_idf = cmd->add_flag(
      "--batch-idf", bf->batch_idf,
      "Compute document frequencies over every document of the batch in a first pass and share "
      "them (reads the input twice: a file or a folder, not standard input)");
  add_summary_flags(*cmd, *flags);
  flags->options.threads = 1;  // batch runs clusters in parallel itself, one thread each
  batch_idf->excludes(cmd->get_option("--idf"));
  cmd->callback([cmd, flags, bf] { run_batch(*cmd, *flags, *bf); });
}

}  // namespace precis::cli
