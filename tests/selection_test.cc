#include <catch2/catch.hpp>

#include <string>
#include <utility>

#include "selection.h"

using namespace precis;

namespace {

Candidate candidate(std::uint32_t doc, std::uint32_t index, double salience, std::string text) {
  Candidate c;
  c.sentence.doc = doc;
  c.sentence.index = index;
  c.sentence.text = std::move(text);
  c.position_in_doc = index;
  c.words = count_budget_words(c.sentence.text);
  c.bytes = c.sentence.text.size();
  c.centrality = salience;
  c.salience = salience;
  return c;
}

// A graph with the given symmetric similarities between candidates (self-loops added).
SimilarityGraph graph_of(std::size_t n, std::vector<std::tuple<int, int, float>> edges) {
  std::vector<std::vector<std::pair<std::uint32_t, float>>> rows(n);
  for (std::size_t i = 0; i < n; ++i) rows[i].emplace_back(static_cast<std::uint32_t>(i), 1.0f);
  for (auto [a, b, w] : edges) {
    rows[a].emplace_back(static_cast<std::uint32_t>(b), w);
    rows[b].emplace_back(static_cast<std::uint32_t>(a), w);
  }
  SimilarityGraph g;
  g.row_start.push_back(0);
  for (auto& row : rows) {
    std::sort(row.begin(), row.end());
    for (auto [j, w] : row) {
      g.neighbours.push_back(j);
      g.similarity.push_back(w);
    }
    g.row_start.push_back(g.neighbours.size());
  }
  return g;
}

std::vector<std::size_t> select(const std::vector<Candidate>& cs, const SimilarityGraph& g,
                                SummarizeOptions o) {
  return select_sentences(cs, g, std::vector<double>{}, std::vector<double>{}, o);
}

const char* kLead = "Le gouvernement a annoncé la fermeture de la centrale de Fessenheim mardi.";
const char* kAnaphor = "Cette décision inquiète les salariés de la centrale et les élus locaux.";
const char* kOther = "Les salariés de la centrale ont manifesté devant la préfecture hier soir.";

}  // namespace

TEST_CASE("standalone filters: length, questions, list introductions, anaphors", "[selection]") {
  SummarizeOptions o;
  CHECK(standalone_factor(candidate(0, 0, 1, kLead), o) == 1.0);
  CHECK(standalone_factor(candidate(0, 0, 1, "Trop court pour un résumé."), o) == 0.0);
  CHECK(standalone_factor(candidate(0, 0, 1, "Que va faire le gouvernement de cette centrale ?"),
                          o) == 0.0);
  CHECK(standalone_factor(candidate(0, 0, 1, "Voici les mesures annoncées par le ministre hier :"),
                          o) == 0.0);
  CHECK(standalone_factor(candidate(0, 1, 1, kAnaphor), o) == 0.5);
  // An interview's answer needs its question; "No one" is no answer.
  CHECK(standalone_factor(
            candidate(0, 1, 1, "Oui, à partir du moment où le parquet ouvrait une enquête."), o) ==
        0.5);
  CHECK(standalone_factor(
            candidate(0, 1, 1, "No one was injured when the bridge collapsed on Monday."), o) ==
        1.0);
  CHECK(standalone_factor(
            candidate(0, 1, 1, "Il a ensuite quitté la salle sans un mot pour la presse."), o) ==
        0.5);
  // An attribution to a pronoun needs the sentence that names the speaker.
  const std::pair<std::string, double> attributions[] = {
      {"Selon elle, \"l'urgence exige un changement radical de cap\".", 0.5},
      {"D\u2019apr\u00E8s lui, la r\u00E9forme sera vot\u00E9e avant l'\u00E9t\u00E9.", 0.5},
      {"According to her, the talks will resume on Monday in Geneva.", 0.5},
      {"Selon le minist\u00E8re, la r\u00E9forme sera vot\u00E9e avant l'\u00E9t\u00E9.", 1.0},
      {"According to the ministry, the talks will resume on Monday.", 1.0}};
  for (const auto& [text, factor] : attributions) {
    INFO(text);
    CHECK(standalone_factor(candidate(0, 1, 1, text), o) == factor);
  }
  // Impersonal "il" and a dated demonstrative are no anaphors.
  CHECK(standalone_factor(
            candidate(0, 1, 1, "Il y a eu trois blessés dans la collision de ce matin."), o) ==
        1.0);
  CHECK(standalone_factor(
            candidate(0, 1, 1, "Ce jeudi, le ministre a présenté son projet aux députés."), o) ==
        1.0);
  std::string long_sentence;
  for (int i = 0; i < 60; ++i) long_sentence += "mot ";
  long_sentence += "fin.";
  CHECK(standalone_factor(candidate(0, 1, 1, long_sentence), o) == 0.0);
}

TEST_CASE("an anaphoric opening regains its salience once its antecedent is selected",
          "[selection]") {
  SummarizeOptions o;
  o.lambda = 1.0;  // salience only, to isolate the anaphor rule
  o.budget_unit = BudgetUnit::Sentences;
  o.budget = 2;
  const auto g = graph_of(3, {});
  // The antecedent is taken first, so "Cette décision" (0.8) beats the other sentence (0.6).
  std::vector<Candidate> cs = {candidate(0, 0, 0.9, kLead), candidate(0, 1, 0.8, kAnaphor),
                               candidate(1, 0, 0.6, kOther)};
  CHECK(select(cs, g, o) == std::vector<std::size_t>{0, 1});
  // Without its antecedent it counts half (0.4) and loses to the other sentence.
  cs[0].salience = 0.1;
  o.budget = 1;
  CHECK(select(cs, g, o) == std::vector<std::size_t>{2});
}

TEST_CASE("MMR trades salience for novelty and never keeps near-duplicates", "[selection]") {
  SummarizeOptions o;
  o.budget_unit = BudgetUnit::Sentences;
  o.budget = 2;
  std::vector<Candidate> cs = {candidate(0, 0, 1.0, kLead), candidate(1, 0, 0.95, kOther),
                               candidate(2, 0, 0.9, kOther)};
  // 0 and 1 are similar (0.35 < redundancy), 2 is unrelated: with lambda 0.7 the penalty
  // 0.3 * 0.35 outweighs the salience gap 0.05.
  o.lambda = 0.7;
  CHECK(select(cs, graph_of(3, {{0, 1, 0.35f}}), o) == std::vector<std::size_t>{0, 2});
  // lambda 1 ignores similarity.
  o.lambda = 1.0;
  CHECK(select(cs, graph_of(3, {{0, 1, 0.35f}}), o) == std::vector<std::size_t>{0, 1});
  // A near-duplicate (>= redundancy) is excluded whatever lambda.
  CHECK(select(cs, graph_of(3, {{0, 1, 0.45f}}), o) == std::vector<std::size_t>{0, 2});
}

TEST_CASE("the budget is hard: a sentence that does not fit is skipped, never cut", "[selection]") {
  SummarizeOptions o;
  o.budget = 20;  // words
  std::vector<Candidate> cs = {candidate(0, 0, 1.0, kLead), candidate(1, 0, 0.9, kOther),
                               candidate(2, 0, 0.8, "Une phrase courte mais assez longue ici.")};
  // kLead (12 words) fits; kOther (12) would exceed 20; the short one (7) fits after it... but is
  // under the 8-word minimum, so nothing else is taken.
  const auto chosen = select(cs, graph_of(3, {}), o);
  CHECK(chosen == std::vector<std::size_t>{0});
  o.min_words = 5;
  CHECK(select(cs, graph_of(3, {}), o) == std::vector<std::size_t>{0, 2});
  // Bytes count the joining space.
  o.budget_unit = BudgetUnit::Bytes;
  o.budget = cs[0].bytes + 1 + cs[2].bytes;
  CHECK(select(cs, graph_of(3, {}), o) == std::vector<std::size_t>{0, 2});
  o.budget -= 1;
  CHECK(select(cs, graph_of(3, {}), o) == std::vector<std::size_t>{0});
}

TEST_CASE("source diversity prefers a second voice over a second sentence of one source",
          "[selection]") {
  SummarizeOptions o;
  o.budget_unit = BudgetUnit::Sentences;
  o.budget = 2;
  std::vector<Candidate> cs = {candidate(0, 0, 1.0, kLead), candidate(0, 1, 0.9, kOther),
                               candidate(1, 0, 0.88, kOther)};
  const auto g = graph_of(3, {});
  // 0.7 * 0.9 - 0.1 = 0.53 < 0.7 * 0.88 = 0.616: the other source's sentence wins.
  CHECK(select(cs, g, o) == std::vector<std::size_t>{0, 2});
  o.source_diversity = 0.0;
  CHECK(select(cs, g, o) == std::vector<std::size_t>{0, 1});
}

TEST_CASE("a restatement whose terms the summary already holds is skipped", "[selection]") {
  // Terms 0-5 with idf weights; the topic words 0 and 1 weigh little, the rest more.
  const std::vector<double> idf = {1.0, 1.0, 2.0, 2.0, 2.0, 2.0};
  auto with_terms = [](Candidate c, std::vector<std::uint32_t> terms) {
    c.concepts = std::move(terms);
    return c;
  };
  // 0: the event, with two details. 1: the event again, one new detail (term 2 covered, term 5
  // new): covered share (1 + 1 + 2) / (1 + 1 + 2 + 2) = 0.67. 2: a different fact.
  std::vector<Candidate> cs = {with_terms(candidate(0, 0, 1.0, kLead), {0, 1, 2, 3}),
                               with_terms(candidate(1, 0, 0.95, kOther), {0, 1, 2, 5}),
                               with_terms(candidate(2, 0, 0.5, kAnaphor), {4})};
  SummarizeOptions o;
  o.budget_unit = BudgetUnit::Sentences;
  o.budget = 2;
  o.lambda = 1.0;  // salience alone would take 0 then 1
  const std::vector<double> no_concepts(idf.size(), 0.0);
  const SimilarityGraph g = graph_of(3, {{0, 1, 0.2f}});
  o.paraphrase = 1.0;
  CHECK(select_sentences(cs, g, no_concepts, idf, o) == std::vector<std::size_t>{0, 1});
  o.paraphrase = 0.7;  // 0.67 covered is below: kept
  CHECK(select_sentences(cs, g, no_concepts, idf, o) == std::vector<std::size_t>{0, 1});
  o.paraphrase = 0.6;  // 0.67 covered: a restatement, the other fact comes in
  CHECK(select_sentences(cs, g, no_concepts, idf, o) == std::vector<std::size_t>{0, 2});
}

TEST_CASE("a taken sentence the later ones restate together is dropped and the budget refilled",
          "[selection]") {
  const std::vector<double> idf = {1.0, 1.0, 1.0, 2.0, 3.0, 2.0};
  auto with_terms = [](Candidate c, std::vector<std::uint32_t> terms) {
    c.concepts = std::move(terms);
    return c;
  };
  // 0 says {0, 1, 2}; 1 adds term 3 to term 0, 2 adds term 4 to terms 1 and 2: together they
  // hold all of 0, which goes, and 3 takes its place.
  std::vector<Candidate> cs = {with_terms(candidate(0, 0, 1.0, kLead), {0, 1, 2}),
                               with_terms(candidate(1, 0, 0.9, kOther), {0, 3}),
                               with_terms(candidate(2, 0, 0.8, kOther), {1, 2, 4}),
                               with_terms(candidate(3, 0, 0.5, kLead), {5})};
  SummarizeOptions o;
  o.budget_unit = BudgetUnit::Sentences;
  o.budget = 3;
  o.lambda = 1.0;
  o.source_diversity = 0.0;
  const std::vector<double> no_concepts(idf.size(), 0.0);
  const SimilarityGraph g = graph_of(4, {});
  o.paraphrase = 1.0;
  CHECK(select_sentences(cs, g, no_concepts, idf, o) == std::vector<std::size_t>{0, 1, 2});
  o.paraphrase = 0.6;
  CHECK(select_sentences(cs, g, no_concepts, idf, o) == std::vector<std::size_t>{1, 2, 3});
}

TEST_CASE("standalone filters: greetings and sentence tails", "[selection]") {
  SummarizeOptions o;
  // A live blog's, a newsletter's or a call's greeting reports nothing.
  for (const char* greeting :
       {"Bonjour et bienvenue dans ce direct consacré à l'effondrement du pont de la Lanne.",
        "Suivez avec nous l'évolution de la situation après l'incendie de l'usine Chimitrans.",
        "Good morning and welcome to the Halvorsen Foods conference call on the dairy deal.",
        "Welcome back to The Capitol Minute, where we follow the ports bill tonight.",
        "Retrouvez toutes les informations sur l'incendie dans notre direct de la journée.",
        "I would now like to turn the call over to Greg Lindahl, our chief executive.",
        "Anne-Laure Besnard, toxicologue au CHU de Toulouse, répond à nos questions.",
        "Dr. Paul Enright, who studies grain dust at Kansas State, answered our questions."}) {
    INFO(greeting);
    CHECK(standalone_factor(candidate(0, 0, 1, greeting), o) == 0.0);
  }
  // The same words further in, or a word that only starts alike, are news.
  CHECK(standalone_factor(
            candidate(0, 0, 1, "Following the vote, the Senate sent the ports bill to the House."),
            o) == 1.0);
  CHECK(standalone_factor(candidate(0, 0, 1,
                                    "Le maire a souhaité la bienvenue aux secouristes venus de "
                                    "toute la région mardi."),
                          o) == 1.0);
  for (const char* news :
       {"Bienvenue dans l'ère post-coronavirus : une application classe les citoyens selon leur "
        "hygiène de vie.",
        "Good Morning America host Robin Roberts said on Monday she would return to the show.",
        "Welcome relief came on Friday for the 2,400 residents who had spent two nights away."}) {
    INFO(news);
    CHECK(standalone_factor(candidate(0, 0, 1, news), o) == 1.0);
  }
  // A sentence opening in lower case is a cut one's tail; brand names and particles are not.
  CHECK(standalone_factor(candidate(0, 3, 1,
                                    "amendment No. 214, offered by the Senator from Utah, was "
                                    "rejected on Thursday."),
                          o) == 0.5);
  CHECK(standalone_factor(candidate(0, 3, 1,
                                    "modère Jean Bosvieux, directeur des études à l'Agence "
                                    "nationale d'information sur le logement."),
                          o) == 0.5);
  CHECK(standalone_factor(
            candidate(0, 3, 1, "iPhone sales fell 9 percent in China in the last quarter."), o) ==
        1.0);
  CHECK(standalone_factor(candidate(0, 3, 1,
                                    "de Gaulle avait prononcé son discours depuis le balcon de "
                                    "l'hôtel de ville."),
                          o) == 1.0);
}
