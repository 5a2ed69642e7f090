#include "cli/summary_flags.h"

#include <cmath>
#include <sstream>

#include "precis/error.h"

namespace precis::cli {

CLI::Validator whole_number(std::size_t minimum) {
  return CLI::Validator(
      [minimum](const std::string& value) -> std::string {
        const bool digits = !value.empty() && value.size() <= 18 &&
                            value.find_first_not_of("0123456789") == std::string::npos;
        if (digits && std::stoull(value) >= minimum) return {};
        return "'" + value + "' is not a whole number" +
               (minimum == 0 ? std::string(" (0 or more)")
                             : " of at least " + std::to_string(minimum));
      },
      minimum == 0 ? "COUNT" : "N>=" + std::to_string(minimum));
}

void add_summary_flags(CLI::App& command, SummaryFlags& flags, bool with_threads) {
  SummarizeOptions& o = flags.options;
  command.add_option("--lang", flags.lang, "Language: auto, fr or en")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "fr", "en"}, CLI::ignore_case));
  auto* words = command.add_option("--words", flags.words,
                                   "Budget in words (whitespace-separated, as ROUGE -l counts); "
                                   "the default budget is 100 words");
  auto* bytes = command.add_option(
      "--bytes", flags.bytes, "Budget in UTF-8 bytes of the summary text, joining spaces included");
  auto* sentences = command.add_option("--sentences", flags.sentences, "Budget in sentences");
  words->excludes(bytes)->excludes(sentences);
  bytes->excludes(sentences);
  for (auto* b : {words, bytes, sentences}) b->check(whole_number(1));
  command.add_option("--order", flags.order, "Sentence order: source (document, position) or rank")
      ->capture_default_str()
      ->check(CLI::IsMember({"source", "rank"}));
  command
      .add_option("--selector", flags.selector,
                  "mmr: LexRank + MMR; lead: first sentences of each document in turn "
                  "(the news baseline)")
      ->capture_default_str()
      ->check(CLI::IsMember({"mmr", "lead"}));
  command.add_option("--lambda", o.lambda, "MMR trade-off: 1 = salience only, 0 = diversity only")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  command
      .add_option("--position-weight", o.position_weight,
                  "Weight of the position prior (1/sqrt(1+position)) in the salience")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  command
      .add_option("--source-diversity", o.source_diversity,
                  "Penalty on a sentence for each one already taken from its source")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  command
      .add_option("--coverage", o.coverage,
                  "Concept-coverage redundancy: discount of a sentence's salience by the share "
                  "of its shared terms already in the summary (0 = plain MMR)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  command
      .add_option("--paraphrase", o.paraphrase,
                  "Skip a sentence when this share of its idf-weighted terms is in the summary "
                  "already: a restatement (1 = off)")
      ->capture_default_str()
      ->check(CLI::Range(0.01, 1.0));
  command
      .add_option("--threshold", o.threshold,
                  "LexRank edge threshold on cosine (0 = continuous LexRank)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 0.999));
  command
      .add_option("--damping", o.damping, "LexRank probability of following an edge (1 - teleport)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  command
      .add_option("--redundancy", o.redundancy,
                  "Cosine at which two sentences are near-duplicates (never both kept)")
      ->capture_default_str()
      ->check(CLI::Range(0.01, 1.0));
  command
      .add_option("--support-threshold", o.support_threshold,
                  "Cosine at which another source's sentence supports a summary sentence")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  command.add_option("--min-words", o.min_words, "Shortest selectable sentence, in words")
      ->capture_default_str()
      ->check(whole_number(0));
  command
      .add_option("--max-words", o.max_words,
                  "Longest selectable sentence, in words (0 = no limit)")
      ->capture_default_str()
      ->check(whole_number(0));
  command
      .add_option("--max-docs", o.max_docs, "Use only the first N documents of a cluster (0 = all)")
      ->capture_default_str()
      ->check(whole_number(0));
  command
      .add_option("--max-sentences-per-doc", o.max_sentences_per_doc,
                  "Use only the first N sentences of each document (0 = all)")
      ->capture_default_str()
      ->check(whole_number(0));
  command
      .add_option("--max-graph-sentences", o.max_graph_sentences,
                  "Past this many sentences in a cluster, keep the first k of each document, the "
                  "largest k that fits (0 = no limit)")
      ->capture_default_str()
      ->check(whole_number(0));
  command
      .add_option("--idf", flags.idf_path,
                  "Background document frequencies (from `precis idf build`); default: the "
                  "cluster's own documents, smoothed")
      ->check(CLI::ExistingFile);
  command.add_flag("--no-clean", flags.no_clean, "Keep boilerplate lines (no cleaning)");
  if (with_threads) {
    command
        .add_option("--threads", o.threads,
                    "Threads for cleaning, segmenting and tokenizing the documents (0 = "
                    "automatic: every core, for clusters large enough to gain); the output is the "
                    "same for any N")
        ->capture_default_str();
  }
  command.add_option("-f,--format", flags.format, "Output format: text, markdown or json")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "markdown", "json"}));
}

void SummaryFlags::finalize() {
  SummarizeOptions& o = options;
  if (words) {
    o.budget_unit = BudgetUnit::Words;
    o.budget = words;
  } else if (bytes) {
    o.budget_unit = BudgetUnit::Bytes;
    o.budget = bytes;
  } else if (sentences) {
    o.budget_unit = BudgetUnit::Sentences;
    o.budget = sentences;
  }
  o.language = lang == "auto" ? std::nullopt : std::optional<Language>(parse_language(lang));
  o.order = order == "rank" ? SentenceOrder::Rank : SentenceOrder::Source;
  o.selector = selector == "lead" ? Selector::Lead : Selector::Mmr;
  o.clean.enabled = !no_clean;
  if (!idf_path.empty() && !idf) idf = std::make_shared<IdfTable>(IdfTable::load(idf_path));
  o.idf = idf.get();
  o.validate();
}

Format SummaryFlags::output_format() const {
  if (format == "json") return Format::Json;
  if (format == "markdown") return Format::Markdown;
  return Format::Text;
}

namespace {

// Scores rounded to 6 decimals: enough to rank, and stable to print.
double rounded(double x) {
  return std::round(x * 1e6) / 1e6;
}

// Markers name the sentence's own source, then the supporting ones, most similar first. In a
// cluster of thousands of articles a common fact has dozens of supporters: the readable forms
// show the first kMaxMarkers and count the rest (JSON lists them all).
constexpr std::size_t kMaxMarkers = 10;

std::string markers(const SummarySentence& s, bool markdown) {
  std::vector<std::uint32_t> ids{s.source};
  for (const auto& sup : s.support) ids.push_back(sup.source);
  const std::size_t shown = std::min(ids.size(), kMaxMarkers);
  const std::size_t more = ids.size() - shown;
  std::ostringstream out;
  if (markdown) {
    for (std::size_t k = 0; k < shown; ++k) out << "[^" << ids[k] + 1 << "]";
    if (more) out << " (+" << more << " sources)";
    return out.str();
  }
  out << "[";
  for (std::size_t k = 0; k < shown; ++k) out << (k ? ", " : "") << ids[k] + 1;
  if (more) out << ", +" << more;
  out << "]";
  return out.str();
}

std::string render_body(const Summary& summary, bool markdown) {
  std::ostringstream out;
  // One paragraph per run of sentences from the same source: in source order that follows the
  // articles; in rank order it still separates voices.
  for (std::size_t k = 0; k < summary.sentences.size(); ++k) {
    const auto& s = summary.sentences[k];
    if (k > 0) out << (s.source == summary.sentences[k - 1].source ? " " : "\n\n");
    out << s.text << " " << markers(s, markdown);
  }
  if (!summary.sentences.empty()) out << "\n";
  return out.str();
}

}  // namespace

std::string render_text(const Summary& summary) {
  std::ostringstream out;
  out << render_body(summary, false) << "\nSources:\n";
  for (std::size_t i = 0; i < summary.sources.size(); ++i) {
    const auto& src = summary.sources[i];
    out << "[" << i + 1 << "] " << src.path;
    if (!src.part.empty()) out << " (" << src.part << ")";
    if (!src.title.empty()) out << " \xE2\x80\x94 " << src.title;
    out << "\n";
  }
  return out.str();
}

std::string render_markdown(const Summary& summary) {
  std::ostringstream out;
  out << render_body(summary, true) << "\n";
  for (std::size_t i = 0; i < summary.sources.size(); ++i) {
    const auto& src = summary.sources[i];
    out << "[^" << i + 1 << "]: ";
    if (!src.title.empty()) out << "*" << src.title << "*, ";
    out << "`" << src.path << "`";
    if (!src.part.empty()) out << " (" << src.part << ")";
    out << "\n";
  }
  return out.str();
}

// Keys in schema order (language, budget, summary, sentences, sources, options), so the output
// reads top-down; ordered_json keeps insertion order.
nlohmann::ordered_json summary_to_json(const Summary& summary, const SummarizeOptions& options) {
  using json = nlohmann::ordered_json;
  json sentences = json::array();
  for (const auto& s : summary.sentences) {
    json support = json::array();
    for (const auto& sup : s.support)
      support.push_back(
          {{"source", sup.source}, {"index", sup.index}, {"similarity", rounded(sup.similarity)}});
    sentences.push_back({{"text", s.text},
                         {"source", s.source},
                         {"index", s.index},
                         {"start", s.start},
                         {"end", s.end},
                         {"score", rounded(s.score)},
                         {"support", std::move(support)}});
  }
  json sources = json::array();
  for (std::size_t i = 0; i < summary.sources.size(); ++i) {
    const auto& src = summary.sources[i];
    json source = {{"id", i}, {"path", src.path}};
    if (!src.part.empty()) source["part"] = src.part;
    source["format"] = Document::format_name(src.format);
    source["title"] = src.title;
    source["sentences"] = src.sentences;
    sources.push_back(std::move(source));
  }
  json used_options = {
      {"lambda", options.lambda},
      {"position_weight", options.position_weight},
      {"coverage", options.coverage},
      {"paraphrase", options.paraphrase},
      {"source_diversity", options.source_diversity},
      {"threshold", options.threshold},
      {"damping", options.damping},
      {"redundancy", options.redundancy},
      {"support_threshold", options.support_threshold},
      {"min_words", options.min_words},
      {"max_words", options.max_words},
      {"order", std::string(sentence_order_name(options.order))},
      {"selector", std::string(selector_name(options.selector))},
      {"clean", options.clean.enabled},
      {"idf", options.idf ? "table" : "cluster"},
      {"max_docs", options.max_docs},
      {"max_sentences_per_doc", options.max_sentences_per_doc},
      {"max_graph_sentences", options.max_graph_sentences},
  };
  json result;
  result["language"] = std::string(language_code(summary.language));
  result["budget"] = {{"unit", std::string(budget_unit_name(summary.budget_unit))},
                      {"limit", summary.budget},
                      {"used", summary.used}};
  result["summary"] = summary.text();
  result["sentences"] = std::move(sentences);
  result["sources"] = std::move(sources);
  result["options"] = std::move(used_options);
  return result;
}

std::string render(const Summary& summary, const SummarizeOptions& options, Format format,
                   bool one_line_json) {
  switch (format) {
    case Format::Text:
      return render_text(summary);
    case Format::Markdown:
      return render_markdown(summary);
    case Format::Json: {
      const auto j = summary_to_json(summary, options);
      return (one_line_json ? j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                            : j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)) +
             "\n";
    }
  }
  return {};
}

}  // namespace precis::cli
