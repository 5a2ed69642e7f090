// Threads inside one cluster: the same summary for every thread count, and errors that reach the
// caller.
#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "parallel.h"
#include "precis/clean.h"
#include "precis/error.h"
#include "precis/idf.h"
#include "precis/summarizer.h"

using namespace precis;

namespace {

// Deterministic pseudo-random numbers (the test must not depend on the standard library's
// distributions, which differ between implementations).
struct Lcg {
  std::uint64_t state;
  std::uint32_t next(std::uint32_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>((state >> 33) % bound);
  }
};

// A cluster of news-like French articles: a headline, then paragraphs of sentences drawn from a
// shared topic vocabulary (so terms recur across documents and workers), some wire copy shared
// word for word, an exact duplicate article and one without any sentence.
std::vector<Document> synthetic_cluster(std::size_t n_docs) {
  const std::vector<std::string> topic = {
      "gouvernement",  "ministre",  "réforme",    "retraites",    "syndicats", "grève",
      "Assemblée",     "nationale", "vote",       "députés",      "projet",    "loi",
      "manifestation", "Paris",     "Lyon",       "Marseille",    "économie",  "budget",
      "milliards",     "euros",     "croissance", "inflation",    "président", "Élysée",
      "opposition",    "sénateurs", "accord",     "négociations", "travail",   "salariés"};
  const std::vector<std::string> glue = {"le",   "la",   "les", "des",  "du",     "et",    "a",
                                         "pour", "dans", "sur", "avec", "contre", "après", "selon"};
  const std::vector<std::string> syllables = {"ba",  "co",  "ri", "lu", "mon", "par", "vil",
                                              "ste", "gra", "do", "ne", "tou", "fé",  "cha"};
  Lcg rng{42};
  const auto rare_word = [&] {
    std::string w;
    for (std::uint32_t k = 0, n = 2 + rng.next(3); k < n; ++k) w += syllables[rng.next(14)];
    return w;
  };
  const auto sentence = [&] {
    std::string s;
    const std::uint32_t words = 10 + rng.next(14);
    for (std::uint32_t k = 0; k < words; ++k) {
      const std::uint32_t pick = rng.next(10);
      std::string w = pick < 4   ? topic[rng.next(static_cast<std::uint32_t>(topic.size()))]
                      : pick < 8 ? glue[rng.next(static_cast<std::uint32_t>(glue.size()))]
                      : pick < 9 ? rare_word()
                                 : std::to_string(rng.next(3000));
      if (k == 0) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
      s += (k ? " " : "") + w;
    }
    return s + (rng.next(8) == 0 ? " ?" : ".");
  };
  const std::string wire =
      "Le gouvernement a présenté mercredi son projet de réforme des "
      "retraites devant les syndicats, qui ont appelé à la grève.";
  std::vector<Document> documents;
  for (std::size_t d = 0; d < n_docs; ++d) {
    std::string text = "Réforme des retraites : " + rare_word() + " et " + rare_word() + "\n\n";
    if (d % 5 == 0) text += wire + "\n\n";
    for (std::uint32_t p = 0, paragraphs = 2 + rng.next(4); p < paragraphs; ++p) {
      for (std::uint32_t k = 0, n = 1 + rng.next(4); k < n; ++k) text += sentence() + " ";
      text += "\n\n";
    }
    Document doc;
    doc.path = "doc" + std::to_string(d) + ".txt";
    doc.text = std::move(text);
    doc.encoding = "UTF-8";
    documents.push_back(std::move(doc));
  }
  documents[7].text = documents[3].text;                 // the same article twice
  documents[11].text = "Titre sans article\n\n* * *\n";  // no sentence at all
  return documents;
}

void check_same(const Summary& a, const Summary& b) {
  CHECK(a.language == b.language);
  CHECK(a.used == b.used);
  CHECK(a.times.sentences == b.times.sentences);
  CHECK(a.times.edges == b.times.edges);
  CHECK(a.warnings == b.warnings);
  REQUIRE(a.sources.size() == b.sources.size());
  for (std::size_t i = 0; i < a.sources.size(); ++i) {
    CHECK(a.sources[i].path == b.sources[i].path);
    CHECK(a.sources[i].title == b.sources[i].title);
    CHECK(a.sources[i].sentences == b.sources[i].sentences);
  }
  REQUIRE(a.sentences.size() == b.sentences.size());
  for (std::size_t i = 0; i < a.sentences.size(); ++i) {
    const SummarySentence& x = a.sentences[i];
    const SummarySentence& y = b.sentences[i];
    CHECK(x.text == y.text);
    CHECK(x.source == y.source);
    CHECK(x.index == y.index);
    CHECK(x.start == y.start);
    CHECK(x.end == y.end);
    CHECK(x.score == y.score);  // exactly: the same sums in the same order
    REQUIRE(x.support.size() == y.support.size());
    for (std::size_t k = 0; k < x.support.size(); ++k) {
      CHECK(x.support[k].source == y.support[k].source);
      CHECK(x.support[k].index == y.support[k].index);
      CHECK(x.support[k].similarity == y.support[k].similarity);
    }
  }
}

}  // namespace

TEST_CASE("parallel_for runs every item once and rethrows the first failure", "[threads]") {
  for (const std::size_t workers : {1, 2, 4, 64}) {
    INFO("workers " << workers);
    // No Catch2 assertion inside the work: it is not thread-safe. Record, then check.
    std::vector<std::atomic<int>> runs(1000);
    std::vector<std::size_t> worker_of(1000, SIZE_MAX);
    parallel_for(runs.size(), workers, [&](std::size_t item, std::size_t worker) {
      ++runs[item];
      worker_of[item] = worker;  // one writer per item
    });
    CHECK(std::all_of(runs.begin(), runs.end(), [](const auto& n) { return n == 1; }));
    CHECK(*std::max_element(worker_of.begin(), worker_of.end()) < workers);
    if (workers == 1)
      CHECK(std::all_of(worker_of.begin(), worker_of.end(), [](std::size_t w) { return w == 0; }));

    // Items 300 and 700 fail (700 may fail first on another thread): 300's error is the one.
    for (int round = 0; round < 20; ++round) {
      try {
        parallel_for(1000, workers, [](std::size_t item, std::size_t) {
          if (item == 700) throw Error("item 700");
          if (item == 300) {
            std::this_thread::yield();
            throw Error("item 300");
          }
        });
        FAIL("no exception");
      } catch (const Error& e) {
        CHECK(std::string(e.what()) == "item 300");
      }
    }
  }
  // No items, more workers than items.
  std::atomic<int> calls{0};
  std::atomic<std::size_t> highest_worker{0};
  parallel_for(0, 4, [&](std::size_t, std::size_t) { ++calls; });
  CHECK(calls == 0);
  parallel_for(2, 8, [&](std::size_t, std::size_t worker) {
    ++calls;
    std::size_t seen = highest_worker;
    while (worker > seen && !highest_worker.compare_exchange_weak(seen, worker)) {
    }
  });
  CHECK(calls == 2);
  CHECK(highest_worker < 2);
}

TEST_CASE("the summary is the same for every thread count", "[threads][summarizer]") {
  const std::vector<Document> documents = synthetic_cluster(240);
  SummarizeOptions options;
  options.threads = 1;
  const Summary reference = summarize(documents, options);
  REQUIRE(reference.sentences.size() >= 3);
  REQUIRE(reference.times.sentences > 1000);
  REQUIRE(reference.sources[7].sentences == reference.sources[3].sentences);
  REQUIRE(reference.sources[11].sentences == 0);
  bool any_support = false;
  for (const auto& s : reference.sentences) any_support = any_support || !s.support.empty();
  CHECK(any_support);
  for (const int threads : {2, 3, 4, 0}) {
    INFO("threads " << threads);
    options.threads = threads;
    check_same(summarize(documents, options), reference);
  }

  // Other paths through the front end: the sentence cap, a background idf table (ids mapped
  // back to strings), continuous LexRank, the lead selector, max_docs.
  IdfBuilder builder(Language::French);
  for (std::size_t d = 0; d < documents.size(); d += 2) builder.add_document(documents[d]);
  const IdfTable table = builder.table();
  SummarizeOptions variant;
  variant.max_sentences_per_doc = 3;
  variant.idf = &table;
  variant.threshold = 0.0;
  variant.max_docs = 200;
  SummarizeOptions lead;
  lead.selector = Selector::Lead;
  lead.budget_unit = BudgetUnit::Sentences;
  lead.budget = 6;
  for (SummarizeOptions o : {variant, lead}) {
    o.threads = 1;
    const Summary one = summarize(documents, o);
    for (const int threads : {2, 4}) {
      INFO("threads " << threads);
      o.threads = threads;
      check_same(summarize(documents, o), one);
    }
  }
}

TEST_CASE("cleaning gives the same lines on any number of threads", "[threads][clean]") {
  std::vector<Document> documents = synthetic_cluster(120);
  // Boilerplate, a line repeated within a document and wire copy shared across documents.
  for (std::size_t d = 0; d < documents.size(); d += 3)
    documents[d].text += "Abonnez-vous à notre newsletter\nPartager\nPartager\n";
  const std::vector<CleanedDocument> one = clean(documents, CleanOptions{}, 1);
  for (const std::size_t workers : {2, 3, 8}) {
    const std::vector<CleanedDocument> many = clean(documents, CleanOptions{}, workers);
    REQUIRE(many.size() == one.size());
    for (std::size_t d = 0; d < one.size(); ++d) {
      INFO("workers " << workers << ", document " << d);
      CHECK(many[d].title == one[d].title);
      CHECK(many[d].title_span.begin == one[d].title_span.begin);
      REQUIRE(many[d].lines.size() == one[d].lines.size());
      for (std::size_t k = 0; k < one[d].lines.size(); ++k) {
        CHECK(many[d].lines[k].begin == one[d].lines[k].begin);
        CHECK(many[d].lines[k].end == one[d].lines[k].end);
      }
      REQUIRE(many[d].dropped.size() == one[d].dropped.size());
      for (std::size_t k = 0; k < one[d].dropped.size(); ++k)
        CHECK(many[d].dropped[k].reason == one[d].dropped[k].reason);
    }
  }
  std::size_t dropped = 0;
  for (const auto& d : one) dropped += d.dropped.size();
  CHECK(dropped > documents.size());  // the titles and the boilerplate
}

TEST_CASE("threads: the option is validated, errors reach the caller", "[threads][summarizer]") {
  const std::vector<Document> documents = synthetic_cluster(20);
  SummarizeOptions options;
  options.threads = -1;
  CHECK_THROWS_WITH(summarize(documents, options), Catch::Contains("--threads"));
  options.threads = SummarizeOptions::kMaxThreads + 1;
  CHECK_THROWS_WITH(summarize(documents, options), Catch::Contains("--threads"));
  options.threads = SummarizeOptions::kMaxThreads;  // more threads than documents: fine
  CHECK_NOTHROW(summarize(documents, options));

  // No sentence in any document: the same error, whatever the thread count.
  std::vector<Document> empty = documents;
  for (auto& d : empty) d.text = "* * *\n";
  for (const int threads : {1, 4}) {
    options.threads = threads;
    CHECK_THROWS_WITH(summarize(empty, options), Catch::Contains("no sentence found in 20"));
  }
}
