#include "precis/summarizer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iterator>
#include <numeric>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "fnv.h"
#include "parallel.h"
#include "precis/error.h"
#include "precis/graph.h"
#include "precis/segment.h"
#include "precis/tokenize.h"
#include "selection.h"

namespace precis {

std::string_view budget_unit_name(BudgetUnit unit) {
  switch (unit) {
    case BudgetUnit::Words:
      return "words";
    case BudgetUnit::Bytes:
      return "bytes";
    case BudgetUnit::Sentences:
      return "sentences";
  }
  return "words";
}

std::string_view sentence_order_name(SentenceOrder order) {
  return order == SentenceOrder::Source ? "source" : "rank";
}

std::string_view selector_name(Selector selector) {
  return selector == Selector::Mmr ? "mmr" : "lead";
}

namespace {

// ' ', \t, \n, \v, \f, \r; without a branch (count_budget_words runs over every candidate).
bool is_ascii_space(char c) {
  return c == ' ' || static_cast<unsigned char>(c - '\t') <= '\r' - '\t';
}

}  // namespace

std::size_t count_budget_words(std::string_view text) {
  // A word starts at each non-space byte after a space (or at the start): written without a
  // branch per byte, as it runs over every candidate sentence (1.2% of a 3,000-article run).
  std::size_t words = 0;
  bool previous_space = true;
  for (char c : text) {
    const bool space = is_ascii_space(c);
    words += static_cast<std::size_t>(previous_space & !space);
    previous_space = space;
  }
  return words;
}

std::string Summary::text() const {
  std::string out;
  for (const auto& s : sentences) {
    if (!out.empty()) out += ' ';
    out += s.text;
  }
  return out;
}

void SummarizeOptions::validate() const {
  auto in_unit = [](double v) { return v >= 0.0 && v <= 1.0; };
  if (budget == 0) throw Error::usage("the budget (--words/--bytes/--sentences) must be positive");
  if (!in_unit(lambda)) throw Error::usage("--lambda must be in [0, 1]");
  if (!in_unit(position_weight)) throw Error::usage("--position-weight must be in [0, 1]");
  if (!in_unit(coverage)) throw Error::usage("--coverage must be in [0, 1]");
  if (!(paraphrase > 0.0 && paraphrase <= 1.0))
    throw Error::usage("--paraphrase must be in (0, 1]");
  if (!in_unit(source_diversity)) throw Error::usage("--source-diversity must be in [0, 1]");
  if (!(threshold >= 0.0 && threshold < 1.0)) throw Error::usage("--threshold must be in [0, 1)");
  if (!in_unit(damping)) throw Error::usage("--damping must be in [0, 1]");
  if (!(redundancy > 0.0 && redundancy <= 1.0))
    throw Error::usage("--redundancy must be in (0, 1]");
  if (!in_unit(support_threshold)) throw Error::usage("--support-threshold must be in [0, 1]");
  if (max_words != 0 && max_words < min_words)
    throw Error::usage("--max-words must be at least --min-words");
  if (threads < 0 || threads > kMaxThreads)
    throw Error::usage("--threads must be 0 (automatic) or a number of threads up to " +
                       std::to_string(kMaxThreads) + ", not " + std::to_string(threads));
  if (idf != nullptr && language && idf->language != *language)
    throw Error::usage("the --idf table is for language '" +
                       std::string(language_code(idf->language)) + "', not '" +
                       std::string(language_code(*language)) + "'");
}

namespace {

// A sample of the cluster's text, enough for language detection.
std::string language_sample(const std::vector<Document>& documents) {
  std::string sample;
  const std::size_t per_doc = 4000;
  for (const auto& d : documents) {
    sample.append(d.text, 0, std::min(per_doc, d.text.size()));
    sample += '\n';
    if (sample.size() > 40000) break;
  }
  return sample;
}

// Below this share of the language's stopwords among the words, the text is probably in another
// language (measured: 40-55% in French and English news; German or Russian text scores under 5%
// against both lists).
constexpr double kForeignStopwordShare = 0.12;

bool has_ascii_alnum(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
}

// Milliseconds since `start`, and restarts the clock.
double lap(std::chrono::steady_clock::time_point& start) {
  const auto now = std::chrono::steady_clock::now();
  const double ms = std::chrono::duration<double, std::milli>(now - start).count();
  start = now;
  return ms;
}

// Above this many sentences the graph gets its scale guards (df ceiling, neighbour cap).
constexpr std::size_t kLargeCluster = 5000;

// The text's non-space bytes with every run of ASCII white space read as one space, leading and
// trailing ones ignored: what two copies of one article share however they were re-wrapped.
// Walked in place (building collapsed copies was 7% of a front-end-bound run).
template <typename Visit>
void for_each_folded(std::string_view text, Visit visit) {
  bool pending_space = false, started = false;
  for (char c : text) {
    if (is_ascii_space(c)) {
      pending_space = started;
      continue;
    }
    if (pending_space) visit(' ');
    visit(c);
    pending_space = false;
    started = true;
  }
}

// FNV-1a of the folded text; 0 for a text of white space only.
std::uint64_t folded_hash(std::string_view text) {
  std::uint64_t h = kFnvOffsetBasis;
  bool any = false;
  for_each_folded(text, [&](char c) {
    h = (h ^ static_cast<unsigned char>(c)) * kFnvPrime;
    any = true;
  });
  return any ? (h == 0 ? 1 : h) : 0;
}

bool same_folded(std::string_view a, std::string_view b) {
  std::string fa, fb;
  fa.reserve(a.size());
  fb.reserve(b.size());
  for_each_folded(a, [&](char c) { fa += c; });
  for_each_folded(b, [&](char c) { fb += c; });
  return fa == fb;
}

// Automatic threads (SummarizeOptions::threads = 0): one worker per this many bytes of text at
// most. A worker costs a thread per parallel step, its own ICU iterators and a cold term cache
// that stems the cluster's common words again. 2 workers against 1 on OrangeSum articles (wall
// time in the process, medians of 31 alternated runs; 7 and 9 for the last two): 98 KB 7.4 -> 7.8
// ms, 165 KB 10.6 -> 10.6, 300 KB 17.6 -> 16.3, 837 KB 47 -> 42 to 46, 2.8 MB 171 -> 148.
constexpr std::size_t kBytesPerWorker = 128 * 1024;
// And no more than this many: each worker holds a term cache (up to 12 MB) and stems the common
// words again, while the graph, LexRank and selection that follow stay on one thread (with 2
// workers, cleaning, segmenting and tokenizing 3,000 articles is already a fifth of the run).
constexpr std::size_t kMaxAutomaticWorkers = 8;

std::size_t front_end_workers(int threads, std::size_t documents, std::size_t bytes) {
  std::size_t workers = static_cast<std::size_t>(threads);
  if (threads == 0)
    workers = std::min({available_cores(), bytes / kBytesPerWorker, kMaxAutomaticWorkers});
  return std::max<std::size_t>(1, std::min(workers, documents));
}

// What segmenting and tokenizing one document yields.
struct DocumentTerms {
  std::vector<Candidate> candidates;
  // Every candidate's term ids in its worker's vocabulary, back to back; term_ends[i] ends
  // candidate i's.
  std::vector<std::uint32_t> term_ids;
  std::vector<std::uint32_t> term_ends;
  std::size_t sentences = 0;  // after the cap, including sentences without terms
  std::size_t worker = 0;     // whose vocabulary term_ids are in
};

struct FrontEndSettings {
  Language language = Language::French;
  std::size_t max_sentences_per_doc = 0;
  std::size_t workers = 1;  // from front_end_workers: at least 1, at most the documents
};

struct FrontEnd {
  std::vector<DocumentTerms> documents;      // one per document read, in order
  std::vector<TermVocabulary> vocabularies;  // one per worker
  double segment_ms = 0, tokenize_ms = 0;    // summed over the workers
  double wall_ms = 0;                        // of the whole, the workers' construction aside
};

// Segments and tokenizes documents[to_read[k]] for every k, on settings.workers threads. Each
// worker has its own Segmenter and Tokenizer (ICU iterators and the term cache are not
// thread-safe) and its own vocabulary; the caller maps the ids to the cluster's in document order.
FrontEnd read_documents(const std::vector<Document>& documents,
                        const std::vector<CleanedDocument>& cleaned,
                        const std::vector<std::size_t>& to_read, const FrontEndSettings& settings) {
  struct Worker {
    explicit Worker(Language language)
        : segmenter(SegmentOptions{.language = language}),
          tokenizer(TokenizeOptions{.language = language}) {}
    Segmenter segmenter;
    Tokenizer tokenizer;
    std::vector<std::uint32_t> ids;  // one sentence's (reused)
    double segment_ms = 0, tokenize_ms = 0;
  };
  const std::size_t n_workers = settings.workers;
  FrontEnd result;
  result.documents.resize(to_read.size());
  result.vocabularies.resize(n_workers);
  // Worker 0 runs on this thread and is built before the clock starts, as the single-threaded
  // summarizer always built its Segmenter and Tokenizer outside the stage times (the first one
  // loads ICU's break rules). The others are built on their own threads when they take their
  // first document.
  std::vector<std::optional<Worker>> workers(n_workers);
  workers[0].emplace(settings.language);
  auto start = std::chrono::steady_clock::now();
  parallel_for(to_read.size(), n_workers, [&](std::size_t k, std::size_t w) {
    if (!workers[w]) workers[w].emplace(settings.language);
    Worker& worker = *workers[w];
    TermVocabulary& vocabulary = result.vocabularies[w];
    DocumentTerms& out = result.documents[k];
    out.worker = w;
    const std::size_t d = to_read[k];
    auto document_start = std::chrono::steady_clock::now();
    std::vector<Sentence> sentences =
        worker.segmenter.split(documents[d], cleaned[d], static_cast<std::uint32_t>(d));
    worker.segment_ms += lap(document_start);
    if (settings.max_sentences_per_doc && sentences.size() > settings.max_sentences_per_doc)
      sentences.resize(settings.max_sentences_per_doc);
    out.sentences = sentences.size();
    out.candidates.reserve(sentences.size());
    out.term_ends.reserve(sentences.size());
    for (Sentence& sentence : sentences) {
      Candidate c;
      c.sentence = std::move(sentence);
      c.position_in_doc = c.sentence.index;
      c.words = count_budget_words(c.sentence.text);
      // Chinese and Japanese put no spaces between words: count them as ICU does, or every
      // sentence would be one "word", below --min-words. (Lead bytes >= 0xE3 start U+3000 and up.)
      if (std::any_of(c.sentence.text.begin(), c.sentence.text.end(),
                      [](char ch) { return static_cast<unsigned char>(ch) >= 0xE3; }))
        c.words = std::max(c.words, worker.tokenizer.count_words(c.sentence.text));
      c.bytes = c.sentence.text.size();
      worker.tokenizer.term_ids(c.sentence.text, vocabulary, worker.ids);
      // A segment of punctuation only ("* * *", "...") is no sentence; one of stopwords only
      // ("Il y a.") is, even with no index term.
      if (worker.ids.empty() && !has_ascii_alnum(c.sentence.text)) continue;
      out.term_ids.insert(out.term_ids.end(), worker.ids.begin(), worker.ids.end());
      out.term_ends.push_back(static_cast<std::uint32_t>(out.term_ids.size()));
      out.candidates.push_back(std::move(c));
    }
    worker.tokenize_ms += lap(document_start);
  });
  result.wall_ms = lap(start);
  for (const auto& worker : workers) {
    if (!worker) continue;
    result.segment_ms += worker->segment_ms;
    result.tokenize_ms += worker->tokenize_ms;
  }
  return result;
}

// Keeps the first k candidates of each document, k the largest for which all of them number at
// most `limit` (`count` > limit now), and says so in `warnings`. Returns how many are kept.
std::size_t keep_leading_sentences(std::vector<DocumentTerms>& documents, std::size_t limit,
                                   std::size_t count, std::vector<std::string>& warnings) {
  auto kept_with = [&](std::size_t k) {
    std::size_t kept = 0;
    for (const DocumentTerms& doc : documents) kept += std::min(k, doc.candidates.size());
    return kept;
  };
  // The largest k with kept_with(k) <= limit: kept_with grows with k, and kept_with(max) > limit.
  std::size_t low = 0, high = 0;
  for (const DocumentTerms& doc : documents) high = std::max(high, doc.candidates.size());
  while (low + 1 < high) {
    const std::size_t middle = low + (high - low) / 2;
    (kept_with(middle) <= limit ? low : high) = middle;
  }
  const std::size_t k = std::max<std::size_t>(low, 1);  // one each, whatever the limit
  for (DocumentTerms& doc : documents) {
    if (doc.candidates.size() <= k) continue;
    doc.candidates.resize(k);
    doc.term_ids.resize(doc.term_ends[k - 1]);
    doc.term_ends.resize(k);
    doc.sentences =
        std::min(doc.sentences, static_cast<std::size_t>(doc.candidates.back().sentence.index) + 1);
  }
  const std::size_t kept = kept_with(k);
  warnings.push_back(std::to_string(count) + " sentences, more than --max-graph-sentences " +
                     std::to_string(limit) + ": only the first " + std::to_string(k) +
                     " of each document are summarized (" + std::to_string(kept) +
                     " sentences); --max-graph-sentences 0 keeps them all");
  return kept;
}

}  // namespace

Language detect_cluster_language(const std::vector<Document>& documents) {
  return detect_language(language_sample(documents));
}

Summary summarize(const std::vector<Document>& documents, const SummarizeOptions& options) {
  options.validate();
  if (documents.empty()) throw Error("no documents to summarize");

  Summary summary;
  const std::string sample = language_sample(documents);
  summary.language = options.language ? *options.language
                     : options.idf    ? options.idf->language
                                      : detect_language(sample);
  // A summary speaks one language: a sentence in the other one is not taken (a bilingual
  // release's second half, a tweet quoted in English). Not when the text does not look like the
  // summary's language at all (a forced --lang, German): excluding would empty the summary.
  std::optional<Language> one_language = summary.language;
  if (const double share = stopword_share(sample, summary.language);
      share >= 0.0 && share < kForeignStopwordShare) {
    one_language.reset();
    summary.warnings.push_back(
        "the text does not look " +
        std::string(language_code(summary.language) == "fr" ? "French" : "English") + " (" +
        std::to_string(static_cast<int>(share * 100 + 0.5)) +
        "% stopwords; French and English news have 35-55%): summarized as " +
        std::string(language_code(summary.language)) +
        " without language-specific help, set --lang if that is wrong");
  }
  if (options.idf != nullptr && options.idf->language != summary.language)
    throw Error::usage(
        "the --idf table is for language '" + std::string(language_code(options.idf->language)) +
        "' but the documents are '" + std::string(language_code(summary.language)) + "'");
  summary.budget_unit = options.budget_unit;
  summary.budget = options.budget;

  // Documents taken into the graph: the first max_docs, minus exact duplicates of an earlier
  // document (the same article twice must not weigh twice; it is listed as support instead).
  const std::size_t n_docs =
      options.max_docs ? std::min(options.max_docs, documents.size()) : documents.size();
  std::vector<int> duplicate_of(documents.size(), -1);
  {
    std::unordered_map<std::uint64_t, std::size_t> seen;
    for (std::size_t d = 0; d < n_docs; ++d) {
      const std::uint64_t hash = folded_hash(documents[d].text);
      if (hash == 0) continue;  // nothing but white space
      auto [it, inserted] = seen.emplace(hash, d);
      if (!inserted && same_folded(documents[it->second].text, documents[d].text))
        duplicate_of[d] = static_cast<int>(it->second);
    }
  }

  std::vector<std::size_t> to_read;  // the documents that go into the graph
  std::size_t bytes_to_read = 0;
  for (std::size_t d = 0; d < n_docs; ++d) {
    if (duplicate_of[d] >= 0) continue;
    to_read.push_back(d);
    bytes_to_read += documents[d].text.size();
  }
  const std::size_t workers = front_end_workers(options.threads, to_read.size(), bytes_to_read);

  auto clock = std::chrono::steady_clock::now();
  // Documents past max_docs are listed as sources but neither cleaned nor read further.
  const std::vector<CleanedDocument> cleaned =
      clean(std::span<const Document>(documents.data(), n_docs), options.clean, workers);
  summary.times.clean = lap(clock);

  for (std::size_t d = 0; d < documents.size(); ++d)
    summary.sources.push_back(SourceInfo{documents[d].path, documents[d].part,
                                         d < n_docs ? cleaned[d].title : std::string(), 0,
                                         documents[d].format});
  FrontEnd front_end =
      read_documents(documents, cleaned, to_read,
                     FrontEndSettings{.language = summary.language,
                                      .max_sentences_per_doc = options.max_sentences_per_doc,
                                      .workers = workers});
  lap(clock);
  // The stages' wall time, split as the workers' time was (exact with one worker); gathering
  // the candidates below counts as tokenizing.
  const double front_end_busy = front_end.segment_ms + front_end.tokenize_ms;
  summary.times.segment =
      front_end_busy > 0 ? front_end.wall_ms * front_end.segment_ms / front_end_busy : 0.0;
  summary.times.tokenize = front_end.wall_ms - summary.times.segment;
  std::vector<Candidate> candidates;
  {
    std::size_t count = 0;
    for (const DocumentTerms& doc : front_end.documents) count += doc.candidates.size();
    if (options.max_graph_sentences != 0 && count > options.max_graph_sentences)
      count = keep_leading_sentences(front_end.documents, options.max_graph_sentences, count,
                                     summary.warnings);
    candidates.reserve(count);
  }
  for (std::size_t k = 0; k < to_read.size(); ++k) {
    DocumentTerms& doc = front_end.documents[k];
    summary.sources[to_read[k]].sentences = doc.sentences;
    std::move(doc.candidates.begin(), doc.candidates.end(), std::back_inserter(candidates));
  }
  summary.times.tokenize += lap(clock);
  for (std::size_t d = 0; d < documents.size(); ++d)
    if (duplicate_of[d] >= 0)
      summary.sources[d].sentences = summary.sources[duplicate_of[d]].sentences;
  if (candidates.empty())
    throw Error("no sentence found in " +
                (documents.size() == 1 ? documents[0].path
                                       : std::to_string(documents.size()) + " documents") +
                " (empty, binary, only boilerplate, or no sentence punctuation: try --no-clean)");

  // Vocabulary and document frequencies (document-level, ALGORITHMS.md 0.2). Ids are given in
  // order of first use over the candidates in document order, whichever worker read a document:
  // the sparse vectors, hence every sum over them, come out the same for every thread count.
  std::vector<std::string_view> vocabulary;  // by id: views into the workers' vocabularies
  std::vector<std::uint32_t> doc_frequency;
  std::vector<std::uint32_t> ids;         // every candidate's term ids, back to back
  std::vector<std::size_t> ids_start{0};  // candidate i's are [ids_start[i], ids_start[i + 1])
  ids_start.reserve(candidates.size() + 1);
  std::size_t graph_docs = 0;
  {
    const std::size_t n_workers = front_end.vocabularies.size();
    // With one worker, each of its ids met for the first time is a new term: it takes the next
    // id, no string is looked up. With several, one term may have an id in each worker's
    // vocabulary: they meet by the term's string.
    TermVocabulary merged;
    constexpr std::uint32_t kUnset = UINT32_MAX;
    std::vector<std::vector<std::uint32_t>> to_cluster_id(n_workers);
    for (std::size_t w = 0; w < n_workers; ++w)
      to_cluster_id[w].assign(front_end.vocabularies[w].size(), kUnset);
    std::vector<std::uint32_t> last_doc_seen;
    std::size_t n_ids = 0;
    for (const DocumentTerms& doc : front_end.documents) n_ids += doc.term_ids.size();
    ids.reserve(n_ids);
    for (std::size_t k = 0; k < to_read.size(); ++k) {
      const DocumentTerms& doc = front_end.documents[k];
      if (doc.term_ends.empty()) continue;
      ++graph_docs;
      const auto doc_index = static_cast<std::uint32_t>(to_read[k]);
      const TermVocabulary& worker_vocabulary = front_end.vocabularies[doc.worker];
      std::vector<std::uint32_t>& cluster_id = to_cluster_id[doc.worker];
      std::size_t next = 0;
      for (const std::uint32_t end : doc.term_ends) {
        for (; next < end; ++next) {
          std::uint32_t& id = cluster_id[doc.term_ids[next]];
          if (id == kUnset) {
            const std::string_view term = worker_vocabulary.term(doc.term_ids[next]);
            id = n_workers == 1 ? static_cast<std::uint32_t>(vocabulary.size())
                                : merged.intern(term);
            if (id == vocabulary.size()) {
              vocabulary.push_back(term);
              doc_frequency.push_back(0);
              last_doc_seen.push_back(UINT32_MAX);
            }
          }
          if (last_doc_seen[id] != doc_index) {
            last_doc_seen[id] = doc_index;
            ++doc_frequency[id];
          }
          ids.push_back(id);
        }
        ids_start.push_back(ids.size());
      }
    }
  }
  std::vector<double> idf(vocabulary.size());
  if (options.idf != nullptr) {
    for (std::size_t t = 0; t < idf.size(); ++t) idf[t] = options.idf->idf(vocabulary[t]);
  } else {
    for (std::size_t t = 0; t < idf.size(); ++t)
      idf[t] = smoothed_idf(graph_docs, doc_frequency[t]);
  }
  std::vector<DocumentTerms>().swap(front_end.documents);  // their ids are in `ids` now

  // tf-idf vectors, L2-normalised, so the dot product is the idf-modified cosine (Eq. 2).
  std::vector<SparseVector> vectors(candidates.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const auto terms =
        std::span<std::uint32_t>(ids).subspan(ids_start[i], ids_start[i + 1] - ids_start[i]);
    std::sort(terms.begin(), terms.end());
    SparseVector& v = vectors[i];
    double norm = 0.0;
    for (std::size_t k = 0; k < terms.size();) {
      std::size_t end = k;
      while (end < terms.size() && terms[end] == terms[k]) ++end;
      const double w = static_cast<double>(end - k) * idf[terms[k]];
      v.terms.push_back(terms[k]);
      v.weights.push_back(static_cast<float>(w));
      norm += w * w;
      k = end;
    }
    norm = std::sqrt(norm);
    for (float& w : v.weights) w = static_cast<float>(w / norm);
  }

  // Edges down to the lowest similarity anything below needs. Thresholded LexRank ignores fainter
  // links, and the MMR penalty they would add is at most (1 - lambda) * threshold: keeping them
  // cost 5x the edges and 3x the memory on 3,000 OrangeSum articles (eval/README.md) for no
  // ROUGE difference. Continuous LexRank keeps links down to 0.05.
  const float floor =
      static_cast<float>(std::min({options.threshold > 0.0 ? options.threshold : 0.05,
                                   options.support_threshold, options.redundancy}));
  GraphOptions graph_options{.min_similarity = std::max(floor, 0.01f),
                             .vocabulary_size = vocabulary.size()};
  if (candidates.size() > kLargeCluster) {
    // Large clusters only (small ones stay exact): a term in more than a quarter of the
    // sentences costs df^2 products and says nothing about which of them matter; and each row
    // keeps its strongest neighbours, so a degenerate input (thousands of near-identical
    // template sentences) cannot make the graph dense.
    graph_options.max_term_share = 0.25f;
    graph_options.max_neighbours = 200;
  }
  const SimilarityGraph graph = build_similarity_graph(vectors, graph_options);
  summary.times.graph = lap(clock);
  summary.times.sentences = graph.size();
  summary.times.edges = (graph.neighbours.size() - graph.size()) / 2;
  const std::vector<double> centrality =
      lexrank(graph, LexRankOptions{.threshold = options.threshold, .damping = options.damping});
  summary.times.lexrank = lap(clock);
  const double top = *std::max_element(centrality.begin(), centrality.end());
  for (std::size_t i = 0; i < candidates.size(); ++i)
    candidates[i].centrality = top > 0 ? centrality[i] / top : 0.0;
  for (auto& c : candidates) {
    const double prior = 1.0 / std::sqrt(1.0 + static_cast<double>(c.position_in_doc));
    c.salience = (1.0 - options.position_weight) * c.centrality + options.position_weight * prior;
  }

  // Concepts: distinct terms; a term used by k sources weighs k - 1 (Gillick & Favre weigh
  // concepts by document frequency; a term of one source only is no shared fact).
  std::vector<double> concept_weight(vocabulary.size());
  for (std::size_t t = 0; t < concept_weight.size(); ++t)
    concept_weight[t] = static_cast<double>(doc_frequency[t]) - 1.0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const auto& terms = vectors[i].terms;  // sorted and distinct
    candidates[i].concepts.assign(terms.begin(), terms.end());
  }
  const std::vector<std::size_t> chosen =
      options.selector == Selector::Lead
          ? select_lead(candidates, graph, options, one_language)
          : select_sentences(candidates, graph, concept_weight, idf, options, one_language);

  summary.times.select = lap(clock);
  // Output order, attribution and support.
  std::vector<std::size_t> ordered = chosen;
  if (options.order == SentenceOrder::Source) std::sort(ordered.begin(), ordered.end());
  for (std::size_t i : ordered) {
    const Candidate& c = candidates[i];
    const Document& doc = documents[c.sentence.doc];
    SummarySentence out;
    out.text = c.sentence.text;
    out.source = c.sentence.doc;
    out.index = c.sentence.index;
    out.start = doc.original_offset(c.sentence.span.begin);
    out.end = doc.original_offset(c.sentence.span.end);
    out.score = c.centrality;
    // The most similar sentence of every other source, if similar enough.
    std::unordered_map<std::uint32_t, Support> best;
    for (std::size_t k = graph.row_start[i]; k < graph.row_start[i + 1]; ++k) {
      const std::uint32_t j = graph.neighbours[k];
      const Candidate& other = candidates[j];
      if (other.sentence.doc == c.sentence.doc || graph.similarity[k] < options.support_threshold)
        continue;
      auto [it, inserted] = best.emplace(other.sentence.doc, Support{});
      if (inserted || graph.similarity[k] > it->second.similarity)
        it->second = Support{other.sentence.doc, other.sentence.index,
                             std::round(static_cast<double>(graph.similarity[k]) * 1e4) / 1e4};
    }
    // Exact duplicates of the sentence's document, or of a supporting one, support it too.
    for (std::size_t d = 0; d < documents.size(); ++d) {
      if (duplicate_of[d] < 0) continue;
      const auto original = static_cast<std::uint32_t>(duplicate_of[d]);
      if (original == c.sentence.doc)
        best.emplace(static_cast<std::uint32_t>(d),
                     Support{static_cast<std::uint32_t>(d), c.sentence.index, 1.0});
      else if (auto it = best.find(original); it != best.end())
        best.emplace(
            static_cast<std::uint32_t>(d),
            Support{static_cast<std::uint32_t>(d), it->second.index, it->second.similarity});
    }
    for (const auto& [doc_id, support] : best) out.support.push_back(support);
    std::sort(out.support.begin(), out.support.end(), [](const Support& a, const Support& b) {
      return a.similarity != b.similarity ? a.similarity > b.similarity : a.source < b.source;
    });
    summary.sentences.push_back(std::move(out));
  }
  // As the selection charged the budget (CJK sentences count ICU's words, not spaces).
  for (std::size_t k = 0; k < chosen.size(); ++k)
    summary.used += budget_cost(candidates[chosen[k]], options, k == 0);
  return summary;
}

}  // namespace precis
