#include <algorithm>
#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "clean_rules.h"
#include "precis/clean.h"
#include "precis/reader.h"
#include "precis/segment.h"

using precis::clean;
using precis::CleanedDocument;
using precis::Document;

namespace {

// Read as a file would be (decode_document): a .md file, or text that reads as Markdown, is
// Markdown.
Document make_document(std::string text, std::string path = "doc.txt") {
  Document document;
  std::vector<std::string> warnings;
  REQUIRE(precis::decode_document(path, std::move(text), document, warnings));
  return document;
}

std::string slice(const Document& document, precis::Span span) {
  return document.text.substr(span.begin, span.size());
}

std::vector<std::string> kept(const Document& document, const CleanedDocument& cleaned) {
  std::vector<std::string> lines;
  for (const precis::Span& span : cleaned.lines) lines.push_back(slice(document, span));
  return lines;
}

std::vector<std::pair<std::string, std::string>> dropped(const Document& document,
                                                         const CleanedDocument& cleaned) {
  std::vector<std::pair<std::string, std::string>> lines;
  for (const precis::DroppedLine& line : cleaned.dropped) {
    lines.emplace_back(slice(document, line.span), line.reason);
  }
  return lines;
}

// Cleans one document on its own.
CleanedDocument clean_one(const Document& document, precis::CleanOptions options = {}) {
  return clean(std::vector<Document>{document}, options).at(0);
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

struct Seeds {
  std::vector<Document> documents;
  std::vector<CleanedDocument> cleaned;
};

const Seeds& seeds() {
  static const Seeds result = [] {
    Seeds seeds;
    seeds.documents =
        precis::read_inputs({PRECIS_SOURCE_DIR "/samples/appel-trump-poutine"}).documents;
    seeds.cleaned = clean(seeds.documents);
    return seeds;
  }();
  return result;
}

// The kept lines of a seed, compared by their first words: every body paragraph, in order.
void check_kept_paragraphs(std::size_t seed, const std::vector<std::string>& openings) {
  const Seeds& s = seeds();
  REQUIRE(s.documents.size() == 5);
  const std::vector<std::string> lines = kept(s.documents[seed], s.cleaned[seed]);
  INFO("seed " << seed);
  REQUIRE(lines.size() == openings.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    INFO("kept line " << i << ": " << lines[i]);
    CHECK(starts_with(lines[i], openings[i]));
  }
}

}  // namespace

// --- The seed articles -----------------------------------------------------------------------

TEST_CASE("seeds: every body paragraph is kept", "[clean]") {
  check_kept_paragraphs(
      0, {"Donald Trump et Vladimir Poutine se sont entretenus",
          "Donald Trump tenterait-il de se rapprocher", "Le lendemain de cette suspension",
          "Mais Donald Trump n'a pas obtenu", "Pour rappel, la Russie et l'Ukraine"});
  check_kept_paragraphs(1, {"Les présidents russe et américain", "Au cours d’un entretien",
                            "Devant plusieurs journalistes", "De son côté, le président américain",
                            "Le 2 juin dernier", "Dans ce document, Moscou", "Qualifié de “franc”",
                            "La décision américaine a été"});
  check_kept_paragraphs(
      2, {"Donald Trump et Vladimir Poutine se sont de nouveau",
          "Lors de cet appel d’environ une heure", "Le président russe a réaffirmé",
          "Moscou continue d’exiger", "La discussion s’est tenue", "Le conflit entre Israël",
          "De son côté, le président ukrainien"});
  check_kept_paragraphs(
      3, {"Lors d’un échange téléphonique", "Ce jeudi 3 juillet", "Donald Trump, qui avait promis",
          "Selon les autorités russes", "Ces conditions sont jugées",
          "L’appel entre les deux dirigeants", "Cette conversation russo-américaine",
          "Depuis le retour de Donald Trump", "Face à la position inchangée"});
  check_kept_paragraphs(
      4, {"Le soir du 3 juillet", "Concernant les questions internationales",
          "Les dirigeants ont également abordé", "Le sujet principal de la conversation",
          "Il est évident que les deux présidents", "Trump a suspendu la fourniture",
          "Trump a cherché à imposer"});
}

TEST_CASE("seeds: no boilerplate line survives", "[clean]") {
  const Seeds& s = seeds();
  REQUIRE(s.documents.size() == 5);
  // Read from the files: every widget, promotion, byline and subhead of seeds 000, 003 and 004.
  const std::vector<std::string> boilerplate = {
      "MPI vous informe gratuitement, Recevez la liste des nouveaux articles",
      "Je veux recevoir la lettre d'information :",
      "Nous n’envoyons pas de messages indésirables",
      "S’abonner",
      "Notifier de",
      "guest",
      "Ce site utilise Akismet pour réduire les indésirables.",
      "2 Commentaires",
      "Les plus anciens",
      "Les plus récents Les mieux notés",
      "Inline Feedbacks",
      "Voir tous les commentaires",
      "Abonnez-vous à CARITAS !",
      "Le numéro 3",
      "Militez,",
      "En s’abonnant à cette revue : la revue CARITAS !",
      "OSZAR »",
      "Léo Kersauzie",
      "Cet article vous a plu ?",
      "Mentions de Cookies WordPress par Real Cookie Banner",
      "Exit mobile version",
      "Un nouveau rapprochement entre Trump et Poutine",
      "Trump a officiellement parlé à Poutine",
      "La Russie campe sur ses positions",
      "Bonnes relations personnelles",
      "Un appel “franc”, selon le Kremlin",
      "La Russie maintient sa ligne",
      "Un tournant américain qui fragilise Kiev",
      "Un climat de défiance, mais aussi d'opportunités pour Moscou",
  };
  for (std::size_t d = 0; d < s.documents.size(); ++d) {
    for (const std::string& line : kept(s.documents[d], s.cleaned[d])) {
      for (const std::string& bad : boilerplate) {
        INFO("seed " << d << " kept: " << line);
        CHECK_FALSE(starts_with(line, bad));
      }
    }
  }
}

TEST_CASE("seeds: titles", "[clean]") {
  const Seeds& s = seeds();
  REQUIRE(s.cleaned.size() == 5);
  CHECK(s.cleaned[0].title ==
        "Un nouveau rapprochement entre Trump et Poutine ? Cette décision des États-Unis "
        "interroge");  // the NBSP before "?" is collapsed to a space
  CHECK(s.cleaned[0].title_span == precis::Span{0, s.documents[0].text.find('\n')});
  // 001-003 open with a sentence (003's is a standfirst ending with "."): no title.
  CHECK(s.cleaned[1].title.empty());
  CHECK(s.cleaned[2].title.empty());
  CHECK(s.cleaned[3].title.empty());
  // 004's headline comes after a newsletter block that the page repeats at the bottom.
  CHECK(s.cleaned[4].title ==
        "Trump a officiellement parlé à Poutine pour mettre fin à la guerre en Ukraine");
}

TEST_CASE("seeds: dropped lines carry their reasons", "[clean]") {
  const Seeds& s = seeds();
  REQUIRE(s.cleaned.size() == 5);
  const auto zero = dropped(s.documents[0], s.cleaned[0]);
  REQUIRE(zero.size() == 3);
  CHECK(zero[0].second == "title");
  CHECK(zero[1].second == "title-repeat");  // line 3: the headline twice on one line
  CHECK(starts_with(zero[1].first, "Un nouveau rapprochement"));
  CHECK(zero[1].first.size() > 2 * zero[0].first.size());
  CHECK(zero[2] ==
        std::pair<std::string, std::string>{"La Russie campe sur ses positions", "heading"});

  const auto four = dropped(s.documents[4], s.cleaned[4]);
  auto reason_of = [&](const std::string& prefix) {
    std::vector<std::string> reasons;
    for (const auto& [line, reason] : four) {
      if (starts_with(line, prefix)) reasons.push_back(reason);
    }
    return reasons;
  };
  using Reasons = std::vector<std::string>;
  CHECK(reason_of("MPI vous informe") == Reasons{"repeated", "repeated"});
  CHECK(reason_of("Nous n’envoyons pas") == Reasons{"repeated", "repeated"});
  CHECK(reason_of("Trump a officiellement") == Reasons{"title"});
  CHECK(reason_of("Bonnes relations personnelles") == Reasons{"heading"});
  CHECK(reason_of("Léo Kersauzie") == Reasons{"short"});
  CHECK(reason_of("Cet article vous a plu") == Reasons{"boilerplate"});
  CHECK(reason_of("Ce site utilise Akismet") == Reasons{"boilerplate"});
  CHECK(reason_of("2 Commentaires") == Reasons{"boilerplate"});
  CHECK(reason_of("guest") == Reasons{"short"});
  CHECK(reason_of("Le numéro 3") == Reasons{"context"});
  CHECK(reason_of("OSZAR") == Reasons{"short"});
  // Text order, and no blank line (seed 004 has one made of a lone NBSP) is reported.
  for (std::size_t i = 1; i < s.cleaned[4].dropped.size(); ++i) {
    CHECK(s.cleaned[4].dropped[i - 1].span.end <= s.cleaned[4].dropped[i].span.begin);
  }
  for (const auto& [line, reason] : four) CHECK_FALSE(line.empty());
  CHECK(four.size() == 24);  // 31 non-blank lines, 7 kept
}

TEST_CASE("seeds: kept spans are trimmed lines of the text", "[clean]") {
  const Seeds& s = seeds();
  for (std::size_t d = 0; d < s.documents.size(); ++d) {
    for (const std::string& line : kept(s.documents[d], s.cleaned[d])) {
      REQUIRE_FALSE(line.empty());
      CHECK(line.find('\n') == std::string::npos);
      CHECK(line.front() != ' ');
      CHECK(line.back() != ' ');
    }
  }
}

// --- Lines and spans -------------------------------------------------------------------------

TEST_CASE("lines split at LF, CRLF and lone CR; spans exclude breaks and Unicode spaces",
          "[clean]") {
  const Document document = make_document(
      "\xC2\xA0 Première phrase ici.\r\nDeuxième phrase là.\rTroisième "
      "phrase enfin.\xE2\x80\xAF\n\n \t\nQuatrième phrase.");
  const CleanedDocument cleaned = clean_one(document);
  CHECK(kept(document, cleaned) ==
        std::vector<std::string>{"Première phrase ici.", "Deuxième phrase là.",
                                 "Troisième phrase enfin.", "Quatrième phrase."});
  CHECK(cleaned.dropped.empty());  // blank lines are neither kept nor reported
  CHECK(cleaned.lines[0].begin == 3);
}

TEST_CASE("rules: final punctuation", "[clean]") {
  using precis::clean_rules::ends_with_sentence_punctuation;
  CHECK(ends_with_sentence_punctuation("Il pleut."));
  CHECK(ends_with_sentence_punctuation("Vraiment ?"));
  CHECK(ends_with_sentence_punctuation("Et alors…"));
  CHECK(ends_with_sentence_punctuation("Voici la liste :"));
  CHECK(ends_with_sentence_punctuation("« Nous ne céderons pas. »"));
  CHECK(ends_with_sentence_punctuation("“ne pas avoir fait de progrès”."));
  CHECK(ends_with_sentence_punctuation("Il a dit « non ! »\xC2\xA0"));
  CHECK_FALSE(ends_with_sentence_punctuation("OSZAR »"));
  CHECK_FALSE(ends_with_sentence_punctuation("Trump : « pas de progrès »"));
  CHECK_FALSE(ends_with_sentence_punctuation("Militez,"));
  CHECK_FALSE(ends_with_sentence_punctuation("La Russie campe sur ses positions"));
  CHECK_FALSE(ends_with_sentence_punctuation(""));
  // Reference marks after the period do not hide it; a heading's "[edit]" is no period.
  CHECK(ends_with_sentence_punctuation("The data was stolen.[1][2]"));
  CHECK(ends_with_sentence_punctuation("It was the largest breach.[citation needed]"));
  CHECK_FALSE(ends_with_sentence_punctuation("Background[edit]"));
  // An elision in brackets is punctuation.
  CHECK(ends_with_sentence_punctuation("devant les Français […]"));
  CHECK(ends_with_sentence_punctuation("defend the contract in public [...]"));
}

TEST_CASE("rules: a line without its last period that still holds sentences", "[clean]") {
  using precis::clean_rules::holds_sentences;
  CHECK(holds_sentences("Elles seront limitées à court terme. Mais c'est le troisième départ"));
  CHECK(holds_sentences(
      "Aucun blessé n'est à déplorer, mais la préfecture a demandé aux riverains de rester chez eux"
      ". Il leur faudra plusieurs jours"));
  // Abbreviations and initials end no sentence; a credit after a caption is no clause.
  CHECK_FALSE(holds_sentences("Dr. Smith And The U.S. Army Take Questions On The New Policy"));
  CHECK_FALSE(holds_sentences(
      "Gov. Newsom signs bill to expand access to child care for thousands of families"));
  CHECK_FALSE(holds_sentences(
      "Lakers vs. Celtics: LeBron James scores 40 points as Los Angeles wins in overtime"));
  CHECK_FALSE(
      holds_sentences("Par Jean Dupont, envoyé spécial à Kiev. Publié aujourd'hui à 10 h 12, "
                      "mis à jour à 11 h 05"));
  CHECK_FALSE(
      holds_sentences("Selon M. Dupont la crue a atteint son plus haut niveau depuis 1983"));
  CHECK_FALSE(
      holds_sentences("Des pompiers devant l'usine en feu, lundi matin. Photo AFP / Jean Dupont"));
  CHECK_FALSE(holds_sentences("La Russie campe sur ses positions"));
}

TEST_CASE("rules: plain-text bullets", "[clean]") {
  using precis::clean_rules::bullet_marker_length;
  CHECK(bullet_marker_length("- La Sèvre a atteint 5,12 mètres.") == 2);
  CHECK(bullet_marker_length("* Item") == 2);
  CHECK(bullet_marker_length("\u2022\u00A0Les habitants") == 5);
  CHECK(bullet_marker_length("\u2014 Question ?") == 4);
  CHECK(bullet_marker_length("-5 % sur un an") == 0);
  CHECK(bullet_marker_length("*emphase*") == 0);
  CHECK(bullet_marker_length("\u2014") == 0);
  CHECK(bullet_marker_length("- ") == 0);
}

TEST_CASE("rules: a clause that ends with emoji", "[clean]") {
  using precis::clean_rules::ends_with_emoji_after_clause;
  CHECK(ends_with_emoji_after_clause(
      "La Lisonne a atteint 5,42 m jeudi, où 340 habitants ont été évacués \u2764\uFE0F"));
  CHECK(ends_with_emoji_after_clause(
      "What a day in Kingsford for all of us \U0001F1E8\U0001F1E6\U0001F3C6"));
  CHECK(ends_with_emoji_after_clause(
      "Thank you to every volunteer who stayed out there \U0001F44F\U0001F3FD \U0001F64F"));
  CHECK_FALSE(ends_with_emoji_after_clause("Bravo championne \U0001F44F\U0001F44F"));
  CHECK_FALSE(ends_with_emoji_after_clause("Kingsford Marathon Results And Photos \U0001F3C3"));
  CHECK_FALSE(ends_with_emoji_after_clause("La Lisonne a atteint 5,42 m jeudi à Orvilliers"));
  // A post's paragraph without its period is kept, not dropped as a heading.
  const std::string post =
      "Merci à tous ceux qui nous ont aidés cette nuit, les pompiers ont été formidables avec "
      "les enfants \u2764\uFE0F";
  const Document document =
      make_document("La Lisonne est sortie de son lit jeudi soir à Orvilliers.\n\n" + post + "\n");
  const auto lines = kept(document, clean_one(document));
  CHECK(std::count(lines.begin(), lines.end(), post) == 1);
}

TEST_CASE("rules: numbered list items", "[clean]") {
  using precis::clean_rules::numbered_marker_length;
  CHECK(numbered_marker_length("1. La commission s'est réunie à six reprises.") == 3);
  CHECK(numbered_marker_length("12) Ne pas aller chercher les enfants.") == 4);
  CHECK(numbered_marker_length("1.1 This report informs Cabinet of the collapse.") == 4);
  CHECK(numbered_marker_length("2.3.4.  \"We will rebuild,\" she said.") == 8);
  CHECK(numbered_marker_length("(3) Le second volet concerne les ouvrages privés.") == 4);
  CHECK(numbered_marker_length("a) Le premier volet concerne les digues.") == 3);
  CHECK(numbered_marker_length("(b) The second part covers private works.") == 4);
  CHECK(numbered_marker_length("b) déploiement sur site d'une équipe de l'ANSSI ;") == 3);
  CHECK(numbered_marker_length("3) déploiement sur site d'une équipe de l'ANSSI ;") == 0);
  CHECK(numbered_marker_length("\u00C9. Élus et agents") == 0);  // an initial, not a number
  CHECK(numbered_marker_length("2024. The year began with a storm.") == 0);
  CHECK(numbered_marker_length("3 people died in the blast.") == 0);
  CHECK(numbered_marker_length("3.5 millions de personnes vivent dans la zone.") == 0);
  CHECK(numbered_marker_length("2.5 Million Jobs Lost in March") == 0);
  CHECK(numbered_marker_length("3. 5 000 euros ont été versés.") == 0);
  CHECK(numbered_marker_length("21. C'est le nombre de voyages effectués.") == 0);
  CHECK(numbered_marker_length("40. That's how many homes were lost.") == 0);
  CHECK(numbered_marker_length("1.") == 0);
}

TEST_CASE("rules: datelines", "[clean]") {
  using precis::clean_rules::find_dateline;
  const auto dateline = [](const std::string& line) {
    return line.substr(0, find_dateline(line).length);
  };
  // Wire services' forms: place, region or date, agency tag; hyphen, double hyphen, AP's
  // underscore, en, em and bar dashes, spaced or not, NBSP for a space.
  CHECK(dateline("WASHINGTON (AP) _ The Senate voted on Tuesday to approve the bill.") ==
        "WASHINGTON (AP) _ ");
  CHECK(dateline("PARIS, 5 mai (AFP) - Le président a annoncé mardi une réforme.") ==
        "PARIS, 5 mai (AFP) - ");
  CHECK(dateline("BEIJING, Jan. 5 (Xinhua) -- China's economy grew faster than expected.") ==
        "BEIJING, Jan. 5 (Xinhua) -- ");
  CHECK(dateline("BEIJING, Jan. 5, 2024 (Xinhua) -- China's trade grew steadily in 2023.") ==
        "BEIJING, Jan. 5, 2024 (Xinhua) -- ");
  CHECK(dateline("MADRID, 5 May. (EUROPA PRESS) - The government approved a housing law.") ==
        "MADRID, 5 May. (EUROPA PRESS) - ");
  CHECK(dateline("MARLOW, Pa. (AP) \u2014 A small plane crashed into a field on Sunday.") ==
        "MARLOW, Pa. (AP) \u2014 ");
  CHECK(dateline("NEW YORK\u2014The stock market fell sharply on Monday.") == "NEW YORK\u2014");
  // Press release wires: the service between slashes.
  CHECK(dateline("KINGSFORD, ON, May 25, 2025 /CNW/ \u2013 The marathon was cut short today.") ==
        "KINGSFORD, ON, May 25, 2025 /CNW/ \u2013 ");
  CHECK(dateline("NEW YORK, March 3, 2025 /PRNewswire/ -- Acme Corp. today announced a deal.") ==
        "NEW YORK, March 3, 2025 /PRNewswire/ -- ");
  CHECK(
      dateline("Nantes, Lyon, Lille, Rennes et/ou Brest - les villes ont voté le texte.").empty());
  // La Presse and The Canadian Press: the place in brackets.
  CHECK(dateline("(Sion) Les 342 habitants d'un village des Alpes suisses ont été évacués.") ==
        "(Sion) ");
  CHECK(dateline("(Saint-Jean-sur-Richelieu) Le maire a déclaré l'état d'urgence mardi.") ==
        "(Saint-Jean-sur-Richelieu) ");
  CHECK(dateline("(Rivière du Loup) Le traversier reprendra son service lundi matin.") ==
        "(Rivière du Loup) ");
  CHECK(dateline("(Mise à jour) Le bilan s'est alourdi à trois morts mardi soir.").empty());
  CHECK(dateline("(Re)découvrez les plus beaux villages de la région cet été.").empty());
  CHECK(dateline("(2025) Le bilan s'est alourdi à trois morts mardi soir.").empty());
  CHECK(dateline("TEXAS, US \u2013 A United States Army court martial found him guilty.") ==
        "TEXAS, US \u2013 ");
  CHECK(dateline("LONDON, England \u2014 The mayor opened a new bridge on Monday.") ==
        "LONDON, England \u2014 ");
  CHECK(dateline("London, England \u2014 The mayor opened a new bridge on Monday.") ==
        "London, England \u2014 ");
  CHECK(dateline("Meadow Lake, Saskatchewan \u2013 Police arrested two men on Sunday.") ==
        "Meadow Lake, Saskatchewan \u2013 ");
  CHECK(dateline("Rio de Janeiro, Brazil (Reuters) - Floods killed at least 20 people.") ==
        "Rio de Janeiro, Brazil (Reuters) - ");
  CHECK(dateline("PORT OF SPAIN, Trinidad and Tobago (AP) \u2014 Voters went to the polls.") ==
        "PORT OF SPAIN, Trinidad and Tobago (AP) \u2014 ");
  CHECK(dateline("\u00C9VRY (AFP) - \u00AB Nous avons tout perdu \u00BB, a dit le maire.") ==
        "\u00C9VRY (AFP) - ");
  CHECK(dateline("E\u0301VRY (AFP) - Le maire a d\u00E9cr\u00E9t\u00E9 l'\u00E9tat de crise.") ==
        "E\u0301VRY (AFP) - ");
  CHECK(dateline("Berlin (dpa) - Die Regierung hat am Montag beschlossen.") == "Berlin (dpa) - ");
  CHECK(dateline("PARIS\u00A0(AFP)\u00A0-\u00A0Le gouvernement a pr\u00E9sent\u00E9 son plan.") ==
        "PARIS\u00A0(AFP)\u00A0-\u00A0");
  CHECK(dateline("PARIS (AFP)- Le gouvernement a pr\u00E9sent\u00E9 son plan hier.") ==
        "PARIS (AFP)- ");
  CHECK(dateline("PARIS (AFP) -Le gouvernement a pr\u00E9sent\u00E9 son plan hier.") ==
        "PARIS (AFP) -");
  CHECK(dateline("WASHINGTON \u2015 The Senate voted on Tuesday to approve it.") ==
        "WASHINGTON \u2015 ");
  CHECK(dateline("WASHINGTON (AP) \u2014 eBay said on Tuesday that sales rose.") ==
        "WASHINGTON (AP) \u2014 ");
  // An agency tag alone, or after a date; CNN's and PTI's without a dash.
  CHECK(dateline("(Reuters) - Tesla said on Wednesday it would cut prices.") == "(Reuters) - ");
  CHECK(dateline("March 3 (Reuters) - Tesla said on Wednesday it would cut prices.") ==
        "March 3 (Reuters) - ");
  CHECK(dateline("(CNN)President Joe Biden signed the bill on Friday.") == "(CNN)");
  CHECK(dateline("Washington (CNN)President Joe Biden signed the bill on Friday.") ==
        "Washington (CNN)");
  CHECK(dateline("New Delhi, Jan 5 (PTI) The government announced new rules today.") ==
        "New Delhi, Jan 5 (PTI) ");
  CHECK(dateline("NEW DELHI: The government announced new rules for exporters.") == "NEW DELHI: ");
  // A rubric in capitals opens some French articles the same way.
  CHECK(dateline("VID\u00C9O - Des images montrent de jeunes pandas.") == "VID\u00C9O - ");
  CHECK(dateline("FIGAROVOX/TRIBUNE - Pour l'auteur, la r\u00E9forme est n\u00E9cessaire.") ==
        "FIGAROVOX/TRIBUNE - ");
  // A date stamp glued to the text, with no dash.
  CHECK(dateline("Saturday, March 26, 2005 Up to four times as many women as men died.") ==
        "Saturday, March 26, 2005 ");
  CHECK(dateline("March 26, 2005 The court ruled against the company on Friday.") ==
        "March 26, 2005 ");
  CHECK(dateline("Samedi 26 mars 2005 Les syndicats appellent \u00E0 manifester jeudi.") ==
        "Samedi 26 mars 2005 ");
  CHECK(dateline("Sat. 26 March 2005 \u201CWe lost everything,\u201D the mayor said.") ==
        "Sat. 26 March 2005 ");
  CHECK(find_dateline("Saturday, March 26, 2005 Up to four times as many women died.").own ==
        std::string("Saturday, March 26, 2005").size());

  const precis::clean_rules::Dateline bare =
      find_dateline("WASHINGTON \u2014 The Senate voted on Tuesday to approve it.");
  CHECK(bare.bare_place == "WASHINGTON");
  CHECK_FALSE(bare.agency);
  CHECK(find_dateline("WASHINGTON (AP) \u2014 The Senate voted on it today.").bare_place.empty());

  // Text, not datelines.
  for (const std::string line : {
           "EU \u2013 Russia talks resumed on Monday in Brussels.",
           "Emmanuel Macron \u2013 qui \u00E9tait \u00E0 Berlin \u2013 a parl\u00E9.",
           "Saint-Denis - la ville a vot\u00E9 un nouveau budget.",
           "COVID-19 \u2013 Le nombre de cas a fortement augment\u00E9.",
           "Le pr\u00E9sident, Emmanuel Macron \u2013 a dit qu'il partait.",
           "London \u2014 The mayor opened a new bridge on Monday.",
           "Yes, Virginia \u2014 There is a Santa Claus, the paper wrote.",
           "Paris, Lyon \u2014 Les deux villes ont sign\u00E9 un accord hier.",
           "Nantes, Lyon \u2013 Les deux clubs se retrouvent ce soir au stade.",
           "Apple, Google et Microsoft \u2013 Les g\u00E9ants publient leurs comptes.",
           "Mr. Smith, 45 - said he would appeal the ruling soon.",
           "Jean Dupont, 45 ans \u2013 Le nouveau maire a pris ses fonctions.",
           "Marie Curie, 1867-1934 \u2014 The scientist won two Nobel prizes.",
           "PSG \u2013 OM : les Marseillais ont perdu le classique hier soir.",
           "USA \u2013 Mexico: The two teams meet again on Sunday night.",
           "MGR AUPETIT \u2013 L'archev\u00EAque a remis sa d\u00E9mission au pape.",
           "III \u2013 Les cons\u00E9quences de la r\u00E9forme sont nombreuses.",
           "NON \u2013 Les \u00E9lecteurs ont rejet\u00E9 le texte dimanche.",
           "NATO \u2013 The alliance agreed on Tuesday to raise its spending targets.",
           "SNCF \u2013 Les syndicats appellent \u00E0 une gr\u00E8ve reconductible.",
           "CGT, FO et CFDT \u2013 Les syndicats appellent \u00E0 manifester jeudi.",
           "LE POINT : Comment expliquez-vous le succ\u00E8s de votre livre ?",
           "LE FIGARO. - Comment expliquez-vous ce r\u00E9sultat surprenant ?",
           "Le d\u00E9put\u00E9 (LREM) Jean Dupont a d\u00E9pos\u00E9 un amendement.",
           "PARIS \u2013 trop court.",
           "PARIS \u2013 Deux mots.",
           "PARIS-MATCH a publi\u00E9 les photos du mariage hier.",
           "WASHINGTON (a note, really) - The Senate voted on it.",
           "March 26, 2005, the court ruled against the company on Friday.",
           "Saturday, March 26, 2005 was the day the court ruled against it.",
           "Le 26 mars 2005 \u00E0 Paris, les syndicats ont manifest\u00E9.",
           "Saturday, March 26 The court ruled against the company on Friday.",
           "Saturday 2005 The court ruled against the company on Friday.",
           "In 2005 The Beatles were still the best-selling band in Britain.",
           "March 26, 2005 2,000 people marched through the city centre.",
           "March 26, 2005 Up to now.",
           "",
           "\u2014",
       })
    CHECK(find_dateline(line).length == 0);
}

TEST_CASE("rules: SGML and HTML markup at the edges of a line", "[clean]") {
  using namespace precis::clean_rules;
  CHECK(markup_only("<P>"));
  CHECK(markup_only("</TEXT>"));
  CHECK(markup_only("<div class=\"story\"> <br/>"));
  CHECK(markup_only("<!-- a comment -->"));
  CHECK_FALSE(markup_only("<b>Paris</b>"));
  CHECK_FALSE(markup_only("<3 Paris"));
  CHECK_FALSE(markup_only("a < b > c"));
  CHECK_FALSE(markup_only("<"));
  CHECK_FALSE(markup_only(""));
  const std::string docno = "<DOCNO> APW19981016.0240 </DOCNO>";
  CHECK(leading_markup_length(docno) == 8);
  CHECK(trailing_markup_length(docno) == 9);
  CHECK(leading_markup_length("<P>Le pr\u00E9sident a parl\u00E9.</P>") == 3);
  CHECK(trailing_markup_length("<P>Le pr\u00E9sident a parl\u00E9.</P>") == 4);
  // Inline tags are text; so is a lone angle bracket.
  CHECK(leading_markup_length("<b>Paris</b> a vot\u00E9.") == 0);
  CHECK(trailing_markup_length("Il a dit <i>non</i>") == 0);
  CHECK(leading_markup_length("<john@example.com> a \u00E9crit") == 0);
  CHECK(trailing_markup_length("x > 3 and y < 4>") == 0);
}

TEST_CASE("rules: words, keys, title repeats", "[clean]") {
  using namespace precis::clean_rules;
  CHECK(count_words("OSZAR »") == 1);
  CHECK(count_words("Abonnez-vous à CARITAS !") == 3);
  CHECK(count_words("Le 2\xC2\xA0juin — enfin") == 4);
  CHECK(comparison_key("  S’abonner\xC2\xA0 À  la LETTRE ") == "s'abonner à la lettre");
  CHECK(comparison_key("ÉTATS-UNIS") == "états-unis");
  CHECK(is_title_repeat("titre du jour titre du jour", "titre du jour"));
  CHECK(is_title_repeat("titre du jour", "titre du jour"));
  CHECK_FALSE(is_title_repeat("titre du jour, suite", "titre du jour"));
  CHECK_FALSE(is_title_repeat("titre du journal", "titre du jour"));
  // First words, as a wrapper sees them: Chinese and Japanese break between any two characters.
  CHECK(first_word_code_points("États-Unis et Russie") == 10);
  CHECK(first_word_code_points("mot") == 3);
  CHECK(first_word_code_points("\xC2\xA0") == 0);
  CHECK(first_word_code_points("日本政府は火曜日") == 1);
  CHECK(first_word_code_points("Le新华社") == 2);
  CHECK(starts_with_letter("Élysée"));
  CHECK_FALSE(starts_with_letter("- une hausse"));
  CHECK_FALSE(starts_with_letter("« Non »"));
  CHECK(ends_with_colon("trois revendications :"));
  CHECK(ends_with_colon("声明："));
  CHECK_FALSE(ends_with_colon("fin."));
}

// --- Rule 1: the title -----------------------------------------------------------------------

TEST_CASE("title: the first line without final punctuation, repeats dropped", "[clean]") {
  const Document document = make_document(
      "Poutine et Trump se parlent au téléphone\n\n"
      "Poutine et Trump se parlent au téléphone Poutine et Trump se parlent au téléphone\n"
      "Les deux présidents se sont parlé jeudi pendant une heure.\n"
      "poutine et trump  se parlent au téléphone\n");
  const CleanedDocument cleaned = clean_one(document);
  CHECK(cleaned.title == "Poutine et Trump se parlent au téléphone");
  CHECK(cleaned.title_span == precis::Span{0, cleaned.title.size()});
  CHECK(kept(document, cleaned) ==
        std::vector<std::string>{"Les deux présidents se sont parlé jeudi pendant une heure."});
  REQUIRE(cleaned.dropped.size() == 3);
  CHECK(cleaned.dropped[0].reason == "title");
  CHECK(cleaned.dropped[1].reason == "title-repeat");
  CHECK(cleaned.dropped[2].reason == "title-repeat");
}

TEST_CASE("title: none when the document opens with a sentence", "[clean]") {
  const Document document = make_document(
      "Les deux présidents se sont parlé jeudi pendant une heure.\n"
      "Un appel sans résultat concret\n"
      "Le Kremlin a qualifié l'échange de franc et direct.\n");
  const CleanedDocument cleaned = clean_one(document);
  CHECK(cleaned.title.empty());
  CHECK(cleaned.title_span == precis::Span{});
  REQUIRE(cleaned.dropped.size() == 1);
  CHECK(cleaned.dropped[0].reason == "heading");  // a subhead, not the title
  CHECK(kept(document, cleaned).size() == 2);
}

TEST_CASE("rules: a final initialism", "[clean]") {
  using precis::clean_rules::ends_with_initialism;
  CHECK(ends_with_initialism("Tsunami aid donations deductible in the U.S."));
  CHECK(ends_with_initialism("Sanctions voted at the U.N.\")"));
  CHECK(ends_with_initialism("U.S.A."));
  CHECK_FALSE(ends_with_initialism("He flew to the US."));
  CHECK_FALSE(ends_with_initialism("Signed by George W."));         // one letter: a name's initial
  CHECK_FALSE(ends_with_initialism("Its shares trade as BRK.B."));  // inside a word
  CHECK_FALSE(ends_with_initialism("Aid to the U.S. rises"));
  CHECK_FALSE(ends_with_initialism(""));
}

TEST_CASE("title: a short first line ending with an initialism is the headline", "[clean]") {
  const std::string body =
      "U.S. citizens donating in 2005 may write off their donations on their 2004 tax returns.\n";
  const Document headline = make_document(
      "2005/01/08 Tsunami aid donations in 2005 deductible for 2004 in the U.S.\n\n" + body);
  const CleanedDocument cleaned = clean_one(headline);
  CHECK(cleaned.title ==
        "2005/01/08 Tsunami aid donations in 2005 deductible for 2004 in the U.S.");
  CHECK(kept(headline, cleaned) == std::vector<std::string>{body.substr(0, body.size() - 1)});
  // A longer first line is a lede, and further down such a line is a sentence.
  const Document lede = make_document(
      "Citizens donating in 2005 to help the victims of the tsunami may deduct it from their taxes "
      "in the U.S.\n\n" +
      body);
  CHECK(clean_one(lede).title.empty());
  CHECK(kept(lede, clean_one(lede)).size() == 2);
  const Document second = make_document("Aid donations rise\n\nThey flew to the U.S.\n\n" + body);
  const Document alone = make_document("Tsunami aid donations are deductible in the U.S.\n");
  CHECK(clean_one(alone).title.empty());  // a one-sentence document keeps its sentence
  CHECK(kept(alone, clean_one(alone)).size() == 1);
  CHECK(clean_one(second).title == "Aid donations rise");
  CHECK(kept(second, clean_one(second)).size() == 2);
}

TEST_CASE("title: found below boilerplate, a rubric and a headline printed twice", "[clean]") {
  const Document document = make_document(
      "Abonnez-vous à notre newsletter\n"
      "International\n"
      "Le Kremlin juge l'appel franc\n"
      "Le Kremlin juge l'appel franc\n"
      "Vladimir Poutine a parlé avec Donald Trump pendant une heure jeudi soir.\n");
  const CleanedDocument cleaned = clean_one(document);
  CHECK(cleaned.title == "Le Kremlin juge l'appel franc");
  const auto lines = dropped(document, cleaned);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].second == "boilerplate");
  CHECK(lines[1] == std::pair<std::string, std::string>{"International", "short"});
  CHECK(lines[2].second == "title");
  CHECK(lines[3].second == "title-repeat");
}

TEST_CASE("title: a line repeated further down is not the title", "[clean]") {
  const Document document = make_document(
      "Recevez nos articles chaque matin gratuitement\n"
      "La Russie ne renoncera pas à ses objectifs\n"
      "Vladimir Poutine a parlé avec Donald Trump pendant une heure jeudi soir.\n"
      "Recevez nos articles chaque matin gratuitement\n");
  const CleanedDocument cleaned = clean_one(document);
  CHECK(cleaned.title == "La Russie ne renoncera pas à ses objectifs");
  const auto lines = dropped(document, cleaned);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].second == "repeated");
  CHECK(lines[2].second == "repeated");
}

// --- Rules 2 and 6: repetition within a document, sharing across documents --------------------

TEST_CASE("repeated lines are dropped, unless another document shares them", "[clean]") {
  const Document a = make_document(
      "Le Kremlin a qualifié l'échange de franc.\n"
      "Suivez toute l'actualité en direct.\n"
      "Moscou ne renoncera pas à ses objectifs, a déclaré Iouri Ouchakov.\n"
      "SUIVEZ  toute l’actualité en direct.\n"
      "Selon l'AFP\n",
      "a.txt");
  const Document b = make_document(
      "Moscou ne renoncera pas à ses objectifs, a déclaré Iouri Ouchakov.\n"
      "Selon l'AFP\n"
      "Kiev s'inquiète de la suspension des livraisons d'armes américaines.\n"
      "Moscou ne renoncera pas à ses objectifs, a déclaré Iouri Ouchakov.\n",
      "b.txt");
  const auto cleaned = clean(std::vector<Document>{a, b});
  // The wire sentence is kept in both; b repeats it but shares it with a, so both copies stay.
  CHECK(kept(a, cleaned[0]) ==
        std::vector<std::string>{
            "Le Kremlin a qualifié l'échange de franc.",
            "Moscou ne renoncera pas à ses objectifs, a déclaré Iouri Ouchakov."});
  CHECK(kept(b, cleaned[1]).size() == 3);
  const auto dropped_a = dropped(a, cleaned[0]);
  REQUIRE(dropped_a.size() == 3);
  CHECK(dropped_a[0].second == "repeated");
  CHECK(dropped_a[1].second == "repeated");
  // The shared credit is a short line, shared or not: sharing spares sentences only.
  CHECK(dropped_a[2] == std::pair<std::string, std::string>{"Selon l'AFP", "short"});
  CHECK(dropped(a, clean_one(a)).back() ==
        std::pair<std::string, std::string>{"Selon l'AFP", "short"});
}

TEST_CASE("two pages of one outlet: their shared template goes", "[clean]") {
  // Menus, share buttons and the site's name are the same on both pages, and are no sentences:
  // kept as shared lines, they were glued to the paragraph under them.
  const std::string menu =
      "Accueil Politique Société Économie\nL'Écho de l'Aure\nFacebook Twitter E-mail\n";
  const Document a = make_document(
      menu + "Le conseil municipal a voté la gratuité des bus pour tous les habitants.\n", "a.txt");
  const Document b = make_document(
      menu + "Franck Hébert, chef de file de l'opposition, conteste la régularité du vote.\n",
      "b.txt");
  const auto cleaned = clean(std::vector<Document>{a, b});
  CHECK(kept(a, cleaned[0]) ==
        std::vector<std::string>{
            "Le conseil municipal a voté la gratuité des bus pour tous les habitants."});
  CHECK(kept(b, cleaned[1]) ==
        std::vector<std::string>{
            "Franck Hébert, chef de file de l'opposition, conteste la régularité du vote."});
}

TEST_CASE("shared lines still go when they match the phrase list", "[clean]") {
  const std::string text =
      "Moscou ne renoncera pas à ses objectifs, a déclaré Iouri Ouchakov.\n"
      "Inscrivez-vous à notre newsletter quotidienne.\n";
  const auto cleaned =
      clean(std::vector<Document>{make_document(text, "a.txt"), make_document(text, "b.txt")});
  for (const CleanedDocument& document : cleaned) {
    REQUIRE(document.dropped.size() == 1);
    CHECK(document.dropped[0].reason == "boilerplate");
    CHECK(document.lines.size() == 1);
  }
}

// --- Rule 3: the phrase list -----------------------------------------------------------------

TEST_CASE("boilerplate phrases: case, apostrophes, whole words", "[clean]") {
  const std::vector<std::string> boilerplate = {
      "Nous utilisons des COOKIES pour améliorer votre expérience.",
      "Lisez notre politique de confidentialité.",
      "© 2025 Le Journal",
      "Le Journal, tous droits réservés.",
      "À lire aussi : la guerre en Ukraine",
      "Publié le 3 juillet 2025 à 10h12.",
      "Partager sur Facebook",
      "Réagir",
      "12 commentaires",
      "S'abonner",
      "Crédit photo : AFP",
      "Read more",
      "Subscribe to our newsletter!",
      "Advertisement",
      "Inscrivez-vous à la lettre d’information.",
      // A prompt or a page stamp that opens the line, after marks or a link number.
      "» Lire aussi : Inondations, les routes coupées ce dimanche",
      "Lire : Que sont les IMSI-catchers, ces valises qui espionnent les téléphones portables ?",
      "Lire également: le calendrier des travaux",
      "[8]Partager sur Facebook [9]Partager sur X [10]Partager sur LinkedIn",
      "Subscribe to receive email notifications when we publish new content.",
      "Mis à jour le 22/09/2025 à 15h02",
      "Publicité",
      "Cliquez pour envoyer un lien par e-mail à un ami(ouvre dans une nouvelle fenêtre)",
      // Image lines: alt texts and caption labels.
      "Texte alternatif : Un archéologue en gilet orange dégage un vase rempli de pièces.",
      "[Image: Vue aérienne du chantier du tramway, avenue de la République.]",
      "Photo: Firefighters at the scene of the fire on Main Street on Tuesday.",
      "La suite de cet article est réservée aux abonnés.",
      // A newsletter's chrome, a correction, a cookie banner's buttons.
      "Having trouble viewing this email? View it in your browser.",
      "Forwarded this email? Subscribe here for more.",
      "Si vous ne parvenez pas à lire ce message, voir la version en ligne.",
      "Correction: An earlier version of this article misstated the vote on the amendment.",
      "Une version précédente de cet article indiquait par erreur que le pont datait de 1962.",
      "Accepter et fermer",
      "Nous respectons votre vie privée",
  };
  for (const std::string& line : boilerplate) {
    const Document document =
        make_document("Les deux présidents se sont parlé jeudi pendant une heure.\n" + line +
                      "\nLe Kremlin a qualifié l'échange de franc et de direct.\n");
    const auto lines = dropped(document, clean_one(document));
    INFO(line);
    CHECK(lines == std::vector<std::pair<std::string, std::string>>{{line, "boilerplate"}});
  }
}

TEST_CASE("a headline that uses a widget's or a prompt's word is still the headline", "[clean]") {
  // OrangeSum: 57 such headlines were dropped as boilerplate, and the article had no title.
  for (const std::string headline :
       {"Racisme: Coca-Cola interrompt à son tour la publicité sur les réseaux sociaux",
        "Twitter encourage ses utilisateurs à réfléchir avant de partager",
        "Publicité anti-IVG : la justice demande le réaffichage d'une campagne d'Alliance Vita",
        "YouTube assure que le retrait de commentaires anti-Chine est une erreur",
        // An image marker counts only where it opens the line.
        "Bugatti Divo : nouvelle image : actualité automobile, infos, scoop",
        "Mars rover sends its first image: a dusty plain"}) {
    const Document document = make_document(
        headline +
        "\nLe groupe a annoncé vendredi qu'il suspendait ses campagnes pendant trente "
        "jours au moins.\n");
    INFO(headline);
    CHECK(clean_one(document).title == headline);
  }
}

TEST_CASE("a skip link's words in a sentence are no skip link", "[clean]") {
  const Document document = make_document(
      "Le ministre a présenté jeudi sa réforme des retraites aux partenaires sociaux.\n\n"
      "Il a demandé aux syndicats d'aller au contenu de la réforme plutôt que de la caricaturer.\n",
      "a.txt");
  CHECK(kept(document, clean_one(document)).size() == 2);
}

TEST_CASE("boilerplate phrases do not take real sentences", "[clean]") {
  const std::vector<std::string> sentences = {
      "Le Kremlin s'est refusé à tout commentaire.",
      "Il souhaite partager ses vues avec le président ukrainien.",
      "Le rapport publié le 3 juin montre une hausse des combats.",
      "Les enquêteurs veulent en savoir plus sur ses motivations.",
      "Le président n'a pas voulu réagir publiquement à ces propos.",
      "Many analysts subscribe to the view that the call changed little.",
      "La CNIL veille sur les données personnelles des Européens.",
      "La publicité politique est interdite pendant la campagne.",
      // A prompt's words inside a sentence (rpm2_fr_dev has the first two).
      "Il était difficile de ne pas lire aussi les arrière-pensées du président.",
      "Pouvait-on lire aussi sur les tee-shirts des manifestants.",
      "On pouvait y lire : « Le pouvoir au peuple ».",
      "Le registre, mis à jour le 3 mars, recense 1 200 victimes.",
      "Readers can read more about the call on the ministry's website.",
      // A widget's name opening a sentence longer than a label (an OrangeSum lede).
      "Publicité agressive pour le lait en poudre et employeurs hostiles: la Chine allaite peu.",
      "Share prices fell sharply in Tokyo after the call, traders said.",
      "Comments by the Kremlin spokesman angered officials in Kyiv on Friday.",
      "L'image : celle d'un président isolé, a résumé un diplomate.",
      "Getty Images said on Tuesday it would buy its rival Shutterstock for $1 billion.",
  };
  for (const std::string& sentence : sentences) {
    const Document document = make_document("Les deux présidents se sont parlé jeudi.\n" +
                                            sentence + "\nLe Kremlin a parlé de franchise.\n");
    INFO(sentence);
    CHECK(clean_one(document).dropped.empty());
  }
}

TEST_CASE("long lines are content unless a strong phrase marks them", "[clean]") {
  std::string paragraph = "La newsletter du ministère, citée par plusieurs journaux,";
  for (int i = 0; i < 40; ++i) paragraph += " affirme";
  paragraph += " que la guerre continue.";
  std::string banner = "Ce site utilise des cookies";
  for (int i = 0; i < 40; ++i) banner += " et";
  banner += " vous pouvez les refuser.";
  const Document document = make_document(paragraph + "\n" + banner + "\n");
  const CleanedDocument cleaned = clean_one(document);
  CHECK(kept(document, cleaned) == std::vector<std::string>{paragraph});
  REQUIRE(cleaned.dropped.size() == 1);
  CHECK(cleaned.dropped[0].reason == "boilerplate");
}

// --- Rule 4: short lines and headings --------------------------------------------------------

TEST_CASE("short lines and headings without final punctuation are dropped", "[clean]") {
  const std::string body1 =
      "Vladimir Poutine a indiqué jeudi à Donald Trump que la Russie ne renoncera pas à ses "
      "objectifs en Ukraine, selon le conseiller diplomatique du Kremlin.";
  const std::string body2 =
      "Le président américain a déploré jeudi soir ne pas avoir fait de progrès à la suite de "
      "cet entretien téléphonique avec son homologue russe.";
  const Document document = make_document(body1 + "\n\nSur le front\n\n" + body2 +
                                          "\n\nUne relation personnelle ancienne et suivie\n\n" +
                                          body1 + " Encore.\n\nJean Dupont\n");
  const CleanedDocument cleaned = clean_one(document);
  CHECK(kept(document, cleaned).size() == 3);
  const auto lines = dropped(document, cleaned);
  CHECK(lines == std::vector<std::pair<std::string, std::string>>{
                     {"Sur le front", "heading"},  // a short subhead between paragraphs
                     {"Une relation personnelle ancienne et suivie", "heading"},
                     {"Jean Dupont", "short"}});
}

// --- Rule 5: the Boilerpipe word-count rule, in the tail only --------------------------------

TEST_CASE("short fragments after the article are dropped, a short lede is not", "[clean]") {
  const std::string body =
      "Vladimir Poutine a indiqué jeudi à Donald Trump que la Russie ne renoncera pas à ses "
      "objectifs en Ukraine, selon le conseiller diplomatique du Kremlin.";
  const Document document = make_document(
      "Par Jean Dupont\n"
      "Poutine et Trump se sont parlé.\n"
      "L'appel a duré une heure.\n" +
      body +
      "\nSoutenez-nous\n"
      "Notre revue est en vente en kiosque !\n"
      "Merci\n");
  const CleanedDocument cleaned = clean_one(document);
  CHECK(kept(document, cleaned) == std::vector<std::string>{"Poutine et Trump se sont parlé.",
                                                            "L'appel a duré une heure.", body});
  const auto lines = dropped(document, cleaned);
  REQUIRE(lines.size() == 4);
  CHECK(lines[2] ==
        std::pair<std::string, std::string>{"Notre revue est en vente en kiosque !", "context"});
}

TEST_CASE("a short section that closes the article is no widget tail", "[clean]") {
  // Its subhead is under kMinHeadingWords and dropped as short; the section's sentences stay.
  const std::string lede =
      "A freight train derailed late Monday in Dunmore Falls, Pa., forcing about 2,400 people from "
      "their homes.";
  const Document document = make_document(
      "Train derails in Dunmore Falls\n\n" + lede +
      "\n\nA troubled record\nThe railroad has had three derailments since 2019, federal data "
      "show.\nNone involved hazardous materials.\n\nWhat comes next\nInvestigators expect a "
      "preliminary report within 30 days.\n\nThomson Reuters\nDaniel covers transportation from "
      "Philadelphia.\n\nGet in touch\nDo you have a story suggestion?\n");
  const CleanedDocument cleaned = clean_one(document);
  CHECK(kept(document, cleaned) ==
        std::vector<std::string>{lede,
                                 "The railroad has had three derailments since 2019, federal data "
                                 "show.",
                                 "None involved hazardous materials.",
                                 "Investigators expect a preliminary report within 30 days."});
  const auto lines = dropped(document, cleaned);
  CHECK(std::count(lines.begin(), lines.end(),
                   std::pair<std::string, std::string>{
                       "Daniel covers transportation from Philadelphia.", "context"}) == 1);
  CHECK(std::count(lines.begin(), lines.end(),
                   std::pair<std::string, std::string>{"Do you have a story suggestion?",
                                                       "context"}) == 1);
  // A one-word subhead opens a section too; a widget's label does not (what follows it is a
  // teaser, even when it reads as a sentence).
  const std::string last = "Bridges across the county were closed to traffic for inspection.";
  for (const std::string label : {"Casualties", "Bilan", "Related", "Trending"}) {
    const Document page = make_document("Train derails in Dunmore Falls\n\n" + lede + "\n\n" +
                                        label + "\n" + last + "\n");
    INFO(label);
    const bool subhead = label == "Casualties" || label == "Bilan";
    CHECK(kept(page, clean_one(page)) ==
          (subhead ? std::vector<std::string>{lede, last} : std::vector<std::string>{lede}));
  }
}

// --- Rule 6: captions glued under a paragraph ------------------------------------------------

namespace {

// A paragraph hard-wrapped on two lines, its break mid-sentence before a lower-case word.
const std::string kWrappedArrestParagraph =
    "Indian police on Thursday arrested four men suspected of planting the bombs that\n"
    "tore through two New Delhi cinemas last week, killing seven people.";
const std::string kQuakeParagraph =
    "Haitian police yesterday arrested ten United States nationals, five men and five women, over "
    "the alleged abduction of 33 children at the border with the Dominican Republic.";
const std::string kCharityParagraph =
    "The group belongs to a two-month-old charity, with some members from a Baptist church in "
    "Idaho and others from Texas and Kansas, and says it meant to open an orphanage.";
const std::string kPoliceParagraph =
    "Police said the Americans did not have any paperwork or permission to remove the children "
    "from the country, and the government has imposed new restrictions on adoptions.";

}  // namespace

TEST_CASE("a caption and its credit glued under a paragraph are dropped", "[clean]") {
  const Document document = make_document(
      "Monday, February 1, 2010\n\n" + kQuakeParagraph +
      "\nLots of children have been affected by the earthquake.\nAFP / Diego Grez.\n\n" +
      kCharityParagraph + "\n\n" + kPoliceParagraph + "\n");
  const CleanedDocument cleaned = clean_one(document);
  CHECK(kept(document, cleaned) ==
        std::vector<std::string>{kQuakeParagraph, kCharityParagraph, kPoliceParagraph});
  const auto lines = dropped(document, cleaned);
  REQUIRE(lines.size() == 3);
  CHECK(lines[1] == std::pair<std::string, std::string>{
                        "Lots of children have been affected by the earthquake.", "caption"});
  CHECK(lines[2] == std::pair<std::string, std::string>{"AFP / Diego Grez.", "caption"});
}

TEST_CASE("short glued lines that are not captions are kept", "[clean]") {
  const std::string caption = "Lots of children have been affected by the earthquake.";
  SECTION("one paragraph a line: a line break is the paragraph separator") {
    const Document document = make_document(kQuakeParagraph + "\n" + caption + "\n" +
                                            kCharityParagraph + "\n" + kPoliceParagraph + "\n");
    CHECK(kept(document, clean_one(document)).size() == 4);
  }
  SECTION("more text follows in the block: a list, not a caption") {
    const Document document = make_document(
        kQuakeParagraph + "\n" + caption + "\n" + kCharityParagraph + "\n\n" + kPoliceParagraph +
        "\n\n" + kCharityParagraph + " Again.\n\n" + kPoliceParagraph + " Again.\n");
    CHECK(kept(document, clean_one(document)).size() == 6);
  }
  SECTION("glued under a dateline, not under running text: a lede") {
    const Document document =
        make_document("Monday, February 1, 2010\n" + caption + "\n\n" + kQuakeParagraph + "\n\n" +
                      kCharityParagraph + "\n\n" + kPoliceParagraph + "\n");
    CHECK(kept(document, clean_one(document)).front() == caption);
  }
  SECTION("glued under a short sentence, not under a paragraph") {
    const Document document =
        make_document("Il pleut sur Port-au-Prince.\n" + caption + "\n\n" + kQuakeParagraph +
                      "\n\n" + kCharityParagraph + "\n\n" + kPoliceParagraph + "\n");
    CHECK(kept(document, clean_one(document)).size() == 5);
  }
  SECTION("every block ends with a short line: that is the layout, not a caption") {
    const Document document =
        make_document(kQuakeParagraph + "\n" + caption + "\n\n" + kCharityParagraph +
                      "\nThe charity denies it.\n\n" + kPoliceParagraph + "\nNo one was hurt.\n");
    CHECK(kept(document, clean_one(document)).size() == 6);
  }
  SECTION("a list or a quotation announced by a colon, list items") {
    const std::string announce =
        "Réunis ce mardi à Paris, les représentants des syndicats ont présenté au gouvernement "
        "trois revendications principales pour la réforme des retraites :";
    const std::string body = "\n\n" + kCharityParagraph + "\n\n" + kPoliceParagraph + "\n";
    for (const std::string& under :
         {std::string("- une hausse des salaires ;\n- la retraite à 60 ans ;\n- des embauches."),
          std::string("\"We are deeply saddened and we will rebuild.\""),
          std::string("une hausse des salaires, la retraite à 60 ans ;")}) {
      const Document document = make_document(announce + "\n" + under + body);
      INFO(under);
      CHECK(clean_one(document).dropped.empty());
    }
    for (const std::string& under :
         {std::string("- une hausse des salaires."),
          std::string("une hausse des salaires, la retraite à 60 ans ;")}) {
      const Document items = make_document(kQuakeParagraph + "\n" + under + body);
      INFO(under);
      CHECK(clean_one(items).dropped.empty());
    }
  }
}

// --- Hard-wrapped text -----------------------------------------------------------------------

namespace {

// Greedy wrapping, as Python's textwrap or a mail client does it.
std::string wrap(const std::string& paragraph, std::size_t width) {
  std::string out, line, word;
  std::istringstream words(paragraph);
  while (words >> word) {
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  return out + line;
}

}  // namespace

TEST_CASE("hard-wrapped paragraphs are read whole, and reported line by line", "[clean]") {
  // The last paragraph lost its final period: read whole, it is too long to be a heading.
  const std::vector<std::string> paragraphs = {
      wrap(kQuakeParagraph, 60), wrap(kCharityParagraph, 60),
      wrap("Police said the Americans did not have any paperwork or permission to remove the "
           "children from the country, and the government has imposed new restrictions on "
           "adoptions after the earthquake, which killed more than 200,000 people, according to "
           "the government of the country",
           60)};
  const Document document =
      make_document("Haiti: ten Americans arrested\n\n" + paragraphs[0] +
                    "\n\nThe investigation\n\n" + paragraphs[1] + "\n\n" + paragraphs[2] + "\n");
  const CleanedDocument cleaned = clean_one(document);
  CHECK(cleaned.title == "Haiti: ten Americans arrested");
  // Every wrapped line is kept, each as its own span (no line break inside).
  std::vector<std::string> expected;
  for (const std::string& paragraph : paragraphs) {
    std::istringstream lines(paragraph);
    for (std::string line; std::getline(lines, line);) expected.push_back(line);
  }
  REQUIRE(expected.size() > paragraphs.size() * 2);
  CHECK(kept(document, cleaned) == expected);
  CHECK(dropped(document, cleaned) ==
        std::vector<std::pair<std::string, std::string>>{{"Haiti: ten Americans arrested", "title"},
                                                         {"The investigation", "heading"}});
}

TEST_CASE("lines are not read as wrapped without the evidence of a width", "[clean]") {
  SECTION("a headline glued above one-paragraph-a-line text") {
    const Document document = make_document("Un appel franc, selon le Kremlin\n" + kQuakeParagraph +
                                            "\n" + kCharityParagraph + "\n");
    const auto lines = dropped(document, clean_one(document));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].second == "title");
  }
  SECTION("one short paragraph a line: every line ends a sentence") {
    const Document document = make_document(
        "Le Premier ministre a annoncé mardi un plan de soutien aux agriculteurs.\n"
        "Le montant total de ce plan atteindra deux milliards d'euros sur trois ans.\n"
        "Les syndicats agricoles ont salué une première étape, mais restent mobilisés.\n"
        "Une mobilisation qui se poursuit dans plusieurs régions du pays cette semaine\n"
        "Des barrages routiers ont été maintenus en Occitanie et en Nouvelle-Aquitaine.\n"
        "La FNSEA a appelé ses adhérents à rester vigilants jusqu'à la fin du mois.\n");
    const CleanedDocument cleaned = clean_one(document);
    CHECK(cleaned.lines.size() == 5);
    CHECK(cleaned.wrapped.empty());
    CHECK(dropped(document, cleaned) ==
          std::vector<std::pair<std::string, std::string>>{
              {"Une mobilisation qui se poursuit dans plusieurs régions du pays cette semaine",
               "heading"}});
  }
  SECTION("subheads glued between paragraphs of one line each: too few short lines") {
    const std::string subhead = "Une mobilisation qui se poursuit dans plusieurs régions du pays";
    const Document document =
        make_document(kQuakeParagraph + "\n" + kCharityParagraph + "\n" + subhead + " (1)\n" +
                      kPoliceParagraph + "\n" + kQuakeParagraph + " Bis.\n" + subhead + " (2)\n" +
                      kCharityParagraph + " Bis.\n" + kPoliceParagraph + " Bis.\n" + subhead +
                      " (3)\n" + kQuakeParagraph + " Ter.\n" + kCharityParagraph + " Ter.\n");
    const CleanedDocument cleaned = clean_one(document);
    CHECK(cleaned.wrapped.empty());
    CHECK(dropped(document, cleaned).size() == 3);
  }
  SECTION("Japanese, one paragraph a line: the headline stays the title") {
    const Document document = make_document(
        "日本政府は火曜日、新たな経済対策を発表した\n"
        "政府によると、総額は約二十兆円に上る見通しで、家計への支援や企業の設備投資を後押しする。\n"
        "首相は記者会見で、物価高に苦しむ国民の生活を守るため、あらゆる手段を講じると強調した。\n"
        "野党からは、財源の裏付けが不十分だとの批判も出ており、国会での論戦が予想される。\n"
        "経済界は対策を歓迎する一方、中長期的な成長戦略の具体化を求めている。\n");
    const CleanedDocument cleaned = clean_one(document);
    CHECK(cleaned.title == "日本政府は火曜日、新たな経済対策を発表した");
    CHECK(cleaned.lines.size() == 4);
  }
  SECTION("short lines of a page: labels stay labels") {
    const Document document =
        make_document("S'abonner\nNotifier de\nguest\n2 Commentaires\nLes plus anciens\n\n" +
                      kQuakeParagraph + "\n");
    CHECK(kept(document, clean_one(document)) == std::vector<std::string>{kQuakeParagraph});
  }
}

TEST_CASE("a brief of two wrapped paragraphs: too short for a width, its wraps still read",
          "[clean]") {
  // Two line breaks inside paragraphs are too few for wrapped_line_breaks to judge the width;
  // each paragraph's first line read as a heading, and half of its sentence was lost.
  const std::string headline = "Four men arrested after the bombing of two cinemas in New Delhi";
  // The French paragraph's break falls before a capital, after a stopword.
  const Document document = make_document(
      headline + "\n\n" + kWrappedArrestParagraph +
      "\n\nLe suspect a été interpellé mardi soir dans la localité de Crucecita, dans l'Etat de\n"
      "Oaxaca, selon un communiqué du parquet.\n");
  const CleanedDocument cleaned = clean_one(document);
  CHECK(cleaned.title == headline);
  CHECK(kept(document, cleaned).size() == 4);  // every line of both paragraphs
  const precis::Segmenter segmenter({precis::Language::English});
  const auto sentences = segmenter.split(document, cleaned, 0);
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[0].text.starts_with("Indian police on Thursday"));
  CHECK(sentences[1].text.starts_with("Le suspect a été interpellé"));

  SECTION("a long headline glued above a lede that opens with a capital stays the title") {
    const std::string lede =
        "Indian police on Thursday arrested four men suspected of planting the bombs.";
    const Document glued = make_document(headline + "\n" + lede + "\n");
    const CleanedDocument glued_cleaned = clean_one(glued);
    CHECK(glued_cleaned.title == headline);
    CHECK(kept(glued, glued_cleaned) == std::vector<std::string>{lede});
  }
  SECTION("a line ending on a content word before a capital is not joined (a subhead)") {
    const std::string subhead = "Une mobilisation qui se poursuit dans plusieurs régions du pays";
    const Document document2 =
        make_document(kQuakeParagraph + "\n" + subhead + "\n" + kCharityParagraph + "\n");
    CHECK(dropped(document2, clean_one(document2)) ==
          std::vector<std::pair<std::string, std::string>>{{subhead, "heading"}});
  }
}

TEST_CASE("a headline, a subhead or a footer glued to wrapped text stays out of its paragraph",
          "[clean]") {
  const std::string quake = wrap(kQuakeParagraph, 72), charity = wrap(kCharityParagraph, 72),
                    police = wrap(kPoliceParagraph, 72);
  SECTION("a headline above the first paragraph") {
    const Document document =
        make_document("Ten Americans arrested at the Haitian border with 33 children\n" + quake +
                      "\n\n" + charity + "\n\n" + police + "\n");
    const CleanedDocument cleaned = clean_one(document);
    CHECK(cleaned.title == "Ten Americans arrested at the Haitian border with 33 children");
    CHECK(cleaned.dropped.size() == 1);
  }
  SECTION("a subhead between paragraphs, without blank lines") {
    // The paragraph's last line is nearly full: only its final period tells the subhead apart.
    const Document document = make_document(
        quake + "\nThe ten were taken to the capital on Saturday and questioned by a judge,\n" +
        "who ordered them to be held in custody while prosecutors considered.\n" +
        "What comes next for the ten\n" + charity + "\n\n" + police + "\n");
    CHECK(dropped(document, clean_one(document)) ==
          std::vector<std::pair<std::string, std::string>>{
              {"What comes next for the ten", "heading"}});
  }
  SECTION("a copyright line under the last paragraph") {
    // The paragraph's last line is nearly full: the footer would read as its continuation.
    const Document document =
        make_document(quake + "\n\n" + charity + "\n\n" +
                      "Police said the Americans did not have any paperwork or permission to\n"
                      "remove the children from the country, and the government has imposed.\n"
                      "Copyright 2010 Reuters. All rights reserved.\n");
    const CleanedDocument cleaned = clean_one(document);
    CHECK(dropped(document, cleaned) ==
          std::vector<std::pair<std::string, std::string>>{
              {"Copyright 2010 Reuters. All rights reserved.", "boilerplate"}});
    CHECK(cleaned.wrapped.size() == cleaned.lines.size());
  }
}

// --- Markdown --------------------------------------------------------------------------------

TEST_CASE("a dateline opening the article's first line is dropped, and only there", "[clean]") {
  const std::string lede =
      "WASHINGTON (AP) _ The Senate voted on Tuesday to approve the bill after a debate.";
  const std::string later = "PARIS \u2013 The French government welcomed the vote on Wednesday.";
  const Document document =
      make_document("Senate approves the spending bill\n\n" + lede + "\n\n" + later + "\n");
  const CleanedDocument cleaned = clean_one(document);
  CHECK(kept(document, cleaned) ==
        std::vector<std::string>{lede.substr(std::string("WASHINGTON (AP) _ ").size()), later});
  CHECK(dropped(document, cleaned) ==
        std::vector<std::pair<std::string, std::string>>{
            {"Senate approves the spending bill", "title"}, {"WASHINGTON (AP) _", "dateline"}});

  SECTION("the segmenter's sentence starts after it") {
    const precis::Segmenter segmenter({precis::Language::English});
    const auto sentences = segmenter.split(document, cleaned, 0);
    REQUIRE(!sentences.empty());
    CHECK(sentences[0].text == "The Senate voted on Tuesday to approve the bill after a debate.");
    CHECK(slice(document, sentences[0].span) == sentences[0].text);
  }
  SECTION("a hard-wrapped first paragraph") {
    const std::string wrapped = wrap(lede + " " + kQuakeParagraph, 60);
    const Document wrapped_document =
        make_document("Senate approves the spending bill\n\n" + wrapped + "\n\n" +
                      wrap(kCharityParagraph, 60) + "\n\n" + wrap(kPoliceParagraph, 60) + "\n");
    const CleanedDocument wrapped_cleaned = clean_one(wrapped_document);
    REQUIRE(!wrapped_cleaned.lines.empty());
    CHECK(starts_with(slice(wrapped_document, wrapped_cleaned.lines[0]), "The Senate voted"));
    CHECK(dropped(wrapped_document, wrapped_cleaned).at(1) ==
          std::pair<std::string, std::string>{"WASHINGTON (AP) _", "dateline"});
  }
  SECTION("a place in capitals that comes back in capitals is an acronym") {
    const std::string unicef = "UNICEF \u2013 The agency met in Geneva on Thursday to plan.";
    const Document acronym = make_document("Agencies meet in Geneva\n\n" + unicef +
                                           "\n\nUNICEF said the meeting went well.\n");
    CHECK(kept(acronym, clean_one(acronym)).front() == unicef);
    const std::string paris = "PARIS \u2013 The government met in Paris on Thursday to plan.";
    const Document place =
        make_document("Government meets\n\n" + paris + "\n\nParis said the meeting went well.\n");
    CHECK(kept(place, clean_one(place)).front() ==
          paris.substr(std::string("PARIS \u2013 ").size()));
  }
  SECTION("under a standfirst, a dateline with an agency tag") {
    const std::string standfirst =
        "Le gouvernement a pr\u00E9sent\u00E9 mercredi son plan pour les retraites, tr\u00E8s "
        "attendu.";
    const std::string body =
        "Le Premier ministre a d\u00E9fendu le texte devant les d\u00E9put\u00E9s hier soir.";
    const Document tagged = make_document("Retraites : le plan du gouvernement\n\n" + standfirst +
                                          "\n\nPARIS (AFP) - " + body + "\n");
    CHECK(kept(tagged, clean_one(tagged)) == std::vector<std::string>{standfirst, body});
    const Document untagged = make_document("Retraites : le plan du gouvernement\n\n" + standfirst +
                                            "\n\nPARIS - " + body + "\n");
    CHECK(kept(untagged, clean_one(untagged)).back() == "PARIS - " + body);
  }
  SECTION("cleaning disabled keeps it") {
    precis::CleanOptions options;
    options.enabled = false;
    CHECK(kept(document, clean_one(document, options)).front() == lede);
  }
  SECTION("a date stamp glued to the first line's text, and only there") {
    const std::string stamp = "Saturday, March 26, 2005";
    const std::string first = "Up to four times as many women as men died in the tsunami.";
    const std::string second = "March 27, 2005 Oxfam published further figures on Sunday.";
    const Document stamped = make_document("Gender imbalance in tsunami deaths\n\n" + stamp + " " +
                                           first + "\n\n" + second + "\n");
    const CleanedDocument stamped_cleaned = clean_one(stamped);
    CHECK(kept(stamped, stamped_cleaned) == std::vector<std::string>{first, second});
    CHECK(dropped(stamped, stamped_cleaned).back() ==
          std::pair<std::string, std::string>{stamp, "dateline"});
  }
}

TEST_CASE("TREC/DUC documents: tag lines are blank lines, the wrap is read", "[clean]") {
  // The layout of the DUC 2004 and TAC collections: metadata elements, tags on lines of their
  // own around each hard-wrapped paragraph.
  const std::string text =
      "<DOC>\n<DOCNO> APW19981016.0240 </DOCNO>\n<DOCTYPE> NEWS </DOCTYPE>\n"
      "<DATE>\nJanuary 1, 1989, Sunday, Home Edition\n</DATE>\n"
      "<HEADLINE>\nWill Hun Sen talk abroad?\n</HEADLINE>\n<TEXT>\n<P>\n" +
      wrap("PHNOM PENH, Cambodia (AP) _ " + kQuakeParagraph, 68) + "\n</P>\n<P>\n" +
      wrap(kCharityParagraph, 68) + "\n</P>\n<P>" + kPoliceParagraph + "</P>\n</TEXT>\n</DOC>\n";
  const Document document = make_document(text);
  const CleanedDocument cleaned = clean_one(document);
  // The <HEADLINE> is the title whatever its punctuation; the <DATE> above it is metadata.
  CHECK(cleaned.title == "Will Hun Sen talk abroad?");
  std::string body;
  for (const std::string& line : kept(document, cleaned)) body += line + " ";
  CHECK(body == kQuakeParagraph + " " + kCharityParagraph + " " + kPoliceParagraph + " ");
  std::vector<std::string> reasons;
  for (const auto& [line, reason] : dropped(document, cleaned)) {
    if (reason == "markup") CHECK(line.front() == '<');
    if (reasons.empty() || reasons.back() != reason) reasons.push_back(reason);
  }
  CHECK(reasons == std::vector<std::string>{"markup", "metadata", "markup", "metadata", "markup",
                                            "title", "markup", "dateline", "markup"});

  const precis::Segmenter segmenter({precis::Language::English});
  const auto sentences = segmenter.split(document, cleaned, 0);
  REQUIRE(sentences.size() >= 3);
  for (const auto& sentence : sentences) {
    CHECK(precis::collapse_whitespace(slice(document, sentence.span)) == sentence.text);
    CHECK(sentence.text.find('<') == std::string::npos);
  }
}

TEST_CASE("TREC/DUC documents: a <P>'s lines are one paragraph, a <HEADLINE>'s one title",
          "[clean]") {
  // Two short paragraphs wrapped on two lines each: too few wrapped lines for their lengths to
  // tell (wrapped_line_breaks), but the <P> elements say where each paragraph ends.
  const std::string& first = kWrappedArrestParagraph;
  const std::string second =
      "The men were detained in a raid on a house in the east of the capital, a police\n"
      "spokesman said.";
  const std::string third = "Explosives were found.";
  const std::string text =
      "<DOC>\n<HEADLINE>\nGEORGES LEAVES KEYS BATTERED\nBUT RESIDENTS "
      "UNBOWED\n</HEADLINE>\n<TEXT>\n<P>\n" +
      first + "\n</P>\n<P>\n" + second + "\n<P>\n" + third + "\n</TEXT>\n</DOC>\n";
  const Document document = make_document(text);
  const CleanedDocument cleaned = clean_one(document);
  CHECK(cleaned.title == "GEORGES LEAVES KEYS BATTERED BUT RESIDENTS UNBOWED");
  // The kept lines are the physical lines; the sentences show how they were joined. The second
  // <P> has no end tag (SGML allows it): the next <P> ends it.
  CHECK(kept(document, cleaned).size() == 5);
  const precis::Segmenter segmenter({precis::Language::English});
  std::vector<std::string> sentences;
  for (const auto& sentence : segmenter.split(document, cleaned, 0))
    sentences.push_back(sentence.text);
  const auto one_line = [](std::string paragraph) {
    std::replace(paragraph.begin(), paragraph.end(), '\n', ' ');
    return paragraph;
  };
  CHECK(sentences == std::vector<std::string>{one_line(first), one_line(second), third});

  SECTION("the headline's line does not run into the text, nor a second headline's") {
    const std::string glued = "<DOC>\n<HEADLINE>\nFloods close the port\n</HEADLINE><TEXT>" +
                              third + "\n</P>\n</TEXT>\n<HL>\nA second headline\nin two lines\n" +
                              "</HL>\n</DOC>\n";
    const Document glued_document = make_document(glued);
    const CleanedDocument glued_cleaned = clean_one(glued_document);
    CHECK(glued_cleaned.title == "Floods close the port");
    CHECK(kept(glued_document, glued_cleaned) == std::vector<std::string>{third});
    for (const auto& [line, reason] : dropped(glued_document, glued_cleaned))
      if (line.find("headline") != std::string::npos || line.find("lines") != std::string::npos)
        CHECK(reason == "title");
  }
  SECTION("lines outside a <P>, or with a blank line between them, are not joined") {
    const std::string loose =
        "<DOC>\n<TEXT>\nFirst line of a paragraph\n\nPolice made "
        "arrests.\n<P>\nA paragraph of its own\n</P>\n" +
        third + "\n</TEXT>\n</DOC>\n";
    const Document loose_document = make_document(loose);
    const CleanedDocument loose_cleaned = clean_one(loose_document);
    for (const auto& [line, reason] : dropped(loose_document, loose_cleaned))
      CHECK(line.find('\n') == std::string::npos);
    CHECK(kept(loose_document, loose_cleaned) ==
          std::vector<std::string>{"Police made arrests.", third});
  }
}

TEST_CASE("rules: Markdown block markers", "[clean]") {
  using precis::clean_rules::markdown_marker_length;
  CHECK(markdown_marker_length("# Titre") == 2);
  CHECK(markdown_marker_length("###### Titre") == 7);
  CHECK(markdown_marker_length("####### Titre") == 0);  // seven: not a heading
  CHECK(markdown_marker_length("> > - Cité") == 6);
  CHECK(markdown_marker_length("- item") == 2);
  CHECK(markdown_marker_length("12) item") == 4);
  CHECK(markdown_marker_length("#") == 1);
  CHECK(markdown_marker_length(">") == 1);
  for (const char* text : {"#hashtag", "-5 %", "*emphase*", "1.5 million", "2,5 %", "Texte"})
    CHECK(markdown_marker_length(text) == 0);
}

TEST_CASE("Markdown files: lines start after their block markup", "[clean]") {
  const std::string text =
      "# Ten Americans arrested at the Haitian border\n\n"
      "![Children in a camp](https://example.com/photo.jpg)\n\n" +
      kQuakeParagraph + "\n\n## What the charity says\n\n" + kCharityParagraph +
      "\n\n- Police said the Americans did not have any paperwork.\n"
      "- The government has imposed new restrictions on adoptions.\n\n"
      "> \"We are deeply saddened,\" the group's leader said in a statement.\n";
  const Document markdown = make_document(text, "article.md");
  const CleanedDocument cleaned = clean_one(markdown);
  CHECK(cleaned.title == "Ten Americans arrested at the Haitian border");
  CHECK(kept(markdown, cleaned) ==
        std::vector<std::string>{
            kQuakeParagraph, kCharityParagraph,
            "Police said the Americans did not have any paperwork.",
            "The government has imposed new restrictions on adoptions.",
            "\"We are deeply saddened,\" the group's leader said in a statement."});
  // The image went with the inline markup (markdown::strip_inline): the subhead is the only line
  // dropped besides the title.
  CHECK(dropped(markdown, cleaned).at(1) ==
        std::pair<std::string, std::string>{"What the charity says", "heading"});
  // The same text in a .txt file reads as Markdown (two headings and an image)…
  const Document copy = make_document(text, "article.txt");
  CHECK(clean_one(copy).title == "Ten Americans arrested at the Haitian border");
  // … but one "# " line alone is no reason to read a plain text as Markdown.
  const Document plain = make_document(
      "# Ten Americans arrested at the Haitian border\n\n" + kQuakeParagraph + "\n", "article.txt");
  CHECK(clean_one(plain).title == "# Ten Americans arrested at the Haitian border");
}

TEST_CASE("Markdown headings are headings, a quoted list's items are lines", "[clean]") {
  const std::string text =
      "# The ports bill, explained: what the Senate just passed\n\n"
      "> **Key points**\n"
      "> - The Senate passed the Harbor Dredging and Port Resilience Act on Thursday.\n"
      "> - An amendment to cut its funding by 30% failed by 41 votes to 58.\n\n"
      "## What happened?\n\n" +
      kQuakeParagraph + "\n\n## Who opposed it, and why?\n\n" + kCharityParagraph + "\n";
  const Document document = make_document(text, "explainer.md");
  const CleanedDocument cleaned = clean_one(document);
  CHECK(cleaned.title == "The ports bill, explained: what the Senate just passed");
  CHECK(kept(document, cleaned) ==
        std::vector<std::string>{
            "The Senate passed the Harbor Dredging and Port Resilience Act on Thursday.",
            "An amendment to cut its funding by 30% failed by 41 votes to 58.", kQuakeParagraph,
            kCharityParagraph});
  const auto drops = dropped(document, cleaned);
  CHECK(std::count(drops.begin(), drops.end(),
                   std::pair<std::string, std::string>{"What happened?", "heading"}) == 1);
  CHECK(std::count(drops.begin(), drops.end(),
                   std::pair<std::string, std::string>{"Who opposed it, and why?", "heading"}) ==
        1);
  // A quotation's prose lines are still one paragraph: its first line, without its period, is
  // not taken for a heading.
  const Document quote = make_document(
      "# Title of the article here\n\n> The group said it meant to open an orphanage\n"
      "> for the children, its leader said on Friday.\n",
      "quote.md");
  CHECK(kept(quote, clean_one(quote)) ==
        std::vector<std::string>{"The group said it meant to open an orphanage",
                                 "for the children, its leader said on Friday."});
}

TEST_CASE("Markdown markup is skipped only where a block opens", "[clean]") {
  const auto clean_md = [](const std::string& text) {
    const Document document = make_document(text, "article.md");
    return std::make_pair(document, clean_one(document));
  };
  SECTION("inside a hard-wrapped paragraph, \"2012.\" or \"- \" at a line's start is text") {
    const std::string paragraph =
        "The bank said its net profit rose by a third in the first half, its best\n"
        "result since the financial crisis that began in the United States in\n"
        "2007. The chief executive said the group - which employs 40,000 people\n"
        "- would hire another 2,000 staff next year in its retail network, and\n"
        "its investment arm would grow too, according to a statement released\n"
        "on Tuesday morning in Paris before the opening of the stock exchange.";
    const auto [document, cleaned] = clean_md("# Bank profits surge\n\n" + paragraph + "\n");
    std::istringstream lines(paragraph);
    std::vector<std::string> expected;
    for (std::string line; std::getline(lines, line);) expected.push_back(line);
    CHECK(kept(document, cleaned) == expected);
  }
  SECTION("a quotation's lines are one paragraph; list items stay, none is a caption") {
    const auto [document, cleaned] = clean_md(
        kQuakeParagraph + "\n\n" + kCharityParagraph +
        "\n\n> We will not give up on this reform, because the future of our pension\n"
        "> system depends on it, said the minister.\n\n" +
        kPoliceParagraph + "\n- The hiring of two thousand drivers.\n- A review in March.\n");
    CHECK(cleaned.dropped.empty());
    CHECK(kept(document, cleaned).size() == 7);
    REQUIRE(cleaned.wrapped.size() == 7);
    CHECK(cleaned.wrapped[2]);  // the quotation goes on
  }
  SECTION("closing hashes, fenced code") {
    const auto [document, cleaned] = clean_md("## Ten Americans freed in prisoner swap ##\n\n" +
                                              kQuakeParagraph + "\n\n```\n# not a heading\n```\n");
    CHECK(cleaned.title == "Ten Americans freed in prisoner swap");
    CHECK(dropped(document, cleaned).at(2).first == "# not a heading");
  }
}

TEST_CASE("wrapped text: labels, lists, underlines and lower-case lines", "[clean]") {
  SECTION("a label phrase in a wrapped line does not split the paragraph") {
    const Document document = make_document(
        "Facebook fined over tracking\n\n"
        "The data protection authority fined the company 60 million euros on\n"
        "Thursday for making it harder to refuse tracking than to accept it.\n"
        "Cookies placed without consent were used to target advertising at\n"
        "millions of users, the regulator said in its decision.\n\n" +
        wrap(kPoliceParagraph, 72) + "\n");
    CHECK(dropped(document, clean_one(document)).size() == 1);  // the title
  }
  SECTION("list items are not glued together") {
    const std::vector<std::string> items = {
        "A four per cent rise of the minimum wage for all private companies ;",
        "An exemption for firms of fewer than ten employees until next July ;",
        "A bonus for apprentices paid by the state from the first of March."};
    // Kept without their bullets, as in Markdown.
    const Document document = make_document(
        wrap(kQuakeParagraph, 72) + "\n\nKey measures of the decree published on Friday:\n\n- " +
        items[0] + "\n- " + items[1] + "\n- " + items[2] + "\n\n" + wrap(kCharityParagraph, 72) +
        "\n");
    const CleanedDocument cleaned = clean_one(document);
    const std::vector<std::string> lines = kept(document, cleaned);
    REQUIRE(cleaned.wrapped.size() == lines.size());
    for (std::size_t k = 0; k < lines.size(); ++k) {
      if (lines[k] == items[0] || lines[k] == items[1]) CHECK_FALSE(cleaned.wrapped[k]);
    }
    CHECK(std::count(lines.begin(), lines.end(), items[2]) == 1);
  }
  SECTION("a last line of punctuation (\"».\") is the paragraph's end, not a rule") {
    const Document document =
        make_document(wrap(kQuakeParagraph, 60) + "\n\n" +
                      "Le Premier ministre, Hun Sen, a demandé à son homologue\n"
                      "thaïlandais d’ordonner le retrait de ses troupes du sol\n"
                      "cambodgien, afin que : « la situation retourne à la normale\n"
                      "».\n\n" +
                      wrap(kCharityParagraph, 60) + "\n");
    CHECK(clean_one(document).dropped.empty());
  }
  SECTION("an underline stays out of the title") {
    const Document document = make_document(
        "Minimum wage rise divides unions and employers across France\n"
        "============================================================\n\n" +
        wrap(kQuakeParagraph, 72) + "\n\n" + wrap(kCharityParagraph, 72) + "\n");
    CHECK(clean_one(document).title ==
          "Minimum wage rise divides unions and employers across France");
  }
  SECTION("a first line that goes on in lower case is no headline, whatever its length") {
    const Document document = make_document(
        "The government announced on Tuesday that it would raise\n"
        "the minimum wage by four per cent from January, a decision\n"
        "welcomed by unions but criticised by employers who warned\n"
        "that small businesses could not absorb the cost.\n\n" +
        wrap(kCharityParagraph, 72) + "\n");
    const CleanedDocument cleaned = clean_one(document);
    CHECK(cleaned.title.empty());
    CHECK(cleaned.dropped.empty());
  }
  SECTION("a letterhead and a contact block do not hide the wrap of the prose (a PDF's text)") {
    const std::string letterhead = "PRÉFET\nDE LA HAUTE-SAÔNE\nLiberté\nÉgalité\nFraternité\n\n";
    const std::string contact =
        "Contact presse\nBureau de la communication interministérielle\n"
        "pref-communication@haute-saone.gouv.fr\nTél. : 03 84 77 70 12\n";
    // Three paragraphs wrapped at 95 columns (a PDF page's), with more glued lines around them
    // than wraps inside them: read line by line, each first line was a heading.
    const Document document =
        make_document(letterhead + "Cabinet du préfet\nService de la communication\n\n" +
                      wrap(kQuakeParagraph, 95) + "\n\n" + wrap(kCharityParagraph, 95) + "\n\n" +
                      wrap(kPoliceParagraph, 95) + "\n\n" + contact);
    const precis::Segmenter segmenter({precis::Language::English});
    const auto sentences_of = [&](const Document& doc) {
      std::vector<std::string> sentences;
      for (const auto& sentence : segmenter.split(doc, clean_one(doc), 0))
        sentences.push_back(sentence.text);
      return sentences;
    };
    CHECK(sentences_of(document) ==
          std::vector<std::string>{kQuakeParagraph, kCharityParagraph, kPoliceParagraph});
    // One paragraph under the letterhead: too few lines for the widths, read line by line.
    const Document brief = make_document(letterhead + wrap(kQuakeParagraph, 60) + "\n");
    CHECK(sentences_of(brief) == std::vector<std::string>{kQuakeParagraph});
  }
  SECTION("two wrapped lines under a paragraph are a paragraph, not a caption") {
    const Document document =
        make_document(wrap(kQuakeParagraph, 72) + "\n\n" + wrap(kCharityParagraph, 72) +
                      "\nShares of the company fell two per cent in early trading in New York\n"
                      "after the news.\n\n" +
                      wrap(kPoliceParagraph, 72) + "\n");
    CHECK(clean_one(document).dropped.empty());
  }
}

// --- Options ---------------------------------------------------------------------------------

TEST_CASE("scraped pages: paragraphs without their last period, lists, references", "[clean]") {
  SECTION("a paragraph that lost its last period is kept, a caption with its credit is not") {
    const std::string paragraph =
        "Elles seront limitées à court terme. Mais c'est le troisième départ d'un ministre en "
        "six mois, et la majorité le sait";
    const std::string caption =
        "Des pompiers devant l'usine en feu, lundi matin à Saint-Priest. Photo AFP / Jean Dupont";
    const Document document = make_document(
        "Le ministre des Transports a démissionné jeudi soir après dix jours de polémique.\n\n" +
            paragraph + "\n\n" + caption + "\n\n" +
            "L'opposition réclame une commission d'enquête parlementaire sur le contrat.\n",
        "a.txt");
    const auto lines = kept(document, clean_one(document));
    CHECK(std::count(lines.begin(), lines.end(), paragraph) == 1);
    CHECK(std::count(lines.begin(), lines.end(), caption) == 0);
  }
  SECTION("plain-text bullets are no text, and the list stays apart from its introduction") {
    const Document document = make_document(
        "La préfecture a déclenché la vigilance rouge crues dimanche dans le département.\n"
        "Voici ce qu'il faut retenir :\n"
        "- La Sèvre a atteint 5,12 mètres à Clisson, son plus haut niveau depuis 1983.\n"
        "\u2022 Plus de 340 habitants ont été évacués dans la nuit de samedi à dimanche.\n"
        "-5 % de fréquentation dans les commerces du centre, selon la chambre de commerce.\n",
        "a.txt");
    const CleanedDocument cleaned = clean_one(document);
    CHECK(kept(document, cleaned) ==
          std::vector<std::string>{
              "La préfecture a déclenché la vigilance rouge crues dimanche dans le département.",
              "Voici ce qu'il faut retenir :",
              "La Sèvre a atteint 5,12 mètres à Clisson, son plus haut niveau depuis 1983.",
              "Plus de 340 habitants ont été évacués dans la nuit de samedi à dimanche.",
              "-5 % de fréquentation dans les commerces du centre, selon la chambre de commerce."});
    const precis::Segmenter segmenter({precis::Language::French});
    std::vector<std::string> sentences;
    for (const auto& sentence : segmenter.split(document, cleaned, 0))
      sentences.push_back(sentence.text);
    CHECK(sentences.size() == 5);
    CHECK(sentences[1] == "Voici ce qu'il faut retenir :");
    // Under a label without a colon, the list opens at its first item when a second follows.
    const Document boxed = make_document(
        "La préfecture a déclenché la vigilance rouge crues dimanche dans le département.\n\n"
        "L'essentiel\n"
        "- La Sèvre a atteint 5,12 mètres à Clisson, son plus haut niveau depuis 1983.\n"
        "- Plus de 340 habitants ont été évacués dans la nuit de samedi à dimanche.\n",
        "b.txt");
    const std::vector<std::string> items = kept(boxed, clean_one(boxed));
    CHECK(std::count(items.begin(), items.end(),
                     "La Sèvre a atteint 5,12 mètres à Clisson, son plus haut niveau depuis "
                     "1983.") == 1);
  }
  SECTION("numbered items lose their numbers; a lone number opening a sentence stays") {
    const Document document = make_document(
        "La population est invitée à respecter les consignes suivantes : 1. Se confiner.\n"
        "2. Ne pas aller chercher les enfants à l'école ou à la crèche.\n"
        "3. Limiter les déplacements et les appels téléphoniques.\n\n"
        "1.1 Les travaux ont porté sur la sécurité des barrages de la vallée.\n\n"
        "Le bilan s'établit à 21 blessés. 21. C'est aussi le nombre de pompiers engagés.\n",
        "a.txt");
    CHECK(kept(document, clean_one(document)) ==
          std::vector<std::string>{
              "La population est invitée à respecter les consignes suivantes : 1. Se confiner.",
              "Ne pas aller chercher les enfants à l'école ou à la crèche.",
              "Limiter les déplacements et les appels téléphoniques.",
              "Les travaux ont porté sur la sécurité des barrages de la vallée.",
              "Le bilan s'établit à 21 blessés. 21. C'est aussi le nombre de pompiers engagés."});
    const Document single = make_document(
        "21. C'est le nombre de voyages effectués par l'un des bijoutiers suspectés.\n\n"
        "12. Tel est le nombre de communes touchées par la crue, selon la préfecture.\n",
        "b.txt");
    CHECK(kept(single, clean_one(single)).at(1) ==
          "12. Tel est le nombre de communes touchées par la crue, selon la préfecture.");
  }
  SECTION("a sentence that ends with a web address is kept, a labelled link is not") {
    const std::string english =
        "Residents can find the list of open shelters and the road closures on the county's "
        "website at https://www.dunmore-county.gov/flood-2025";
    const std::string french =
        "Le rapport complet de la préfecture est disponible en ligne sur "
        "www.prefecture-aure.gouv.fr/crue";
    const std::string labelled =
        "Source and full list of the Dunmore County Emergency Management Office "
        "https://www.dunmore-county.gov/flood-2025";
    const Document document = make_document(
        "Hundreds of residents left their homes on Tuesday as the river rose above its banks.\n\n" +
            english + "\n\n" + french + "\n\n" + labelled +
            "\n\nThe mayor said the water would peak on Wednesday night.\n",
        "a.txt");
    const auto lines = kept(document, clean_one(document));
    CHECK(std::count(lines.begin(), lines.end(), english) == 1);
    CHECK(std::count(lines.begin(), lines.end(), french) == 1);
    CHECK(std::count(lines.begin(), lines.end(), labelled) == 0);
  }
  SECTION("Wikipedia: reference marks, reference list and breadcrumbs") {
    const Document document = make_document(
        "Accueil > Santé > Cybersécurité\n"
        "Meridian Health Partners data breach\n\n"
        "In March 2025 the personal data of 12.4 million members of the insurer was "
        "stolen.[1][2]\n\n"
        "The attackers used credentials taken from a claims-processing vendor.[3]\n\n"
        "References\n\n"
        "^ a b \"Meridian Health Partners Provides Notice of Data Security Incident\". Meridian.\n"
        "^ Smith, Jane (5 March 2025). \"Insurer says hackers stole data\". Reuters.\n",
        "a.txt");
    const CleanedDocument cleaned = clean_one(document);
    CHECK(cleaned.title == "Meridian Health Partners data breach");
    const auto lines = kept(document, cleaned);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].ends_with("stolen.[1][2]"));
    CHECK(lines[1].ends_with("vendor.[3]"));
  }
}

TEST_CASE("hard-wrapped text with a list of long URLs under it (lynx -dump)", "[clean]") {
  std::string text = "Meridian breach puts vendor security back in the spotlight\n\n";
  for (const std::string& paragraph : {kQuakeParagraph, kCharityParagraph, kPoliceParagraph})
    text += wrap(paragraph, 70) + "\n\n";
  text += "References\n\n";
  for (int k = 1; k <= 6; ++k)
    text += std::to_string(k) +
            ". https://www.example.com/sharer.php?u=https://www.example.com/news/" +
            "meridian-breach-vendor-secur" + std::to_string(k) + "/\n";  // 99 columns
  const Document document = make_document(text, "a.txt");
  const CleanedDocument cleaned = clean_one(document);
  // Every line of the three paragraphs is kept, as when the URLs are not there.
  const Document without = make_document(text.substr(0, text.find("References")), "b.txt");
  const auto lines = kept(document, cleaned);
  const auto lines_without = kept(without, clean_one(without));
  REQUIRE(lines.size() >= lines_without.size());
  CHECK(std::vector<std::string>(lines.begin(), lines.begin() + lines_without.size()) ==
        lines_without);
  const CleanedDocument cleaned_without = clean_one(without);
  const auto continued = [](const CleanedDocument& c) {
    return std::count(c.wrapped.begin(), c.wrapped.end(), true);
  };
  CHECK(continued(cleaned_without) > 0);
  CHECK(continued(cleaned) == continued(cleaned_without));
}

// A line between two paragraphs of an article: what cleaning makes of it alone.
Document between_two_paragraphs(const std::string& line) {
  return make_document(
      "Le ministre des Transports a démissionné jeudi soir après dix jours de polémique.\n\n" +
          line +
          "\n\nL'opposition réclame une commission d'enquête parlementaire sur le contrat.\n",
      "a.txt");
}

TEST_CASE("page furniture written as sentences is boilerplate", "[clean]") {
  for (const std::string line : {
           "Editor’s note: This story has been updated with the names of the victims.",
           "Associated Press writers Jane Doe and John Roe contributed to this report.",
           "The interview has been edited for length and clarity.",
           "From Wikinews, the free news source you can write!",
           "We and our 143 partners store and/or access information on a device, such as cookies.",
           "Avec votre accord, nos partenaires et nous utilisons des cookies ou technologies "
           "similaires.",
           "Cet article est réservé aux abonnés.",
           "Il vous reste 62.45% de cet article à lire.",
           "Votre navigateur ne supporte pas la lecture de vidéos.",
           "Aller au contenu principal",
           // Trailers, syndication notes, version notes and reading times (third review).
           "(Corrects paragraph 5 to show that the elevator was built in 1962, not 1926.)",
           "(Updates with sheriff's comments, paragraphs 4-6)",
           "KWXT will continue to update this story as more information becomes available.",
           "This article originally appeared on The Kestlehaven Mercury.",
           "Additional reporting by Sam Weller.",
           "If you have a complaint about the editorial content which relates to inaccuracy, "
           "please contact the editor here.",
           "Download the KWXT 12 News app for the latest breaking news alerts.",
           "This article is for subscribers only.",
           "Ce contenu n'est pas ouvert aux commentaires.",
           "Lecture : 2 min.",
           "Temps de lecture 2 min.",
           "Anne-Laure Besnard, toxicologue au CHU de Toulouse, répond à nos questions.",
           "Email Megan Strand at mstrand@example.com. Follow her on X @MeganStrandTCL.",
           "(Reporting by Lucy Craymer; Editing by Jacqueline Wong and Sam Holmes)",
           "Writing by Tom Polansek; Editing by Bill Berkrot",
           "Propos recueillis par Marie Martin.",
           "Reach him at msutherland@kingsfordsun.example or 555-0134.",
           "Contact the reporter at jroe@example.com.",
           "FOR IMMEDIATE RELEASE",
           "Posted by u/conemaugh_local",
           "Publié par Mairie d'Orvilliers-sur-Lisonne",
           "POUR DIFFUSION IMMÉDIATE",
           "Privacy Notice: Newsletters may contain info about charities, online ads, and content "
           "funded by outside parties. For more information see our Privacy Policy. We use Google "
           "reCaptcha to protect our website and the Google Privacy Policy and Terms of Service "
           "apply.",
       }) {
    const Document document = between_two_paragraphs(line);
    INFO(line);
    const auto lines = dropped(document, clean_one(document));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == std::pair<std::string, std::string>{line, "boilerplate"});
  }
}

TEST_CASE("furniture's words inside a news sentence are news", "[clean]") {
  for (const std::string line : {
           "The company mailed a privacy notice to 2 million members on Friday.",
           "Le temps de lecture moyen des Français a baissé de dix minutes en un an.",
           "Contacté, le ministère de la Santé n'a pas répondu à nos questions.",
           "The grant will support local journalism in 40 rural counties, the foundation said.",
           "The paper's reporting by the river showed that the levee had been breached twice.",
           "Les propos recueillis par les enquêteurs contredisent la version du maire.",
           "A video posted by the mayor on Tuesday shows the flooded square and the church.",
       }) {
    const Document document = between_two_paragraphs(line);
    INFO(line);
    CHECK(dropped(document, clean_one(document)).empty());
  }
}

TEST_CASE("the paragraph under an advertisement's slot is the article going on", "[clean]") {
  const std::string last =
      "Work is expected to begin in April and finish before the end of October.";
  for (const std::string slot : {"Advertisement", "Story continues below advertisement",
                                 "Publicité", "La suite après cette publicité"}) {
    const Document document = make_document(
        "The council voted 5-2 on Monday night to approve a $4.1 million budget for road "
        "repairs next year.\n\nMayor Ann Lee said the money would cover about 12 miles of "
        "resurfacing.\n\n" +
            slot + "\n\n" + last + "\n\nThis story will be updated.\n",
        "a.txt");
    INFO(slot);
    const auto lines = kept(document, clean_one(document));
    CHECK(std::count(lines.begin(), lines.end(), last) == 1);
    CHECK(std::count(lines.begin(), lines.end(), "This story will be updated.") == 0);
  }
  // Under another widget the rule of the page's tail still holds.
  const Document tail = make_document(
      "The council voted 5-2 on Monday night to approve a $4.1 million budget for road "
      "repairs next year.\n\nShare\n\nGet the best of the news delivered every morning.\n\n"
      "Trending\n",
      "a.txt");
  CHECK(kept(tail, clean_one(tail)).size() == 1);
}

TEST_CASE("cleaning disabled keeps every non-blank line but the title", "[clean]") {
  const Seeds& s = seeds();
  REQUIRE(s.documents.size() == 5);
  precis::CleanOptions options;
  options.enabled = false;
  const auto cleaned = clean(s.documents, options);
  CHECK(cleaned[4].title == s.cleaned[4].title);
  REQUIRE(cleaned[4].dropped.size() == 1);
  CHECK(cleaned[4].dropped[0].reason == "title");
  // 004 has 57 lines: 26 blank (one is a lone NBSP), 1 title, 30 kept.
  CHECK(cleaned[4].lines.size() == 30);
  CHECK(cleaned[2].lines.size() == 7);
  CHECK(cleaned[2].dropped.empty());
}

TEST_CASE("empty and blank documents clean to nothing", "[clean]") {
  const auto cleaned =
      clean(std::vector<Document>{make_document(""), make_document(" \n\xC2\xA0\r\n\t")});
  for (const CleanedDocument& document : cleaned) {
    CHECK(document.lines.empty());
    CHECK(document.dropped.empty());
    CHECK(document.title.empty());
  }
  CHECK(clean(std::vector<Document>{}).empty());
}

// --- Transcripts, e-mails, rosters, captions -------------------------------------------------

TEST_CASE("rules: speaker labels", "[clean]") {
  using precis::clean_rules::find_speaker_label;
  const auto name_of = [](std::string_view line) {
    return std::string(find_speaker_label(line).name);
  };
  CHECK(name_of("OSEI: Marchetti, who died in 1998, left the boxes.") == "OSEI");
  CHECK(name_of("HOST (JULIA FERN): Welcome back to The Capitol Minute.") == "HOST");
  CHECK(find_speaker_label("HOST (JULIA FERN): Welcome back.").length ==
        std::string("HOST (JULIA FERN): ").size());
  CHECK(find_speaker_label("HOST (JULIA FERN): Welcome back.").own ==
        std::string("HOST (JULIA FERN):").size());
  CHECK(name_of("HÉLÈNE CARBONNEL : Elle est sous le choc.") == "HÉLÈNE CARBONNEL");
  CHECK(name_of("Q: What did the judge decide?") == "Q");
  CHECK(name_of("FERN: [LAUGHS] Fair enough, I guess.") == "FERN");
  // Not a speaker: a brief's subject (lower case after it), a name in sentence case, a number,
  // too many words, nothing after the colon.
  CHECK(find_speaker_label("EDF : hausse de 5 % du bénéfice au premier semestre.").length == 0);
  CHECK(find_speaker_label("Julia Fern: Welcome back.").length == 0);
  CHECK(find_speaker_label("2024: The year in review.").length == 0);
  CHECK(find_speaker_label("THE HOUSE OF THE PEOPLE SAID: Yes.").length == 0);
  CHECK(find_speaker_label("NOTE:").length == 0);
}

TEST_CASE("a transcript's speaker names go; a rubric that opens one line stays", "[clean]") {
  const Document transcript = make_document(
      "The Capitol Minute, episode 212\n\n"
      "HOST (JULIA FERN): Welcome back to The Capitol Minute. The Senate passed the ports bill.\n\n"
      "MARCUS OBI: Hey, Julia. It was a long day in the chamber for everyone.\n\n"
      "FERN: So, what is this bill? Give me the short version of it.\n\n"
      "OBI: It is $12.4 billion over five years, mostly for dredging the channels.\n\n"
      "FERN: And who was against it? Tell me about the amendment.\n");
  const CleanedDocument cleaned = clean_one(transcript);
  CHECK(kept(transcript, cleaned) ==
        std::vector<std::string>{
            "Welcome back to The Capitol Minute. The Senate passed the ports bill.",
            "Hey, Julia. It was a long day in the chamber for everyone.",
            "So, what is this bill? Give me the short version of it.",
            "It is $12.4 billion over five years, mostly for dredging the channels.",
            "And who was against it? Tell me about the amendment."});
  const auto lines = dropped(transcript, cleaned);
  CHECK(std::count_if(lines.begin(), lines.end(),
                      [](const auto& line) { return line.second == "speaker"; }) == 5);
  CHECK(std::find(lines.begin(), lines.end(),
                  std::pair<std::string, std::string>{"HOST (JULIA FERN):", "speaker"}) !=
        lines.end());
  // One rubric, or a headline's rubric repeated by the lede: no transcript.
  for (const std::string& text :
       {std::string("EXCLUSIVE: The Senate passed the ports bill on Thursday by 62 votes.\n\n"
                    "The bill now goes to the House, where its fate is less certain.\n"),
        std::string("ONPC : La comédienne Camille Chamoux tacle le philosophe\n"
                    "ONPC : La comédienne Camille Chamoux tacle le philosophe (vidéo). Samedi, "
                    "Alain Finkielkraut était invité sur le plateau de France 2.\n")}) {
    const Document document = make_document(text);
    INFO(text);
    const auto reasons = dropped(document, clean_one(document));
    CHECK(std::none_of(reasons.begin(), reasons.end(),
                       [](const auto& line) { return line.second == "speaker"; }));
  }
}

TEST_CASE("rules: e-mail header fields", "[clean]") {
  using precis::clean_rules::find_header_field;
  using precis::clean_rules::HeaderKind;
  CHECK(find_header_field("Subject: Deal Sheet: A $4.2 bn bet").kind == HeaderKind::Subject);
  CHECK(find_header_field("Subject: Deal Sheet: A $4.2 bn bet").length == 9);
  CHECK(find_header_field("Objet : ☕ Cyberattaque à l'hôpital").kind == HeaderKind::Subject);
  CHECK(find_header_field("Objet : ☕ Cyberattaque à l'hôpital").own == 7);
  CHECK(find_header_field("À : abonne@exemple.fr").kind == HeaderKind::Addressing);
  CHECK(find_header_field("Envoyé : jeudi 7 novembre 2024 06:30").kind == HeaderKind::Addressing);
  CHECK(find_header_field("Date: Monday, March 10, 2025").kind == HeaderKind::Other);
  CHECK(find_header_field("Subject:").kind == HeaderKind::None);
  CHECK(find_header_field("Sujet : la réforme des retraites").kind == HeaderKind::None);
  CHECK(find_header_field("Note: the figures are provisional.").kind == HeaderKind::None);
}

TEST_CASE("rules: a reply's and a forward's markers are no part of the subject", "[clean]") {
  using precis::clean_rules::find_header_field;
  const std::string line = "Subject: RE: Fwd: Evacuation update";
  const auto field = find_header_field(line);
  CHECK(line.substr(field.length) == "Evacuation update");
  CHECK(field.own == 8);
  const std::string french = "Objet : TR : RE : Cyberattaque à l'hôpital";
  CHECK(french.substr(find_header_field(french).length) == "Cyberattaque à l'hôpital");
  // A subject that only opens with such letters keeps them.
  const std::string word = "Subject: Refinery fire: update";
  CHECK(word.substr(find_header_field(word).length) == "Refinery fire: update");
  const std::string marker_only = "Subject: Re:";
  CHECK(marker_only.substr(find_header_field(marker_only).length) == "Re:");
}

TEST_CASE("rules: date lines", "[clean]") {
  using precis::clean_rules::is_date_line;
  for (const char* line : {"Mardi 12 mars 2025",
                           "Tuesday, March 12, 2025 10:42 AM",
                           "12/03/2025 à 14h05",
                           "Le 12 mars 2025 à 14h05",
                           "Date: 12 March 2025",
                           "2025-03-12 14:05",
                           "March 12, 2025",
                           "Wed 5 Mar 2025 18.21 GMT",
                           "4:55 PM PST \u00B7 March 4, 2025",
                           "1er mai 2025",
                           "10:52 a.m.",
                           "17:02",
                           "Last updated: 10:52 a.m.",
                           "Updated 3:15 PM EST",
                           "Mis à jour à 14h32",
                           "Mise à jour le 12 mars 2025 à 14h05",
                           "Posted on March 3, 2025",
                           "Publié le 18/03/2025 à 12h04",
                           "7 hr. ago",
                           "· 6 hr. ago",
                           "il y a 3 heures",
                           "Il y a 4 min",
                           "2 days ago",
                           "22 septembre 2025 à 14 h 05 min"})
    CHECK(is_date_line(line));
  for (const char* line :
       {"May Day protests across France", "12 killed in Dunmore flood", "2025", "Day 3 - 14:05",
        "Flood forces evacuation of riverside homes in Dunmore", "March on the capital",
        "Date: to be confirmed", "10:52 a.m. Bib 4", "2:26:15, a personal best.", "",
        "Last updated", "Mise à jour : le bilan s'alourdit", "Updated forecast for 3 March",
        "3 ans", "Un an", "ago", "Il y a", "5 hours of talks"})
    CHECK_FALSE(is_date_line(line));
}

TEST_CASE("a live blog's short posts are text, not an article's tail", "[clean]") {
  // Boilerpipe's rule drops a short block between short ones after the last long paragraph; a
  // post's text under its time stamp, or under the headline under its stamp, is such a block.
  const Document blog = make_document(
      "Dunmore Falls derailment: live updates\n\n"
      "3:48 p.m. ET\nNTSB team arrives\n"
      "A go-team from the National Transportation Safety Board arrived at the site shortly after "
      "3:30 p.m. and began to examine a wheel-bearing detector west of the town.\n\n"
      "Updated 2:32 p.m. ET\n"
      "About 2,400 people live in the expanded zone, according to county officials.\n\n"
      "1:05 p.m. ET\nSchools closed Wednesday\n"
      "The Dunmore Area School District said all four of its schools would be closed.\n");
  const CleanedDocument cleaned = clean_one(blog);
  const std::vector<std::string> lines = kept(blog, cleaned);
  REQUIRE(lines.size() == 3);
  CHECK(lines[1] == "About 2,400 people live in the expanded zone, according to county officials.");
  CHECK(lines[2] ==
        "The Dunmore Area School District said all four of its schools would be closed.");
  const auto drops = dropped(blog, cleaned);
  CHECK(std::count(drops.begin(), drops.end(),
                   std::pair<std::string, std::string>{"Updated 2:32 p.m. ET", "date"}) == 1);
}

TEST_CASE("a site's name above its menu is no title", "[clean]") {
  const std::string body =
      "3 dead, 11 hurt in explosion at Wexley grain elevator\n\n"
      "By KWXT Staff\n\n"
      "Three people are dead and 11 others are hurt after an explosion at the elevator.\n\n"
      "Crews at the scene saw flames coming from the top of the elevator after 3 p.m.\n";
  for (const std::string header :
       {"KWXT 12 News\nWatch Live\nWeather\nLocal News\n",
        "Tolland County Ledger\nHome | News | Sports\n",
        "Kestlehaven Mercury\nNews Sport Business Opinion What's On Jobs\n",
        "The Wexley Herald\nLocal News \u00B7 Schools \u00B7 Opinion\n"}) {
    const Document page = make_document(header + "\n" + body);
    INFO(header);
    CHECK(clean_one(page).title == "3 dead, 11 hurt in explosion at Wexley grain elevator");
  }
  // A headline in title case over its deck stays the title, and so does a site's name with no
  // headline under it.
  const Document title_case = make_document(
      "Grain Elevator Blast Kills Three\nSheriff Says Eleven Workers Were Hurt In The "
      "Explosion\n\n" +
      body.substr(body.find("By KWXT")));
  CHECK(clean_one(title_case).title == "Grain Elevator Blast Kills Three");
  const Document name_only =
      make_document("KWXT 12 News\nWatch Live\nWeather\n\n" + body.substr(body.find("Three")));
  CHECK(clean_one(name_only).title == "KWXT 12 News");
}

TEST_CASE("a post's byline and age are no title", "[clean]") {
  const std::string thread =
      "Train derailment in Harwick last night - huge fire, evacuation ordered\n\n"
      "A freight train derailed around 9:45 p.m. Monday near the Route 56 crossing in Harwick, "
      "and roughly 30 cars went off the tracks.\n";
  for (const std::string header : {"r/Pennsylvania\nPosted by u/conemaugh_local\n14h\n",
                                   "r/investing\nPosted by u/cheddar_bull\n7 hr. ago\n",
                                   "r/france\nPublié par u/falaise_et_galets\nil y a 5 h\n"}) {
    INFO(header);
    const Document post = make_document(header + "\n" + thread);
    CHECK(clean_one(post).title ==
          "Train derailment in Harwick last night - huge fire, evacuation ordered");
  }
}

TEST_CASE("a press release's release note is no title", "[clean]") {
  const Document release = make_document(
      "FOR IMMEDIATE RELEASE / POUR DIFFUSION IMMÉDIATE\n\n"
      "Kingsford Waterfront Marathon statement on modified race conditions\n\n"
      "The Kingsford Waterfront Marathon today confirmed that the 2025 race was modified at "
      "10:45 a.m. because of extreme heat.\n");
  CHECK(clean_one(release).title ==
        "Kingsford Waterfront Marathon statement on modified race conditions");
}

TEST_CASE("a date line above the headline is no title", "[clean]") {
  const std::string body =
      "Flood forces evacuation of riverside homes in Dunmore\n\n"
      "Hundreds of residents left their homes on Tuesday as the river rose above its banks.\n\n"
      "The mayor said the water would peak on Wednesday night.\n";
  for (const std::string date :
       {"Date: 12 March 2025", "Tuesday, March 12, 2025 10:42 AM", "Le 12 mars 2025 à 14h05"}) {
    const Document page = make_document(date + "\n\n" + body);
    const CleanedDocument cleaned = clean_one(page);
    CHECK(cleaned.title == "Flood forces evacuation of riverside homes in Dunmore");
    CHECK(dropped(page, cleaned).front() == std::pair<std::string, std::string>{date, "date"});
  }
  // A headline that opens with a month's name is still one.
  const Document may = make_document("May Day protests across France\n\n" + body);
  CHECK(clean_one(may).title == "May Day protests across France");
}

TEST_CASE("an e-mail's header goes and its subject is the title", "[clean]") {
  const std::string body =
      "Le centre hospitalier de Val-d'Orbe est victime depuis mardi soir d'une attaque par "
      "rançongiciel.\n";
  const Document mail = make_document(
      "De : La Lettre du Matin <lettre@exemple.fr>\n"
      "Envoyé : jeudi 7 novembre 2024 06:30\n"
      "À : abonne@exemple.fr\n"
      "Objet : Cyberattaque à l'hôpital, prix de l'eau, derby ce soir\n\n" +
      body);
  const CleanedDocument cleaned = clean_one(mail);
  CHECK(cleaned.title == "Cyberattaque à l'hôpital, prix de l'eau, derby ce soir");
  CHECK(slice(mail, cleaned.title_span) == cleaned.title);
  CHECK(kept(mail, cleaned) == std::vector<std::string>{body.substr(0, body.size() - 1)});
  CHECK(dropped(mail, cleaned) ==
        std::vector<std::pair<std::string, std::string>>{
            {"De : La Lettre du Matin <lettre@exemple.fr>", "header"},
            {"Envoyé : jeudi 7 novembre 2024 06:30", "header"},
            {"À : abonne@exemple.fr", "header"},
            {"Objet :", "header"},
            {"Cyberattaque à l'hôpital, prix de l'eau, derby ce soir", "title"}});
  // A subject alone opens a message too; a date alone does not make a header.
  const Document lone = make_document("Subject: Evacuation update - Wednesday 7 a.m.\n\n" + body);
  CHECK(clean_one(lone).title == "Evacuation update - Wednesday 7 a.m.");
  const Document reply = make_document("Subject: RE: Fwd: Evacuation update\n\n" + body);
  const CleanedDocument replied = clean_one(reply);
  CHECK(replied.title == "Evacuation update");
  CHECK(slice(reply, replied.title_span) == replied.title);
  const Document dated = make_document("Date: 7 novembre 2024\n\n" + body);
  const auto dated_lines = dropped(dated, clean_one(dated));
  CHECK(std::none_of(dated_lines.begin(), dated_lines.end(),
                     [](const auto& line) { return line.second == "header"; }));
  // Without cleaning the header stays text, and the subject is still the title.
  precis::CleanOptions off;
  off.enabled = false;
  const CleanedDocument raw = clean_one(mail, off);
  CHECK(raw.title == "Cyberattaque à l'hôpital, prix de l'eau, derby ce soir");
  CHECK(kept(mail, raw).size() == 4);
}

TEST_CASE("a forwarded message's header inside the text goes", "[clean]") {
  const std::string lede =
      "Please see below the statement the borough sent to residents this morning about the fire.";
  const std::string body = "The evacuation order remains in effect until further notice.";
  const Document mail = make_document(lede +
                                      "\n\nFrom: Borough of Dunmore Falls <info@example.org>\n"
                                      "Sent: Wednesday, March 5, 2025 7:02 AM\n"
                                      "Subject: Evacuation update\n\n" +
                                      body + "\n");
  CHECK(kept(mail, clean_one(mail)) == std::vector<std::string>{lede, body});
}

TEST_CASE("a communiqué's subject line under its letterhead is the title", "[clean]") {
  const std::string body =
      "Le centre hospitalier de Valmorin a été victime, dans la nuit du 15 au 16 mars 2025, "
      "d'une attaque par rançongiciel ayant entraîné l'indisponibilité de son système "
      "d'information.";
  const Document communique = make_document(
      "MINISTÈRE DU TRAVAIL, DE LA SANTÉ ET DES SOLIDARITÉS\n"
      "Cabinet du ministre délégué chargé de la Santé\n\n"
      "Paris, le 19 mars 2025\n\nCOMMUNIQUÉ DE PRESSE\n\n"
      "Objet : cyberattaque visant le centre hospitalier de Valmorin\n\n" +
      body + "\n");
  const CleanedDocument cleaned = clean_one(communique);
  CHECK(cleaned.title == "cyberattaque visant le centre hospitalier de Valmorin");
  CHECK(kept(communique, cleaned) == std::vector<std::string>{body});
  // Below the text, a subject line is no title: the article's headline stays.
  const Document article =
      make_document("Hospital hit by ransomware attack\n\n" + std::string(kQuakeParagraph) +
                    "\n\nSubject: Evacuation update\n\n" + kCharityParagraph + "\n");
  CHECK(clean_one(article).title == "Hospital hit by ransomware attack");
}

TEST_CASE("a caption under a picture's label goes, and a line its successor repeats", "[clean]") {
  const std::string paragraph =
      "Le pont de la Lanne, un ouvrage de béton de 84 mètres, s'est effondré mardi vers 14 h 10.";
  const std::string caption = "Le tablier du pont de la Lanne gît dans la rivière, mercredi matin.";
  const Document labelled =
      make_document("Image\n" + caption + "\nFred Lanne / MaxPPP\n" + paragraph + "\n");
  CHECK(kept(labelled, clean_one(labelled)) == std::vector<std::string>{paragraph});

  const std::string copy = "Smoke rises from derailed tank cars near Mill Street on Tuesday.";
  const std::string lede =
      "Thirty-eight cars of a freight train left the tracks late Monday in the borough.";
  const Document reader =
      make_document(copy + "\n" + copy + " (AP Photo/Martin Kell)\n\n" + lede + "\n");
  const auto lines = dropped(reader, clean_one(reader));
  CHECK(kept(reader, clean_one(reader)) == std::vector<std::string>{lede});
  CHECK(std::find(lines.begin(), lines.end(),
                  std::pair<std::string, std::string>{copy, "repeated"}) != lines.end());
  // A subhead that opens the next paragraph's first sentence is no copy: it has no period.
  const Document subhead = make_document(
      "Key points\nKey points of the deal were agreed late on Monday by both boards.\n");
  CHECK(kept(subhead, clean_one(subhead)).size() == 1);
}

TEST_CASE("rules: bylines and authors' bios", "[clean]") {
  using precis::clean_rules::byline_names;
  using precis::clean_rules::opens_with_author;
  using Names = std::vector<std::string>;
  CHECK(byline_names("By Renata Solis and Omar Haddad") == Names{"Renata Solis", "Omar Haddad"});
  CHECK(byline_names("By Mark D. Sutherland, Sports Reporter") ==
        Names{"Mark D. Sutherland", "Sports Reporter"});
  CHECK(byline_names("Par Jean Dupont et Marie Martin, envoyés spéciaux à Kiev") ==
        Names{"Jean Dupont", "Marie Martin"});
  CHECK(byline_names("By Tom Halvorsen | March 4, 2025") == Names{"Tom Halvorsen"});
  CHECK(byline_names("By the river, the town waited.").empty());
  CHECK(byline_names("Bylines are short").empty());
  CHECK(byline_names("Mark D. Sutherland").empty());

  CHECK(opens_with_author("Renata Solis covers Congress for Capitol Wire.", "Renata Solis"));
  CHECK(opens_with_author("Tom covers agriculture and commodities from Chicago.", "Tom Halvorsen"));
  CHECK(opens_with_author("Jean Dupont est journaliste au service Sports.", "Jean Dupont"));
  // A name that goes on, a first name that is an initial or a word, a name inside the line.
  CHECK_FALSE(opens_with_author("Renata Solisova said the vote was close.", "Renata Solis"));
  CHECK_FALSE(opens_with_author("Renata Solis Garcia said the vote was close.", "Renata Solis"));
  CHECK_FALSE(opens_with_author("J. said nothing.", "J. Smith"));
  CHECK_FALSE(opens_with_author("The mayor said the bridge would reopen.", "The Associated Press"));
  CHECK_FALSE(opens_with_author("Senator Solis covers nothing.", "Renata Solis"));
}

TEST_CASE("an author's bio under the article goes", "[clean]") {
  const std::string bio =
      "Mark D. Sutherland covers running and amateur sport for the Examiner. Reach him at "
      "msutherland@example.ca.";
  const Document article = make_document(
      "Kiprono breaks Kingsford record as heat forces organizers to cut race short\n\n"
      "By Mark D. Sutherland, Sports Reporter\n\n" +
      std::string(kQuakeParagraph) + "\n\n" + kCharityParagraph + "\n\n" + bio + "\n");
  const auto drops = dropped(article, clean_one(article));
  CHECK(std::count(drops.begin(), drops.end(),
                   std::pair<std::string, std::string>{bio, "byline"}) == 1);
  // Without the byline, the same line is text.
  const Document unsigned_article = make_document(
      "Kiprono breaks Kingsford record as heat forces organizers to cut race short\n\n" +
      std::string(kQuakeParagraph) + "\n\n" + kCharityParagraph + "\n\n" + bio + "\n");
  CHECK(kept(unsigned_article, clean_one(unsigned_article)).back() == bio);
}

TEST_CASE("rules: roster entries", "[clean]") {
  using precis::clean_rules::is_roster_entry;
  CHECK(is_roster_entry("Susan O'Kane - Chief Executive Officer, Brightwater Dairy Co."));
  CHECK(is_roster_entry("Greg T. Lindahl - Chief Executive Officer"));
  CHECK(is_roster_entry("Jean Dupont – Rédacteur en chef"));
  CHECK_FALSE(is_roster_entry("Ben - Morgan Stanley"));  // one word: no full name
  CHECK_FALSE(is_roster_entry("Jean Dupont – le ministre a démissionné mardi soir."));
  CHECK_FALSE(is_roster_entry("PSG 2 - OM 1"));
  CHECK_FALSE(
      is_roster_entry("Nantes, Lyon et Paris – Les trois villes ont voté pour la "
                      "gratuité des transports en commun dès le mois de janvier."));
}

TEST_CASE("a roster goes, even where an entry ends with an abbreviation", "[clean]") {
  const std::string body =
      "Halvorsen Foods said on Monday it would buy Brightwater Dairy for about $4.2 billion.";
  const Document call =
      make_document(body +
                    "\n\nCompany Participants\nGreg T. Lindahl - Chief Executive Officer\n"
                    "Susan O'Kane - Chief Executive Officer, Brightwater Dairy Co.\n\n" +
                    body + " The deal should close this year.\n");
  const CleanedDocument cleaned = clean_one(call);
  CHECK(kept(call, cleaned).size() == 2);
  const auto lines = dropped(call, cleaned);
  CHECK(std::find(lines.begin(), lines.end(),
                  std::pair<std::string, std::string>{
                      "Susan O'Kane - Chief Executive Officer, Brightwater Dairy Co.", "roster"}) !=
        lines.end());
}
