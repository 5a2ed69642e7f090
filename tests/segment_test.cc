#include "precis/segment.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "precis/clean.h"
#include "precis/error.h"

namespace {

using precis::CleanedDocument;
using precis::collapse_whitespace;
using precis::Document;
using precis::Language;
using precis::Segmenter;
using precis::Sentence;
using precis::Span;

// The byte length of the white space character starting at text[i], or 0 (Unicode White_Space,
// written independently of the implementation).
std::size_t white_space_at(std::string_view text, std::size_t i) {
  static const std::string_view kMultiByte[] = {"\u0085", "\u00A0", "\u1680", "\u2000", "\u2001",
                                                "\u2002", "\u2003", "\u2004", "\u2005", "\u2006",
                                                "\u2007", "\u2008", "\u2009", "\u200A", "\u2028",
                                                "\u2029", "\u202F", "\u205F", "\u3000"};
  const char c = text[i];
  if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
  for (std::string_view space : kMultiByte) {
    if (text.substr(i, space.size()) == space) return space.size();
  }
  return 0;
}

// Every non-blank line, trimmed, kept: what the cleaner gives with cleaning disabled.
CleanedDocument keep_all_lines(const std::string& text) {
  CleanedDocument cleaned;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find_first_of("\r\n", begin);
    if (end == std::string::npos) end = text.size();
    std::size_t b = begin, e = end;
    while (b < e && white_space_at(text, b) != 0) b += white_space_at(text, b);
    while (e > b) {
      std::size_t last = e - 1;
      while (last > b && (static_cast<unsigned char>(text[last]) & 0xC0) == 0x80) --last;
      if (white_space_at(text, last) == 0) break;
      e = last;
    }
    if (b < e) cleaned.lines.push_back({b, e});
    if (end == text.size()) break;
    begin = end + (text.compare(end, 2, "\r\n") == 0 ? 2 : 1);
  }
  return cleaned;
}

// The contract of split(): texts are the collapsed spans, spans are increasing, trimmed, inside
// the kept lines, and together hold every non-space byte of the kept lines exactly once.
void check_invariant(const Document& document, const CleanedDocument& cleaned,
                     const std::vector<Sentence>& sentences) {
  std::string kept, covered;
  for (const Span& line : cleaned.lines) {
    for (char c : collapse_whitespace(document.text.substr(line.begin, line.size()))) {
      if (c != ' ') kept += c;
    }
  }
  std::size_t previous_end = 0;
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    const Sentence& s = sentences[k];
    CHECK(s.index == k);
    REQUIRE(s.span.begin < s.span.end);
    REQUIRE(s.span.end <= document.text.size());
    CHECK(s.span.begin >= previous_end);
    previous_end = s.span.end;
    const std::string raw = document.text.substr(s.span.begin, s.span.size());
    CHECK(collapse_whitespace(raw) == s.text);
    CHECK(white_space_at(raw, 0) == 0);
    std::size_t last = raw.size() - 1;
    while (last > 0 && (static_cast<unsigned char>(raw[last]) & 0xC0) == 0x80) --last;
    CHECK(white_space_at(raw, last) == 0);
    auto inside = [&](std::size_t offset) {
      return std::any_of(cleaned.lines.begin(), cleaned.lines.end(),
                         [&](const Span& l) { return l.begin <= offset && offset < l.end; });
    };
    CHECK(inside(s.span.begin));
    CHECK(inside(s.span.end - 1));
    for (char c : s.text) {
      if (c != ' ') covered += c;
    }
  }
  CHECK(covered == kept);
}

std::vector<Sentence> split_all(const std::string& text, Language language = Language::French) {
  Document document;
  document.path = "test.txt";
  document.text = text;
  const CleanedDocument cleaned = keep_all_lines(text);
  const Segmenter segmenter({language});
  std::vector<Sentence> sentences = segmenter.split(document, cleaned, 0);
  check_invariant(document, cleaned, sentences);
  return sentences;
}

std::vector<std::string> texts_of(const std::vector<Sentence>& sentences) {
  std::vector<std::string> texts;
  for (const Sentence& s : sentences) texts.push_back(s.text);
  return texts;
}

void check_sentences(const std::string& text, const std::vector<std::string>& expected,
                     Language language = Language::French) {
  INFO(text);
  CHECK(texts_of(split_all(text, language)) == expected);
}

void check_english(const std::string& text, const std::vector<std::string>& expected) {
  check_sentences(text, expected, Language::English);
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST_CASE("collapse_whitespace collapses Unicode white space and trims", "[segment]") {
  CHECK(collapse_whitespace("") == "");
  CHECK(collapse_whitespace(" \t\r\n ") == "");
  CHECK(collapse_whitespace("  a  b\tc\r\nd ") == "a b c d");
  CHECK(collapse_whitespace("\u00A0«\u00A0Oui\u202F!\u00A0»\u2009\u3000") == "« Oui ! »");
  CHECK(collapse_whitespace("c\u2019est l\u2019été") == "c\u2019est l\u2019été");  // ’ is no space
  CHECK(collapse_whitespace("a\u2028b\u2029c\u0085d\u1680e\u205Ff") == "a b c d e f");
  CHECK(collapse_whitespace("\u200Bx\u200B") == "\u200Bx\u200B");  // ZWSP is not White_Space
}

TEST_CASE("segment: ordinary French sentences and abbreviations", "[segment]") {
  check_sentences("M. Macron a parlé. Mme Dupont aussi.",
                  {"M. Macron a parlé.", "Mme Dupont aussi."});
  check_sentences("MM. Dupont et Durand sont venus. Ils sont partis.",
                  {"MM. Dupont et Durand sont venus.", "Ils sont partis."});
  check_sentences("Il pleut ! Vraiment ? Oui.", {"Il pleut !", "Vraiment ?", "Oui."});
  check_sentences("Il en veut beaucoup. Pas moi.", {"Il en veut beaucoup.", "Pas moi."});
  check_sentences("", {});
  check_sentences(" \n\t\n", {});
}

TEST_CASE("segment: a word that ends like an abbreviation ends its sentence", "[segment]") {
  // ICU's CLDR filter (fr@ss=standard) matched "aux.", "mer.", "dir.", "anc.", "édit.", "voit.",
  // "Var.", "L.", "C.", "D." at the end of any word: none of these were split.
  for (const char* word : {"sociaux", "hôpitaux", "travaux", "mer", "fermer", "grandir", "blanc",
                           "crédit", "voit", "Var", "RTL", "JDD", "BBC", "verdict", "Melun"}) {
    const std::string first = std::string("Le message a circulé vers ") + word + ".";
    check_sentences(first + " Elle date de mardi.", {first, "Elle date de mardi."});
  }
  check_english("The bill is the Clean Water Act. Twelve senators voted.",
                {"The bill is the Clean Water Act.", "Twelve senators voted."});
  check_english("He met his friend Joe. They left.", {"He met his friend Joe.", "They left."});
  check_english("He fixed my PC. Then he left.", {"He fixed my PC.", "Then he left."});
  check_english("The alarm threshold is 200°F. Investigators found the valve.",
                {"The alarm threshold is 200°F.", "Investigators found the valve."});
  check_english("The court cited Roe v. Wade in its ruling (Dkt. No. 41). It ruled.",
                {"The court cited Roe v. Wade in its ruling (Dkt. No. 41).", "It ruled."});
  check_english("It is in Washington, D.C. NTSB investigators said so.",
                {"It is in Washington, D.C.", "NTSB investigators said so."});
  // The abbreviations of that list that are no word still hold.
  check_sentences("Voir la fig. 3 et le vol. 2. Fin.", {"Voir la fig. 3 et le vol. 2.", "Fin."});
  check_sentences("Selon Mme. Bensouda, le dossier avance. Fin.",
                  {"Selon Mme. Bensouda, le dossier avance.", "Fin."});
  check_english("The U.S.A. Team won. Fans cheered.", {"The U.S.A. Team won.", "Fans cheered."});
}

TEST_CASE("segment: the era, a month before a year, a sentence glued before M.", "[segment]") {
  check_sentences("Des pièces du IIIe siècle apr. J.-C. Une trouvaille rare.",
                  {"Des pièces du IIIe siècle apr. J.-C.", "Une trouvaille rare."});
  check_sentences("Une éruption en 44 avant J.C. Selon Joe, le climat a changé.",
                  {"Une éruption en 44 avant J.C.", "Selon Joe, le climat a changé."});
  check_sentences("Le patron, J.-C. Decaux, a parlé. Fin.",
                  {"Le patron, J.-C. Decaux, a parlé.", "Fin."});
  check_sentences("La mise en service est prévue en sept. 2026, dit-il. Fin.",
                  {"La mise en service est prévue en sept. 2026, dit-il.", "Fin."});
  check_sentences("Il a quitté le gouvernement.M. Delevoye a manqué à son devoir.",
                  {"Il a quitté le gouvernement.", "M. Delevoye a manqué à son devoir."});
  check_sentences("Il est allé à Brasilia.M. Bolsonaro a parlé.",
                  {"Il est allé à Brasilia.", "M. Bolsonaro a parlé."});
}

TEST_CASE("segment: abbreviations ICU lacks", "[segment]") {
  check_sentences("Le Dr. Martin arrive. Il part.", {"Le Dr. Martin arrive.", "Il part."});
  check_sentences("Le Pr. Raoult parle. On écoute.", {"Le Pr. Raoult parle.", "On écoute."});
  check_sentences("L'art. 49.3 a été utilisé. Le texte passe.",
                  {"L'art. 49.3 a été utilisé.", "Le texte passe."});
  check_sentences("Voir cf. Annexe 2. Fin.", {"Voir cf. Annexe 2.", "Fin."});
  check_sentences("Lire p. XII du rapport. Fin.", {"Lire p. XII du rapport.", "Fin."});
  check_sentences("Il vit à St. Denis et à Ste. Marie. Fin.",
                  {"Il vit à St. Denis et à Ste. Marie.", "Fin."});
  check_sentences("Il a env. Trente ans. Fin.", {"Il a env. Trente ans.", "Fin."});
  check_sentences("Lire le vol. II et le chap. IV du livre. Fin.",
                  {"Lire le vol. II et le chap. IV du livre.", "Fin."});
  check_sentences("Le décret n° 2024-12 est paru. Il s'applique.",
                  {"Le décret n° 2024-12 est paru.", "Il s'applique."});
  check_sentences("Rendez-vous en 52 av. J.-C. à Alésia. Fin.",
                  {"Rendez-vous en 52 av. J.-C. à Alésia.", "Fin."});
}

TEST_CASE("segment: capital initials", "[segment]") {
  check_sentences("Selon J. Dupont, il pleut. Il a raison.",
                  {"Selon J. Dupont, il pleut.", "Il a raison."});
  check_sentences("Selon J.-C. Dupont, il pleut. Il a raison.",
                  {"Selon J.-C. Dupont, il pleut.", "Il a raison."});
  // Two unspaced initials are a name's.
  check_sentences("Les chaînes J.C. Penney et JCrew ferment. Fin.",
                  {"Les chaînes J.C. Penney et JCrew ferment.", "Fin."});
  check_english("Goldman advised Halvorsen; J.P. Morgan advised Brightwater.",
                {"Goldman advised Halvorsen; J.P. Morgan advised Brightwater."});
  // An acronym with periods is not an initial: the sentence still ends after it.
  check_sentences("Il travaille à la S.N.C.F. Elle aussi.",
                  {"Il travaille à la S.N.C.F.", "Elle aussi."});
  // A word ending with a capital is not an initial either.
  check_sentences("Le siège de l'ONU. Une réunion.", {"Le siège de l'ONU.", "Une réunion."});
}

TEST_CASE("segment: English abbreviations and initials", "[segment]") {
  check_english("Mr. Smith left. Mrs. Jones stayed.", {"Mr. Smith left.", "Mrs. Jones stayed."});
  check_english("Dr. Who and Prof. Xavier met. They talked.",
                {"Dr. Who and Prof. Xavier met.", "They talked."});
  check_english("St. Louis is big. John Smith Jr. Came here.",
                {"St. Louis is big.", "John Smith Jr. Came here."});
  check_english("The U.S. Army came. It left.", {"The U.S. Army came.", "It left."});
  check_english("The U.N. Climate Change Conference opened. It ended.",
                {"The U.N. Climate Change Conference opened.", "It ended."});
  check_english("Cities, e.g. Paris, i.e. France. Done.",
                {"Cities, e.g. Paris, i.e. France.", "Done."});
  check_english("Apples, pears etc. are fruit. Yes.", {"Apples, pears etc. are fruit.", "Yes."});
  check_english("J. R. Smith came. Big news.", {"J. R. Smith came.", "Big news."});
  // Ranks before a name (WikiNews: "found Army Spc. Charles Graner guilty").
  check_english(
      "A court found Army Spc. Charles Graner guilty. Brig. Gen. Janis Karpinski spoke.",
      {"A court found Army Spc. Charles Graner guilty.", "Brig. Gen. Janis Karpinski spoke."});
  check_english("He served in Ft. Bragg, N.C., with the E.U. Commission's blessing. He left.",
                {"He served in Ft. Bragg, N.C., with the E.U. Commission's blessing.", "He left."});
  // A nickname's initials in quotes inside a name (AP style).
  check_english(
      "Kyle Brandt and Thomas \"T.J.\" Weller, 58, died. His son \u201CR.J.\u201D Weller spoke.",
      {"Kyle Brandt and Thomas \"T.J.\" Weller, 58, died.",
       "His son \u201CR.J.\u201D Weller spoke."});
  check_english("She said \"Go.\" He went.", {"She said \"Go.\"", "He went."});
  check_english("Pfc. Lynndie England, Cpl. Jones and Maj. Lee left. Adm. Mullen stayed.",
                {"Pfc. Lynndie England, Cpl. Jones and Maj. Lee left.", "Adm. Mullen stayed."});
}

TEST_CASE("segment: a company's legal form ends a sentence, but not before its name's rest",
          "[segment]") {
  check_english("The deal was advised by Goldman Sachs & Co. LLC and Lazard. It closed.",
                {"The deal was advised by Goldman Sachs & Co. LLC and Lazard.", "It closed."});
  check_english("Apple Inc. Chief Executive Tim Cook spoke. Shares of Acme Corp. Ltd. rose.",
                {"Apple Inc. Chief Executive Tim Cook spoke.", "Shares of Acme Corp. Ltd. rose."});
  check_english("Halvorsen Foods Inc. CEO Dana Ruiz declined to comment. Talks went on.",
                {"Halvorsen Foods Inc. CEO Dana Ruiz declined to comment.", "Talks went on."});
  // Before anything else the form's period ends the sentence.
  check_english("He joined Acme Co. He left in 2020.", {"He joined Acme Co.", "He left in 2020."});
  check_english("The buyer is Brightwater Dairy Inc. The seller is Halvorsen.",
                {"The buyer is Brightwater Dairy Inc.", "The seller is Halvorsen."});
  check_sentences("Il a été racheté par Martin et Cie. Le prix est secret.",
                  {"Il a été racheté par Martin et Cie.", "Le prix est secret."});
  check_sentences("Le groupe Martin et Cie. SA a été racheté. Le prix est secret.",
                  {"Le groupe Martin et Cie. SA a été racheté.", "Le prix est secret."});
}

TEST_CASE("segment: datelines, clock times and reference marks", "[segment]") {
  // The agency tag after a dateline that ends with an abbreviation starts no sentence.
  check_english("MARLOW, Pa. (WMLR) — Federal investigators arrived on Tuesday. They left.",
                {"MARLOW, Pa. (WMLR) — Federal investigators arrived on Tuesday.", "They left."});
  check_english("ALBANY, N.Y. (AP) - The governor declared an emergency. Crews came.",
                {"ALBANY, N.Y. (AP) - The governor declared an emergency.", "Crews came."});
  check_sentences("Il est arrivé à St. (Loire) hier. Puis il est reparti.",
                  {"Il est arrivé à St. (Loire) hier.", "Puis il est reparti."});
  // "p.m." before a day, a month or a time zone goes on; before another word it may end.
  check_english(
      "The first call came in at 5:41 p.m. Monday. Crews arrived at 6 p.m. The mayor "
      "spoke at 7 p.m. (2300 GMT), after the rescue.",
      {"The first call came in at 5:41 p.m. Monday.", "Crews arrived at 6 p.m.",
       "The mayor spoke at 7 p.m. (2300 GMT), after the rescue."});
  check_english("Officials met at 10:30 a.m. Eastern. They adjourned at noon.",
                {"Officials met at 10:30 a.m. Eastern.", "They adjourned at noon."});
  check_english("The relay began at 1:00 p.m. PDT in San Francisco. It ended late.",
                {"The relay began at 1:00 p.m. PDT in San Francisco.", "It ended late."});
  check_english("They met at 9 a.m. March 3 and at 4 p.m. Pacific time on the next day.",
                {"They met at 9 a.m. March 3 and at 4 p.m. Pacific time on the next day."});
  // A word that only may belong to the time does not, unless what it needs follows.
  check_english("Crews left at 6 p.m. (The road reopened on Monday.) Residents returned.",
                {"Crews left at 6 p.m.", "(The road reopened on Monday.)", "Residents returned."});
  check_english(
      "The blaze started at 2 a.m. Pacific Gas and Electric said a line had failed.",
      {"The blaze started at 2 a.m.", "Pacific Gas and Electric said a line had failed."});
  check_english("The council met at 10 a.m. May said the plan would be dropped.",
                {"The council met at 10 a.m.", "May said the plan would be dropped."});
  // Wikipedia's reference marks stay with the sentence they follow.
  check_english("The data was stolen.[1][2] It is one of the largest breaches.[3]",
                {"The data was stolen.[1][2]", "It is one of the largest breaches.[3]"});
  check_english("It was the largest.[citation needed] Others disagree.",
                {"It was the largest.[citation needed]", "Others disagree."});
}

TEST_CASE("segment: a footnote's call glued to a period (a PDF's text)", "[segment]") {
  check_english(
      "It derailed in Harwick, Pennsylvania.1 Of the derailed cars, 9 were tank cars.",
      {"It derailed in Harwick, Pennsylvania.1", "Of the derailed cars, 9 were tank cars."});
  check_english("It passed a detector at milepost 111.9.2 The engineer applied the brakes.",
                {"It passed a detector at milepost 111.9.2", "The engineer applied the brakes."});
  check_sentences("Aucune fuite n'a été établie.\u00B9 Les investigations se poursuivent.",
                  {"Aucune fuite n'a été établie.\u00B9", "Les investigations se poursuivent."});
  // A count that opens what follows, a number, an abbreviation: no footnote.
  check_sentences(
      "Selon les premières constatations, et pour cause.20 Minutes rapporte les faits.",
      {"Selon les premières constatations, et pour cause.20 Minutes rapporte les faits."});
  check_english("The quake started at 06.34.14 UTC and was felt far away.",
                {"The quake started at 06.34.14 UTC and was felt far away."});
  check_english("They were seeded No.1 The draw was made on Friday.",
                {"They were seeded No.1 The draw was made on Friday."});
  check_sentences("Le score était de 3.2 Les joueurs sont rentrés au vestiaire.",
                  {"Le score était de 3.2 Les joueurs sont rentrés au vestiaire."});
}

TEST_CASE("segment: NBSP and NNBSP in French punctuation", "[segment]") {
  check_sentences("«\u00A0Nous partons.\u00A0» Il part.", {"« Nous partons. »", "Il part."});
  check_sentences("« Nous partons. » Il part.", {"« Nous partons. »", "Il part."});
  check_sentences("C'est\u202F? Oui\u00A0! Voici\u00A0: un mot\u00A0; deux. Fin.",
                  {"C'est ?", "Oui !", "Voici : un mot ; deux.", "Fin."});
  // The span keeps the original bytes: the NBSP before » is inside it.
  const auto sentences = split_all("«\u00A0Nous partons.\u00A0» Il part.");
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[0].span == Span{0, std::string("«\u00A0Nous partons.\u00A0»").size()});
}

TEST_CASE("segment: quotes spanning a false break", "[segment]") {
  check_sentences("« Nous ne céderons pas. Jamais », a déclaré le ministre. Il est parti.",
                  {"« Nous ne céderons pas. Jamais », a déclaré le ministre.", "Il est parti."});
  check_sentences("“Nous ne céderons pas. Jamais”, a-t-il dit. Fin.",
                  {"“Nous ne céderons pas. Jamais”, a-t-il dit.", "Fin."});
  check_sentences("Il a dit : \"Nous restons. Toujours\", puis il est parti. Fin.",
                  {"Il a dit : \"Nous restons. Toujours\", puis il est parti.", "Fin."});
  check_sentences("« Jamais ! », a-t-il dit. Fin.", {"« Jamais ! », a-t-il dit.", "Fin."});
  check_sentences("« Où vas-tu ? » demanda-t-il. Fin.", {"« Où vas-tu ? » demanda-t-il.", "Fin."});
  // No closing quote within three segments: the open quote does not swallow what follows.
  check_sentences("« Un. Deux. Trois. Quatre. Cinq », dit-il.",
                  {"« Un.", "Deux.", "Trois.", "Quatre.", "Cinq », dit-il."});
  check_sentences("« Un. Deux. Trois. Quatre », dit-il.", {"« Un. Deux. Trois. Quatre », dit-il."});
  check_sentences("« Sans fin. Elle part. Il reste.", {"« Sans fin.", "Elle part.", "Il reste."});
}

TEST_CASE("segment: ellipses", "[segment]") {
  check_sentences("Elle attendit… Rien ne vint.", {"Elle attendit…", "Rien ne vint."});
  check_sentences("Il hésita... Puis il partit.", {"Il hésita...", "Puis il partit."});
  check_sentences("Il hésita… puis il partit.", {"Il hésita… puis il partit."});
  check_sentences("« Elle attendit… » Rien ne vint.", {"« Elle attendit… »", "Rien ne vint."});
}

TEST_CASE("segment: numbers and list numbers", "[segment]") {
  check_sentences("L'aide s'élève à 66,9 milliards de dollars. Elle baisse de 3,5 %.",
                  {"L'aide s'élève à 66,9 milliards de dollars.", "Elle baisse de 3,5 %."});
  check_english("Growth was 2.5% in 2022. It was 3.5 before.",
                {"Growth was 2.5% in 2022.", "It was 3.5 before."});
  check_sentences("Il a été élu en 2022. 3. Le troisième point.",
                  {"Il a été élu en 2022.", "3. Le troisième point."});
  check_sentences("1. Premier point. 2. Second point.", {"1. Premier point.", "2. Second point."});
  check_sentences("Le dernier point est le suivant. 4.", {"Le dernier point est le suivant. 4."});
}

TEST_CASE("segment: sentences glued without a space", "[segment]") {
  const std::string text = "Il parle du marché domestique.Consternant, le ministre est parti. Fin.";
  check_sentences(
      text, {"Il parle du marché domestique.", "Consternant, le ministre est parti.", "Fin."});
  const auto sentences = split_all(text);
  REQUIRE(sentences.size() == 3);
  const std::size_t dot = text.find('.');
  CHECK(sentences[0].span.end == dot + 1);
  CHECK(sentences[1].span.begin == dot + 1);
  check_sentences("Il l'a écrit!Oui, vraiment.", {"Il l'a écrit!", "Oui, vraiment."});
  check_sentences("Lisez lemonde.fr et la S.N.C.F.Un point.",
                  {"Lisez lemonde.fr et la S.N.C.F.Un point."});
  check_english("The U.S.Army and version 3.5 and e.g.Paris stay.",
                {"The U.S.Army and version 3.5 and e.g.Paris stay."});
  check_sentences("Visitez www.site.Com ou av. J.-C.Dupont.",
                  {"Visitez www.site.Com ou av. J.-C.Dupont."});
  check_sentences("Le plan A.Bravo.", {"Le plan A.Bravo."});
  // After a capitalised word or an acronym, as much glue as after a lower-case word.
  check_sentences("Il vit à Paris.Si les villes ferment, selon l'AFP.Le reste suit.",
                  {"Il vit à Paris.", "Si les villes ferment, selon l'AFP.", "Le reste suit."});
  check_sentences("Ils visitent les États-Unis.De nombreux cas.",
                  {"Ils visitent les États-Unis.", "De nombreux cas."});
  check_sentences("Il a quitté YouTube.La plateforme réagit.",
                  {"Il a quitté YouTube.", "La plateforme réagit."});
  // Domains, initials, titles, two-letter names, addresses and codes stay whole.
  check_sentences("Lisez Booking.Com et Amazon.Fr, M.Guerrero et Tzi Ma.Le film, Mme.Dupont.",
                  {"Lisez Booking.Com et Amazon.Fr, M.Guerrero et Tzi Ma.Le film, Mme.Dupont."});
  check_english(
      "Airbus (AIR.PA) and Mail.Ru wrote to Jean.Dupont@mairie.fr with Console.WriteLine.",
      {"Airbus (AIR.PA) and Mail.Ru wrote to Jean.Dupont@mairie.fr with Console.WriteLine."});
}

TEST_CASE("segment: a sentence that opens with a number", "[segment]") {
  // UAX #29 SB8 keeps "lourd. 340 personnes" together: a number, then lower case.
  check_sentences("Le bilan est lourd. 340 personnes sont mortes.",
                  {"Le bilan est lourd.", "340 personnes sont mortes."});
  check_sentences("Le vote a eu lieu en 2019. 54 % des salariés sont contre.",
                  {"Le vote a eu lieu en 2019.", "54 % des salariés sont contre."});
  check_sentences("La hausse atteint 5 %. 300 emplois sont menacés.",
                  {"La hausse atteint 5 %.", "300 emplois sont menacés."});
  check_sentences(
      "« C'est fini. » 200 salariés ont quitté l'usine (selon la CGT). 40 restent.",
      {"« C'est fini. »", "200 salariés ont quitté l'usine (selon la CGT).", "40 restent."});
  check_sentences("Il vit à Bordeaux. 96 voix le séparaient du maire.",
                  {"Il vit à Bordeaux.", "96 voix le séparaient du maire."});
  check_english("The storm moved north. 300 homes were destroyed.",
                {"The storm moved north.", "300 homes were destroyed."});
  // Abbreviations that numbers follow, initials, ellipses: no sentence end.
  check_sentences(
      "Le 1er janv. 2020 et le 3 févr. 2021, lisez l'art. 5 et la p. 12 ou tél. 01 "
      "23 45 67 89, env. 300 hab. 2 fois.",
      {"Le 1er janv. 2020 et le 3 févr. 2021, lisez l'art. 5 et la p. 12 ou tél. 01 "
       "23 45 67 89, env. 300 hab. 2 fois."});
  check_english(
      "After Sept. 11 and Jan. 6, Prop. 22 and No. 5 were cited by Smith et al. 2005 "
      "at 9 a.m. 300 times.",
      {"After Sept. 11 and Jan. 6, Prop. 22 and No. 5 were cited by Smith et al. 2005 "
       "at 9 a.m. 300 times."});
  check_sentences("Il attendait... 300 personnes et J. 5 fois le site lemonde.fr. 3 fois.",
                  {"Il attendait... 300 personnes et J. 5 fois le site lemonde.fr. 3 fois."});
  // Compared ignoring case; law reports, addresses, measures.
  check_sentences(
      "Le 3 fév. 2021 (Cass. soc. 12 janv. 2021), bât. 3, esc. 2. Janv. 2020 aussi.",
      {"Le 3 fév. 2021 (Cass. soc. 12 janv. 2021), bât. 3, esc. 2.", "Janv. 2020 aussi."});
  check_english("He weighed 7 lbs. 4 oz. at birth.", {"He weighed 7 lbs. 4 oz. at birth."});
  // "sept" is a month after a day, a number otherwise; a currency sign ends a sentence as "%".
  check_sentences("Le 3 sept. 2020, ils étaient sept. 12 autres sont venus.",
                  {"Le 3 sept. 2020, ils étaient sept.", "12 autres sont venus."});
  check_sentences("Le billet coûte 300 €. 20 % des places restent.",
                  {"Le billet coûte 300 €.", "20 % des places restent."});
  // A French weekday abbreviation before a date ("sam. 12 mars"); "mer" and "jeu" are words, so
  // a day and a month must follow.
  check_sentences("Concert sam. 12 mars et dim. 1er déc. au stade, puis Mer. 3 juin à Lyon.",
                  {"Concert sam. 12 mars et dim. 1er déc. au stade, puis Mer. 3 juin à Lyon."});
  check_sentences(
      "Ils ont disparu en mer. 12 bateaux les cherchent. Le jeu. 3 équipes restent.",
      {"Ils ont disparu en mer.", "12 bateaux les cherchent.", "Le jeu.", "3 équipes restent."});
}

TEST_CASE("segment: a year glued to the next sentence", "[segment]") {
  // A subhead or a date line whose line break a scraper lost.
  check_sentences("Un rebond en 2021Dans ces conditions, la croissance repart.",
                  {"Un rebond en 2021", "Dans ces conditions, la croissance repart."});
  check_english("Tuesday, January 18, 2005Through a telethon, Romanians raised money.",
                {"Tuesday, January 18, 2005", "Through a telethon, Romanians raised money."});
  // Not years, or no word after them: names and models stay whole.
  check_sentences("La 4Matic et Tv5Monde selon 20Minutes, Euro2016Final et la 2020GT roulent.",
                  {"La 4Matic et Tv5Monde selon 20Minutes, Euro2016Final et la 2020GT roulent."});
  check_sentences("Le score 12019Le reste, en 2019 Le Monde et 1850Paris aussi.",
                  {"Le score 12019Le reste, en 2019 Le Monde et 1850Paris aussi."});
  check_sentences("Une hausse en 2019La situation change.",
                  {"Une hausse en 2019", "La situation change."});
  // A unit, a hashtag.
  check_sentences("Une batterie de 2000Wh et le tag #2022Presidentielle circulent.",
                  {"Une batterie de 2000Wh et le tag #2022Presidentielle circulent."});
}

TEST_CASE("segment: segments without a letter or digit are merged", "[segment]") {
  check_sentences("Il part. !!! Elle reste.", {"Il part. !!!", "Elle reste."});
  check_sentences("Il part !\n— Elle reste.", {"Il part !", "— Elle reste."});
  check_sentences("Il part.\n***", {"Il part. ***"});
  check_sentences("« Il part. »\n»\nElle reste.", {"« Il part. » »", "Elle reste."});
  // Alone in its paragraph, a symbol line has no sentence to join: it is kept, not lost.
  check_sentences("Il part.\n\n***\n\nElle reste.", {"Il part.", "***", "Elle reste."});
}

TEST_CASE("segment: hard-wrapped lines and paragraphs", "[segment]") {
  check_sentences("Le texte est\ncoupé en lignes\nde 30 caractères. Il continue\nici.",
                  {"Le texte est coupé en lignes de 30 caractères.", "Il continue ici."});
  check_sentences("Un appel entre\nDonald Trump et\nVladimir Poutine a eu lieu. Fin.",
                  {"Un appel entre Donald Trump et Vladimir Poutine a eu lieu.", "Fin."});
  // A line ending a sentence ends it, even before a lower-case letter.
  check_sentences("Il est parti.\nelle reste.", {"Il est parti.", "elle reste."});
  check_sentences("Il a dit « Non ! »\nil part.", {"Il a dit « Non ! »", "il part."});
  // A blank line separates paragraphs: a title without final punctuation is its own sentence.
  check_sentences("Titre sans ponctuation\n\nLe texte suit.",
                  {"Titre sans ponctuation", "Le texte suit."});
  // A line too long to be hard-wrapped is a paragraph of its own (a headline, a missing period).
  const std::string long_line(130, 'x');
  check_sentences(long_line + "\nLe texte suit.", {long_line, "Le texte suit."});
  const std::string wrapped(110, 'x');
  check_sentences(wrapped + "\nle texte suit.", {wrapped + " le texte suit."});
  // An abbreviation at the end of a line still joins the next one.
  check_sentences("Selon le Dr.\nMartin, il pleut.", {"Selon le Dr. Martin, il pleut."});
  // CRLF and lone CR, with trailing spaces and tabs.
  check_sentences("Le texte est  \r\ncoupé.\r\nIl\t\r\ncontinue.\r\n\r\nFin.",
                  {"Le texte est coupé.", "Il continue.", "Fin."});
  check_sentences("Le texte est\rcoupé.\rFin.", {"Le texte est coupé.", "Fin."});
}

TEST_CASE("segment: where the cleaner found the text wrapped, a line-final period decides nothing",
          "[segment]") {
  // English text wrapped at 72 columns; two lines end in "p.m.", one in a sentence's period.
  const std::string text =
      "The ceremony began in the evening, with all the lights of the stadium\n"
      "switched off by the organisers of the opening show at exactly 8:00 p.m.\n"
      "local time, and two thousand and eight drums were played by young\n"
      "men in the stadium. The torch had just arrived from St Petersburg,\n"
      "Russia, where it had been carried through the streets on Thursday by\n"
      "a relay of athletes who had been chosen by the organisers after a\n"
      "vote. It was lit by a gymnast who ran around the stadium at 11:00 p.m.\n"
      "The crowd of ninety thousand people stood up and sang with them.\n";
  Document document;
  document.path = "wrapped.txt";
  document.text = text;
  const std::vector<CleanedDocument> cleaned = precis::clean(std::vector<Document>{document});
  REQUIRE(cleaned[0].lines.size() == 8);
  CHECK(cleaned[0].wrapped == std::vector<bool>{true, true, true, true, true, true, true, false});
  const Segmenter segmenter({Language::English});
  const std::vector<Sentence> sentences = segmenter.split(document, cleaned[0], 0);
  check_invariant(document, cleaned[0], sentences);
  CHECK(texts_of(sentences) ==
        std::vector<std::string>{
            "The ceremony began in the evening, with all the lights of the stadium switched off "
            "by the organisers of the opening show at exactly 8:00 p.m. local time, and two "
            "thousand and eight drums were played by young men in the stadium.",
            "The torch had just arrived from St Petersburg, Russia, where it had been carried "
            "through the streets on Thursday by a relay of athletes who had been chosen by the "
            "organisers after a vote.",
            "It was lit by a gymnast who ran around the stadium at 11:00 p.m.",
            "The crowd of ninety thousand people stood up and sang with them."});
  // The same lines without the cleaner's word: a line-final period ends a sentence.
  CHECK(texts_of(split_all(text, Language::English))[0] ==
        "The ceremony began in the evening, with all the lights of the stadium switched off by "
        "the organisers of the opening show at exactly 8:00 p.m.");
}

TEST_CASE("segment: a dropped line or the title separates paragraphs", "[segment]") {
  Document document;
  document.text = "Le texte commence\nPublicité\nla suite.";
  CleanedDocument cleaned;
  const std::size_t dropped = document.text.find("Publicité");
  const std::size_t second = document.text.find("la suite");
  cleaned.lines = {{0, dropped - 1}, {second, document.text.size()}};
  cleaned.dropped = {{{dropped, second - 1}, "boilerplate"}};
  const auto sentences = Segmenter().split(document, cleaned, 4);
  check_invariant(document, cleaned, sentences);
  CHECK(texts_of(sentences) == std::vector<std::string>{"Le texte commence", "la suite."});
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[1].doc == 4);
  CHECK(sentences[1].index == 1);
  CHECK(sentences[1].span == Span{second, document.text.size()});
}

TEST_CASE("segment: kept lines outside the text are an error", "[segment]") {
  Document document;
  document.path = "bad.txt";
  document.text = "Court.";
  CleanedDocument cleaned;
  cleaned.lines = {{0, 60}};
  CHECK_THROWS_AS(Segmenter().split(document, cleaned, 0), precis::Error);
  cleaned.lines = {{3, 6}, {0, 2}};
  CHECK_THROWS_AS(Segmenter().split(document, cleaned, 0), precis::Error);
}

TEST_CASE("segment: offsets stay exact with NBSP, NNBSP, CRLF and non-BMP characters",
          "[segment]") {
  const std::string text =
      "\u00A0\u00A0Le prix\u202Fmonte\u00A0: 3,5\u00A0%.\u2009Il rit \U0001F600. Fin\u00A0!\r\n"
      "«\u202FNon\u202F», dit-il.\r\n\r\n  Autre paragraphe\u3000 \r\n";
  const auto sentences = split_all(text);
  CHECK(texts_of(sentences) == std::vector<std::string>{"Le prix monte : 3,5 %.",
                                                        "Il rit \U0001F600.", "Fin !",
                                                        "« Non », dit-il.", "Autre paragraphe"});
  REQUIRE(sentences.size() == 5);
  CHECK(sentences[0].span.begin == 4);
  CHECK(text.substr(sentences[1].span.begin, sentences[1].span.size()) == "Il rit \U0001F600.");
}

TEST_CASE("segment: the invariant holds on the sample articles", "[segment]") {
  const std::filesystem::path folder = PRECIS_SOURCE_DIR "/samples/appel-trump-poutine";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  REQUIRE(files.size() == 5);
  std::sort(files.begin(), files.end());
  const Segmenter segmenter;
  std::size_t total = 0;
  for (const auto& file : files) {
    INFO(file.string());
    Document document;
    document.path = file.string();
    document.text = read_file(file);
    const CleanedDocument cleaned = keep_all_lines(document.text);
    const auto sentences = segmenter.split(document, cleaned, 0);
    check_invariant(document, cleaned, sentences);
    total += sentences.size();
    // Real sentences of the seeds, split where a reader would.
    for (const Sentence& s : sentences) {
      CHECK(s.text.find(". Cet appel") == std::string::npos);
    }
  }
  CHECK(total > 50);
}

TEST_CASE("segment: the invariant holds on the cleaned sample articles", "[segment]") {
  const std::filesystem::path folder = PRECIS_SOURCE_DIR "/samples/appel-trump-poutine";
  std::vector<Document> documents;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".txt") continue;
    documents.emplace_back();
    documents.back().path = entry.path().string();
    documents.back().text = read_file(entry.path());
  }
  std::sort(documents.begin(), documents.end(),
            [](const Document& a, const Document& b) { return a.path < b.path; });
  const std::vector<CleanedDocument> cleaned = precis::clean(documents);
  REQUIRE(cleaned.size() == documents.size());
  const Segmenter segmenter;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    INFO(documents[d].path);
    const auto sentences = segmenter.split(documents[d], cleaned[d], static_cast<std::uint32_t>(d));
    check_invariant(documents[d], cleaned[d], sentences);
    CHECK(!sentences.empty());
    for (const Sentence& s : sentences) CHECK(s.doc == d);
  }
}

TEST_CASE("segment: known sentences of seed 000", "[segment]") {
  const std::string text =
      read_file(PRECIS_SOURCE_DIR "/samples/appel-trump-poutine/000_d174e9558c95ac9a.txt");
  const auto texts = texts_of(split_all(text));
  auto has = [&](const std::string& sentence) {
    return std::find(texts.begin(), texts.end(), sentence) != texts.end();
  };
  CHECK(has("Donald Trump et Vladimir Poutine se sont entretenus au téléphone jeudi."));
  CHECK(
      has("Depuis le début du conflit en février 2022, l'aide militaire américaine à Kiev "
          "s'élève à 66,9 milliards de dollars."));
  CHECK(
      has("\"Cette décision a été prise pour mettre les intérêts de l'Amérique en premier, à "
          "la suite d'un passage en revue de l'aide militaire de notre nation à d'autres pays à "
          "travers le monde\", affirme la porte-parole adjointe de la Maison-Blanche, Anna "
          "Kelly."));
}
