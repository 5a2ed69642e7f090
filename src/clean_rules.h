// Line-level tests behind the cleaner (private to the library; clean_test.cc checks them
// directly). Everything works on UTF-8 and treats Unicode white space (NBSP, NNBSP, ...) as
// space, because scraped French text is full of it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "precis/document.h"

namespace precis::clean_rules {

// A line of a text: its span without the line break and without surrounding white space.
// `span` is empty (begin == end) for a blank line.
struct RawLine {
  Span span;
};

// Splits at \n, \r\n and lone \r; trims Unicode white space (and zero-width characters) from
// each line. One entry per line, blank lines included, so neighbours can be found.
std::vector<RawLine> split_lines(std::string_view text);

// Case-folded, white space collapsed to single spaces, typographic apostrophes made ASCII: the
// form in which lines are compared with each other and with the phrase list.
std::string comparison_key(std::string_view line);

// The line with every run of white space turned into one ASCII space (for the title metadata).
std::string collapse_spaces(std::string_view line);

// Whitespace-separated tokens holding at least one letter or digit ("»" and "—" do not count).
int count_words(std::string_view line);

// Number of code points.
std::size_t count_code_points(std::string_view line);

// Number of code points of the line's first word (up to its first white space; a Chinese or
// Japanese character is a word of its own).
std::size_t first_word_code_points(std::string_view line);

// Bytes of Markdown block markup at the start of a trimmed line, with the spaces after it:
// blockquote ">" (repeated), ATX heading "#" to "######", list item "-", "*", "+" or "1." / "1)"
// followed by a space. 0 when there is none.
std::size_t markdown_marker_length(std::string_view line);

// Bytes of a plain-text bullet at the start of a trimmed line ("- ", "* ", "• ", "– ", "— ",
// "▪ ", "● ") with the spaces after it; 0 when there is none, or nothing follows it.
std::size_t bullet_marker_length(std::string_view line);

// Bytes of a plain-text list item's number at the start of a trimmed line, with the spaces after
// it: "3. ", "12) ", "1.1 ", "2.3.4. ", "(3) ", "a) ", "(b) ", when a capital or a quotation
// mark follows, or any letter after "a)" (an official statement's or a report's numbered
// paragraphs, "a) activation du plan blanc ;"). 0 otherwise: "2024.",
// "3 ", "1.5 million", "2.5 Million Jobs" are text.
std::size_t numbered_marker_length(std::string_view line);

// A news dateline at the start of an article's first line: "WASHINGTON (AP) _ ", "PARIS, 5 mai
// (AFP) - ", "BEIJING, Jan. 5 (Xinhua) -- ", "TEXAS, US – ", "NEW YORK—", "NEW DELHI: ",
// "(Reuters) - ", "(CNN)". Wire copy opens every article with one; left in, it is the first
// words of every lede a summary takes (three to five words of a 100-word budget each) and it
// reads as furniture. A rubric in capitals ("VIDÉO - ", "FIGAROVOX/TRIBUNE - ") opens some
// French articles the same way and goes too. What counts: an agency tag in brackets after a
// place, a date or nothing; or, without a tag, a place in capitals of 3+ letters, maybe with a
// region or a date after a comma; then a dash (a tag in capitals may do without one), and at
// least four words that open like a sentence. A capitalised list ("Nantes, Lyon –"), a fixture
// ("PSG – OM : …"), a title ("MGR AUPETIT –") and a date without a month ("Jean Dupont, 45
// ans –") are text. A date stamp glued to the text ("Saturday, March 26, 2005 Up to …": a day,
// a month and a year of four digits, then a capital) counts too.
struct Dateline {
  std::size_t length = 0;  // bytes up to the text after it; 0 = none
  std::size_t own = 0;     // bytes of the dateline itself, without the spaces before the text
  bool agency = false;     // it carries an agency tag
  // A place in capitals with nothing else ("WASHINGTON —", "NASA – The agency …" looks the
  // same): the caller checks the article, where an acronym comes back in capitals.
  std::string_view bare_place;
};
Dateline find_dateline(std::string_view line);

// A line that is a date and nothing else, maybe with its weekday, its time, a time zone and a
// "Date:" label: "Mardi 12 mars 2025", "Tuesday, March 12, 2025 10:42 AM", "12/03/2025 à 14h05",
// "Le 12 mars 2025 à 14h05", "Date: 12 March 2025". A page prints one above or under its
// headline; it is no headline itself. A month's name, a numeric date or a clock time must be in
// it: a live blog stamps each entry with its time alone ("10:52 a.m.", "17:02").
bool is_date_line(std::string_view line);

// A site's menu on one line: "Home | News | Obituaries | Sports" (two separators or more: |, •,
// ·), or four words or more each opening with a capital and no punctuation ("News Sport Business
// Opinion What's On Announcements Jobs"). The second shape is also a headline's in title case;
// the caller asks only under a site's name.
bool is_menu_line(std::string_view line);
// The first shape alone: two separators or more ("Local News · Schools · Opinion", "1 j •
// Modifié •"): a menu or a post's metadata, never a headline.
bool has_menu_separators(std::string_view line);

// A speaker's name opening a line of a transcript or an interview: "HOST (JULIA FERN): ",
// "OSEI: ", "Q: ", "HÉLÈNE CARBONNEL : ". One to four words in capitals (letters, digits,
// hyphens, apostrophes, periods), maybe a note in brackets, a colon, then the words spoken,
// which do not open with a lower-case letter ("EDF : hausse de 5 %" is a brief's subject).
// Whether the line belongs to a transcript is the caller's question: a name that opens one line
// may be a rubric ("EXCLUSIVE: ...").
struct SpeakerLabel {
  std::size_t length = 0;  // bytes up to the words spoken; 0 = none
  std::size_t own = 0;     // bytes of the label, colon included
  std::string_view name;   // the words in capitals, without the note in brackets
};
SpeakerLabel find_speaker_label(std::string_view line);

// A field of an e-mail's header: "From: ", "Subject: ", "Sent: ", "De : ", "À : ", "Objet : ".
// A newsletter or a press release pasted from a mail client opens with them; the subject is the
// message's headline and the other fields are no text.
enum class HeaderKind { None, Subject, Addressing, Other };
struct HeaderField {
  HeaderKind kind = HeaderKind::None;
  std::size_t length = 0;  // bytes up to the value
  std::size_t own = 0;     // bytes of the field's name, colon included
};
HeaderField find_header_field(std::string_view line);

// An entry of a roster: a name of two to four capitalised words, a dash, and a role or an
// affiliation of at most kMaxRosterRoleWords words that opens with a capital ("Susan O'Kane -
// Chief Executive Officer, Brightwater Dairy Co.", "Ben Rucker - Morgan Stanley", "Jean Dupont
// – Rédacteur en chef"). An earnings call lists its participants so, a newspaper its staff.
bool is_roster_entry(std::string_view line);
inline constexpr int kMaxRosterRoleWords = 10;

// The names a byline gives ("By Renata Solis and Omar Haddad", "Par Jean Dupont et Marie
// Martin", "By Mark D. Sutherland, Sports Reporter" gives "Mark D. Sutherland" and "Sports
// Reporter"): runs of 1 to kMaxBylineNameWords capitalised words; none for any other line.
inline constexpr int kMaxBylineNameWords = 4;
std::vector<std::string> byline_names(std::string_view line);

// True when `line` opens with `name`, or with its first name, then a word in lower case: an
// author's bio under the article ("Renata Solis covers Congress for Capitol Wire.", "Tom covers
// agriculture and commodities from Chicago.").
bool opens_with_author(std::string_view line, std::string_view name);

// SGML, XML and HTML markup at the edges of a trimmed line: the TREC/DUC/TAC format news
// collections come in ("<DOC>", "<DOCNO> APW19981016.0240 </DOCNO>", "<P>" around each
// paragraph), and text copied from a page's source. `markup_only` is true for a line that is
// nothing but tags (and spaces). `leading_markup_length` and `trailing_markup_length` count the
// bytes of block tags (p, div, h1, li, the TREC elements; in a TREC file, `trec`, any tag named
// in capitals) and the spaces next to them at either end; inline tags ("<b>", "<a href=…>") are
// part of the text, and so is "<RIRES>" in an interview.
bool markup_only(std::string_view line);
std::size_t leading_markup_length(std::string_view line, bool trec = false);
std::size_t trailing_markup_length(std::string_view line, bool trec = false);

// True when the text opens (after a byte-order mark and white space) with a TREC "<DOC>" or
// "<DOC id=…>" tag: the SGML of the DUC, TAC, AQUAINT and Gigaword collections.
bool is_trec(std::string_view text);

// The tags of a line of a TREC file, in order, each with its lower-cased name ("text",
// "headline", "p") and whether it closes the element: which element a line belongs to.
struct Tag {
  std::string name;
  bool closing = false;
};
std::vector<Tag> tags_of(std::string_view line);

// True when the line's first character is a lower-case letter.
bool starts_with_lowercase(std::string_view line);

// True when the line's first character is a letter (not a list marker, a quote or a digit).
bool starts_with_letter(std::string_view line);

// True when the line ends with a colon (ASCII or full-width): it announces what follows.
bool ends_with_colon(std::string_view line);

// A subhead in sentence case: a capital, then words of lower-case letters only ("What comes
// next", "A troubled record", "Un passé chargé"), no digit, sign or further capital (a name such
// as "Thomson Reuters", a form label such as "E-mail *").
bool is_sentence_case_label(std::string_view line);

// Whether the line ends with a period (not an ellipsis): a statement, not a question, a call
// ("Notre revue est en vente en kiosque !") or a prompt ("Write a comment...").
bool ends_with_period(std::string_view line);

// An advertisement's slot in the text ("Advertisement", "Story continues below advertisement",
// "Publicité", "La suite après cette publicité"), as a comparison key: it sits inside the
// article, so the paragraph under it is the article going on, not the page's tail.
bool is_ad_slot(std::string_view key);

// A one-word label of a page's widget, as a comparison key: "Related", "Trending", "Watch",
// "Vidéos", "Populaires". The sentence under it is a teaser, where the sentence under a
// one-word subhead ("Background", "Casualties", "Bilan") is the article's last section.
bool is_widget_label(std::string_view key);

// True when the line ends like a sentence: . ! ? … : ; possibly followed by closing quotes or
// brackets ("fin. »", "progrès”."). A closing quote straight after a word ("OSZAR »") does not
// count: headlines end that way.
// Reference marks ("[1]", "[citation needed]") after the final punctuation are skipped.
bool ends_with_sentence_punctuation(std::string_view line);

// True when the line's last word is an initialism with periods ("U.S.", "U.N.", "D.C.", before
// closing quotes or brackets): its final period belongs to the word, so the line may be a
// headline ("Tsunami aid donations deductible in the U.S.") as much as a sentence.
bool ends_with_initialism(std::string_view line);

// True when a line without final punctuation still holds a sentence that ends inside it and a
// clause after it ("Aucun blessé n'est à déplorer. Il leur faudra plusieurs jours"): a
// paragraph that lost its last period, not a heading.
bool holds_sentences(std::string_view line);
inline constexpr std::size_t kMaxReferenceMark = 24;  // bytes of "[citation needed]" and less
inline constexpr int kMinClauseWords = 4;

// True when the line's last word is a web address ("https://…", "www.…", in brackets or not)
// after a clause mostly in lower case ("Residents can find the list of shelters on the county's
// website at https://…"): a sentence whose period the address took away, not a heading. A link
// under a label ("Source : https://…", "Lire aussi https://…") is no clause.
bool ends_with_link_after_clause(std::string_view line);

// A social post's paragraph that ends with emoji instead of a period, after a clause of
// kMinClauseWords words or more, mostly in lower case: "… évacués par les pompiers ❤️",
// "What a day in Kingsford 🇨🇦🏆". The caller asks it of long lines only, as of the link's.
bool ends_with_emoji_after_clause(std::string_view line);

enum class PhraseMatch {
  None,
  Strong,  // boilerplate whatever the line length (cookie banners, ©, "tous droits réservés")
  Short,   // boilerplate on lines under kMaxShortLineChars and kLongLineWords
  Label,   // boilerplate as a label or a prompt: a short line, or one that opens with it (the
           // rules in clean_rules.cc, Reach)
};

inline constexpr std::size_t kMaxShortLineChars = 200;
inline constexpr int kLongLineWords = 40;

// Looks `key` (from comparison_key) up in the French/English boilerplate phrase list. Phrases
// match whole words; returns the strongest class that applies to this line.
PhraseMatch match_phrases(std::string_view key, std::size_t code_points, int words,
                          bool ends_with_punctuation);

// True when `key` is `title_key` repeated one or more times, separated by white space (seed 000
// has its headline twice on one line).
bool is_title_repeat(std::string_view key, std::string_view title_key);

}  // namespace precis::clean_rules
