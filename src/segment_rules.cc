#include "segment_rules.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <iterator>
#include <span>
#include <string_view>
#include <utility>

#include "stopwords.h"

namespace precis::segment_rules {
namespace {

// Longer words are no stopwords ("auxquelles", "themselves" are the longest).
constexpr std::size_t kMaxStopwordLetters = 12;

// A missing closing quote must not swallow the rest of a paragraph (ALGORITHMS.md §3.1 caps the
// quote merges at 2-3).
constexpr int kMaxQuoteMerges = 3;

// Abbreviations that end with a period and are usually followed by a capital (a name, a number),
// matched as whole words. ICU's own list (CLDR's `ss=standard`) is not used: it matches at the
// end of any word and holds words ("mer.", "aux.", "Var.", "Act.", "Joe."; segment.cc). The
// entries of that list that are abbreviations and no word are here, but for those that end a
// name or a place and so, before a capital, more often a sentence ("Claude François Jr. Si",
// "Ford France S.A. Mais", "at the agency's lab in Washington, D.C. NTSB board member", "Inc.",
// "Ph.D.", "A.D.").
constexpr std::u16string_view kFrenchAbbreviations[] = {
    u"M.",     u"MM.",      u"Mme.",    u"Mlle.",   u"Dr.",     u"Pr.",    u"Prof.",   u"Mgr.",
    u"Me.",    u"St.",      u"Ste.",    u"U.S.",    u"U.S.A.",  u"art.",   u"Art.",    u"cf.",
    u"Cf.",    u"p.",       u"pp.",     u"env.",    u"vol.",    u"Vol.",   u"chap.",   u"Chap.",
    u"av.",    u"apr.",     u"ex.",     u"n°.",     u"no.",     u"fig.",   u"réf.",    u"éd.",
    u"coll.",  u"config.",  u"collab.", u"imprim.", u"syst.",   u"bull.",  u"hôp.",    u"broch.",
    u"adr.",   u"symb.",    u"graph.",  u"niv.",    u"éval.",   u"anon.",  u"Comm.",   u"indus.",
    u"équiv.", u"illustr.", u"acoust.", u"encycl.", u"append.", u"categ.", u"exempl.", u"synth.",
    u"gouv.",  u"janv.",    u"févr.",   u"avr.",    u"juil.",   u"oct.",   u"nov.",    u"déc.",
};
// English: Spc. to Supt. are ranks and titles before a name, which news writes abbreviated ("Army
// Spc. Charles Graner", "Brig. Gen. Janis Karpinski"): a break there cut WikiNews ledes in two.
// From Lt.Cdr. on, CLDR's entries (see kFrenchAbbreviations), and case names and court dockets
// ("Roe v. Wade", "(Dkt. No. 41)", "incl. New York").
constexpr std::u16string_view kEnglishAbbreviations[] = {
    u"Mr.",     u"Mrs.",   u"Ms.",     u"Dr.",     u"Prof.", u"St.",   u"Jr.",   u"Sr.",   u"Mt.",
    u"Gen.",    u"Gov.",   u"Sen.",    u"Rep.",    u"Lt.",   u"Col.",  u"Sgt.",  u"Capt.", u"U.S.",
    u"U.N.",    u"U.K.",   u"e.g.",    u"i.e.",    u"vs.",   u"cf.",   u"p.",    u"pp.",   u"Fig.",
    u"fig.",    u"No.",    u"approx.", u"Spc.",    u"Pfc.",  u"Pvt.",  u"Cpl.",  u"Maj.",  u"Adm.",
    u"Brig.",   u"Cmdr.",  u"Rev.",    u"Hon.",    u"Sens.", u"Reps.", u"Det.",  u"Insp.", u"Supt.",
    u"Lt.Cdr.", u"E.g.",   u"I.e.",    u"Approx.", u"Dept.", u"Adj.",  u"Adv.",  u"Comm.", u"Conn.",
    u"Md.",     u"Mgr.",   u"Misc.",   u"Nr.",     u"Num.",  u"Op.",   u"Phys.", u"Sq.",   u"P.O.",
    u"U.S.A.",  u"U.S.C.", u"v.",      u"incl.",   u"Dkt.",  u"Jan.",  u"Feb.",  u"Aug.",  u"Sept.",
    u"Oct.",    u"Nov.",   u"Dec.",    u"E.U.",    u"Ft.",
};

// What follows "5:41 p.m." in a sentence that goes on: a day or a time zone, a month before its
// day ("March 3"), a region before "time" ("Pacific time"), a time in brackets ("(2300 GMT)").
// Before anything else a capital after "p.m." starts a new sentence ("at 10 a.m. The mayor ...",
// "at 2 a.m. Pacific Gas and Electric said ...", "at 10 a.m. May said ...").
constexpr std::u16string_view kAfterClockTime[] = {
    u"Monday", u"Tuesday", u"Wednesday", u"Thursday", u"Friday", u"Saturday", u"Sunday", u"ET",
    u"EST",    u"EDT",     u"CT",        u"CST",      u"CDT",    u"MT",       u"MST",    u"MDT",
    u"PT",     u"PST",     u"PDT",       u"GMT",      u"BST",    u"UTC",      u"CET",    u"CEST",
};
constexpr std::u16string_view kMonths[] = {
    u"January", u"February",  u"March",   u"April",    u"May",      u"June", u"July",
    u"August",  u"September", u"October", u"November", u"December", u"Jan.", u"Feb.",
    u"Aug.",    u"Sept.",     u"Oct.",    u"Nov.",     u"Dec.",
};
constexpr std::u16string_view kTimeRegions[] = {u"Eastern", u"Central", u"Mountain", u"Pacific"};
constexpr std::u16string_view kTimeWords[] = {u"time", u"Time", u"Standard", u"Daylight"};
// Abbreviations that a number follows, whichever the language, compared ignoring case ("1er
// janv. 2020", "Sept. 11", "tél. 01 23", "Prop. 22", "et al. 2005", "(Cass. soc. 12 janv.
// 2021)"): a period after them and a space before a digit is no sentence end. Dates, references,
// addresses and contacts, measures, statistics, law reports. Words that are also common words
// ("sec", "est", "mer", "jeu", "no") are left out; "sept" is in kBeforeNumberAfterNumber.
constexpr std::u16string_view kBeforeNumber[] = {
    u"janv", u"fév",  u"févr",   u"avr",  u"juil", u"juill", u"oct",   u"nov",  u"déc",  u"jan",
    u"feb",  u"mar",  u"apr",    u"jun",  u"jul",  u"aug",   u"sep",   u"dec",  u"lun",  u"ven",
    u"mon",  u"tue",  u"tues",   u"wed",  u"thu",  u"thur",  u"thurs", u"fri",  u"sat",  u"sun",
    u"art",  u"al",   u"vol",    u"chap", u"fig",  u"figs",  u"ref",   u"refs", u"réf",  u"pp",
    u"éd",   u"ed",   u"eds",    u"dir",  u"rééd", u"sq",    u"ch",    u"sect", u"para", u"tab",
    u"eq",   u"op",   u"nos",    u"nr",   u"ép",   u"ep",    u"liv",   u"cf",   u"ex",   u"ss",
    u"vs",   u"av",   u"bât",    u"esc",  u"appt", u"bldg",  u"blvd",  u"dept", u"tél",  u"tel",
    u"port", u"ext",  u"fax",    u"lb",   u"lbs",  u"oz",    u"ft",    u"hr",   u"hrs",  u"mins",
    u"env",  u"ca",   u"approx", u"alt",  u"moy",  u"avg",   u"pop",   u"max",  u"hab",  u"coll",
    u"prop", u"corp", u"civ",    u"soc",  u"crim", u"cass",  u"const", u"circ", u"stat", u"supp",
    u"incl", u"fl",
};
// French days of the week, abbreviated in listings ("sam. 12 mars", "dim. 3 nov."), that are
// also words or names ("mer", "jeu", "Sam", "dim"): their period ends no sentence only before a
// day of the month and a month (kFrenchMonths). "lun", "mar" and "ven" are in kBeforeNumber.
constexpr std::u16string_view kFrenchWeekdays[] = {u"mer", u"jeu", u"sam", u"dim"};
constexpr std::u16string_view kFrenchMonths[] = {
    u"janvier",  u"février", u"fevrier", u"mars",      u"avril",   u"mai",      u"juin",
    u"juillet",  u"août",    u"aout",    u"septembre", u"octobre", u"novembre", u"décembre",
    u"decembre", u"janv",    u"févr",    u"fév",       u"fevr",    u"avr",      u"juil",
    u"sept",     u"oct",     u"nov",     u"déc",       u"dec",
};
// Abbreviations that are also words ("Ils étaient sept. 12 autres"): only after a number ("le 3
// sept. 2020", "1 hr. 30 min. 5").
constexpr std::u16string_view kBeforeNumberAfterNumber[] = {u"sept", u"min"};
// Titles glued to a name in scraped text ("Mme.Dupont", "Prof.Martin"), compared ignoring case.
constexpr std::u16string_view kTitles[] = {
    u"mme",  u"mlle", u"mgr", u"prof", u"pres", u"gen",  u"gov", u"sen",  u"rep",  u"col",
    u"capt", u"sgt",  u"mrs", u"ste",  u"sté",  u"brig", u"maj", u"cmdr", u"supt", u"det",
    u"insp", u"hon",  u"rev", u"adm",  u"cpl",  u"pvt",  u"spc", u"pfc",
};
// A company's legal form, abbreviated ("Goldman Sachs & Co.", "Acme Corp.", "Martin et Cie."),
// is a sentence end before most capitals ("He joined Acme Co. He left in 2020."), but not
// before the rest of the name ("& Co. LLC", "Corp. Ltd.") or the title of one of its officers,
// which financial news puts right after it ("Apple Inc. Chief Executive Tim Cook").
constexpr std::u16string_view kCompanyForms[] = {u"Co",  u"Corp", u"Inc", u"Ltd",
                                                 u"Cie", u"Cos",  u"Bros"};
constexpr std::u16string_view kAfterCompanyForm[] = {
    u"LLC",  u"LLP",       u"LP",       u"Ltd",     u"Inc",      u"Corp",       u"Co",
    u"PLC",  u"plc",       u"AG",       u"SA",      u"S.A.",     u"NV",         u"N.V.",
    u"SE",   u"GmbH",      u"SpA",      u"SAS",     u"SARL",     u"AB",         u"Chief",
    u"CEO",  u"CFO",       u"COO",      u"CTO",     u"Chairman", u"Chairwoman", u"President",
    u"Vice", u"Executive", u"Director", u"Founder", u"PDG",
};

// Two-letter words that open a sentence glued to a year ("en 2019La situation"); any other
// two letters after a year are more likely a unit ("2000Wh", "2000Hz").
constexpr std::u16string_view kShortOpenings[] = {
    u"Le", u"La", u"Il", u"En", u"Un", u"On", u"Au", u"De", u"Du", u"Si", u"Ce", u"Ça", u"Or",
    u"An", u"In", u"At", u"He", u"It", u"We", u"As", u"By", u"If", u"No", u"So", u"To", u"My"};

// The brackets of a time: "(2300 GMT)", "(UTC-7)", at most this many units inside.
constexpr std::int32_t kMaxBracketedTime = 16;
// A reference mark ("[12]", "[citation needed]") is at most this many UTF-16 units long.
constexpr std::int32_t kMaxReferenceMark = 24;
// An agency tag after a dateline: "(AP)", "(Reuters)", "(AFP)", "(WMLR)".
constexpr std::int32_t kMaxAgencyTag = 24;

UChar32 code_point_at(const UChar* text, std::int32_t i, std::int32_t length) {
  UChar32 c;
  U16_GET(text, 0, i, length, c);
  return c;
}

std::int32_t skip_space(const UChar* text, std::int32_t i, std::int32_t end) {
  while (i < end && is_white_space(text[i])) ++i;
  return i;
}

std::int32_t trim_end(const UChar* text, std::int32_t begin, std::int32_t i) {
  while (i > begin && is_white_space(text[i - 1])) --i;
  return i;
}

bool is_closing_char(UChar c) {
  return c == u'»' || c == u'”' || c == u'›' || c == u'"' || c == u'’' || c == u'\'' || c == u')' ||
         c == u']';
}

bool is_terminator(UChar c) {
  return c == u'.' || c == u'!' || c == u'?' || c == u'…';
}

// A straight quote opens when it follows a space, the start or an opening bracket or dash.
bool straight_quote_opens(const UChar* text, std::int32_t i) {
  if (i == 0) return true;
  const UChar before = text[i - 1];
  return is_white_space(before) || before == u'(' || before == u'[' || before == u'«' ||
         before == u'“' || before == u'—' || before == u'–' || before == u'-' || before == u'/';
}

// +1 for an opening quote at i, -1 for a closing one, 0 otherwise. ’ is left out: in French it is
// far more often an apostrophe than a quote.
inline int quote_kind(const UChar* text, std::int32_t i) {
  const UChar c = text[i];
  if (c != u'"' && c < u'«') [[likely]]
    return 0;  // most characters: one test
  switch (c) {
    case u'«':
    case u'“':
    case u'‹':
      return 1;
    case u'»':
    case u'”':
    case u'›':
      return -1;
    case u'"':
      return straight_quote_opens(text, i) ? 1 : -1;
    default:
      return 0;
  }
}

// A closing quote at the start of a segment, which ICU put after the break (`pas. » Il`).
bool closing_quote_at(const UChar* text, std::int32_t i, std::int32_t length) {
  const UChar c = text[i];
  if (c == u'»' || c == u'”' || c == u'›') return true;
  if (c != u'"' && c != u'’') return false;
  if (i + 1 == length) return true;
  const UChar next = text[i + 1];
  return is_white_space(next) || next == u',' || next == u'.' || next == u';' || next == u':' ||
         next == u'!' || next == u'?' || next == u')' || next == u']';
}

// The token before `end` is a word character run (letter, digit or '.'), so an abbreviation
// ending at `end` would only be the tail of a longer word ("beaucoup." is not "p.").
bool continues_word(UChar before) {
  return before == u'.' || U16_IS_SURROGATE(before) || u_isalnum(before);
}

// Whether the sentence from `begin` to `end` ends with a listed abbreviation, a whole word: one
// that opens the sentence counts whatever is glued before it ("gouvernement.M.", split there by
// add_glued_breaks).
bool ends_with_listed_abbreviation(const UChar* text, std::int32_t begin, std::int32_t end,
                                   Language language) {
  auto matches = [&](std::u16string_view abbreviation) {
    const auto size = static_cast<std::int32_t>(abbreviation.size());
    if (size > end) return false;
    if (std::u16string_view(text + end - size, abbreviation.size()) != abbreviation) return false;
    return end - size <= begin || !continues_word(text[end - size - 1]);
  };
  if (language == Language::French) {
    for (auto abbreviation : kFrenchAbbreviations) {
      if (matches(abbreviation)) return true;
    }
  } else {
    for (auto abbreviation : kEnglishAbbreviations) {
      if (matches(abbreviation)) return true;
    }
  }
  return false;
}

// Places written as two initials, which end sentences ("in Washington, D.C. NTSB investigators
// said"): no name's initials.
constexpr std::u16string_view kPlaceInitials[] = {u"D.C.", u"L.A.", u"N.Y.", u"N.J.", u"N.C.",
                                                  u"S.C.", u"N.H.", u"N.M.", u"N.D.", u"S.D.",
                                                  u"R.I.", u"U.K.", u"U.S.", u"E.U."};

// Capital initials: `J.` in `Selon J. Dupont`, `J.-C.`, `J.-P.`, and two unspaced (`J.C. Penney`,
// `C.C. Capwell`). ICU's CLDR list has only six single-letter initials (ALGORITHMS.md §3.1).
// Acronyms of three letters or more such as `S.N.C.F.` do not match, so a sentence ending with one
// still ends there.
bool ends_with_initials(const UChar* text, std::int32_t end) {
  std::int32_t i = end;
  while (true) {
    if (i < 2 || text[i - 1] != u'.' || !u_isupper(text[i - 2])) return false;
    i -= 2;
    if (i == 0) return true;
    const UChar before = text[i - 1];
    if (before == u'-' && i >= 2 && text[i - 2] == u'.') {
      --i;
      continue;
    }
    if (before == u'.' && i == end - 2 && i >= 2 && u_isupper(text[i - 2])) {
      for (const std::u16string_view place : kPlaceInitials)
        if (std::u16string_view(text + end - 4, 4) == place) return false;
      return i == 2 || !continues_word(text[i - 3]);
    }
    // "200°F." is a temperature, not an initial.
    return !continues_word(before) && before != u'°';
  }
}

// "av. J.-C.", "après J.C.": the era, which ends a sentence as a date does ("au IIIe siècle apr.
// J.-C. Une trouvaille"), where the initials of a name ("J.-C. Decaux") do not.
bool ends_with_era(const UChar* text, std::int32_t end) {
  constexpr std::u16string_view kBefore[] = {u"av.", u"ap.", u"apr.", u"avant", u"après"};
  std::int32_t size = 0;
  for (const std::u16string_view era :
       {std::u16string_view(u"J.-C."), std::u16string_view(u"J.C.")})
    if (end >= static_cast<std::int32_t>(era.size()) &&
        std::u16string_view(text + end - era.size(), era.size()) == era)
      size = static_cast<std::int32_t>(era.size());
  if (size == 0) return false;
  const std::int32_t word_end = trim_end(text, 0, end - size);
  if (word_end == end - size) return false;
  for (const std::u16string_view word : kBefore) {
    const auto length = static_cast<std::int32_t>(word.size());
    if (word_end < length || std::u16string_view(text + word_end - length, word.size()) != word)
      continue;
    if (word_end == length || !continues_word(text[word_end - length - 1])) return true;
  }
  return false;
}

bool has_letter_or_digit(const UChar* text, std::int32_t begin, std::int32_t end) {
  for (std::int32_t i = begin; i < end;) {
    UChar32 c;
    U16_NEXT(text, i, end, c);
    if (u_isalnum(c)) return true;
  }
  return false;
}

// `3.` or `12)` alone: a list number that ICU cut off from its item.
bool is_list_number(const UChar* text, std::int32_t begin, std::int32_t end) {
  begin = skip_space(text, begin, end);
  end = trim_end(text, begin, end);
  const std::int32_t digits = end - begin - 1;
  if (digits < 1 || digits > 3 || (text[end - 1] != u'.' && text[end - 1] != u')')) return false;
  for (std::int32_t i = begin; i < end - 1; ++i) {
    if (text[i] < u'0' || text[i] > u'9') return false;
  }
  return true;
}

// Keeps the boundaries for which keep(k) is true; the first and the last always stay.
template <typename Keep>
void filter(std::vector<Boundary>& boundaries, std::vector<Boundary>& scratch, Keep keep) {
  scratch.clear();
  scratch.push_back(boundaries.front());
  for (std::size_t k = 1; k + 1 < boundaries.size(); ++k) {
    if (keep(k)) scratch.push_back(boundaries[k]);
  }
  scratch.push_back(boundaries.back());
  std::swap(boundaries, scratch);
}

// ICU breaks before a closing quote that follows a space (`«\u00A0Nous partons.\u00A0» Il part.`
// gives `» Il part.`): move the quote back to the sentence it closes.
void reattach_closing_quotes(const UChar* text, std::int32_t length,
                             std::vector<Boundary>& boundaries, std::vector<Boundary>& scratch) {
  for (std::size_t k = 1; k + 1 < boundaries.size(); ++k) {
    const std::int32_t next = boundaries[k + 1].pos;
    std::int32_t i = skip_space(text, boundaries[k].pos, next);
    if (i == next || !closing_quote_at(text, i, length)) continue;
    while (i < next && closing_quote_at(text, i, length)) ++i;
    // An emptied segment becomes a duplicate boundary, dropped below.
    boundaries[k].pos = skip_space(text, i, next) == next ? next : i;
  }
  filter(boundaries, scratch,
         [&](std::size_t k) { return boundaries[k].pos != boundaries[k + 1].pos; });
}

// "5:41 p.m." (or "a.m.") ending at `end`.
bool ends_with_clock_time(const UChar* text, std::int32_t end) {
  if (end < 4 || text[end - 1] != u'.' || (text[end - 2] != u'm' && text[end - 2] != u'M') ||
      text[end - 3] != u'.')
    return false;
  const UChar half = text[end - 4];
  if (half != u'a' && half != u'p' && half != u'A' && half != u'P') return false;
  return end == 4 || !u_isalpha(text[end - 5]);
}

// The length of the word of `words` that starts at i (whole word), or 0.
std::int32_t starts_with_any(const UChar* text, std::int32_t i, std::int32_t end,
                             std::span<const std::u16string_view> words) {
  for (const std::u16string_view word : words) {
    const auto size = static_cast<std::int32_t>(word.size());
    if (end - i < size || std::u16string_view(text + i, word.size()) != word) continue;
    if (i + size == end || !u_isalnum(text[i + size])) return size;
  }
  return 0;
}

// Whether the text at i goes on a clock time's sentence (see kAfterClockTime).
bool continues_clock_time(const UChar* text, std::int32_t i, std::int32_t end) {
  if (starts_with_any(text, i, end, kAfterClockTime) > 0) return true;
  if (const std::int32_t month = starts_with_any(text, i, end, kMonths); month > 0) {
    const std::int32_t next = skip_space(text, i + month, end);
    return next > i + month && next < end && u_isdigit(text[next]);
  }
  if (const std::int32_t region = starts_with_any(text, i, end, kTimeRegions); region > 0) {
    // "at 10:30 a.m. Eastern.", "4 p.m. Pacific, when ...": the region alone is the zone too.
    if (i + region == end || text[i + region] == u'.' || text[i + region] == u',' ||
        text[i + region] == u';' || text[i + region] == u')')
      return true;
    const std::int32_t next = skip_space(text, i + region, end);
    return next > i + region && starts_with_any(text, next, end, kTimeWords) > 0;
  }
  if (i < end && text[i] == u'(') {
    for (std::int32_t k = i + 1; k < end && k - i <= kMaxBracketedTime; ++k) {
      const UChar c = text[k];
      if (c == u')') return k > i + 1;
      if (!(u_isdigit(c) || u_isupper(c) || c == u' ' || c == u'+' || c == u'-' || c == u':'))
        return false;
    }
  }
  return false;
}

// "(AP) —", "(Reuters) -": the agency tag of a dateline, which follows the place ("MARLOW,
// Pa. (AP) — ..."); no sentence starts with it.
bool starts_with_agency_tag(const UChar* text, std::int32_t i, std::int32_t end) {
  if (i >= end || text[i] != u'(') return false;
  std::int32_t close = i + 1;
  while (close < end && close - i <= kMaxAgencyTag && text[close] != u')') {
    const UChar c = text[close];
    if (!(u_isalpha(c) || c == u' ' || c == u'&' || c == u'.' || c == u'-')) return false;
    ++close;
  }
  if (close >= end || text[close] != u')' || close == i + 1 || !u_isupper(text[i + 1]))
    return false;
  const std::int32_t after = skip_space(text, close + 1, end);
  return after < end && (text[after] == u'-' || text[after] == u'–' || text[after] == u'—');
}

bool equals_ignoring_case(std::u16string_view token, std::u16string_view lower) {
  if (token.size() != lower.size()) return false;
  for (std::size_t k = 0; k < token.size(); ++k) {
    if (static_cast<UChar>(u_tolower(token[k])) != lower[k]) return false;
  }
  return true;
}

template <std::size_t N>
bool listed_ignoring_case(std::u16string_view token, const std::u16string_view (&list)[N]) {
  for (auto entry : list) {
    if (equals_ignoring_case(token, entry)) return true;
  }
  return false;
}

// The letters from `begin` on, as a view.
std::u16string_view letters_from(const UChar* text, std::int32_t begin, std::int32_t length) {
  std::int32_t end = begin;
  while (end < length && u_isalpha(text[end]) && !U16_IS_SURROGATE(text[end])) ++end;
  return {text + begin, static_cast<std::size_t>(end - begin)};
}

// The letters that end at `end`, as a view.
std::u16string_view letters_before(const UChar* text, std::int32_t end) {
  std::int32_t begin = end;
  while (begin > 0 && u_isalpha(text[begin - 1]) && !U16_IS_SURROGATE(text[begin - 1])) --begin;
  return {text + begin, static_cast<std::size_t>(end - begin)};
}

// A year (four digits from 1000 to 2999, no fifth) at i: "en sept. 2026".
bool year_at(const UChar* text, std::int32_t i, std::int32_t limit) {
  if (limit - i < 4 || (text[i] != u'1' && text[i] != u'2')) return false;
  for (std::int32_t k = i + 1; k < i + 4; ++k)
    if (text[k] < u'0' || text[k] > u'9') return false;
  return i + 4 == limit || !u_isdigit(text[i + 4]);
}

// Whether the period at `period` ends an abbreviation that the number at `next` follows
// (kBeforeNumber, the months of kMonths, kBeforeNumberAfterNumber after a number or before a
// year).
bool abbreviation_before_number(const UChar* text, std::int32_t period, std::int32_t next,
                                std::int32_t limit) {
  const std::u16string_view token = letters_before(text, period);
  if (token.empty()) return false;
  if (listed_ignoring_case(token, kBeforeNumber)) return true;
  const auto word = static_cast<std::int32_t>(period - static_cast<std::int32_t>(token.size()));
  if (listed_ignoring_case(token, kBeforeNumberAfterNumber)) {
    const std::int32_t number_end = trim_end(text, 0, word);
    if (number_end > 0 && u_isdigit(text[number_end - 1])) return true;
    if (year_at(text, next, limit)) return true;
  }
  for (auto name : kMonths) {
    if (name.back() == u'.' && token == name.substr(0, name.size() - 1)) return true;
  }
  return false;
}

// Initials in quotes, a nickname inside a name: 'Thomas "T.J." Weller', "Robert ‘R.J.’ Smith".
// `end` is after the closing quote; the opening one follows a space.
bool ends_with_quoted_initials(const UChar* text, std::int32_t begin, std::int32_t end) {
  if (end - begin < 4) return false;
  const UChar close = text[end - 1];
  if (close != u'"' && close != u'\u201D' && close != u'\u2019' && close != u'\'') return false;
  if (!ends_with_initials(text, end - 1)) return false;
  std::int32_t open = end - 2;
  while (open > begin && (u_isupper(text[open]) || text[open] == u'.' || text[open] == u'-'))
    --open;
  const UChar quote = text[open];
  if (quote != u'"' && quote != u'\u201C' && quote != u'\u2018' && quote != u'\'') return false;
  return open > begin && is_white_space(text[open - 1]);
}

// Whether the period at `period` ends a company's legal form that the name's rest or an
// officer's title at `next` follows (kCompanyForms).
bool company_form_goes_on(const UChar* text, std::int32_t period, std::int32_t next,
                          std::int32_t limit) {
  const std::u16string_view form = letters_before(text, period);
  if (std::find(std::begin(kCompanyForms), std::end(kCompanyForms), form) ==
      std::end(kCompanyForms))
    return false;
  return starts_with_any(text, next, limit, kAfterCompanyForm) > 0;
}

// Whether the period at `period` ends a French weekday abbreviation (kFrenchWeekdays) that a
// date follows from `next` on, before `limit`: "sam. 12 mars", "dim. 1er déc.".
bool weekday_before_date(const UChar* text, std::int32_t period, std::int32_t next,
                         std::int32_t limit) {
  if (!listed_ignoring_case(letters_before(text, period), kFrenchWeekdays)) return false;
  std::int32_t i = next;
  while (i < limit && i - next < 2 && u_isdigit(text[i])) ++i;
  if (i == next || (i < limit && u_isdigit(text[i]))) return false;
  if (i + 1 < limit && text[i] == u'e' && text[i + 1] == u'r') i += 2;  // "1er"
  if (i >= limit || !is_white_space(text[i])) return false;
  i = skip_space(text, i, limit);
  return listed_ignoring_case(letters_from(text, i, limit), kFrenchMonths);
}

void merge_abbreviations(const UChar* text, Language language, std::vector<Boundary>& boundaries,
                         std::vector<Boundary>& scratch) {
  filter(boundaries, scratch, [&](std::size_t k) {
    const std::int32_t end = trim_end(text, boundaries[k - 1].pos, boundaries[k].pos);
    if (end == 0) return true;
    const std::int32_t next = skip_space(text, boundaries[k].pos, boundaries[k + 1].pos);
    if (next < boundaries[k + 1].pos && u_isupper(text[next]) &&
        ends_with_quoted_initials(text, boundaries[k - 1].pos, end))
      return false;
    if (text[end - 1] != u'.') return true;
    if (starts_with_agency_tag(text, next, boundaries[k + 1].pos)) return false;
    if (ends_with_clock_time(text, end) && continues_clock_time(text, next, boundaries[k + 1].pos))
      return false;
    if (next < boundaries[k + 1].pos && u_isdigit(text[next]) &&
        abbreviation_before_number(text, end - 1, next, boundaries[k + 1].pos))
      return false;  // "le 3 fév. 2021 (Cass.": ICU breaks before a number then a capital
    if (weekday_before_date(text, end - 1, next, boundaries[k + 1].pos)) return false;
    if (company_form_goes_on(text, end - 1, next, boundaries[k + 1].pos)) return false;
    if (ends_with_era(text, end)) return true;
    return !ends_with_listed_abbreviation(text, boundaries[k - 1].pos, end, language) &&
           !ends_with_initials(text, end);
  });
}

// Where the reference marks ("[1][2]", "[citation needed]") that open at `open` end: after the
// last of the consecutive bracketed marks, each closed within kMaxReferenceMark units on its
// line; `open` itself when the first one is no mark.
std::int32_t reference_marks_end(const UChar* text, std::int32_t open, std::int32_t length) {
  std::int32_t after = open;
  while (after < length && text[after] == u'[') {
    std::int32_t close = after + 1;
    while (close < length && close - after <= kMaxReferenceMark && text[close] != u']' &&
           text[close] != u'[' && (text[close] == u' ' || !is_white_space(text[close])))
      ++close;
    if (close >= length || text[close] != u']') break;
    after = close + 1;
  }
  return after;
}

// Wikipedia's reference marks after a period ("was stolen.[1][2] It is"): ICU counts "[" as
// closing punctuation and breaks after it. Move such a break past the marks.
void attach_reference_marks(const UChar* text, std::int32_t length,
                            std::vector<Boundary>& boundaries, std::vector<Boundary>& scratch) {
  for (std::size_t k = 1; k + 1 < boundaries.size(); ++k) {
    const std::int32_t end = trim_end(text, boundaries[k - 1].pos, boundaries[k].pos);
    std::int32_t open = -1;
    for (std::int32_t i = end - 1; i > boundaries[k - 1].pos && end - i <= kMaxReferenceMark; --i) {
      if (text[i] == u']') break;
      if (text[i] == u'[') {
        open = i;
        break;
      }
    }
    if (open < 1 || !(is_terminator(text[open - 1]) || is_closing_char(text[open - 1]))) continue;
    boundaries[k].pos = std::max(boundaries[k].pos, reference_marks_end(text, open, length));
  }
  // A break moved onto or past the next ones takes their place: positions made non-decreasing,
  // then each run of equal positions kept once.
  for (std::size_t k = 1; k < boundaries.size(); ++k)
    boundaries[k].pos = std::max(boundaries[k].pos, boundaries[k - 1].pos);
  filter(boundaries, scratch,
         [&](std::size_t k) { return boundaries[k].pos != boundaries[k + 1].pos; });
}

// ICU always breaks after ! and ? (UAX #29 SB11), also inside `« Où vas-tu ? » demanda-t-il.`.
// A segment that starts in lower case or with a comma continues the previous sentence. Forced
// (line-end) boundaries stay.
void merge_continuations(const UChar* text, std::int32_t length, std::vector<Boundary>& boundaries,
                         std::vector<Boundary>& scratch) {
  filter(boundaries, scratch, [&](std::size_t k) {
    if (boundaries[k].forced) return true;
    const std::int32_t i = skip_space(text, boundaries[k].pos, boundaries[k + 1].pos);
    if (i == boundaries[k + 1].pos) return true;
    const UChar32 c = code_point_at(text, i, length);
    return !(u_islower(c) || c == u',' || c == u';' || c == u':' || c == u')' || c == u']');
  });
}

void merge_list_numbers(const UChar* text, std::vector<Boundary>& boundaries,
                        std::vector<Boundary>& scratch) {
  const std::size_t last = boundaries.size() - 1;
  filter(boundaries, scratch, [&](std::size_t k) {
    // Boundary k ends segment k-1 and starts segment k. Join a list number to what follows it,
    // or to what precedes it when it ends the paragraph.
    if (is_list_number(text, boundaries[k - 1].pos, boundaries[k].pos)) return false;
    return !(k + 1 == last && is_list_number(text, boundaries[k].pos, boundaries[k + 1].pos));
  });
}

// `« Nous ne céderons pas. Jamais », a déclaré le ministre.`: UAX #29 breaks inside the quote.
// Merge a segment left with an open quote with the following ones, up to the first one whose
// first quote closes it.
void merge_quotes(const UChar* text, std::vector<Boundary>& boundaries,
                  std::vector<Boundary>& scratch) {
  auto first_quote = [&](std::int32_t begin, std::int32_t end) {
    for (std::int32_t i = begin; i < end; ++i) {
      if (const int kind = quote_kind(text, i); kind != 0) return kind;
    }
    return 0;
  };
  scratch.clear();
  const std::size_t segments = boundaries.size() - 1;
  std::size_t k = 0;
  while (k < segments) {
    scratch.push_back(boundaries[k]);
    int depth = 0;
    for (std::int32_t i = boundaries[k].pos; i < boundaries[k + 1].pos; ++i) {
      depth = std::max(0, depth + quote_kind(text, i));
    }
    std::size_t merged_until = k;  // the last segment merged into segment k
    if (depth > 0) {
      for (std::size_t j = k + 1; j < segments && j <= k + kMaxQuoteMerges; ++j) {
        const int kind = first_quote(boundaries[j].pos, boundaries[j + 1].pos);
        if (kind == 0) continue;
        if (kind < 0) merged_until = j;
        break;
      }
    }
    k = merged_until + 1;
  }
  scratch.push_back(boundaries.back());
  std::swap(boundaries, scratch);
}

// A lone `»`, `—` or `!!!` is not a sentence: give it to the previous one (or the next one).
void merge_symbol_segments(const UChar* text, std::vector<Boundary>& boundaries,
                           std::vector<Boundary>& scratch) {
  const std::size_t last = boundaries.size() - 1;
  filter(boundaries, scratch, [&](std::size_t k) {
    if (!has_letter_or_digit(text, boundaries[k].pos, boundaries[k + 1].pos)) return false;
    return !(k == 1 && !has_letter_or_digit(text, boundaries[0].pos, boundaries[1].pos) &&
             last > 1);
  });
}

// A top-level domain, a dotted brand's tail or a file extension after a period, as a word of its
// own: `.Com` in `Booking.Com`, `.Fr`, `.Ru` (`Mail.Ru`), `.Fm` (`Last.Fm`), `.Pdf`. ("De",
// Germany's, is also how French sentences open: not listed.)
bool domain_suffix_at(const UChar* text, std::int32_t begin, std::int32_t length) {
  static constexpr std::u16string_view kSuffixes[] = {
      u"com", u"net", u"org", u"fr", u"io", u"js", u"info", u"gouv", u"gov",
      u"edu", u"tv",  u"co",  u"uk", u"ru", u"fm", u"ly",   u"ai",   u"pdf"};
  return listed_ignoring_case(letters_from(text, begin, length), kSuffixes);
}

// Whether a sentence glued to the previous one starts at `start`, right after the period or the
// ! or ? at start - 1 (see add_glued_breaks).
bool glued_sentence_at(const UChar* text, std::int32_t start, std::int32_t length) {
  const std::u16string_view before = letters_before(text, start - 1);
  const auto word = static_cast<std::int32_t>(start - 1 - static_cast<std::int32_t>(before.size()));
  if (word > 0) {
    const UChar c = text[word - 1];
    if (u_isdigit(c) || U16_IS_SURROGATE(c) || c == u'.' || c == u'/' || c == u'@' || c == u':' ||
        c == u'_' || c == u'\\')
      return false;
  }
  bool lower_case = true;
  for (UChar c : before) lower_case = lower_case && u_islower(c);
  const std::u16string_view next = letters_from(text, start, length);
  // "au gouvernement.M. Delevoye avait", "à Brasilia.M. Bolsonaro": a sentence that opens with
  // "M." and a name.
  if (next == u"M" && start + 2 < length && text[start + 1] == u'.' &&
      is_white_space(text[start + 2])) {
    const std::int32_t name = skip_space(text, start + 2, length);
    if (name < length && u_isupper(text[name]))
      return before.size() >= 2 && !listed_ignoring_case(before, kTitles);
  }
  if (next.size() < 2 || !u_isupper(next[0]) || domain_suffix_at(text, start, length)) return false;
  // What the glued word runs into: an address or a path ("Jean.Dupont@", "Mail.Ru.com") is no
  // sentence.
  const std::int32_t after = start + static_cast<std::int32_t>(next.size());
  if (after < length) {
    const UChar c = text[after];
    if (c == u'@' || c == u'/' || c == u'_' || u_isdigit(c)) return false;
    if (c == u'.' && after + 1 < length && u_isalnum(text[after + 1])) return false;
  }
  if (lower_case) return before.size() >= 2;
  // An all-capitals word ("AFP.Le", "RN.Au") before a capitalised word, not a code ("AIR.PA",
  // "CONFIG.SYS", "IQ.DRIVE"). A capitalised or camel-case word of 3+ letters ("Paris.Si",
  // "YouTube.La"; not "Ma.Le", nor a title: "Mme.Dupont") also before an acronym that a space
  // follows ("Okavango.EWB estime"), not a program's name ("Console.WriteLine").
  bool all_capitals = true;
  for (UChar c : before) all_capitals = all_capitals && u_isupper(c);
  bool capitalised = true, capitals = true;
  for (std::size_t k = 1; k < next.size(); ++k) {
    capitalised = capitalised && u_islower(next[k]);
    capitals = capitals && u_isupper(next[k]);
  }
  if (all_capitals)
    return before.size() >= 2 && capitalised && !equals_ignoring_case(before, u"www");
  if (before.size() < 3 || listed_ignoring_case(before, kTitles)) return false;
  return capitalised || (capitals && (after == length || is_white_space(text[after])));
}

}  // namespace

namespace {

// The word at `begin` is a stopword of either language once lower-cased: "Of", "The", "Les".
bool opens_with_stopword(const UChar* text, std::int32_t begin, std::int32_t length) {
  const std::u16string_view letters = letters_from(text, begin, length);
  if (letters.empty() || letters.size() > kMaxStopwordLetters) return false;
  std::string word;
  icu::UnicodeString(letters.data(), static_cast<std::int32_t>(letters.size()))
      .toLower()
      .toUTF8String(word);
  return stopwords::contains(word, Language::French) ||
         stopwords::contains(word, Language::English);
}

}  // namespace

bool ends_with_terminator(const UChar* text, std::int32_t begin, std::int32_t end) {
  while (end > begin && (is_white_space(text[end - 1]) || is_closing_char(text[end - 1]))) --end;
  return end > begin && is_terminator(text[end - 1]);
}

void add_glued_breaks(const UChar* text, std::int32_t length, std::vector<Boundary>& boundaries) {
  // `domestique.Consternant` (OrangeSum): UAX #29 SB7 keeps `Lower ATerm × Upper` together. Split
  // after a word of 2+ lower-case letters, or of 3+ letters with capitals (`Paris.Si`,
  // `Twitter.De`: 16,141 in OrangeSum; `AFP.Le`: 2,135; `YouTube.La`), before a capitalised
  // word, so that initials (`S.N.C.F.Un`, `U.S.Army`, `J.-C.`, `M.Dupont`), titles (`Mme.Dupont`),
  // `lemonde.fr`, `3.5`, a URL's `site.Com`, `Booking.Com`, an address (`Jean.Dupont@`) and
  // codes (`AIR.PA`, `Console.WriteLine`) stay whole.
  for (std::int32_t i = 2; i + 2 < length; ++i) {
    const UChar c = text[i];
    if ((c == u'.' || c == u'!' || c == u'?') && u_isupper(text[i + 1]) &&
        glued_sentence_at(text, i + 1, length))
      boundaries.push_back({i + 1, false});
  }
  // A year glued to the next sentence, where a scraper lost the line break after a subhead or a
  // date line: "Un rebond en 2021Dans ces conditions" (OrangeSum has 141 of these, all glue),
  // "Tuesday, January 18, 2005Through a telethon" (WikiNews). A standalone year of 19xx or 20xx
  // (not a hashtag) followed by a capitalised word of 3+ letters or a listed two-letter opening
  // ("2019La"): "4Matic", "Tv5Monde", "20Minutes" and "Euro2016" are no years, "2000Wh" and
  // "2020GT" no sentences.
  for (std::int32_t i = 0; i + 5 < length; ++i) {
    if (!((text[i] == u'1' && text[i + 1] == u'9') || (text[i] == u'2' && text[i + 1] == u'0')))
      continue;
    if (!u_isdigit(text[i + 2]) || !u_isdigit(text[i + 3])) continue;
    if (i > 0 && (u_isalnum(text[i - 1]) || U16_IS_SURROGATE(text[i - 1]) || text[i - 1] == u'#'))
      continue;
    const std::u16string_view next = letters_from(text, i + 4, length);
    if (next.size() < 2 || !u_isupper(next[0]) || !u_islower(next[1])) continue;
    bool opening = next.size() >= 3;
    for (auto word : kShortOpenings) opening = opening || next == word;
    if (opening) boundaries.push_back({i + 4, false});
  }
  // "Le bilan est lourd. 340 personnes sont mortes.": UAX #29 SB8 reads a number then a
  // lower-case word after "lourd. " as the sentence going on. OrangeSum has 1,282 periods after a
  // lower-case word and before a number; a sample of 30 were all sentence ends. A break before
  // the number when the period ends a word of 2+ letters (lower case, or a capital and 3+ lower
  // case: "Bordeaux. 96 voix"), a number, a unit or currency sign ("5 %.", "300 €.") or a closing
  // quote or bracket, and no abbreviation that numbers follow; the listed abbreviations and
  // initials are merged again by refine().
  for (std::int32_t i = 1; i + 2 < length; ++i) {
    if (text[i] != u'.') continue;
    // Closing quotes and brackets may follow, spaced in French ("fini. » 200").
    std::int32_t digit = i + 1;
    while (digit < length &&
           (is_white_space(text[digit]) || (is_closing_char(text[digit]) && text[digit] != u'\'')))
      ++digit;
    if (digit >= length || !u_isdigit(text[digit]) || !is_white_space(text[digit - 1])) continue;
    const UChar last = text[i - 1];
    if (u_isdigit(last) || last == u'%' || last == u'€' || last == u'$' || last == u'£' ||
        last == u'²' || last == u'³' || last == u'°' || (is_closing_char(last) && last != u'\'')) {
      boundaries.push_back({digit, false});
      continue;
    }
    const std::u16string_view token = letters_before(text, i);
    const auto word = static_cast<std::int32_t>(i - static_cast<std::int32_t>(token.size()));
    if (token.size() < 2 || (word > 0 && continues_word(text[word - 1]))) continue;
    bool lower_rest = true;
    for (std::size_t k = 1; k < token.size(); ++k) lower_rest = lower_rest && u_islower(token[k]);
    if (!lower_rest || (u_isupper(token[0]) && token.size() < 4)) continue;
    if (!abbreviation_before_number(text, i, digit, length)) boundaries.push_back({digit, false});
  }
  // A footnote's call glued to a sentence's period, as a PDF's text has it: "in Harwick,
  // Pennsylvania.1 Of the derailed cars", "at milepost 111.9.2 The engineer", "établie.¹ Les
  // investigations". ICU reads ".1 Of" as a number going on, or breaks before "¹". A break after
  // one or two digits (superscript or not) that follow the period of a word of 3+ letters
  // (lower case, or a capital and lower case; not an abbreviation that numbers follow, "No.1
  // Seed", "art.2 Le") or of a number, before a space and a capitalised stopword: in scraped
  // news, where a lost line break glues a count to a period, the count opens what follows
  // ("depuis.53 DÉCÈS EN 2015", "et pour cause.20 Minutes rapporte", "06.34.14 UTC": OrangeSum
  // has 7 and no footnote).
  const auto superscript = [](UChar c) {
    return c == u'\u00B9' || c == u'\u00B2' || c == u'\u00B3' || (c >= u'\u2070' && c <= u'\u2079');
  };
  for (std::int32_t i = 1; i + 3 < length; ++i) {
    if (text[i] != u'.') continue;
    const bool raised = superscript(text[i + 1]);
    std::int32_t end = i + 1;  // after the call's one or two digits; a third is no call
    while (end < length && end - i <= 2 && (raised ? superscript(text[end]) : u_isdigit(text[end])))
      ++end;
    if (end == i + 1 || end + 1 >= length || !is_white_space(text[end])) continue;
    const std::int32_t next = skip_space(text, end, length);
    if (next >= length || !u_isupper(text[next]) || !opens_with_stopword(text, next, length))
      continue;
    const UChar last = text[i - 1];
    if (!u_isdigit(last)) {
      const std::u16string_view token = letters_before(text, i);
      const auto word = static_cast<std::int32_t>(i - static_cast<std::int32_t>(token.size()));
      if (token.size() < 3 || (word > 0 && continues_word(text[word - 1]))) continue;
      bool lower_rest = true;
      for (std::size_t k = 1; k < token.size(); ++k) lower_rest = lower_rest && u_islower(token[k]);
      if (!lower_rest || abbreviation_before_number(text, i, i + 1, length)) continue;
    } else if (raised) {
      continue;  // "10.²" is no footnote
    } else {
      // "111.9.2 The": a number's decimal, then the call; "3.2 The" alone is a number.
      std::int32_t k = i - 1;
      while (k > 0 && u_isdigit(text[k - 1])) --k;
      if (k < 2 || text[k - 1] != u'.' || !u_isdigit(text[k - 2])) continue;
    }
    boundaries.push_back({end, false});
  }
  // "largest.[citation needed] Others": ICU reads the lower case after "[" as the sentence going
  // on. A terminator, reference marks, a space and a capital: a break after the marks.
  for (std::int32_t i = 1; i + 1 < length; ++i) {
    if (text[i] != u'[' || !is_terminator(text[i - 1])) continue;
    const std::int32_t after = reference_marks_end(text, i, length);
    if (after == i) continue;
    const std::int32_t next = skip_space(text, after, length);
    if (next > after && next < length && u_isupper(text[next]))
      boundaries.push_back({after, false});
  }
}

void refine(const UChar* text, std::int32_t length, Language language,
            std::vector<Boundary>& boundaries, std::vector<Boundary>& scratch) {
  // Each pass sees the result of the previous one. Quotes are reattached before the quote merge:
  // otherwise `« Nous partons. » Il part.` would look like an open quote closed by the next
  // segment and be merged with it.
  reattach_closing_quotes(text, length, boundaries, scratch);
  attach_reference_marks(text, length, boundaries, scratch);
  merge_abbreviations(text, language, boundaries, scratch);
  merge_continuations(text, length, boundaries, scratch);
  merge_list_numbers(text, boundaries, scratch);
  merge_quotes(text, boundaries, scratch);
  merge_symbol_segments(text, boundaries, scratch);
}

}  // namespace precis::segment_rules
