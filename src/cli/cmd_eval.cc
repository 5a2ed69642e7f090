// precis eval --refs REFS SYSTEM: ROUGE scores of system summaries against human references, in
// ROUGE-1.5.5's exact compatible mode (--compat rouge155) or precis's Unicode mode (the default).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/output.h"
#include "precis/error.h"
#include "precis/language.h"
#include "precis/rouge.h"
#include "precis/tokenize.h"

namespace precis::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kDefaultRougeArgs = "-n 4 -w 1.2 -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -a";

struct EvalCommand {
  std::string system;
  std::string refs;
  std::string manifest;
  std::string compat = "unicode";
  std::string rouge_args = kDefaultRougeArgs;
  std::string lang = "auto";
  std::string format = "table";
  std::string output;
  std::string peer_id = "S";
  std::string baseline;  // a second system to compare with, same form as `system`
  bool per_cluster = false;
  bool stem = false;
  bool remove_stopwords = false;
};

// One cluster to score: the system summary and its references, as lists of lines.
struct Cluster {
  std::string id;
  std::string system_source;  // file (or JSONL line) named in messages
  std::vector<std::string> system;
  std::vector<std::string> reference_files;
  std::vector<std::vector<std::string>> references;
};

// Reads a file whole; a precis::Error naming it when it cannot.
std::string read_file(const fs::path& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot read " + what + " " + path.string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw Error("cannot read " + what + " " + path.string());
  return buffer.str();
}

// One sentence per line, as ROUGE-1.5.5 reads a summary; the final newline ends the last line.
std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool blank(const std::vector<std::string>& lines) {
  for (const auto& line : lines) {
    if (line.find_first_not_of(" \t\r\f\v") != std::string::npos) return false;
  }
  return true;
}

std::vector<std::string> read_reference(const fs::path& path) {
  auto lines = split_lines(read_file(path, "reference"));
  if (blank(lines)) throw Error("empty reference file " + path.string());
  return lines;
}

// REFS/<cluster>/refs/*.txt, clusters in name order. A folder with docs/ but no references is an
// error (the set is incomplete); folders with neither (systems/, published/) are not clusters.
std::map<std::string, Cluster> read_reference_set(const std::string& refs) {
  std::error_code ec;
  if (!fs::is_directory(refs, ec)) throw Error("reference folder not found: " + refs);
  std::map<std::string, Cluster> clusters;
  for (const auto& entry : fs::directory_iterator(refs, ec)) {
    if (!entry.is_directory()) continue;
    const fs::path dir = entry.path();
    const fs::path ref_dir = dir / "refs";
    const bool has_refs = fs::is_directory(ref_dir, ec);
    if (!has_refs) {
      if (fs::is_directory(dir / "docs", ec)) {
        throw Error("cluster without references: " + dir.string() + " has no refs/ folder");
      }
      continue;
    }
    Cluster cluster;
    cluster.id = dir.filename().string();
    std::vector<fs::path> files;
    for (const auto& f : fs::directory_iterator(ref_dir, ec)) {
      if (f.is_regular_file() && f.path().extension() == ".txt") files.push_back(f.path());
    }
    if (files.empty()) {
      throw Error("cluster without references: no *.txt file in " + ref_dir.string());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      cluster.reference_files.push_back(f.string());
      cluster.references.push_back(read_reference(f));
    }
    clusters.emplace(cluster.id, std::move(cluster));
  }
  if (ec) throw Error("cannot list " + refs + ": " + ec.message());
  if (clusters.empty()) {
    throw Error("no cluster with references in " + refs + " (expected <cluster>/refs/*.txt)");
  }
  return clusters;
}

// `precis batch` output: one JSON object a line with "id" and the summary, as "sentences"
// ([{"text"}], one per summary sentence) or "summary" (one string, a sentence a line).
std::map<std::string, std::pair<std::string, std::vector<std::string>>> read_system_jsonl(
    const std::string& path, std::vector<std::string>& warnings) {
  std::map<std::string, std::pair<std::string, std::vector<std::string>>> systems;
  const std::string text = read_file(path, "system file");
  std::size_t line_number = 0;
  for (const std::string& line : split_lines(text)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = path + ":" + std::to_string(line_number);
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      throw Error("unreadable system file " + where + ": not JSON (" + e.what() + ")");
    }
    if (!j.is_object() || !j.contains("id") || !j["id"].is_string()) {
      throw Error("unreadable system file " + where + ": no string \"id\"");
    }
    const std::string id = j["id"];
    std::vector<std::string> sentences;
    if (j.contains("sentences") && j["sentences"].is_array()) {
      for (const auto& s : j["sentences"]) {
        if (s.is_object() && s.contains("text") && s["text"].is_string()) {
          sentences.push_back(s["text"]);
        } else if (s.is_string()) {
          sentences.push_back(s.get<std::string>());
        }
      }
    } else if (j.contains("summary") && j["summary"].is_string()) {
      sentences = split_lines(j["summary"].get<std::string>());
    } else if (j.contains("error")) {
      warnings.push_back("cluster " + id + ": the batch failed (" + j["error"].dump() +
                         "); scored as an empty summary");
    } else {
      throw Error("unreadable system file " + where + ": no \"sentences\" or \"summary\"");
    }
    // A summary sentence may span lines in the source; ROUGE reads one per line.
    for (auto& s : sentences) std::replace(s.begin(), s.end(), '\n', ' ');
    if (!systems.emplace(id, std::make_pair(where, std::move(sentences))).second) {
      throw Error("system file " + where + ": cluster " + id + " appears twice");
    }
  }
  return systems;
}

// The clusters of `clusters` (read_reference_set(refs)) with the summaries of `system`: a folder
// of <cluster>.txt or a precis batch JSONL file.
std::vector<Cluster> gather_from_folders(std::map<std::string, Cluster> clusters,
                                         const std::string& refs, const std::string& system,
                                         std::vector<std::string>& warnings) {
  std::error_code ec;
  const bool jsonl = fs::is_regular_file(system, ec);
  if (!jsonl && !fs::is_directory(system, ec)) {
    throw Error("system summaries not found: " + system +
                " (a folder of <cluster>.txt files or a precis batch JSONL file)");
  }
  if (jsonl) {
    auto systems = read_system_jsonl(system, warnings);
    for (auto& [id, source_and_sentences] : systems) {
      auto it = clusters.find(id);
      if (it == clusters.end()) {
        throw Error("cluster without references: " + id + " (" + source_and_sentences.first +
                    ") has no " + (fs::path(refs) / id / "refs").string());
      }
      it->second.system_source = source_and_sentences.first;
      it->second.system = std::move(source_and_sentences.second);
    }
    for (auto& [id, cluster] : clusters) {
      if (cluster.system_source.empty()) {
        throw Error("no system summary for cluster " + id + " in " + system);
      }
    }
  } else {
    for (auto& [id, cluster] : clusters) {
      const fs::path file = fs::path(system) / (id + ".txt");
      if (!fs::exists(file, ec)) {
        throw Error("no system summary for cluster " + id + ": " + file.string() + " not found");
      }
      cluster.system_source = file.string();
      cluster.system = split_lines(read_file(file, "system file"));
    }
    for (const auto& entry : fs::directory_iterator(system, ec)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
      const std::string id = entry.path().stem().string();
      if (!clusters.count(id)) {
        throw Error("cluster without references: " + entry.path().string() + " has no " +
                    (fs::path(refs) / id / "refs").string());
      }
    }
  }
  std::vector<Cluster> out;
  for (auto& [id, cluster] : clusters) out.push_back(std::move(cluster));
  return out;
}

// id<TAB>system<TAB>ref...; paths relative to the manifest's folder; '#' starts a comment.
std::vector<Cluster> gather_from_manifest(const std::string& manifest) {
  const std::string text = read_file(manifest, "manifest");
  const fs::path base = fs::path(manifest).parent_path();
  std::vector<Cluster> clusters;
  std::set<std::string> seen;
  std::size_t line_number = 0;
  for (std::string line : split_lines(text)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
      const std::size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    const std::string where = manifest + ":" + std::to_string(line_number);
    if (fields.size() < 2 || fields[0].empty()) {
      throw Error("manifest " + where + ": expected id<TAB>system<TAB>reference...");
    }
    if (fields.size() < 3) throw Error("cluster without references: " + where);
    if (!seen.insert(fields[0]).second) {
      throw Error("manifest " + where + ": cluster " + fields[0] + " appears twice");
    }
    auto resolve = [&](const std::string& p) {
      const fs::path path(p);
      return (path.is_absolute() ? path : base / path).string();
    };
    Cluster cluster;
    cluster.id = fields[0];
    cluster.system_source = resolve(fields[1]);
    cluster.system = split_lines(read_file(cluster.system_source, "system file"));
    for (std::size_t i = 2; i < fields.size(); ++i) {
      if (fields[i].empty()) continue;
      cluster.reference_files.push_back(resolve(fields[i]));
      cluster.references.push_back(read_reference(cluster.reference_files.back()));
    }
    if (cluster.references.empty()) throw Error("cluster without references: " + where);
    clusters.push_back(std::move(cluster));
  }
  if (clusters.empty()) throw Error("manifest " + manifest + " lists no cluster");
  return clusters;
}

// --lang auto: the language of the references (they are the same for every system).
Language language_of(const EvalCommand& cmd, const std::vector<Cluster>& clusters) {
  if (cmd.lang != "auto") return parse_language(cmd.lang);
  std::string sample;
  for (const Cluster& c : clusters) {
    for (const auto& reference : c.references) {
      for (const auto& line : reference) {
        sample += line;
        sample += '\n';
      }
    }
    if (sample.size() > 20000) break;
  }
  return detect_language(sample);
}

RougeOptions options_of(const EvalCommand& cmd, Language language) {
  RougeOptions base;
  base.mode = cmd.compat == "rouge155" ? RougeMode::Rouge155 : RougeMode::Unicode;
  base.language = language;
  RougeOptions options = parse_rouge_args(cmd.rouge_args, base);
  if (cmd.stem) options.stem = true;
  if (cmd.remove_stopwords) options.remove_stopwords = true;
  return options;
}

std::string mode_description(const RougeOptions& o) {
  if (o.mode == RougeMode::Rouge155) {
    return "rouge155 (ROUGE-1.5.5 compatible: ASCII tokens" +
           std::string(o.stem ? ", Porter stems" : "") +
           (o.remove_stopwords ? ", SMART stopwords removed" : "") + ")";
  }
  return std::string("unicode (not comparable with ROUGE-1.5.5 figures: Unicode tokens, ") +
         std::string(language_code(o.language)) + (o.stem ? ", Snowball stems" : "") +
         (o.remove_stopwords ? ", stopwords removed" : "") + ")";
}

std::string confidence_text(double confidence) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", confidence);
  return buffer;
}

std::string interval(double lower, double upper) {
  return rouge_format(lower) + " - " + rouge_format(upper);
}

struct Results {
  RougeOptions options;
  std::vector<Cluster> clusters;
  std::vector<RougeInstance> instances;  // same order as clusters
  std::vector<RougeCorpusScore> corpus;
  std::vector<std::string> warnings;
  // With --baseline: its corpus averages (for CSV), and the paired comparison.
  std::vector<RougeCorpusScore> baseline_corpus;
  std::vector<RougeComparison> comparison;
};

std::string signed_figure(double value) {
  return (value < 0 ? "-" : "+") + rouge_format(std::fabs(value));
}

std::string tally(const RougeDifference& d) {
  return std::to_string(d.wins) + "/" + std::to_string(d.ties) + "/" + std::to_string(d.losses);
}

std::string render_comparison_table(const EvalCommand& cmd, const Results& r) {
  std::ostringstream out;
  out << "\ncompared with the baseline " << cmd.baseline << ": plain means over the "
      << r.clusters.size() << " clusters, and the " << confidence_text(r.options.confidence)
      << "% interval of the difference (paired bootstrap, " << r.options.resamples
      << " resamples)\n";
  char line[320];
  std::snprintf(line, sizeof line, "%-14s %-7s %-8s %-10s %-19s %-7s %-8s %s\n", "metric", "system",
                "baseline", "difference", "interval", "above 0", "W/T/L", "verdict");
  out << line;
  for (const auto& c : r.comparison) {
    const std::pair<const char*, const RougeDifference*> rows[] = {{"R", &c.recall}, {"F", &c.f}};
    for (const auto& [component, d] : rows) {
      const std::string metric = c.metric + " " + component;
      std::snprintf(line, sizeof line, "%-14s %s %s  %s   %s - %s %-7.3f %-8s %s\n", metric.c_str(),
                    rouge_format(d->system).c_str(), rouge_format(d->baseline).c_str(),
                    signed_figure(d->difference).c_str(), signed_figure(d->lower).c_str(),
                    signed_figure(d->upper).c_str(), d->share_above, tally(*d).c_str(),
                    std::string(rouge_verdict_name(rouge_verdict(*d))).c_str());
      out << line;
    }
  }
  return out.str();
}

std::string render_table(const EvalCommand& cmd, const Results& r) {
  std::ostringstream out;
  const std::string confidence = confidence_text(r.options.confidence);
  out << "mode: " << mode_description(r.options) << "\n";
  out << "ROUGE flags: " << rouge_args_string(r.options) << "\n";
  out << "clusters: " << r.clusters.size() << "; average of " << r.options.resamples
      << " bootstrap resamples, " << confidence << "% interval\n\n";
  char line[256];
  std::snprintf(line, sizeof line, "%-12s %-7s %-7s %-7s  %-17s  %-17s  %s\n", "metric", "R", "P",
                "F", "R interval", "P interval", "F interval");
  out << line;
  for (const auto& s : r.corpus) {
    std::snprintf(line, sizeof line, "%-12s %s %s %s  %s  %s  %s\n", s.metric.c_str(),
                  rouge_format(s.average.recall).c_str(), rouge_format(s.average.precision).c_str(),
                  rouge_format(s.average.f).c_str(),
                  interval(s.lower.recall, s.upper.recall).c_str(),
                  interval(s.lower.precision, s.upper.precision).c_str(),
                  interval(s.lower.f, s.upper.f).c_str());
    out << line;
  }
  if (cmd.per_cluster) {
    out << "\nper cluster:\n";
    std::snprintf(line, sizeof line, "%-20s %-12s %-7s %-7s %-7s\n", "cluster", "metric", "R", "P",
                  "F");
    out << line;
    for (std::size_t c = 0; c < r.clusters.size(); ++c) {
      for (const auto& m : r.instances[c].metrics) {
        std::snprintf(line, sizeof line, "%-20s %-12s %s %s %s\n", r.clusters[c].id.c_str(),
                      m.metric.c_str(), rouge_format(m.score.recall).c_str(),
                      rouge_format(m.score.precision).c_str(), rouge_format(m.score.f).c_str());
        out << line;
      }
    }
  }
  if (!r.comparison.empty()) out << render_comparison_table(cmd, r);
  return out.str();
}

// The lines ROUGE-1.5.5 prints (-a, and -d for --per-cluster), so that scripts parsing its output
// keep working. The first line says which mode produced them.
std::string render_rouge(const EvalCommand& cmd, const Results& r) {
  std::ostringstream out;
  const std::string peer = cmd.peer_id;
  const std::string confidence = confidence_text(r.options.confidence);
  out << "# precis eval, mode " << mode_description(r.options) << ", flags "
      << rouge_args_string(r.options) << "\n";
  for (std::size_t m = 0; m < r.corpus.size(); ++m) {
    const auto& s = r.corpus[m];
    out << "---------------------------------------------\n";
    const char* names[3] = {"R", "P", "F"};
    const double avg[3] = {s.average.recall, s.average.precision, s.average.f};
    const double lo[3] = {s.lower.recall, s.lower.precision, s.lower.f};
    const double hi[3] = {s.upper.recall, s.upper.precision, s.upper.f};
    for (int k = 0; k < 3; ++k) {
      out << peer << " " << s.metric << " Average_" << names[k] << ": " << rouge_format(avg[k])
          << " (" << confidence << "%-conf.int. " << rouge_format(lo[k]) << " - "
          << rouge_format(hi[k]) << ")\n";
    }
    out << ".............................................\n";
    if (cmd.per_cluster) {
      for (std::size_t c = 0; c < r.clusters.size(); ++c) {
        const auto& score = r.instances[c].metrics[m].score;
        out << peer << " " << s.metric << " Eval " << r.instances[c].id
            << " R:" << rouge_format(score.recall) << " P:" << rouge_format(score.precision)
            << " F:" << rouge_format(score.f) << "\n";
      }
    }
  }
  return out.str();
}

// One CSV row of corpus averages and intervals; `scope` is "average" or "baseline".
void csv_corpus_row(std::ostream& out, const std::string& mode, const char* scope,
                    const RougeCorpusScore& s) {
  out << mode << "," << scope << "," << s.metric << "," << rouge_format(s.average.recall) << ","
      << rouge_format(s.average.precision) << "," << rouge_format(s.average.f) << ","
      << rouge_format(s.lower.recall) << "," << rouge_format(s.upper.recall) << ","
      << rouge_format(s.lower.precision) << "," << rouge_format(s.upper.precision) << ","
      << rouge_format(s.lower.f) << "," << rouge_format(s.upper.f) << "\n";
}

std::string render_csv(const EvalCommand& cmd, const Results& r) {
  std::ostringstream out;
  const std::string mode(rouge_mode_name(r.options.mode));
  out << "mode,scope,metric,R,P,F,R_low,R_high,P_low,P_high,F_low,F_high\n";
  for (const auto& s : r.corpus) csv_corpus_row(out, mode, "average", s);
  // With --baseline: its averages, then the paired differences with their intervals.
  for (const auto& s : r.baseline_corpus) csv_corpus_row(out, mode, "baseline", s);
  for (const auto& c : r.comparison) {
    out << mode << ",difference," << c.metric << "," << signed_figure(c.recall.difference) << ","
        << signed_figure(c.precision.difference) << "," << signed_figure(c.f.difference) << ","
        << signed_figure(c.recall.lower) << "," << signed_figure(c.recall.upper) << ","
        << signed_figure(c.precision.lower) << "," << signed_figure(c.precision.upper) << ","
        << signed_figure(c.f.lower) << "," << signed_figure(c.f.upper) << "\n";
  }
  if (cmd.per_cluster) {
    for (std::size_t c = 0; c < r.clusters.size(); ++c) {
      std::string id = r.clusters[c].id;
      if (id.find_first_of(",\"\n") != std::string::npos) {
        std::string quoted = "\"";
        for (char ch : id) {
          if (ch == '"') quoted += '"';
          quoted += ch;
        }
        id = quoted + "\"";
      }
      for (const auto& m : r.instances[c].metrics) {
        out << mode << "," << id << "," << m.metric << "," << rouge_format(m.score.recall) << ","
            << rouge_format(m.score.precision) << "," << rouge_format(m.score.f) << ",,,,,,\n";
      }
    }
  }
  return out.str();
}

double figure(double value) {
  // JSON numbers carry the printed 5-decimal figure, not the binary value behind it.
  return std::strtod(rouge_format(value).c_str(), nullptr);
}

nlohmann::json score_json(const RougeScore& s) {
  return {{"R", figure(s.recall)}, {"P", figure(s.precision)}, {"F", figure(s.f)}};
}

std::string render_json(const EvalCommand& cmd, const Results& r) {
  using nlohmann::json;
  json metrics = json::array();
  for (const auto& s : r.corpus) {
    json m = score_json(s.average);
    m["metric"] = s.metric;
    m["R_ci"] = {figure(s.lower.recall), figure(s.upper.recall)};
    m["P_ci"] = {figure(s.lower.precision), figure(s.upper.precision)};
    m["F_ci"] = {figure(s.lower.f), figure(s.upper.f)};
    m["plain_mean"] = score_json(s.plain_mean);
    metrics.push_back(std::move(m));
  }
  json result = {{"mode", std::string(rouge_mode_name(r.options.mode))},
                 {"mode_description", mode_description(r.options)},
                 {"rouge_flags", rouge_args_string(r.options)},
                 {"clusters", r.clusters.size()},
                 {"confidence", r.options.confidence},
                 {"resamples", r.options.resamples},
                 {"metrics", std::move(metrics)}};
  if (r.options.mode == RougeMode::Unicode) {
    result["language"] = std::string(language_code(r.options.language));
  }
  if (cmd.per_cluster) {
    json clusters = json::array();
    for (std::size_t c = 0; c < r.clusters.size(); ++c) {
      json scores = json::object();
      for (const auto& m : r.instances[c].metrics) {
        json s = score_json(m.score);
        s["hit"] = m.hit;
        s["model"] = m.model;
        s["peer"] = m.peer;
        scores[m.metric] = std::move(s);
      }
      clusters.push_back({{"id", r.clusters[c].id},
                          {"system", r.clusters[c].system_source},
                          {"references", r.clusters[c].reference_files},
                          {"scores", std::move(scores)}});
    }
    result["per_cluster"] = std::move(clusters);
  }
  if (!r.comparison.empty()) {
    json compared = json::array();
    for (const auto& c : r.comparison) {
      auto difference = [](const RougeDifference& d) {
        return json{{"system", figure(d.system)},
                    {"baseline", figure(d.baseline)},
                    {"difference", figure(d.difference)},
                    {"ci", {figure(d.lower), figure(d.upper)}},
                    {"share_above_zero", figure(d.share_above)},
                    {"wins", d.wins},
                    {"ties", d.ties},
                    {"losses", d.losses},
                    {"verdict", std::string(rouge_verdict_name(rouge_verdict(d)))}};
      };
      compared.push_back({{"metric", c.metric},
                          {"R", difference(c.recall)},
                          {"P", difference(c.precision)},
                          {"F", difference(c.f)}});
    }
    result["baseline"] = {{"system", cmd.baseline}, {"metrics", std::move(compared)}};
  }
  result["warnings"] = r.warnings;
  return result.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

void run_eval(const EvalCommand& cmd) {
  if (cmd.manifest.empty() == cmd.refs.empty()) {
    throw Error::usage("eval: give --refs REFS SYSTEM, or --manifest FILE");
  }
  if (!cmd.refs.empty() && cmd.system.empty()) {
    throw Error::usage("eval: the SYSTEM summaries (folder or JSONL file) are missing");
  }
  if (!cmd.manifest.empty() && !cmd.system.empty()) {
    throw Error::usage("eval: with --manifest, give no SYSTEM argument (the manifest names them)");
  }
  if (!cmd.baseline.empty() && cmd.refs.empty()) {
    throw Error::usage("eval: --baseline needs --refs (a manifest names one system per cluster)");
  }
  if (!cmd.baseline.empty() && cmd.format == "rouge") {
    throw Error::usage(
        "eval: --baseline is not available with --format rouge (ROUGE-1.5.5 prints no "
        "comparison): use table, json or csv");
  }
  Results r;
  // Flags first: a usage error must not wait for the files to be read.
  r.options = options_of(cmd, Language::French);
  std::vector<Cluster> baseline_clusters;
  if (cmd.manifest.empty()) {
    std::map<std::string, Cluster> references = read_reference_set(cmd.refs);
    // The references are copied only when the baseline needs them again.
    r.clusters = gather_from_folders(cmd.baseline.empty() ? std::move(references) : references,
                                     cmd.refs, cmd.system, r.warnings);
    if (!cmd.baseline.empty())
      baseline_clusters =
          gather_from_folders(std::move(references), cmd.refs, cmd.baseline, r.warnings);
  } else {
    r.clusters = gather_from_manifest(cmd.manifest);
  }
  r.options.language = language_of(cmd, r.clusters);

  RougeScorer scorer(r.options);
  auto score_all = [&](const std::vector<Cluster>& clusters, const char* what) {
    std::vector<RougeInstance> instances;
    for (const Cluster& cluster : clusters) {
      if (blank(cluster.system)) {
        r.warnings.push_back("cluster " + cluster.id + ": empty " + what + " summary (" +
                             cluster.system_source + "), scored 0 as ROUGE-1.5.5 does");
      }
      RougeInstance instance;
      // ROUGE-1.5.5 orders its bootstrap by "<evalID>.<peerID>"; spelling the ids the same way
      // keeps the averages identical to its own.
      instance.id = cluster.id + "." + cmd.peer_id;
      instance.metrics = scorer.score(cluster.system, cluster.references);
      for (const auto& m : instance.metrics) {
        if (!m.error.empty()) {
          throw Error("cluster " + cluster.id + ": " + m.error +
                      "; a reference has no token left after preprocessing (drop -w, or -s)");
        }
      }
      instances.push_back(std::move(instance));
    }
    return instances;
  };
  r.instances = score_all(r.clusters, "system");
  r.corpus = rouge_corpus(r.instances, r.options);
  if (!cmd.baseline.empty()) {
    const std::vector<RougeInstance> baseline = score_all(baseline_clusters, "baseline");
    if (cmd.format == "csv") r.baseline_corpus = rouge_corpus(baseline, r.options);
    r.comparison = rouge_compare(r.instances, baseline, r.options);
  }

  print_warnings(r.warnings);
  std::string text;
  if (cmd.format == "json") {
    text = render_json(cmd, r);
  } else if (cmd.format == "csv") {
    text = render_csv(cmd, r);
  } else if (cmd.format == "rouge") {
    text = render_rouge(cmd, r);
  } else {
    text = render_table(cmd, r);
  }
  write_output(cmd.output, text);
}

}  // namespace

void setup_eval(CLI::App& app) {
  auto cmd = std::make_shared<EvalCommand>();
  auto* sub = app.add_subcommand(
      "eval",
      "Score system summaries with ROUGE against human references (ROUGE-1.5.5 compatible or "
      "Unicode)");
  sub->add_option("system", cmd->system,
                  "System summaries: a folder of <cluster>.txt files (one sentence per line) or "
                  "the JSONL file written by precis batch");
  sub->add_option("--refs", cmd->refs,
                  "Reference set: a folder of <cluster>/refs/*.txt (one reference per file)");
  sub->add_option("--manifest", cmd->manifest,
                  "Instead of --refs: a file of lines id<TAB>system<TAB>reference... (paths "
                  "relative to the manifest)");
  sub->add_option("--compat", cmd->compat,
                  "unicode: letters and digits of any script, Unicode lower case, elisions "
                  "split (default; for French). rouge155: exactly ROUGE-1.5.5 (ASCII tokens), "
                  "the only mode comparable with published ROUGE figures")
      ->capture_default_str()
      ->check(CLI::IsMember({"unicode", "rouge155"}));
  sub->add_option("--rouge-args", cmd->rouge_args,
                  "ROUGE-1.5.5 flags: -n N -m -s -l WORDS -b BYTES -2 GAP -u -U -w WEIGHT "
                  "-f A|B -p ALPHA -c CONF -r RESAMPLES -x (-a -d -t 0 -e -z accepted)")
      ->capture_default_str();
  sub->add_flag("--stem", cmd->stem,
                "Stem tokens (-m: rouge155 uses ROUGE's Porter, unicode the Snowball stemmer of "
                "--lang)");
  sub->add_flag("--remove-stopwords", cmd->remove_stopwords,
                "Remove stopwords (-s: rouge155 uses the SMART list, unicode precis's list of "
                "--lang)");
  sub->add_option("--lang", cmd->lang,
                  "Language of the summaries (unicode mode: stemmer, stopwords): auto (from the "
                  "references), fr or en")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "fr", "en"}, CLI::ignore_case));
  sub->add_flag("--per-cluster", cmd->per_cluster, "Also print each cluster's scores");
  sub->add_option("--format", cmd->format,
                  "table, json, csv, or rouge (ROUGE-1.5.5's own output lines)")
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "json", "csv", "rouge"}));
  sub->add_option("-o,--output", cmd->output, "Write to FILE (atomically) instead of stdout");
  sub->add_option("--peer-id", cmd->peer_id,
                  "Peer id of the instances \"<cluster>.<peer>\" (ROUGE-1.5.5 sorts them before "
                  "resampling)")
      ->capture_default_str();
  sub->add_option("--baseline", cmd->baseline,
                  "Compare with a second system on the same clusters (same forms as SYSTEM): "
                  "the difference per metric with its paired-bootstrap interval, and a verdict");
  sub->callback([cmd]() { run_eval(*cmd); });
}

}  // namespace precis::cli
