#include "clean_rules.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "stopwords.h"

namespace precis::clean_rules {

namespace {

// White_Space covers NBSP, NNBSP and the thin spaces; the zero-width characters and a stray
// BOM are invisible too and must not make a line look non-blank.
bool is_space(UChar32 c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');  // ASCII first: most of the text
  return u_isUWhiteSpace(c) || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 ||
         c == 0xFEFF;
}

bool is_word_char(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c) != 0;
}

// Han ideographs, kana: scripts written without spaces between words.
bool is_unspaced_script_char(UChar32 c) {
  if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) return true;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  return U_SUCCESS(status) && (script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA);
}

UChar32 next_code_point(std::string_view s, std::size_t& i) {
  if (static_cast<unsigned char>(s[i]) < 0x80) return static_cast<unsigned char>(s[i++]);
  UChar32 c;
  int32_t index = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), index, static_cast<int32_t>(s.size()), c);
  i = static_cast<std::size_t>(index);
  return c < 0 ? 0xFFFD : c;
}

UChar32 previous_code_point(std::string_view s, std::size_t& i) {
  UChar32 c;
  int32_t index = static_cast<int32_t>(i);
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, index, c);
  i = static_cast<std::size_t>(index);
  return c < 0 ? 0xFFFD : c;
}

bool is_apostrophe(UChar32 c) {
  return c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x00B4 || c == 0x0060 || c == 0x2032;
}

bool is_closing(UChar32 c) {
  return c == 0x00BB || c == 0x201D || c == '"' || c == 0x2019 || c == '\'' || c == ')' ||
         c == ']' || c == 0x203A || c == 0x201C;
}

bool is_final_punctuation(UChar32 c) {
  if (c < 0x80) return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
  // Besides the ellipsis and double marks, the full stops of other scripts, so that a Chinese,
  // Hindi or Arabic paragraph is not taken for a heading: ideographic and fullwidth forms
  // (。．！？：；), Devanagari danda, Arabic full stop and question mark.
  return c == 0x2026 || c == 0x203C || c == 0x2047 || c == 0x2048 || c == 0x2049 || c == 0x3002 ||
         c == 0xFF0E || c == 0xFF01 || c == 0xFF1F || c == 0xFF1A || c == 0xFF1B || c == 0x0964 ||
         c == 0x06D4 || c == 0x061F;
}

// How much of a line a phrase needs to make it boilerplate.
enum class Reach {
  Strong,  // any line: cookie banners, "©", "tous droits réservés"
  Short,   // any line under kMaxShortLineChars and kLongLineWords
  // A call to action or a page stamp ("Lire aussi", "Partagez", "Publié le", "Subscribe"): a line
  // that opens with it, or a label (no final punctuation) of at most kMaxLabelWords words. In
  // a sentence these are ordinary words: "il était difficile de ne pas lire aussi les arrières
  // pensées", "le registre, mis à jour le 3 mars, recense ...", both in rpm2_fr_dev or alike.
  Prompt,
  // An image line's marker ("Texte alternatif :", "[Image: ...]", "Image caption, ..."): a line
  // that opens with it (and is short). On a label it may be a headline's word: "Bugatti
  // Divo : nouvelle image : actualité automobile, infos, scoop" (OrangeSum title).
  Opening,
  // A widget's name ("Publicité", "12 commentaires", "Abonnement"): a label of at most
  // kMaxLabelWords words, or a line of as few that opens with it. A headline or a lede that only
  // uses the word is no label: "Racisme: Coca-Cola interrompt à son tour la publicité sur les
  // réseaux sociaux", "Publicité agressive pour le lait en poudre, employeurs parfois hostiles
  // [...]: la Chine a l'un des taux d'allaitement les plus bas au monde [...]." (OrangeSum).
  Label,
};

// A label is short: "Voir tous les commentaires", "Partager l'article sur les réseaux sociaux :"
// (7 words; the longest label of the 47 scraped pages of eval/README.md but for share bars, which
// open with their prompt, and the share tooltip, a phrase of its own). Of the 57 OrangeSum
// headlines and ledes that a label's word made boilerplate, 55 have 9 words or more.
constexpr int kMaxLabelWords = 8;

struct Phrase {
  std::string_view text;  // lower case, ASCII apostrophe; a trailing '*' matches any word ending
  Reach reach;
};

// ALGORITHMS.md §4.3 item 5, plus the widget labels seen in the seeds. Phrases that also occur in
// ordinary news sentences ("le Kremlin s'est refusé à tout commentaire", "publié le rapport",
// "partager", "en savoir plus") are Prompt or Label: they count on a line that is a label, not
// in a sentence.
constexpr std::array kPhrases = {
    Phrase{"©", Reach::Strong},
    Phrase{"tous droits réservés", Reach::Strong},
    Phrase{"all rights reserved", Reach::Strong},
    Phrase{"cet article vous a plu", Reach::Strong},
    Phrase{"akismet", Reach::Strong},
    Phrase{"cookie banner", Reach::Strong},
    Phrase{"accepter les cookies", Reach::Strong},
    Phrase{"accept cookies", Reach::Strong},
    Phrase{"utilise des cookies", Reach::Strong},
    Phrase{"uses cookies", Reach::Strong},
    Phrase{"we use cookies", Reach::Strong},
    Phrase{"utilisons des cookies", Reach::Strong},
    // The IAB consent framework's wording, in every banner that uses it.
    Phrase{"store and/or access information", Reach::Strong},
    Phrase{"stocker et/ou accéder à des informations", Reach::Strong},
    Phrase{"the free news source you can write", Reach::Strong},
    Phrase{"this page was last edited", Reach::Strong},
    // The Guardian's newsletter box, on one long line with its reCAPTCHA notice.
    Phrase{"newsletters may contain info about charities", Reach::Strong},
    Phrase{"we use google recaptcha", Reach::Strong},

    Phrase{"cookie*", Reach::Short},
    Phrase{"newsletter*", Reach::Short},
    Phrase{"lettre d'information*", Reach::Short},
    Phrase{"lettres d'information", Reach::Short},
    Phrase{"abonnez-vous", Reach::Short},
    Phrase{"inscrivez-vous", Reach::Short},
    Phrase{"suivez-nous", Reach::Short},
    Phrase{"politique de confidentialité", Reach::Short},
    Phrase{"lire la suite", Reach::Short},
    Phrase{"crédit photo*", Reach::Short},
    Phrase{"crédits photo*", Reach::Short},
    Phrase{"photo :", Reach::Short},
    Phrase{"mobile version", Reach::Short},
    Phrase{"feedbacks", Reach::Short},
    Phrase{"notifier de", Reach::Short},
    Phrase{"voir tous les commentaires", Reach::Short},
    Phrase{"privacy policy", Reach::Short},
    Phrase{"related articles", Reach::Short},
    Phrase{"share this", Reach::Short},
    Phrase{"click here", Reach::Short},
    Phrase{"cliquez ici", Reach::Short},
    // Editorial notes, credits and page furniture written as sentences (the reviews of scraped
    // pages in eval/README.md): short lines only, where a news sentence rarely says them.
    Phrase{"editor's note", Reach::Short},
    Phrase{"note de la rédaction", Reach::Short},
    Phrase{"contributed to this report", Reach::Short},
    // The New York Times wire's editing notes (DUC): "(STORY CAN END HERE. OPTIONAL MATERIAL
    // FOLLOWS.)".
    Phrase{"story can end here", Reach::Short},
    Phrase{"optional material follows", Reach::Short},
    Phrase{"contributed reporting", Reach::Short},
    Phrase{"contribué à cet article", Reach::Short},
    Phrase{"edited for length and clarity", Reach::Short},
    Phrase{"this article was amended", Reach::Short},
    Phrase{"this story has been updated", Reach::Short},
    Phrase{"cet article a été mis à jour", Reach::Short},
    Phrase{"thanks for reading", Reach::Short},
    Phrase{"réservé aux abonnés", Reach::Short},
    Phrase{"réservée aux abonnés", Reach::Short},
    Phrase{"de cet article à lire", Reach::Short},
    Phrase{"cet article vous a été utile", Reach::Short},
    Phrase{"votre navigateur ne supporte pas", Reach::Short},
    Phrase{"your browser does not support", Reach::Short},
    Phrase{"les commentaires sont fermés", Reach::Short},
    Phrase{"comments are closed", Reach::Short},
    Phrase{"si ce message ne s'affiche pas", Reach::Short},
    Phrase{"available under the creative commons", Reach::Short},
    // The share buttons' tooltip (WordPress): "Cliquez pour partager sur X(ouvre dans une
    // nouvelle fenêtre)".
    Phrase{"ouvre dans une nouvelle fenêtre", Reach::Short},
    Phrase{"opens in new window", Reach::Short},
    Phrase{"opens in a new window", Reach::Short},
    Phrase{"agrandir l'image", Reach::Short},
    // A newsletter's chrome, pasted with the e-mail ("Having trouble viewing this email? View it
    // in your browser.", "Forwarded this email? Subscribe here for more.").
    Phrase{"having trouble viewing this email", Reach::Short},
    Phrase{"view this email in your browser", Reach::Short},
    Phrase{"view it in your browser", Reach::Short},
    Phrase{"view in browser", Reach::Short},
    Phrase{"view in your browser", Reach::Short},
    Phrase{"forwarded this email", Reach::Short},
    Phrase{"was this email forwarded to you", Reach::Short},
    Phrase{"unsubscribe", Reach::Short},
    Phrase{"voir la version en ligne", Reach::Short},
    Phrase{"consultez la version en ligne", Reach::Short},
    Phrase{"afficher dans le navigateur", Reach::Short},
    Phrase{"afficher dans votre navigateur", Reach::Short},
    Phrase{"se désabonner", Reach::Short},
    Phrase{"se désinscrire", Reach::Short},
    // Corrections appended to an article: they state what was wrong, in words a summary would
    // take for the news ("Correction: An earlier version of this article misstated the vote
    // on Sen. Lindqvist's amendment.").
    Phrase{"an earlier version of this", Reach::Short},
    Phrase{"a previous version of this", Reach::Short},
    Phrase{"this article has been corrected", Reach::Short},
    Phrase{"this story has been corrected", Reach::Short},
    Phrase{"une version précédente de cet article", Reach::Short},
    Phrase{"une précédente version de cet article", Reach::Short},
    Phrase{"cet article a été corrigé", Reach::Short},
    // A cookie banner's heading, which stood as a page's title ("Nous respectons votre vie
    // privée", "We value your privacy").
    Phrase{"accepter et fermer", Reach::Short},
    Phrase{"continuer sans accepter", Reach::Short},
    Phrase{"tout accepter", Reach::Short},
    Phrase{"tout refuser", Reach::Short},
    Phrase{"accept all", Reach::Short},
    Phrase{"reject all", Reach::Short},
    // Photo credits ("(AP Photo/Martin Kell)"; "Getty Images" is a label, below).
    Phrase{"ap photo", Reach::Short},
    Phrase{"afp photo", Reach::Short},
    // A story's trailer and syndication notes, as US local TV, Yahoo/MSN, Newsquest (IPSO) and
    // shopping guides write them (the third review of scraped pages in eval/README.md).
    Phrase{"continue to update this story", Reach::Short},
    Phrase{"this is a developing story", Reach::Short},
    Phrase{"this story will be updated", Reach::Short},
    Phrase{"this article will be updated", Reach::Short},
    Phrase{"check back for updates", Reach::Short},
    Phrase{"cet article sera mis à jour", Reach::Short},
    Phrase{"cet article sera actualisé", Reach::Short},
    Phrase{"originally appeared on", Reach::Short},
    Phrase{"originally published by", Reach::Short},
    Phrase{"originally published on", Reach::Short},
    Phrase{"initialement publié", Reach::Short},
    Phrase{"additional reporting by", Reach::Short},
    Phrase{"follow her on x", Reach::Short},
    Phrase{"follow him on x", Reach::Short},
    Phrase{"may earn a commission", Reach::Short},
    Phrase{"complaint about the editorial content", Reach::Short},
    Phrase{"for subscribers only", Reach::Short},
    Phrase{"breaking news alerts", Reach::Short},
    Phrase{"recaptcha", Reach::Short},
    Phrase{"n'est pas ouvert aux commentaires", Reach::Short},
    Phrase{"ne sont pas ouverts aux commentaires", Reach::Short},
    Phrase{"écouter cet article", Reach::Short},
    Phrase{"listen to this article", Reach::Short},
    // An interview's framing line ("Anne-Laure Besnard, toxicologue au CHU de Toulouse, répond à
    // nos questions."): it opens the questions, and says nothing of the event.
    Phrase{"répond à nos questions", Reach::Short},
    Phrase{"nous a accordé un entretien", Reach::Short},
    Phrase{"nous respectons votre vie privée", Reach::Short},
    Phrase{"we value your privacy", Reach::Short},
    Phrase{"we care about your privacy", Reach::Short},

    // Image lines a copy keeps: alt texts and caption labels ("Texte alternatif : Un archéologue
    // en gilet orange ...", "[Image: Vue aérienne du chantier ...]", "Image caption, ...").
    Phrase{"texte alternatif", Reach::Opening},
    Phrase{"[image", Reach::Opening},
    Phrase{"image :", Reach::Opening},
    Phrase{"image:", Reach::Opening},
    Phrase{"image caption", Reach::Opening},
    Phrase{"image source", Reach::Opening},
    Phrase{"photo:", Reach::Opening},
    // A wire story's version note ("(Corrects paragraph 5 to show ...)", "(Updates with ...)",
    // Reuters), and a reading-time stamp ("Lecture : 2 min.").
    Phrase{"(corrects", Reach::Opening},
    Phrase{"(updates", Reach::Opening},
    Phrase{"(adds", Reach::Opening},
    Phrase{"(recasts", Reach::Opening},
    Phrase{"(refiles", Reach::Opening},
    Phrase{"(rewrites", Reach::Opening},
    Phrase{"lecture :", Reach::Opening},
    // Lines that only their place makes furniture: "Privacy Notice: Newsletters may contain ...",
    // "Follow her on X @...", "Support local journalism." open the line; the same words inside a
    // sentence are news ("The company mailed a privacy notice to 2 million members").
    Phrase{"privacy notice", Reach::Opening},
    Phrase{"follow her on", Reach::Opening},
    Phrase{"follow him on", Reach::Opening},
    Phrase{"support local journalism", Reach::Opening},
    // Credits and a reporter's address under the article: "Reporting by Jane Doe; Editing by
    // Bill Berkrot" (Reuters), "Propos recueillis par Marie Martin.", "Reach him at …".
    Phrase{"reporting by", Reach::Opening},
    Phrase{"writing by", Reach::Opening},
    Phrase{"editing by", Reach::Opening},
    Phrase{"propos recueillis par", Reach::Opening},
    Phrase{"reach him at", Reach::Opening},
    Phrase{"reach her at", Reach::Opening},
    Phrase{"reach them at", Reach::Opening},
    Phrase{"reach the reporter at", Reach::Opening},
    Phrase{"contact the reporter at", Reach::Opening},
    // A press release's release note above its headline: read as the headline, it named the
    // release in every summary's source list ("FOR IMMEDIATE RELEASE / POUR DIFFUSION
    // IMMÉDIATE").
    Phrase{"for immediate release", Reach::Opening},
    Phrase{"pour diffusion immédiate", Reach::Opening},
    Phrase{"pour publication immédiate", Reach::Opening},
    // The rest of Jina Reader's header (see kHeaderNames).
    Phrase{"url source:", Reach::Opening},
    Phrase{"published time:", Reach::Opening},
    Phrase{"markdown content:", Reach::Opening},
    // A post's byline: "Posted by u/conemaugh_local" (Reddit) was a thread's title.
    Phrase{"posted by", Reach::Opening},
    Phrase{"publié par", Reach::Opening},
    Phrase{"lire aussi", Reach::Prompt},
    Phrase{"à lire aussi", Reach::Prompt},
    // A link to another article ("Lire : Que sont les IMSI-catchers …", Le Monde). Not
    // "Revivez …", which announces a live page's replay but is also its headline ("Revivez l'acte
    // 25 des gilets jaunes": 5 OrangeSum titles).
    Phrase{"lire :", Reach::Prompt},
    Phrase{"lire:", Reach::Prompt},
    Phrase{"lire également", Reach::Prompt},
    Phrase{"voir aussi", Reach::Prompt},
    Phrase{"read more", Reach::Prompt},
    Phrase{"mis à jour le", Reach::Prompt},
    Phrase{"partager", Reach::Prompt},
    // Skip links: "aller au contenu de la réforme" is also French.
    Phrase{"skip to content", Reach::Prompt},
    Phrase{"skip to main content", Reach::Prompt},
    Phrase{"aller au contenu", Reach::Prompt},
    Phrase{"partagez", Reach::Prompt},
    Phrase{"réagir", Reach::Prompt},
    Phrase{"réagissez", Reach::Prompt},
    Phrase{"s'abonn*", Reach::Prompt},
    Phrase{"publié le", Reach::Prompt},
    // Reading times ("Temps de lecture : 2 min", "3 min de lecture", "5 min read"); "le temps de
    // lecture moyen des Français" is a study's subject.
    Phrase{"temps de lecture", Reach::Prompt},
    Phrase{"min de lecture", Reach::Prompt},
    Phrase{"minutes de lecture", Reach::Prompt},
    Phrase{"min read", Reach::Prompt},
    Phrase{"en savoir plus", Reach::Prompt},
    Phrase{"subscribe*", Reach::Prompt},
    Phrase{"sign up", Reach::Prompt},

    Phrase{"commentaire*", Reach::Label},
    Phrase{"publicité", Reach::Label},
    Phrase{"abonnement*", Reach::Label},
    Phrase{"données personnelles", Reach::Label},
    Phrase{"advertisement", Reach::Label},
    Phrase{"comments", Reach::Label},
    Phrase{"share", Reach::Label},
    Phrase{"getty images", Reach::Label},
};

// Where `phrase` first occurs in `key` on word boundaries, or npos.
std::size_t find_phrase(std::string_view key, std::string_view phrase) {
  bool prefix = false;
  if (!phrase.empty() && phrase.back() == '*') {
    prefix = true;
    phrase.remove_suffix(1);
  }
  std::size_t first = 0;
  const UChar32 phrase_first = next_code_point(phrase, first);
  std::size_t last = phrase.size();
  const UChar32 phrase_last = previous_code_point(phrase, last);
  for (std::size_t pos = key.find(phrase); pos != std::string_view::npos;
       pos = key.find(phrase, pos + 1)) {
    if (pos > 0 && is_word_char(phrase_first)) {
      std::size_t before = pos;
      if (is_word_char(previous_code_point(key, before))) continue;
    }
    const std::size_t end = pos + phrase.size();
    if (!prefix && end < key.size() && is_word_char(phrase_last)) {
      std::size_t after = end;
      if (is_word_char(next_code_point(key, after))) continue;
    }
    return pos;
  }
  return std::string_view::npos;
}

}  // namespace

std::vector<RawLine> split_lines(std::string_view text) {
  std::vector<RawLine> lines;
  std::size_t start = 0;
  const std::size_t n = text.size();
  while (start <= n) {
    std::size_t end = start;
    while (end < n && text[end] != '\n' && text[end] != '\r') ++end;
    // Trim Unicode white space on both sides.
    std::size_t begin = start, stop = end;
    while (begin < stop) {
      std::size_t next = begin;
      if (!is_space(next_code_point(text.substr(0, stop), next))) break;
      begin = next;
    }
    while (stop > begin) {
      std::size_t previous = stop;
      if (!is_space(previous_code_point(text.substr(0, stop), previous))) break;
      stop = previous;
    }
    if (begin == stop) begin = stop = start;
    lines.push_back(RawLine{Span{begin, stop}});
    if (end >= n) break;
    start = end + ((text[end] == '\r' && end + 1 < n && text[end + 1] == '\n') ? 2 : 1);
    if (start == n) break;  // a final line break does not open one more (empty) line
  }
  return lines;
}

std::string comparison_key(std::string_view line) {
  std::string key;
  key.reserve(line.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < line.size();) {
    UChar32 c = next_code_point(line, i);
    if (is_space(c)) {
      pending_space = !key.empty();
      continue;
    }
    if (pending_space) key.push_back(' ');
    pending_space = false;
    if (c < 0x80) {
      key.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
      continue;
    }
    c = is_apostrophe(c) ? '\'' : u_foldCase(c, U_FOLD_CASE_DEFAULT);
    if (c < 0x80) {
      key.push_back(static_cast<char>(c));
    } else {
      char encoded[4];
      int32_t length = 0;
      U8_APPEND_UNSAFE(encoded, length, c);  // c is a scalar value, 4 bytes always suffice
      key.append(encoded, static_cast<std::size_t>(length));
    }
  }
  return key;
}

std::string collapse_spaces(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < line.size();) {
    const std::size_t start = i;
    if (is_space(next_code_point(line, i))) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(line.substr(start, i - start));
  }
  return out;
}

std::size_t first_word_code_points(std::string_view line) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < line.size();) {
    const UChar32 c = next_code_point(line, i);
    if (is_space(c)) break;
    // Chinese and Japanese break lines between any two characters: a word is one of them.
    if (c >= 0x2E80 && is_unspaced_script_char(c)) return count == 0 ? 1 : count;
    ++count;
  }
  return count;
}

int count_words(std::string_view line) {
  int words = 0;
  bool in_token = false, token_has_word_char = false;
  for (std::size_t i = 0; i < line.size();) {
    const UChar32 c = next_code_point(line, i);
    if (c >= 0x2E80 && is_unspaced_script_char(c)) {
      // Chinese and Japanese put no spaces between words: counting space-separated tokens
      // would make a whole paragraph one "short" line. Each such character counts as a word,
      // an overestimate that only matters against the minimum-length thresholds.
      if (in_token && token_has_word_char) ++words;
      ++words;
      in_token = token_has_word_char = false;
      continue;
    }
    if (is_space(c)) {
      if (in_token && token_has_word_char) ++words;
      in_token = token_has_word_char = false;
      continue;
    }
    in_token = true;
    token_has_word_char = token_has_word_char || is_word_char(c);
  }
  if (in_token && token_has_word_char) ++words;
  return words;
}

std::size_t count_code_points(std::string_view line) {
  std::size_t count = 0;
  for (const char byte : line) count += (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
  return count;
}

std::size_t markdown_marker_length(std::string_view line) {
  std::size_t i = 0;
  const auto skip_spaces = [&] {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  };
  // A marker counts only when a space follows it (or it ends the line): "#hashtag", "-5 %",
  // "*emphasis*" and "1.5 million" are text.
  const auto marker_then_space = [&](std::size_t end) {
    if (end < line.size() && line[end] != ' ' && line[end] != '\t') return false;
    i = end;
    skip_spaces();
    return true;
  };
  std::size_t quoted = 0;
  while (i < line.size() && line[i] == '>') {
    ++i;
    skip_spaces();
    quoted = i;
  }
  i = quoted;
  if (i >= line.size()) return i;
  if (line[i] == '#') {
    std::size_t end = i;
    while (end < line.size() && line[end] == '#') ++end;
    if (end - i <= 6 && marker_then_space(end)) return i;
    return quoted;
  }
  if (line[i] == '-' || line[i] == '*' || line[i] == '+') {
    if (marker_then_space(i + 1)) return i;
    return quoted;
  }
  std::size_t end = i;
  while (end < line.size() && end - i < 9 && line[end] >= '0' && line[end] <= '9') ++end;
  if (end > i && end < line.size() && (line[end] == '.' || line[end] == ')') &&
      marker_then_space(end + 1))
    return i;
  return quoted;
}

std::size_t bullet_marker_length(std::string_view line) {
  std::size_t i = 0;
  for (const std::string_view bullet :
       {"-", "*", "\u2022", "\u2013", "\u2014", "\u25AA", "\u25CF"}) {
    if (line.starts_with(bullet)) {
      i = bullet.size();
      break;
    }
  }
  if (i == 0) return 0;
  const std::size_t marker = i;
  while (true) {
    if (i < line.size() && (line[i] == ' ' || line[i] == '\t')) {
      ++i;
    } else if (line.substr(i).starts_with("\u00A0")) {
      i += 2;
    } else {
      break;
    }
  }
  // "-5 %" and "*emphasis*" are text; so is a lone dash (a separator line).
  return i > marker && i < line.size() ? i : 0;
}

namespace {

// A dateline is short: a place, maybe a region and a date, maybe an agency tag.
constexpr std::size_t kMaxDatelineBytes = 100;
constexpr int kMaxDatelineWords = 10;
constexpr std::size_t kMaxAgencyBytes = 30;
constexpr int kMinWordsAfterDateline = 4;
// An all-capital place of fewer letters is as likely an acronym ("EU – Russia talks ...").
constexpr int kMinCapitalPlaceLetters = 3;
// Longest single word in capitals read as an acronym rather than a place when nothing else
// (an agency tag, a date) says it is a dateline: NATO, SNCF, LVMH, OTAN against ROME, LYON.
constexpr int kMaxAcronymLetters = 4;
// Words after the dash within which a colon or a score makes the line a fixture ("PSG – OM :
// les Marseillais …", "USA – Mexico: …"), not a dateline.
constexpr int kFixtureWords = 3;
// Lower-case words inside place names: "Rio de Janeiro", "Stratford upon Avon", "Rostov-on-Don".
// "and" and "et" only in a region after the place ("Trinidad and Tobago"): in the first part
// they make a list ("Apple, Google et Microsoft –").
constexpr std::array<std::string_view, 18> kPlaceConnectors = {
    "de",  "du", "des", "la", "le", "les", "of", "upon", "on",
    "sur", "en", "del", "di", "da", "am",  "el", "y",    "do"};
constexpr std::array<std::string_view, 2> kRegionConnectors = {"and", "et"};
// Countries, and the states and provinces of the countries whose press writes "Place, Region —":
// the regions that make a capitalised place a dateline.
// clang-format off
constexpr std::array<std::string_view, 273> kRegions = {
    "Afghanistan", "Alabama", "Alaska", "Albania", "Alberta", "Algeria", "Andorra", "Angola",
    "Antigua and Barbuda", "Argentina", "Arizona", "Arkansas", "Armenia", "Australia", "Austria",
    "Azerbaijan", "Bahamas", "Bahrain", "Bangladesh", "Barbados", "Belarus", "Belgium", "Belize",
    "Benin", "Bhutan", "Bolivia", "Bosnia and Herzegovina", "Botswana", "Brazil",
    "British Columbia", "Brunei", "Bulgaria", "Burkina Faso", "Burundi", "California", "Cambodia",
    "Cameroon", "Canada", "Cape Verde", "Chad", "Chile", "China", "Colombia", "Colorado", "Comoros",
    "Congo", "Connecticut", "Costa Rica", "Croatia", "Cuba", "Cyprus", "Czech Republic", "Czechia",
    "D.C.", "DC", "DRC", "Delaware", "Denmark", "Djibouti", "Dominica", "Dominican Republic",
    "East Timor", "Ecuador", "Egypt", "El Salvador", "England", "Equatorial Guinea", "Eritrea",
    "Estonia", "Eswatini", "Ethiopia", "Fiji", "Finland", "Florida", "France", "Gabon", "Gambia",
    "Georgia", "Germany", "Ghana", "Greece", "Greenland", "Grenada", "Guatemala", "Guinea",
    "Guinea-Bissau", "Guyana", "Haiti", "Hawaii", "Honduras", "Hong Kong", "Hungary", "Iceland",
    "Idaho", "Illinois", "India", "Indiana", "Indonesia", "Iowa", "Iran", "Iraq", "Ireland",
    "Israel", "Italy", "Ivory Coast", "Jamaica", "Japan", "Jordan", "Kansas", "Kazakhstan",
    "Kentucky", "Kenya", "Kiribati", "Kosovo", "Kuwait", "Kyrgyzstan", "Laos", "Latvia", "Lebanon",
    "Lesotho", "Liberia", "Libya", "Liechtenstein", "Lithuania", "Louisiana", "Luxembourg",
    "Madagascar", "Maine", "Malawi", "Malaysia", "Maldives", "Mali", "Malta", "Manitoba",
    "Maryland", "Massachusetts", "Mauritania", "Mauritius", "Mexico", "Michigan", "Micronesia",
    "Minnesota", "Mississippi", "Missouri", "Moldova", "Monaco", "Mongolia", "Montana",
    "Montenegro", "Morocco", "Mozambique", "Myanmar", "Namibia", "Nauru", "Nebraska", "Nepal",
    "Netherlands", "Nevada", "New Brunswick", "New Hampshire", "New Jersey", "New Mexico",
    "New South Wales", "New York", "New Zealand", "Newfoundland", "Nicaragua", "Niger", "Nigeria",
    "North Carolina", "North Dakota", "North Korea", "North Macedonia", "Northern Ireland",
    "Northwest Territories", "Norway", "Nova Scotia", "Nunavut", "Ohio", "Oklahoma", "Oman",
    "Ontario", "Oregon", "Pakistan", "Palau", "Palestine", "Panama", "Papua New Guinea", "Paraguay",
    "Pennsylvania", "Peru", "Philippines", "Poland", "Portugal", "Prince Edward Island",
    "Puerto Rico", "Qatar", "Quebec", "Queensland", "Québec", "Rhode Island", "Romania", "Russia",
    "Rwanda", "Samoa", "San Marino", "Saskatchewan", "Saudi Arabia", "Scotland", "Senegal",
    "Serbia", "Seychelles", "Sierra Leone", "Singapore", "Slovakia", "Slovenia", "Somalia",
    "South Africa", "South Australia", "South Carolina", "South Dakota", "South Korea",
    "South Sudan", "Spain", "Sri Lanka", "Sudan", "Suriname", "Sweden", "Switzerland", "Syria",
    "Taiwan", "Tajikistan", "Tanzania", "Tasmania", "Tennessee", "Texas", "Thailand", "Togo",
    "Tonga", "Trinidad and Tobago", "Tunisia", "Turkey", "Turkmenistan", "Tuvalu", "UAE", "UK",
    "US", "USA", "Uganda", "Ukraine", "United Arab Emirates", "United Kingdom", "United States",
    "Uruguay", "Utah", "Uzbekistan", "Vanuatu", "Vatican City", "Venezuela", "Vermont", "Victoria",
    "Vietnam", "Virginia", "Wales", "Washington", "West Virginia", "Western Australia", "Wisconsin",
    "Wyoming", "Yemen", "Yukon", "Zambia", "Zimbabwe"};
// clang-format on
// Words that open a line with a dash in capitals and are no place: titles, answers, labels
// (lower-cased, compared as lower_ascii_without_period gives them).
constexpr std::array<std::string_view, 18> kNotPlaces = {
    "mr",  "mrs", "ms", "dr",  "mgr",  "mme",  "mlle",   "m",  "me",
    "non", "oui", "no", "yes", "stop", "note", "update", "ps", "nb"};
// Months and their abbreviations, French and English, lower-cased and without the period.
constexpr std::array<std::string_view, 45> kMonths = {
    "janvier",   "février", "mars",     "avril",    "mai",       "juin",    "juillet",  "août",
    "septembre", "octobre", "novembre", "décembre", "janv",      "févr",    "fév",      "avr",
    "juil",      "sept",    "oct",      "nov",      "déc",       "january", "february", "march",
    "april",     "june",    "july",     "august",   "september", "october", "november", "december",
    "jan",       "feb",     "mar",      "apr",      "jun",       "jul",     "aug",      "sep",
    "dec",       "fevrier", "aout",     "decembre", "may"};
// Words a date may hold besides numbers and months: "le 3 mars", "the 5th", "1er mai".
constexpr std::array<std::string_view, 3> kDateWords = {"le", "the", "1er"};

template <std::size_t N>
bool listed(std::string_view word, const std::array<std::string_view, N>& list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// Bytes of the space at `i` (space, tab, NBSP, narrow NBSP, thin space), 0 when none: scraped
// French puts NBSP around dashes and inside dates ("5\u00A0mai").
std::size_t space_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == ' ' || s[i] == '\t') return 1;
  const std::string_view rest = s.substr(i);
  if (rest.starts_with("\u00A0")) return 2;
  if (rest.starts_with("\u202F") || rest.starts_with("\u2009")) return 3;
  return 0;
}

std::size_t skip_spaces_at(std::string_view s, std::size_t i) {
  for (std::size_t n = space_at(s, i); n > 0; n = space_at(s, i)) i += n;
  return i;
}

std::string_view trim_spaces(std::string_view s) {
  s = s.substr(skip_spaces_at(s, 0));
  while (!s.empty()) {
    std::size_t i = s.size();
    previous_code_point(s, i);
    if (space_at(s, i) == 0) break;
    s = s.substr(0, i);
  }
  return s;
}

// The words of `s`, split at any space_at.
std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t i = skip_spaces_at(s, 0);
  while (i < s.size()) {
    std::size_t end = i;
    while (end < s.size() && space_at(s, end) == 0) ++end;
    words.push_back(s.substr(i, end - i));
    i = skip_spaces_at(s, end);
  }
  return words;
}

// Bytes of a dash at `i`: a hyphen, two, AP's underscore, the en, em and horizontal-bar dashes,
// the minus sign; 0 when none.
std::size_t dash_at(std::string_view s, std::size_t i) {
  const std::string_view rest = s.substr(i);
  if (rest.starts_with("--")) return 2;
  if (rest.starts_with("-") || rest.starts_with("_")) return 1;
  for (const std::string_view dash : {"\u2013", "\u2014", "\u2015", "\u2212"})
    if (rest.starts_with(dash)) return dash.size();
  return 0;
}

// Where a dateline's head ends and the text after it starts.
struct DatelineEnd {
  std::size_t head_end = 0;
  std::size_t text_begin = 0;  // 0: none found
  bool dash = false;           // a dash separates them (else a colon, or a bracket's end)
  bool colon = false;          // "NEW DELHI: The …"
};

// The first place in the line's first kMaxDatelineBytes where a dateline could end: a dash
// between spaces (a hyphen, a double hyphen and an underscore need both; "Saint-Denis" is a
// place), a long dash touching the words ("NEW YORK—The"), a bracket's end with or without a
// dash after it ("(AFP) - ", "(AFP)- ", "(CNN)President"), or a colon after a word.
DatelineEnd find_dateline_end(std::string_view line) {
  const std::size_t limit = std::min(line.size(), kMaxDatelineBytes);
  for (std::size_t i = 1; i < limit; ++i) {
    if (line[i] == ')') {
      std::size_t j = skip_spaces_at(line, i + 1);
      const std::size_t dash = j < line.size() ? dash_at(line, j) : 0;
      if (dash > 0) j = skip_spaces_at(line, j + dash);
      return {i + 1, j, dash > 0, false};
    }
    // Glued to the place: French puts a space before an interview's colon ("LE POINT : …").
    if (line[i] == ':' && space_at(line, i + 1) > 0 && space_at(line, i - 1) == 0)
      return {i, skip_spaces_at(line, i + 1), false, true};
    const std::size_t space = space_at(line, i);
    if (space > 0) {
      const std::size_t dash = dash_at(line, i + space);
      if (dash == 0) continue;
      const std::size_t after = i + space + dash;
      if (space_at(line, after) > 0 || (dash >= 3 && after < line.size()))
        return {i, skip_spaces_at(line, after), true, false};
      continue;
    }
    const std::size_t dash = dash_at(line, i);
    if (dash >= 3 && line[i - 1] != '(')  // a long dash touching a word
      return {i, skip_spaces_at(line, i + dash), true, false};
  }
  return {};
}

struct WordShape {
  int letters = 0;
  int upper = 0;
  int digits = 0;
  bool capitalised = false;  // the first letter (after "d'" or "l'") is a capital
  bool other = false;        // holds something other than letters, digits and . - ' ’ /
};

WordShape shape_of(std::string_view word) {
  WordShape shape;
  std::size_t i = 0;
  if (word.size() > 2 && (word[0] == 'd' || word[0] == 'l') &&
      (word[1] == '\'' || word.substr(1).starts_with("\u2019")))
    i = word[1] == '\'' ? 2 : 4;  // "d'Ascq", "l’Isle"
  bool first = true;
  while (i < word.size()) {
    const UChar32 c = next_code_point(word, i);
    if (u_isalpha(c)) {
      ++shape.letters;
      if (u_isupper(c) || u_istitle(c)) ++shape.upper;
      if (first) shape.capitalised = u_isupper(c) || u_istitle(c);
      first = false;
    } else if (u_isdigit(c)) {
      ++shape.digits;
      first = false;
    } else if (u_charType(c) == U_NON_SPACING_MARK) {
      // a decomposed accent ("E\u0301VRY") belongs to its letter
    } else if (c != '.' && c != '-' && c != '\'' && c != 0x2019 && c != '/') {
      shape.other = true;
    }
  }
  return shape;
}

std::string lower_ascii_without_period(std::string_view word) {
  std::string out(word);
  if (!out.empty() && out.back() == '.') out.pop_back();
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::string_view> split_commas(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    parts.push_back(trim_spaces(text.substr(start, end - start)));
    if (end == text.size()) return parts;
    start = end + 1;
  }
}

// "WASHINGTON", "Meadow Lake", "Rio de Janeiro", "Pa.", "D.C.", "FIGAROVOX/TRIBUNE": capitalised
// words and connectors, the first capitalised. `all_capitals` gets the number of letters when
// every word is in capitals, else 0.
bool is_place(std::string_view part, bool region, int& all_capitals) {
  const std::vector<std::string_view> words = words_of(part);
  all_capitals = 0;
  bool capitals = true;
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (k > 0 &&
        (listed(words[k], kPlaceConnectors) || (region && listed(words[k], kRegionConnectors)))) {
      capitals = false;
      continue;
    }
    const WordShape shape = shape_of(words[k]);
    if (shape.other || shape.digits > 0 || shape.letters == 0 || !shape.capitalised) return false;
    capitals = capitals && shape.upper == shape.letters;
    all_capitals += shape.letters;
  }
  if (!capitals) all_capitals = 0;
  return !words.empty();
}

// "5 mai", "Jan. 5", "le 12 juin 2023", "March 3rd", "05/01/2023": a month or a numeric date,
// numbers and nothing else ("45 ans", "1867-1934", "Day 3" are no dates).
bool is_date(std::string_view part) {
  const std::vector<std::string_view> words = words_of(part);
  if (words.empty() || words.size() > 4) return false;
  bool month = false;
  for (const std::string_view word : words) {
    const WordShape shape = shape_of(word);
    if (shape.other) return false;
    const std::string lower = lower_ascii_without_period(word);
    if (shape.letters == 0 && shape.digits > 0) {
      month = month || lower.find('/') != std::string::npos;
      if (lower.find('-') != std::string::npos) return false;
      continue;
    }
    const bool ordinal = shape.digits > 0 && shape.digits <= 2 && shape.letters <= 2;  // 3rd, 1er
    const bool named = listed(std::string_view(lower), kMonths);
    if (!ordinal && !named && !listed(std::string_view(lower), kDateWords)) return false;
    month = month || named;
  }
  return month;
}

// "(AP)", "(Reuters)", "(AFP/Getty)", "(dpa)": a bracketed name. `capitals` tells whether its
// letters are all capitals ("CNN", "PTI"): those may be followed by the text with no dash.
bool is_agency(std::string_view inside, bool& capitals) {
  capitals = false;
  if (inside.empty() || inside.size() > kMaxAgencyBytes) return false;
  std::size_t i = 0;
  if (!u_isalpha(next_code_point(inside, i))) return false;
  i = 0;
  int letters = 0, upper = 0;
  while (i < inside.size()) {
    const UChar32 c = next_code_point(inside, i);
    if (u_isalpha(c)) {
      ++letters;
      if (u_isupper(c)) ++upper;
    } else if (c != ' ' && c != '&' && c != '.' && c != '-' && c != '/') {
      return false;
    }
  }
  capitals = letters >= 2 && upper == letters;
  return true;
}

// The text after a dateline opens like a sentence: a capital, a digit, a quotation, or a brand
// written with a lower-case first letter ("eBay", "iPhone").
bool opens_text(std::string_view text) {
  std::size_t i = 0;
  const UChar32 first = next_code_point(text, i);
  if (u_isupper(first) || u_istitle(first) || u_isdigit(first) || first == '"' || first == '\'' ||
      first == 0x00AB || first == 0x201C || first == 0x2018)
    return true;
  if (!u_islower(first)) return false;
  while (i < text.size() && space_at(text, i) == 0) {
    const UChar32 c = next_code_point(text, i);
    if (u_isupper(c)) return true;
    if (!u_isalpha(c)) return false;
  }
  return false;
}

// A colon or a score in the first words after the dash: a fixture or a label, "PSG – OM : les
// Marseillais …", "FRANCE – ITALIE (2-1) : …".
bool reads_as_fixture(std::string_view text) {
  const std::vector<std::string_view> words = words_of(text.substr(0, 80));
  for (std::size_t k = 0; k < words.size() && k < kFixtureWords; ++k) {
    const std::string_view word = words[k];
    if (word.ends_with(':') || word.ends_with("\uFF1A")) return true;
    const std::size_t dash = word.find('-');
    if (dash != std::string_view::npos && dash > 0 && dash + 1 < word.size()) {
      const std::string_view score = word.starts_with('(') ? word.substr(1) : word;
      bool digits = !score.empty();
      for (const char c : score)
        digits = digits && ((c >= '0' && c <= '9') || c == '-' || c == ')');
      if (digits) return true;
    }
  }
  return false;
}

// Days of the week and their abbreviations, English and French, lower-cased, without the period
// (French "mar." is also March's, and listed there).
constexpr std::array<std::string_view, 29> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
    "tue",    "tues",    "wed",       "thu",      "thur",   "thurs",    "fri",    "sat",
    "sun",    "lundi",   "mardi",     "mercredi", "jeudi",  "vendredi", "samedi", "dimanche",
    "lun",    "mer",     "jeu",       "ven",      "dim"};

// A date stamp glued to the first line's text with nothing between them: "Saturday, March 26,
// 2005 Up to four times as many women …" (a WikiNews page whose date line lost its line break),
// "Samedi 26 mars 2005 Les syndicats …". A day of the week may open it; a day and a month
// follow; a year of four digits ends it, with no punctuation after it ("March 26, 2005, the
// court ruled" is a sentence that opens with its date), and capitalised text of at least four
// words comes next.
Dateline find_date_stamp(std::string_view line) {
  const std::vector<std::string_view> words = words_of(line.substr(0, kMaxDatelineBytes));
  std::size_t k = 0;
  if (!words.empty()) {
    std::string_view first = words[0];
    if (first.ends_with(',')) first.remove_suffix(1);
    if (listed(std::string_view(lower_ascii_without_period(first)), kWeekdays)) k = 1;
  }
  // The date's words, commas left out ("March 26, 2005" -> "March 26 2005"), up to the year.
  std::string date;
  for (std::size_t end = k; end < words.size() && end < k + 4; ++end) {
    std::string_view word = words[end];
    const bool year = word.size() == 4 && word.find_first_not_of("0123456789") == std::string::npos;
    if (!year && word.ends_with(',')) word.remove_suffix(1);
    if (!date.empty()) date += ' ';
    date += word;
    if (!year) continue;
    if (end == k || !is_date(date)) return {};
    const std::size_t year_end = static_cast<std::size_t>(word.data() - line.data()) + word.size();
    const std::size_t text_begin = skip_spaces_at(line, year_end);
    if (text_begin == year_end || text_begin >= line.size()) return {};
    const std::string_view text = line.substr(text_begin);
    std::size_t i = 0;
    const UChar32 opening = next_code_point(text, i);
    if (!(u_isupper(opening) || u_istitle(opening) || opening == '"' || opening == 0x00AB ||
          opening == 0x201C) ||
        count_words(text) < kMinWordsAfterDateline)
      return {};
    Dateline stamp;
    stamp.length = text_begin;
    stamp.own = year_end;
    return stamp;
  }
  return {};
}

// Lower-cased: "iii" for "III".
bool roman_numeral(std::string_view word) {
  if (word.empty()) return false;
  for (const char c : word)
    if (std::string_view("ivxlc").find(c) == std::string_view::npos) return false;
  return true;
}

}  // namespace

namespace {

constexpr int kMaxDateLineWords = 10;
// Words of a date line besides the date's own: prepositions before the time, time zones.
constexpr std::array<std::string_view, 28> kDateLineWords = {
    "à", "at", "on", "am", "pm", "a.m", "p.m", "gmt", "utc", "cet", "cest", "et", "edt", "est",
    "bst", "pst",
    // An update's or a post's stamp: "Last updated: 10:52 a.m.", "Updated 3:15 PM EST",
    // "Mis à jour à 14h32", "Posted on March 3".
    "last", "updated", "update", "mis", "mise", "jour", "actualisé", "actualisée", "posted",
    "published", "publié", "publiée"};

// A post's age: "7 hr. ago", "il y a 3 heures", "2 days ago".
constexpr std::array<std::string_view, 34> kTimeUnits = {
    "s",     "sec",   "secs",    "second",   "seconds", "min",  "mins",  "minute", "minutes",
    "h",     "hr",    "hrs",     "hour",     "hours",   "d",    "day",   "days",   "week",
    "weeks", "month", "months",  "yr",       "yrs",     "year", "years", "heure",  "heures",
    "jour",  "jours", "semaine", "semaines", "mois",    "an",   "ans"};

// "10:42", "14h05", "14h", "9.30": a clock time.
bool is_clock_time(std::string_view word) {
  const std::size_t separator = word.find_first_of(":h.");
  if (separator == 0 || separator == std::string_view::npos || separator > 2) return false;
  const auto digits = [](std::string_view s) {
    return s.size() <= 2 && s.find_first_not_of("0123456789") == std::string_view::npos;
  };
  const std::string_view minutes = word.substr(separator + 1);
  return digits(word.substr(0, separator)) && digits(minutes) &&
         (word[separator] == 'h' || minutes.size() == 2);
}

// "12/03/2025", "2025-03-12", "12.03.2025": a numeric date, with two separators.
bool is_numeric_date(std::string_view word) {
  if (word.find_first_not_of("0123456789/-.") != std::string_view::npos) return false;
  const auto separators = std::count_if(word.begin(), word.end(),
                                        [](char c) { return c == '/' || c == '-' || c == '.'; });
  return separators == 2 && word.size() >= 6;
}

}  // namespace

bool is_date_line(std::string_view line) {
  std::string_view rest = trim_spaces(line);
  if (const HeaderField label = find_header_field(rest); label.kind == HeaderKind::Other)
    rest = rest.substr(label.length);
  const std::vector<std::string_view> words = words_of(rest);
  if (words.empty() || static_cast<int>(words.size()) > kMaxDateLineWords) return false;
  bool date = false, clock = false;
  bool ago = false, unit = false, number = false;  // "7 hr. ago", "il y a 3 heures"
  bool unit_word = false;                          // a unit but "h", "min", "s"
  for (std::string_view word : words) {
    while (!word.empty() && (word.back() == ',' || word.back() == ';' || word.back() == ':'))
      word.remove_suffix(1);
    if (word.empty() || word == "-" || word == "|" || word == "\u2013" || word == "\u2014" ||
        word == "\u00B7")
      continue;
    if (is_clock_time(word)) {
      clock = true;
      continue;
    }
    if (is_numeric_date(word)) {
      date = true;
      continue;
    }
    const std::string lower = lower_ascii_without_period(word);
    if (listed(std::string_view(lower), kMonths)) {
      date = true;
      continue;
    }
    if (listed(std::string_view(lower), kWeekdays) || listed(std::string_view(lower), kDateWords) ||
        listed(std::string_view(lower), kDateLineWords))
      continue;
    if (listed(std::string_view(lower), kTimeUnits)) {
      unit = true;
      unit_word = unit_word || (lower != "h" && lower != "min" && lower != "s");
      continue;
    }
    if (lower == "ago" || lower == "il" || lower == "y" || lower == "a") {
      ago = ago || lower == "ago" || lower == "il";
      continue;
    }
    const WordShape shape = shape_of(word);
    if (shape.other) return false;
    const bool digits = shape.letters == 0 && shape.digits > 0 && shape.digits <= 4;
    const bool ordinal = shape.digits > 0 && shape.digits <= 2 && shape.letters <= 2;  // 3rd, 1er
    if (!digits && !ordinal) return false;
    number = number || digits;
  }
  // A unit other than a clock's ("14 h 05 min") makes no date without "ago": "Day 3 - 14:05".
  if (unit_word && !ago) return false;
  return date || clock || (ago && unit && number);
}

namespace {

// Lower-case words a place's name may hold: "Saint-Jean-sur-Richelieu" is one word, "Val de
// Bagnes" and "Rivière du Loup" are three.
constexpr std::array<std::string_view, 9> kPlaceParticles = {"de",  "du",  "des", "la", "le",
                                                             "sur", "aux", "en",  "lès"};
constexpr int kMaxBracketedPlaceWords = 4;

// La Presse's and The Canadian Press's dateline: the place in brackets opens the lede, and the
// text follows it ("(Montréal) Le gouvernement …", "(Sion) Les 342 habitants …").
Dateline find_bracketed_place(std::string_view line) {
  if (!line.starts_with('(')) return {};
  const std::size_t close = line.find(')');
  if (close == std::string_view::npos || close < 2 || close > kMaxDatelineBytes) return {};
  const std::vector<std::string_view> words = words_of(line.substr(1, close - 1));
  if (words.empty() || static_cast<int>(words.size()) > kMaxBracketedPlaceWords) return {};
  for (std::size_t k = 0; k < words.size(); ++k) {
    const WordShape shape = shape_of(words[k]);
    if (shape.other || shape.digits > 0 || shape.letters == 0) return {};
    if (shape.capitalised) continue;
    if (k == 0 || !listed(words[k], kPlaceParticles)) return {};
  }
  const std::size_t text_begin = skip_spaces_at(line, close + 1);
  if (text_begin == close + 1 || text_begin >= line.size()) return {};
  const std::string_view text = line.substr(text_begin);
  if (!opens_text(text) || count_words(text) < kMinWordsAfterDateline) return {};
  Dateline result;
  result.length = text_begin;
  result.own = close + 1;
  return result;
}

}  // namespace

Dateline find_dateline(std::string_view line) {
  if (const Dateline stamp = find_date_stamp(line); stamp.length > 0) return stamp;
  if (const Dateline place = find_bracketed_place(line); place.length > 0) return place;
  const DatelineEnd end = find_dateline_end(line);
  if (end.text_begin == 0 || end.text_begin >= line.size()) return {};

  std::string_view head = trim_spaces(line.substr(0, end.head_end));
  Dateline result;
  bool capital_agency = false;
  // The agency in brackets ("(AP)"), or a press release wire's between slashes ("/CNW/",
  // "/PRNewswire/", "/EINPresswire/").
  const char close = head.ends_with(')') ? '(' : head.ends_with('/') ? '/' : 0;
  if (close != 0) {
    const std::size_t open = head.substr(0, head.size() - 1).rfind(close);
    if (open == std::string_view::npos ||
        !is_agency(head.substr(open + 1, head.size() - open - 2), capital_agency))
      return {};
    result.agency = true;
    head = trim_spaces(head.substr(0, open));
    while (head.ends_with(',')) head = trim_spaces(head.substr(0, head.size() - 1));
  }
  const std::vector<std::string_view> parts = split_commas(head);
  // Without a dash, only a tag in capitals ends a dateline, glued to the text ("(CNN)President
  // …") or after a date ("New Delhi, Jan 5 (PTI) The …"): "Le député (LREM) Jean Dupont" is text.
  const bool glued = end.text_begin == end.head_end;
  if (!end.dash && !end.colon &&
      !(capital_agency && (glued || (parts.size() > 1 && is_date(parts.back())))))
    return {};
  if (end.colon && result.agency) return {};
  if (words_of(head).size() > static_cast<std::size_t>(kMaxDatelineWords)) return {};

  const std::string_view text = line.substr(end.text_begin);
  if (!opens_text(text) || count_words(text) < kMinWordsAfterDateline) return {};

  result.length = end.text_begin;
  result.own = trim_spaces(line.substr(0, end.text_begin)).size();
  if (head.empty()) return result.agency ? result : Dateline{};  // "(Reuters) - Tesla …"
  // A place, a region, a date and its year: "KINGSFORD, ON, May 25, 2025 /CNW/ –".
  if (parts.size() > (result.agency ? 4u : 3u)) return {};
  int capital_letters = 0;
  const bool place = is_place(parts[0], false, capital_letters);
  if (!place && !(result.agency && parts.size() == 1 && is_date(parts[0]))) return {};
  bool date = false;
  for (std::size_t k = 1; k < parts.size(); ++k) {
    int unused = 0;
    // A year after the date: "Jan. 5, 2024".
    const bool is_part_date =
        is_date(parts[k]) || (date && !parts[k].empty() &&
                              parts[k].find_first_not_of("0123456789") == std::string_view::npos);
    if (!is_part_date && (date || !is_place(parts[k], true, unused))) return {};
    date = date || is_part_date;
  }
  if (!result.agency) {
    // Wire style: the place in capitals ("LONDON, England —"). A capitalised place needs a
    // known country, state or province after it ("London, England —", "Meadow Lake,
    // Saskatchewan –", WikiNews's style): a capitalised list ("Nantes, Lyon –", "Biden, Trump
    // —") reads the same otherwise, and is left whole.
    if (capital_letters < kMinCapitalPlaceLetters &&
        !(parts.size() == 2 && listed(parts[1], kRegions)))
      return {};
    const std::vector<std::string_view> place_words = words_of(parts[0]);
    for (const std::string_view word : place_words) {
      const std::string lower = lower_ascii_without_period(word);
      if (listed(std::string_view(lower), kNotPlaces) || roman_numeral(lower)) return {};
    }
    if (parts.size() == 1 && head.ends_with('.')) return {};  // "LE FIGARO. - Comment …"
    // One short word in capitals is an acronym more often than a place ("NATO –", "SNCF –",
    // "CGT, FO et CFDT –"), unless a date follows it ("LYON, 3 mai –").
    if (place_words.size() == 1 && capital_letters > 0 && capital_letters <= kMaxAcronymLetters &&
        !date)
      return {};
    if (reads_as_fixture(text)) return {};
    if (parts.size() == 1) result.bare_place = head;
  }
  return result;
}

namespace {

// Where the value after "name :" starts in `line` from `colon` (the byte after the name and its
// spaces), or 0 when no colon, no space after it or no value follows.
std::size_t value_after_colon(std::string_view line, std::size_t colon) {
  if (colon >= line.size() || line[colon] != ':') return 0;
  const std::size_t value = skip_spaces_at(line, colon + 1);
  if (value == colon + 1 || value >= line.size()) return 0;
  return value;
}

constexpr int kMaxSpeakerWords = 4;
constexpr std::size_t kMaxSpeakerNoteBytes = 60;  // "(JULIA FERN)", "(voix off)", "(via Zoom)"

}  // namespace

SpeakerLabel find_speaker_label(std::string_view line) {
  std::size_t i = 0;
  int words = 0;
  bool letters = false;
  std::size_t name_end = 0;
  // The words in capitals, separated by single spaces.
  while (i < line.size() && words < kMaxSpeakerWords) {
    std::size_t end = i;
    bool word_letters = false;
    while (end < line.size()) {
      std::size_t next = end;
      const UChar32 c = next_code_point(line, next);
      if (u_isupper(c) || u_istitle(c)) {
        word_letters = true;
      } else if (u_isalpha(c)) {
        return {};  // a lower-case letter: a name in sentence case, or a sentence
      } else if (!u_isdigit(c) &&
                 !(end > i && (c == '-' || c == '\'' || c == 0x2019 || c == '.'))) {
        break;
      }
      end = next;
    }
    if (end == i) break;
    ++words;
    letters = letters || word_letters;
    name_end = end;
    i = end;
    if (i + 1 < line.size() && line[i] == ' ') {
      std::size_t after = i + 1;
      if (u_isupper(next_code_point(line, after)) != 0 || u_isdigit(line[i + 1])) ++i;
    }
  }
  if (!letters || name_end == 0) return {};
  SpeakerLabel label;
  label.name = line.substr(0, name_end);
  std::size_t colon = skip_spaces_at(line, name_end);
  if (colon < line.size() && line[colon] == '(') {
    const std::size_t close = line.find(')', colon);
    if (close == std::string_view::npos || close - colon > kMaxSpeakerNoteBytes) return {};
    colon = skip_spaces_at(line, close + 1);
  }
  const std::size_t value = value_after_colon(line, colon);
  if (value == 0) return {};
  std::size_t first = value;
  if (u_islower(next_code_point(line, first))) return {};
  label.own = colon + 1;
  label.length = value;
  return label;
}

bool is_roster_entry(std::string_view line) {
  std::size_t dash = std::string_view::npos, dash_length = 0;
  for (const std::string_view separator : {" - ", " \u2013 ", " \u2014 "}) {
    const std::size_t at = line.find(separator);
    if (at < dash) {
      dash = at;
      dash_length = separator.size();
    }
  }
  if (dash == std::string_view::npos) return false;
  const std::string_view name = line.substr(0, dash);
  const std::string_view role = trim_spaces(line.substr(dash + dash_length));
  const std::vector<std::string_view> name_words = words_of(name);
  if (name_words.size() < 2 || name_words.size() > 4 || role.empty()) return false;
  for (const std::string_view word : name_words) {
    std::size_t i = 0;
    if (!u_isupper(next_code_point(word, i))) return false;
    for (const char c : word)
      if (c >= '0' && c <= '9') return false;
  }
  std::size_t i = 0;
  if (!u_isupper(next_code_point(role, i))) return false;
  return count_words(role) <= kMaxRosterRoleWords;
}

std::vector<std::string> byline_names(std::string_view line) {
  line = trim_spaces(line);
  std::string_view rest;
  for (const std::string_view prefix : {"By ", "BY ", "Par ", "PAR "})
    if (line.starts_with(prefix)) rest = line.substr(prefix.size());
  if (rest.empty()) return {};
  // The names end where a date, a role's rest or a publication is put after a bar or a dash.
  for (const std::string_view end : {" | ", " \u00B7 ", " \u2013 ", " \u2014 ", " - ", "\t"})
    rest = rest.substr(0, rest.find(end));
  std::vector<std::string> names;
  std::string name;
  int words = 0;
  const auto end_name = [&] {
    if (words >= 1 && words <= kMaxBylineNameWords) names.push_back(name);
    name.clear();
    words = 0;
  };
  bool ended = false;  // a word not capitalised ends the name ("Sports reporter", "staff")
  for (std::string_view word : words_of(rest)) {
    if (word == "and" || word == "et" || word == "&") {
      end_name();
      ended = false;
      continue;
    }
    const bool comma = word.ends_with(',') || word.ends_with(';');
    if (comma) word.remove_suffix(1);
    std::size_t i = 0;
    if (!ended && !word.empty() && u_isupper(next_code_point(word, i))) {
      if (!name.empty()) name.push_back(' ');
      name.append(word);
      ++words;
    } else {
      ended = true;
    }
    if (comma) {
      end_name();
      ended = false;
    }
  }
  end_name();
  return names;
}

bool opens_with_author(std::string_view line, std::string_view name) {
  const auto followed_by_lower_case = [&](std::size_t length) {
    if (line.size() <= length + 1 || !line.starts_with(name.substr(0, length)) ||
        line[length] != ' ')
      return false;
    std::size_t i = length + 1;
    return u_islower(next_code_point(line, i)) != 0;
  };
  if (followed_by_lower_case(name.size())) return true;
  // The first name alone ("Tom covers agriculture …" under "By Tom Halvorsen"), but not an
  // initial, nor a word such as "The" ("By The Associated Press": "The mayor said …").
  const std::size_t space = name.find(' ');
  if (space == std::string_view::npos || space < 2 || name[space - 1] == '.') return false;
  const std::string first = lower_ascii_without_period(name.substr(0, space));
  if (stopwords::contains(first, Language::French) || stopwords::contains(first, Language::English))
    return false;
  return followed_by_lower_case(space);
}

namespace {

struct HeaderName {
  std::string_view key;  // as comparison_key writes it
  HeaderKind kind;
};
constexpr std::array kHeaderNames = {
    HeaderName{"subject", HeaderKind::Subject},
    HeaderName{"objet", HeaderKind::Subject},
    // Jina Reader's header ("Title: …", "URL Source: …", "Published Time: …", "Markdown
    // Content:"), which LLM pipelines save above the page's Markdown.
    HeaderName{"title", HeaderKind::Subject},
    HeaderName{"titre", HeaderKind::Subject},
    HeaderName{"from", HeaderKind::Addressing},
    HeaderName{"to", HeaderKind::Addressing},
    HeaderName{"cc", HeaderKind::Addressing},
    HeaderName{"bcc", HeaderKind::Addressing},
    HeaderName{"reply-to", HeaderKind::Addressing},
    HeaderName{"sent", HeaderKind::Addressing},
    HeaderName{"de", HeaderKind::Addressing},
    HeaderName{"à", HeaderKind::Addressing},
    HeaderName{"envoyé", HeaderKind::Addressing},
    HeaderName{"expéditeur", HeaderKind::Addressing},
    HeaderName{"destinataire", HeaderKind::Addressing},
    HeaderName{"répondre à", HeaderKind::Addressing},
    HeaderName{"date", HeaderKind::Other},
};
constexpr std::size_t kMaxHeaderNameBytes = 16;
// What a mail client puts before the subject of a reply or a forwarded message ("RE: Fwd: ",
// Outlook's French "TR : "): no part of the headline.
constexpr std::array<std::string_view, 4> kReplyMarkers = {"re", "fw", "fwd", "tr"};

// Where the subject starts after its reply and forward markers, from `value` on.
std::size_t skip_reply_markers(std::string_view line, std::size_t value) {
  for (;;) {
    const std::size_t colon = line.find(':', value);
    if (colon == std::string_view::npos || colon - value > 4) return value;
    const std::string marker =
        lower_ascii_without_period(trim_spaces(line.substr(value, colon - value)));
    if (!listed(std::string_view(marker), kReplyMarkers)) return value;
    const std::size_t next = value_after_colon(line, colon);
    if (next == 0) return value;
    value = next;
  }
}

}  // namespace

HeaderField find_header_field(std::string_view line) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > kMaxHeaderNameBytes) return {};
  const std::size_t value = value_after_colon(line, colon);
  if (value == 0) return {};
  const std::string key = comparison_key(trim_spaces(line.substr(0, colon)));
  for (const HeaderName& name : kHeaderNames) {
    if (key != name.key) continue;
    if (name.kind != HeaderKind::Subject) return HeaderField{name.kind, value, colon + 1};
    return HeaderField{name.kind, skip_reply_markers(line, value), colon + 1};
  }
  return {};
}

namespace {

constexpr std::size_t kMaxTagBytes = 300;

// Block-level elements of HTML and the elements of the TREC/DUC/TAC news collections.
constexpr std::array<std::string_view, 44> kBlockTags = {
    "p",        "div",    "br",        "hr",         "h1",      "h2",         "h3",      "h4",
    "h5",       "h6",     "ul",        "ol",         "li",      "table",      "tr",      "td",
    "th",       "tbody",  "thead",     "blockquote", "pre",     "section",    "article", "header",
    "footer",   "main",   "nav",       "aside",      "figure",  "figcaption", "body",    "html",
    "head",     "title",  "doc",       "docno",      "doctype", "txttype",    "text",    "headline",
    "dateline", "byline", "date_time", "slug"};

// The tag at the start of `text` ("<P>", "</TEXT>", "<div class=x>", "<br/>", "<!-- … -->"):
// its length in bytes, 0 when `text` does not open with one. `block` tells whether it is a
// block element's, or a tag named in capitals (SGML).
std::size_t tag_length(std::string_view text, bool& block, bool trec = false,
                       std::string* name_out = nullptr, bool* closing_out = nullptr) {
  block = false;
  if (text.size() < 3 || text[0] != '<') return 0;
  if (text.starts_with("<!--")) {
    const std::size_t close = text.find("-->", 4);
    block = true;
    return close == std::string_view::npos || close + 3 > kMaxTagBytes ? 0 : close + 3;
  }
  std::size_t i = 1;
  if (text[i] == '/' || text[i] == '!' || text[i] == '?') ++i;
  const auto is_name_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == ':';
  };
  const std::size_t name_begin = i;
  if (i >= text.size() ||
      !((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z')))
    return 0;
  while (i < text.size() && is_name_char(text[i])) ++i;
  const std::string_view name = text.substr(name_begin, i - name_begin);
  if (i < text.size() && text[i] != '>' && text[i] != ' ' && text[i] != '/' && text[i] != '\t')
    return 0;
  while (i < text.size() && i < kMaxTagBytes && text[i] != '>' && text[i] != '<' && text[i] != '\n')
    ++i;
  if (i >= text.size() || text[i] != '>') return 0;
  std::string lower(name);
  bool capitals = name.size() >= 2;
  for (char& c : lower) {
    if (c >= 'a' && c <= 'z') capitals = false;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  block = text[1] == '!' || text[1] == '?' || (trec && capitals) ||
          std::find(kBlockTags.begin(), kBlockTags.end(), lower) != kBlockTags.end();
  if (name_out) *name_out = std::move(lower);
  if (closing_out) *closing_out = text[1] == '/';
  return i + 1;
}

std::size_t skip_spaces_from(std::string_view line, std::size_t i) {
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  return i;
}

}  // namespace

bool markup_only(std::string_view line) {
  std::size_t i = 0;
  bool any = false;
  while (i < line.size()) {
    bool block = false;
    const std::size_t tag = tag_length(line.substr(i), block);
    if (tag == 0) return false;
    any = true;
    i = skip_spaces_from(line, i + tag);
  }
  return any;
}

std::vector<Tag> tags_of(std::string_view line) {
  std::vector<Tag> tags;
  for (std::size_t i = line.find('<'); i != std::string_view::npos; i = line.find('<', i + 1)) {
    Tag tag;
    bool block = false;
    const std::size_t length = tag_length(line.substr(i), block, true, &tag.name, &tag.closing);
    if (length == 0) continue;
    tags.push_back(std::move(tag));
    i += length - 1;
  }
  return tags;
}

bool is_trec(std::string_view text) {
  std::size_t i = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (i < text.size() &&
         (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
    ++i;
  if (text.size() < i + 5 || text[i] != '<') return false;
  std::string head(text.substr(i + 1, 4));
  for (char& c : head)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return head.starts_with("DOC") && (head[3] == '>' || head[3] == ' ');
}

std::size_t leading_markup_length(std::string_view line, bool trec) {
  std::size_t i = 0;
  while (i < line.size()) {
    bool block = false;
    const std::size_t tag = tag_length(line.substr(i), block, trec);
    if (tag == 0 || !block) break;
    i = skip_spaces_from(line, i + tag);
  }
  return i;
}

std::size_t trailing_markup_length(std::string_view line, bool trec) {
  std::size_t end = line.size();
  while (end > 0 && line[end - 1] == '>') {
    const std::size_t open = line.rfind('<', end - 1);
    if (open == std::string_view::npos) break;
    bool block = false;
    if (tag_length(line.substr(open, end - open), block, trec) != end - open || !block) break;
    end = open;
    while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
  }
  return line.size() - end;
}

bool starts_with_lowercase(std::string_view line) {
  if (line.empty()) return false;
  std::size_t i = 0;
  return u_islower(next_code_point(line, i)) != 0;
}

bool starts_with_letter(std::string_view line) {
  if (line.empty()) return false;
  std::size_t i = 0;
  return u_isalpha(next_code_point(line, i)) != 0;
}

namespace {

// Words that make a number a quantity, not a section's number: "2.5 Million Jobs Lost".
constexpr std::array<std::string_view, 12> kQuantityWords = {
    "million",  "millions", "milliard", "milliards", "billion", "billions",
    "trillion", "mio",      "md",       "percent",   "per",     "pour"};

// A list item's number has one or two digits ("12. ", "3.1 "); "2024." opens a sentence.
constexpr std::size_t kMaxItemNumberDigits = 2;

}  // namespace

std::size_t numbered_marker_length(std::string_view line) {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t from = i;
    while (i < line.size() && i - from <= kMaxItemNumberDigits && line[i] >= '0' && line[i] <= '9')
      ++i;
    return i - from;
  };
  bool section = false;   // "1.1", "2.3.4": maybe a quantity ("2.5 Million")
  bool lettered = false;  // "a) ": a French list's items go on in lower case ("a) activation du")
  if (i < line.size() && line[i] == '(') {
    // "(3) ", "(a) "
    ++i;
    if (i < line.size() && line[i] >= 'a' && line[i] <= 'z') {
      ++i;
      lettered = true;
    } else {
      const std::size_t n = digits();
      if (n == 0 || n > kMaxItemNumberDigits) return 0;
    }
    if (i >= line.size() || line[i] != ')') return 0;
    ++i;
  } else if (i + 1 < line.size() && line[i] >= 'a' && line[i] <= 'z' && line[i + 1] == ')') {
    i += 2;  // "a) "
    lettered = true;
  } else {
    std::size_t n = digits();
    if (n == 0 || n > kMaxItemNumberDigits) return 0;
    if (i < line.size() && line[i] == ')') {
      ++i;  // "3) "
    } else {
      // "3. ", "1.1 ", "2.3.4. "
      while (i + 1 < line.size() && line[i] == '.' && line[i + 1] >= '0' && line[i + 1] <= '9') {
        ++i;
        n = digits();
        if (n > kMaxItemNumberDigits) return 0;
        section = true;
      }
      if (i < line.size() && line[i] == '.') {
        ++i;
      } else if (!section) {
        return 0;  // "3 " is a number, not a marker
      }
    }
  }
  const std::size_t marker = i;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i == marker || i >= line.size()) return 0;
  // The item opens like a sentence: a capital or a quotation mark ("3. 5 000 euros" and
  // "1.5 million" are text), or, after a letter, any letter.
  std::size_t next = i;
  const UChar32 first = next_code_point(line, next);
  if (!(u_isupper(first) || u_istitle(first) || first == '"' || first == 0x00AB ||
        first == 0x201C || (lettered && u_islower(first))))
    return 0;
  // "21. C'est le nombre de voyages …", "40. That's how many …": the number is the subject.
  for (const std::string_view pronoun :
       {"C'est ", "C\u2019est ", "Ce sont ", "That's ", "That\u2019s ", "That is "})
    if (line.substr(i).starts_with(pronoun)) return 0;
  if (section) {
    std::size_t end = i;
    while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
    if (listed(lower_ascii_without_period(line.substr(i, end - i)), kQuantityWords)) return 0;
  }
  return i;
}

bool is_sentence_case_label(std::string_view line) {
  bool first = true;
  for (std::size_t i = 0; i < line.size();) {
    const UChar32 c = next_code_point(line, i);
    if (first) {
      if (!u_isupper(c)) return false;
      first = false;
      continue;
    }
    if (!(u_islower(c) || is_space(c) || is_apostrophe(c) || c == '\'' || c == '-')) return false;
  }
  return !first;
}

bool ends_with_period(std::string_view line) {
  if (line.size() < 2) return false;
  const char last = line.back();
  return last == '.' && line[line.size() - 2] != '.';
}

bool ends_with_colon(std::string_view line) {
  if (line.empty()) return false;
  std::size_t i = line.size();
  const UChar32 c = previous_code_point(line, i);
  return c == ':' || c == 0xFF1A;
}

bool ends_with_sentence_punctuation(std::string_view line) {
  // Walk back over closing quotes and brackets: what decides is the character before them. A
  // closing quote right after a word ('« pas de progrès »', "OSZAR »") ends a label, not a
  // sentence.
  std::size_t i = line.size();
  while (i > 0) {
    const UChar32 c = previous_code_point(line, i);
    if (is_final_punctuation(c)) return true;
    if (c == ']') {
      // Reference marks after the period ("was stolen.[1][2]", "[citation needed]") are not
      // what ends the sentence: skip a bracketed group of up to kMaxReferenceMark bytes of
      // letters, digits and spaces. An elision ("[…]", "[...]") is punctuation itself.
      const std::size_t open = line.rfind('[', i);
      if (open != std::string_view::npos && i - open <= kMaxReferenceMark && open > 0 &&
          std::all_of(line.begin() + static_cast<std::ptrdiff_t>(open) + 1,
                      line.begin() + static_cast<std::ptrdiff_t>(i), [](char b) {
                        return b == ' ' || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') ||
                               (b >= 'A' && b <= 'Z');
                      })) {
        i = open;
        continue;
      }
    }
    if (!is_space(c) && !is_closing(c)) return false;
  }
  return false;
}

bool ends_with_initialism(std::string_view line) {
  std::size_t i = line.size();
  while (i > 0) {
    std::size_t at = i;
    const UChar32 c = previous_code_point(line, at);
    if (!is_space(c) && !is_closing(c)) break;
    i = at;
  }
  // Walk back over "X." pairs: at least two, and a word boundary before the first.
  int letters = 0;
  while (i >= 2 && line[i - 1] == '.' && line[i - 2] >= 'A' && line[i - 2] <= 'Z') {
    i -= 2;
    ++letters;
  }
  return letters >= 2 && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '(');
}

// Lower-case abbreviations that a capital may follow ("Lakers vs. Celtics", "art. L. 121").
constexpr std::array<std::string_view, 13> kLowerCaseAbbreviations = {
    "vs", "etc", "cf", "env", "av", "apr", "ex", "no", "pp", "art", "approx", "vol", "chap"};

bool holds_sentences(std::string_view line) {
  // Sentence ends inside the line: a terminator after a lower-case word of two letters or more
  // (so "M. Dupont", "U.S. Army" and "Dr. Smith" do not count), then white space and a capital.
  // The line holds sentences when the text after the last such end is a clause of its own: at
  // least kMinClauseWords words, mostly in lower case (a caption's credit, "AFP / Jean Dupont",
  // is names).
  std::size_t last_end = std::string_view::npos;
  for (std::size_t i = 2; i + 2 < line.size(); ++i) {
    const char c = line[i];
    if (c != '.' && c != '!' && c != '?') continue;
    if (line[i + 1] != ' ') continue;
    std::size_t next = i + 2;
    if (next >= line.size()) break;
    const UChar32 first = next_code_point(line, next);
    if (!u_isupper(first) && first != 0xAB && first != 0x201C && first != '"') continue;
    std::size_t before = i, letters = 0;
    while (before > 0) {
      std::size_t at = before;
      const UChar32 p = previous_code_point(line, at);
      if (!u_islower(p)) break;
      before = at;
      ++letters;
    }
    // A whole lower-case word: "Gov.", "Mrs." and "Kiev." are a capital's tail, not one.
    if (letters < 2 || (before > 0 && line[before - 1] != ' ')) continue;
    const std::string_view word = line.substr(before, i - before);
    if (std::find(kLowerCaseAbbreviations.begin(), kLowerCaseAbbreviations.end(), word) !=
        kLowerCaseAbbreviations.end())
      continue;
    last_end = i;
  }
  if (last_end == std::string_view::npos) return false;
  int words = 0, lower = 0;
  std::size_t i = last_end + 1;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    if (i >= line.size()) break;
    std::size_t at = i;
    const UChar32 first = next_code_point(line, at);
    ++words;
    if (u_islower(first)) ++lower;
    while (i < line.size() && line[i] != ' ') ++i;
  }
  return words >= kMinClauseWords && 2 * lower >= words;
}

namespace {

// The first `count` words make a clause: kMinClauseWords or more, at least half of them opening
// in lower case (a sentence, not a label or a name).
bool lower_case_clause(const std::vector<std::string_view>& words, std::size_t count) {
  int lower = 0;
  for (std::size_t k = 0; k < count; ++k) {
    std::size_t at = 0;
    if (u_islower(next_code_point(words[k], at))) ++lower;
  }
  const auto clause_words = static_cast<int>(count);
  return clause_words >= kMinClauseWords && 2 * lower >= clause_words;
}

}  // namespace

bool ends_with_link_after_clause(std::string_view line) {
  const std::vector<std::string_view> words = words_of(line);
  if (words.size() < 2) return false;
  std::string_view link = words.back();
  while (!link.empty() && (link.front() == '(' || link.front() == '<')) link.remove_prefix(1);
  if (!(link.starts_with("http://") || link.starts_with("https://") || link.starts_with("www.")))
    return false;
  return lower_case_clause(words, words.size() - 1);
}

bool ends_with_emoji_after_clause(std::string_view line) {
  std::size_t end = line.size();
  bool emoji = false;
  while (end > 0) {
    std::size_t at = end;
    const UChar32 c = previous_code_point(line, at);
    const bool pictograph = u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
                            u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR);
    // Joiners, variation selectors and skin tones belong to the emoji before them.
    const bool modifier =
        c == 0x200D || c == 0xFE0F || u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER);
    if (!(pictograph || modifier || is_space(c))) break;
    emoji = emoji || pictograph;
    end = at;
  }
  if (!emoji) return false;
  const std::vector<std::string_view> words = words_of(line.substr(0, end));
  return lower_case_clause(words, words.size());
}

bool has_menu_separators(std::string_view line) {
  std::size_t separators = 0;
  for (const std::string_view separator : {" | ", "\u2022", "\u00B7"})
    for (std::size_t at = line.find(separator); at != std::string_view::npos;
         at = line.find(separator, at + separator.size()))
      ++separators;
  return separators >= 2;
}

bool is_menu_line(std::string_view line) {
  if (has_menu_separators(line)) return true;
  constexpr std::size_t kMinMenuWords = 4;
  const std::vector<std::string_view> words = words_of(line);
  if (words.size() < kMinMenuWords) return false;
  for (const std::string_view word : words) {
    if (word.find_first_of(",.:;!?\"()[]") != std::string_view::npos) return false;
    std::size_t i = 0;
    const UChar32 first = next_code_point(word, i);
    if (!(u_isupper(first) || u_istitle(first) || u_isdigit(first) || first == '&')) return false;
  }
  return true;
}

bool is_ad_slot(std::string_view key) {
  constexpr int kMaxAdSlotWords = 6;
  if (count_words(key) > kMaxAdSlotWords) return false;
  while (!key.empty() && (key.back() == '.' || key.back() == ' ' || key.back() == ':'))
    key.remove_suffix(1);
  return key.ends_with("advertisement") || key.ends_with("publicité") ||
         key.starts_with("la suite après");
}

bool is_widget_label(std::string_view key) {
  while (!key.empty() && (key.back() == ' ' || key.back() == ':')) key.remove_suffix(1);
  // clang-format off
  static constexpr std::array<std::string_view, 40> kWidgetLabels = {
      "comments", "commentaires", "discover", "découvrir", "featured", "gallery", "galerie",
      "latest", "listen", "live", "direct", "more", "newsletter", "newsletters", "photos",
      "podcast", "podcasts", "popular", "populaire", "populaires", "promoted", "recommended",
      "recommandé", "recommandés", "related", "share", "partager", "sponsored", "sponsorisé",
      "tags", "topics", "thèmes", "trending", "tendances", "video", "videos", "vidéo", "vidéos",
      "watch", "regarder"};
  // clang-format on
  return std::find(kWidgetLabels.begin(), kWidgetLabels.end(), key) != kWidgetLabels.end();
}

PhraseMatch match_phrases(std::string_view key, std::size_t code_points, int words,
                          bool ends_with_punctuation) {
  // Long paragraphs are content; only a strong phrase (a cookie banner, a copyright line) can
  // make one boilerplate. Scanning megabyte-long "lines" for it would be wasted work.
  constexpr std::size_t kMaxStrongLineChars = 1000;
  if (code_points > kMaxStrongLineChars) return PhraseMatch::None;
  const bool short_line = code_points < kMaxShortLineChars && words < kLongLineWords;
  const bool label = !ends_with_punctuation && words <= kMaxLabelWords;
  // A phrase opens the line when nothing but marks, digits and spaces come before it ("» Lire
  // aussi", "[8]Partager", "12 commentaires").
  std::size_t first_letter = 0;
  for (std::size_t next = 0; first_letter < key.size(); first_letter = next)
    if (u_isalpha(next_code_point(key, next))) break;
  // kPhrases is ordered strongest first, so the first match is the strongest.
  for (const Phrase& phrase : kPhrases) {
    if (phrase.reach != Reach::Strong && !short_line) continue;
    const std::size_t pos = find_phrase(key, phrase.text);
    if (pos == std::string_view::npos) continue;
    const bool at_start = pos <= first_letter;
    switch (phrase.reach) {
      case Reach::Strong:
        return PhraseMatch::Strong;
      case Reach::Short:
        return PhraseMatch::Short;
      case Reach::Prompt:
        if (at_start || label) return PhraseMatch::Label;
        break;
      case Reach::Opening:
        if (at_start) return PhraseMatch::Label;
        break;
      case Reach::Label:
        if (words <= kMaxLabelWords && (at_start || !ends_with_punctuation))
          return PhraseMatch::Label;
        break;
    }
  }
  return PhraseMatch::None;
}

bool is_title_repeat(std::string_view key, std::string_view title_key) {
  if (title_key.empty()) return false;
  while (key.starts_with(title_key)) {
    key.remove_prefix(title_key.size());
    if (key.empty()) return true;
    if (key[0] != ' ') return false;
    key.remove_prefix(1);
  }
  return false;
}

}  // namespace precis::clean_rules
