// Tokenizer: ICU word boundaries → lower case → elision split → stopwords → Snowball stem →
// accent folding (ALGORITHMS.md §3.2–3.3). Hot path notes: the text is converted to UTF-16 once
// per chunk into a reused buffer; the word boundaries of plain Latin text come from an exact
// shortcut of ICU's rules (word_breaks.h); and what each distinct word becomes (its term and the
// term's id in the caller's TermVocabulary, or nothing for a stopword) is cached per Tokenizer
// because the vocabulary is Zipfian, so most words cost one hash lookup once found.
#include "precis/tokenize.h"

#include <libstemmer.h>
#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "fnv.h"
#include "precis/error.h"
#include "stopwords.h"
#include "word_breaks.h"

namespace precis {
namespace {

// The text is tokenized in chunks cut after a newline or a space, so the UTF-16 buffer stays
// small (cache-friendly) and ICU's int32_t offsets never overflow on huge inputs. Words never
// span whitespace, so the cut never changes the tokens.
constexpr std::size_t kChunkBytes = 64 * 1024;

// Bound of the term cache (at most 12 MB: 8 MB of slots, the rest entries and text); when full it
// is simply cleared (the Zipfian head refills at once).
constexpr std::size_t kMaxCachedTerms = 100'000;

// A sentence reads as the other language with at least this many of its stopwords, and more
// than twice as many as its own language's: "Félicitations à Daniel Kiprono (KEN, 2:07:48, record
// du parcours) et à …" has 6 in an English release, while "Le film « The Lord of the Rings »
// sort en salle le 19 décembre" has 3 English ones against 3 French.
constexpr std::size_t kMinOtherLanguageStopwords = 4;

// detect_language looks at this many words at most (speed), taken from this many bytes.
constexpr std::size_t kDetectWords = 2000;
constexpr std::size_t kDetectBytes = 24 * 1024;

// Lucene FrenchAnalyzer.DEFAULT_ARTICLES (ALGORITHMS.md §3.2): the elided words stripped when
// followed by an apostrophe. `aujourd'hui` and `prud'homme` stay whole because their prefixes
// are not in the set.
constexpr std::string_view kFrenchElisions[] = {"l", "m", "t",     "qu",     "n",      "s",     "j",
                                                "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"};

bool is_french_elision(std::string_view prefix) {
  if (prefix.size() > 7) return false;
  for (std::string_view article : kFrenchElisions) {
    if (prefix == article) return true;
  }
  return false;
}

WordKind word_kind(int32_t status) {
  if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) return WordKind::Number;
  if (status >= UBRK_WORD_LETTER && status < UBRK_WORD_IDEO_LIMIT) return WordKind::Letters;
  return WordKind::None;
}

// One prototype word iterator per language, cloned per user: createWordInstance costs ~50 µs,
// clone ~0.14 µs (§3.1). Initialised once, thread-safely (function-local statics).
const icu::BreakIterator& word_prototype(Language language) {
  const auto make = [](const char* locale) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> bi(
        icu::BreakIterator::createWordInstance(icu::Locale(locale), status));
    if (U_FAILURE(status) || !bi) {
      throw Error("cannot create the ICU word break iterator: " + std::string(u_errorName(status)));
    }
    return bi;
  };
  static const std::unique_ptr<icu::BreakIterator> french = make("fr");
  static const std::unique_ptr<icu::BreakIterator> english = make("en");
  return language == Language::French ? *french : *english;
}

void append_utf8(std::string& out, UChar32 cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Where to end the chunk that starts at `begin`: after the last newline (else space) within
// kChunkBytes, else at a UTF-8 lead byte.
std::size_t chunk_end(std::string_view text, std::size_t begin) {
  if (text.size() - begin <= kChunkBytes) return text.size();
  const std::size_t limit = begin + kChunkBytes;
  const std::string_view window = text.substr(begin, kChunkBytes);
  std::size_t cut = window.rfind('\n');
  if (cut == std::string_view::npos || cut < kChunkBytes / 2) cut = window.rfind(' ');
  if (cut != std::string_view::npos && cut >= kChunkBytes / 2) return begin + cut + 1;
  std::size_t end = limit;
  while (end > begin && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end > begin ? end : limit;
}

// Walks the ICU words of UTF-8 text, reusing its iterator and UTF-16 buffer across calls; chunks
// in the Latin set of word_breaks.h take the exact shortcut instead of the iterator.
class WordScanner {
 public:
  explicit WordScanner(Language language, WordPath path = WordPath::Latin) : path_(path) {
    // ICU documents const methods as thread-safe; the lock costs nothing at one clone per
    // Tokenizer and keeps concurrent construction safe whatever clone() touches internally.
    static std::mutex clone_mutex;
    {
      const std::lock_guard<std::mutex> lock(clone_mutex);
      bi_.reset(word_prototype(language).clone());
    }
    if (!bi_) throw Error("cannot clone the ICU word break iterator");
  }
  ~WordScanner() { utext_close(&utext_); }
  WordScanner(const WordScanner&) = delete;
  WordScanner& operator=(const WordScanner&) = delete;

  // Whether a chunk had to go to ICU since construction (with WordPath::Latin).
  bool used_icu() const { return used_icu_; }

  // Calls visit(kind, const UChar* word, int32_t length) for each word (letters or number);
  // visit returns false to stop early.
  template <typename Visit>
  void scan(std::string_view text, Visit&& visit) {
    for (std::size_t begin = 0; begin < text.size();) {
      const std::size_t end = chunk_end(text, begin);
      if (!scan_chunk(text.substr(begin, end - begin), visit)) return;
      begin = end;
    }
  }

 private:
  template <typename Visit>
  bool scan_chunk(std::string_view chunk, Visit& visit) {
    // UTF-16 never needs more code units than UTF-8 has bytes.
    if (buffer_.size() < chunk.size() + 1) buffer_.resize(chunk.size() + 1);
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = 0;
    u_strFromUTF8WithSub(buffer_.data(), static_cast<int32_t>(buffer_.size()), &length,
                         chunk.data(), static_cast<int32_t>(chunk.size()), 0xFFFD, nullptr,
                         &status);
    if (U_FAILURE(status))
      throw Error("UTF-8 conversion failed: " + std::string(u_errorName(status)));
    if (path_ == WordPath::Latin) {
      if (latin_words::handled(buffer_.data(), static_cast<std::size_t>(length))) {
        return latin_words::scan(buffer_.data(), static_cast<std::size_t>(length),
                                 [&](WordKind kind, const UChar* word, std::size_t n) {
                                   return visit(kind, word, static_cast<int32_t>(n));
                                 });
      }
      used_icu_ = true;
    }
    utext_openUChars(&utext_, buffer_.data(), length, &status);
    bi_->setText(&utext_, status);
    if (U_FAILURE(status)) throw Error("ICU setText failed: " + std::string(u_errorName(status)));
    int32_t start = bi_->first();
    for (int32_t end = bi_->next(); end != icu::BreakIterator::DONE;
         start = end, end = bi_->next()) {
      const WordKind kind = word_kind(bi_->getRuleStatus());
      if (kind == WordKind::None) continue;
      if (!visit(kind, buffer_.data() + start, end - start)) return false;
    }
    return true;
  }

  std::unique_ptr<icu::BreakIterator> bi_;
  std::vector<UChar> buffer_;
  UText utext_ = UTEXT_INITIALIZER;
  WordPath path_;
  bool used_icu_ = false;
};

// Lower-cases a UTF-16 word into UTF-8 `out` (ICU simple case mapping, locale-independent),
// maps ’ (U+2019) and ʼ (U+02BC) to ', and drops format characters (soft hyphen, ZWJ, …) that
// ICU keeps inside words. Returns true when the word carried combining marks, i.e. needs NFC.
bool lower_utf8(const UChar* word, int32_t length, std::string& out) {
  out.clear();
  bool has_marks = false;
  for (int32_t i = 0; i < length;) {
    const UChar c = word[i];
    if (c < 0x80) {
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
      ++i;
      continue;
    }
    UChar32 cp;
    U16_NEXT(word, i, length, cp);
    if (cp == 0x2019 || cp == 0x02BC) {
      out.push_back('\'');
      continue;
    }
    if (cp >= 0x300 && cp < 0x370) has_marks = true;
    if (u_charType(cp) == U_FORMAT_CHAR) continue;
    append_utf8(out, u_tolower(cp));
  }
  return has_marks;
}

// Decomposed input ("e" + U+0301) would miss the stopword list and split stems: compose it.
void compose_nfc(std::string& word, std::string& scratch) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return;
  scratch.clear();
  icu::StringByteSink<std::string> sink(&scratch);
  nfc->normalizeUTF8(0, icu::StringPiece(word.data(), static_cast<int32_t>(word.size())), sink,
                     nullptr, status);
  if (U_SUCCESS(status)) word.swap(scratch);
}

// Splits the elision or possessive off a lower-cased word (apostrophes already U+0027) and
// returns the part to index: French `l'homme` → `homme`, `jusqu'à` → `à`; both languages
// `trump's` → `trump` (English possessive; in French text it only occurs on English names).
// English contractions (`don't`, `i'm`) stay whole: the English list has them.
// `elided` (optional) tells whether a French elision was split off.
std::string_view strip_apostrophe(std::string_view word, Language language,
                                  bool* elided = nullptr) {
  if (elided) *elided = false;
  const std::size_t quote = word.find('\'');
  if (quote == std::string_view::npos) return word;
  if (language == Language::French && quote + 1 < word.size() &&
      is_french_elision(word.substr(0, quote))) {
    word.remove_prefix(quote + 1);
    if (elided) *elided = true;
    // "qu'aujourd'hui" → "aujourd'hui"; a possessive may still follow.
  }
  if (word.size() > 2 && word.ends_with("'s")) word.remove_suffix(2);
  return word;
}

// detect_language needs a statistic, not exact UAX #29 boundaries, and runs once per document:
// instead of a second word BreakIterator pass (~95 MB/s, about as slow as tokenizing), words
// here are runs of letters (u_isalpha) joined by apostrophes (' ’ ʼ) and combining marks,
// lower-cased on the fly into UTF-8 with ’ and ʼ mapped to '. Calls visit(word) until it
// returns false. A multi-byte character cut at the end of `text` is dropped.
template <typename Visit>
void scan_letter_runs(std::string_view text, Visit&& visit) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  std::string word;
  bool pending_apostrophe = false;  // an apostrophe after letters, kept if a letter follows
  const auto flush = [&] {
    pending_apostrophe = false;
    if (word.empty()) return true;
    const bool more = visit(std::string_view(word));
    word.clear();
    return more;
  };
  for (int32_t i = 0; i < n;) {
    UChar32 cp = s[i];
    if (cp < 0x80) {
      ++i;
      if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
        if (pending_apostrophe) word.push_back('\'');
        pending_apostrophe = false;
        word.push_back(static_cast<char>(cp | 0x20));
        continue;
      }
      if (cp == '\'' && !word.empty() && !pending_apostrophe) {
        pending_apostrophe = true;
        continue;
      }
      if (!flush()) return;
      continue;
    }
    U8_NEXT(s, i, n, cp);
    if (cp == 0x2019 || cp == 0x02BC) {
      if (word.empty() || pending_apostrophe) {
        if (!flush()) return;
      } else {
        pending_apostrophe = true;
      }
      continue;
    }
    if (cp >= 0 && (u_isalpha(cp) || (!word.empty() && u_charType(cp) == U_NON_SPACING_MARK))) {
      if (pending_apostrophe) word.push_back('\'');
      pending_apostrophe = false;
      append_utf8(word, u_tolower(cp));
      continue;
    }
    if (!flush()) return;
  }
  flush();
}

// Sentinel ids in the cache's slots (real ids stay below kFirstSentinel, see intern()).
constexpr std::uint32_t kNotIndexed = UINT32_MAX;   // a stopword, or nothing left after the elision
constexpr std::uint32_t kUnbound = UINT32_MAX - 1;  // indexed, id in the bound vocabulary unknown
constexpr std::uint32_t kFirstSentinel = UINT32_MAX - 1;

// The per-Tokenizer word → term cache. The vocabulary is Zipfian (ALGORITHMS.md §3.2): after the
// first few thousand words nearly every lookup is a hit, so the lookup is the hot path once the
// word is found. Open addressing with linear probing over a power-of-two table of 32-byte
// slots, each holding the word's hash, its length, the word itself when it is short and Latin-1
// (most words of French and English news), and its term id in the bound vocabulary: a hit costs
// one cache line. The previous layout (slot → entry → heap key) cost three dependent misses per
// word, 77% of Tokenizer::terms in perf on 3,000 OrangeSum articles. The term's text, needed only
// by terms() and to intern, sits in a side arena. Bounded: cleared when full, so a batch run over
// gigabytes of names, typos and URLs cannot grow it without limit.
class TermCache {
 public:
  static constexpr std::size_t kInlineUnits = 17;
  static constexpr std::uint8_t kNumber = 1;     // flags: an ICU number (its own key space)
  static constexpr std::uint8_t kInlineKey = 2;  // flags: the word is in `latin1`

  struct alignas(32) Slot {
    std::uint32_t hash = 0;
    std::uint32_t entry = 0;  // 1-based index into entries_; 0 = empty slot
    std::uint32_t id = kUnbound;
    std::uint16_t length = 0;  // UTF-16 code units of the word
    std::uint8_t flags = 0;
    std::uint8_t latin1[kInlineUnits] = {};
  };
  static_assert(sizeof(Slot) == 32, "a slot is half a cache line");

  // Words this long are not cached (the length field); they are computed every time.
  static bool cacheable(std::u16string_view word) { return word.size() < 0xFFFF; }

  // Numbers and letters are separate keys.
  static std::uint32_t hash(std::u16string_view word, std::uint8_t kind) {
    return static_cast<std::uint32_t>(fnv1a(word, kFnvOffsetBasis ^ kind));
  }

  // The slot of `word`, or nullptr. `kind` is 0 or kNumber.
  Slot* find(std::u16string_view word, std::uint32_t hash, std::uint8_t kind) {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.entry == 0) return nullptr;
      if (matches(slot, word, hash, kind)) return &slot;
    }
  }

  // Stores a word not in the cache with its term (`indexed` false: the word yields none); the
  // reference is valid until the next insert.
  Slot& insert(std::u16string_view word, std::uint32_t hash, std::uint8_t kind,
               std::string_view term, bool indexed) {
    if (entries_.size() >= kMaxCachedTerms) clear();
    if (2 * (entries_.size() + 1) > slots_.size()) grow();
    Slot slot;
    slot.hash = hash;
    slot.id = indexed ? kUnbound : kNotIndexed;
    slot.length = static_cast<std::uint16_t>(word.size());
    slot.flags = kind;
    Entry entry;
    if (fits_inline(word)) {
      slot.flags |= kInlineKey;
      for (std::size_t k = 0; k < word.size(); ++k)
        slot.latin1[k] = static_cast<std::uint8_t>(word[k]);
    } else {
      entry.key = keys_.size();
      keys_.append(word);
    }
    entry.term = texts_.size();
    entry.term_length = static_cast<std::uint32_t>(term.size());
    texts_.append(term);
    entries_.push_back(entry);
    slot.entry = static_cast<std::uint32_t>(entries_.size());
    return place(slot);
  }

  std::string_view term_text(const Slot& slot) const {
    const Entry& entry = entries_[slot.entry - 1];
    return std::string_view(texts_).substr(entry.term, entry.term_length);
  }

  // Forgets the ids of the bound vocabulary (another one is being used).
  void unbind() {
    for (Slot& slot : slots_) {
      if (slot.entry != 0 && slot.id != kNotIndexed) slot.id = kUnbound;
    }
  }

 private:
  struct Entry {
    std::size_t key = 0;   // offset in keys_ (words not stored inline)
    std::size_t term = 0;  // offset in texts_
    std::uint32_t term_length = 0;
  };

  static bool fits_inline(std::u16string_view word) {
    return word.size() <= kInlineUnits &&
           std::all_of(word.begin(), word.end(), [](char16_t c) { return c < 0x100; });
  }

  bool matches(const Slot& slot, std::u16string_view word, std::uint32_t hash,
               std::uint8_t kind) const {
    if (slot.hash != hash || slot.length != word.size() || (slot.flags & kNumber) != kind)
      return false;
    if (slot.flags & kInlineKey) {
      for (std::size_t k = 0; k < word.size(); ++k) {
        if (slot.latin1[k] != word[k]) return false;
      }
      return true;
    }
    return std::u16string_view(keys_).substr(entries_[slot.entry - 1].key, word.size()) == word;
  }

  void clear() {
    entries_.clear();
    keys_.clear();
    texts_.clear();
    std::fill(slots_.begin(), slots_.end(), Slot{});
  }

  void grow() {
    const std::size_t size = std::max<std::size_t>(1024, 2 * slots_.size());
    std::vector<Slot> old(size);
    old.swap(slots_);
    mask_ = size - 1;
    for (const Slot& slot : old) {
      if (slot.entry != 0) place(slot);
    }
  }

  Slot& place(const Slot& slot) {
    std::size_t i = slot.hash & mask_;
    while (slots_[i].entry != 0) i = (i + 1) & mask_;
    slots_[i] = slot;
    return slots_[i];
  }

  std::vector<Slot> slots_;
  std::vector<Entry> entries_;
  std::u16string keys_;  // words too long or not Latin-1, back to back
  std::string texts_;    // the terms, back to back
  std::size_t mask_ = 0;
};

struct StemmerDeleter {
  void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
};

// Writes the n-th output term, reusing the string already in that slot (its capacity).
std::string& next_slot(std::vector<std::string>& terms, std::size_t& n) {
  if (n == terms.size()) terms.emplace_back();
  return terms[n++];
}

// Distinguishes vocabularies (and one vocabulary before and after clear()) for the caches that
// hold their ids. Never 0, the "bound to none" of a new Tokenizer.
std::uint64_t next_vocabulary_generation() {
  static std::atomic<std::uint64_t> counter{0};
  return ++counter;
}

}  // namespace

// Open addressing over (hash, id) slots, the terms' bytes in chunks that never move (term()
// hands out views). Interning runs once per distinct word of a Tokenizer's cache and once per
// distinct term of each worker when the summarizer merges them: std::unordered_map there cost
// 2.3% of a 3,000-article run in perf (a node and a string per term, hashed out of line).
struct TermVocabulary::Impl {
  static constexpr std::size_t kChunkBytes = 64 * 1024;

  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t id = 0;  // 1-based; 0 = empty
  };

  static std::uint32_t hash(std::string_view term) {
    return static_cast<std::uint32_t>(fnv1a(term));
  }

  std::uint32_t* find(std::string_view term, std::uint32_t h) {
    if (slots.empty()) return nullptr;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& slot = slots[i];
      if (slot.id == 0) return nullptr;
      if (slot.hash == h && terms[slot.id - 1] == term) return &slot.id;
    }
  }

  std::uint32_t add(std::string_view term, std::uint32_t h) {
    if (terms.size() >= kFirstSentinel) throw Error("too many distinct terms");
    if (2 * (terms.size() + 1) > slots.size()) grow();
    terms.push_back(store(term));
    const auto id = static_cast<std::uint32_t>(terms.size());
    place(Slot{h, id});
    return id - 1;
  }

  std::string_view store(std::string_view term) {
    if (term.size() > kChunkBytes - chunk_used) {
      chunks.push_back(std::make_unique<char[]>(std::max(kChunkBytes, term.size())));
      chunk_used = 0;
    }
    char* out = chunks.back().get() + chunk_used;
    std::copy(term.begin(), term.end(), out);
    chunk_used += term.size();
    return std::string_view(out, term.size());
  }

  void grow() {
    const std::size_t size = std::max<std::size_t>(1024, 2 * slots.size());
    std::vector<Slot> old(size);
    old.swap(slots);
    mask = size - 1;
    for (const Slot& slot : old) {
      if (slot.id != 0) place(slot);
    }
  }

  void place(Slot slot) {
    std::size_t i = slot.hash & mask;
    while (slots[i].id != 0) i = (i + 1) & mask;
    slots[i] = slot;
  }

  std::vector<std::string_view> terms;  // by id, into chunks
  std::vector<std::unique_ptr<char[]>> chunks;
  std::size_t chunk_used = kChunkBytes;  // a chunk is started at the first term
  std::vector<Slot> slots;
  std::size_t mask = 0;
  std::uint64_t generation = next_vocabulary_generation();
};

TermVocabulary::TermVocabulary() : impl_(std::make_unique<Impl>()) {}
TermVocabulary::~TermVocabulary() = default;
TermVocabulary::TermVocabulary(TermVocabulary&&) noexcept = default;
TermVocabulary& TermVocabulary::operator=(TermVocabulary&&) noexcept = default;

std::uint32_t TermVocabulary::intern(std::string_view term) {
  Impl& impl = *impl_;
  const std::uint32_t h = Impl::hash(term);
  if (const std::uint32_t* id = impl.find(term, h)) return *id - 1;
  return impl.add(term, h);
}

std::string_view TermVocabulary::term(std::uint32_t id) const {
  return impl_->terms.at(id);
}

std::size_t TermVocabulary::size() const {
  return impl_->terms.size();
}

void TermVocabulary::clear() {
  *impl_ = Impl();  // with a new generation
}

struct Tokenizer::Impl {
  explicit Impl(const TokenizeOptions& opts) : options(opts), scanner(opts.language) {
    if (options.stem) {
      stemmer.reset(
          sb_stemmer_new(options.language == Language::French ? "french" : "english", "UTF_8"));
      if (!stemmer) throw Error("cannot create the Snowball stemmer (libstemmer)");
    }
  }

  // The cache slot of a word, found or computed (see compute_term) and added; nullptr for a word
  // too long to cache, whose term is then in `term` (when `indexed`).
  TermCache::Slot* slot_of(WordKind kind, const UChar* raw, int32_t length, bool& indexed) {
    const std::u16string_view key(raw, static_cast<std::size_t>(length));
    const std::uint8_t flags = kind == WordKind::Number ? TermCache::kNumber : 0;
    if (!TermCache::cacheable(key)) {
      indexed = compute_term(kind, raw, length, term);
      return nullptr;
    }
    const std::uint32_t hash = TermCache::hash(key, flags);
    if (TermCache::Slot* cached = cache.find(key, hash, flags)) return cached;
    const bool yields = compute_term(kind, raw, length, term);
    return &cache.insert(key, hash, flags, yields ? std::string_view(term) : std::string_view(),
                         yields);
  }

  // What the word becomes (lower case, NFC, elision split, stopword check, stem, fold) in `out`;
  // false when it yields no index term. Numbers are only lower-cased: digits matter (dates,
  // counts, "66,9 milliards") and are neither stemmed nor folded.
  bool compute_term(WordKind kind, const UChar* raw, int32_t length, std::string& out) {
    if (kind == WordKind::Number) {
      lower_utf8(raw, length, out);
      return true;
    }
    if (lower_utf8(raw, length, word)) compose_nfc(word, scratch);
    // The elided article is dropped whatever the options (Lucene's ElisionFilter does the
    // same): it is a clitic of the word, not a word the reader sees.
    const std::string_view stripped = strip_apostrophe(word, options.language);
    const bool indexed = !stripped.empty() && !(options.remove_stopwords &&
                                                stopwords::contains(stripped, options.language));
    if (indexed) index_term(stripped, out);
    return indexed;
  }

  // The index term of one lower-cased, elision-split word: stemmed, then folded.
  void index_term(std::string_view stripped, std::string& out) {
    std::string_view stemmed = stripped;
    if (options.stem) {
      const sb_symbol* s =
          sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(stripped.data()),
                          static_cast<int>(stripped.size()));
      if (!s) throw Error("Snowball stemmer out of memory");
      stemmed = std::string_view(reinterpret_cast<const char*>(s),
                                 static_cast<std::size_t>(sb_stemmer_length(stemmer.get())));
    }
    if (options.fold_accents) {
      fold_accents(stemmed, out);
    } else {
      out.assign(stemmed);
    }
  }

  TokenizeOptions options;
  WordScanner scanner;
  std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer;
  TermCache cache;
  std::uint64_t bound_generation = 0;  // the vocabulary whose ids the cache holds; 0 = none
  std::string word;                    // the current word, lower-cased (reused)
  std::string scratch;                 // NFC output (reused)
  std::string term;                    // the current word's term (reused)
};

Tokenizer::Tokenizer(const TokenizeOptions& options) : impl_(std::make_unique<Impl>(options)) {}
Tokenizer::~Tokenizer() = default;
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;

const TokenizeOptions& Tokenizer::options() const {
  return impl_->options;
}

void Tokenizer::terms(std::string_view text, std::vector<std::string>& terms) {
  Impl& impl = *impl_;
  std::size_t n = 0;
  impl.scanner.scan(text, [&](WordKind kind, const UChar* word, int32_t length) {
    bool indexed = false;
    if (const TermCache::Slot* slot = impl.slot_of(kind, word, length, indexed)) {
      if (slot->id != kNotIndexed) next_slot(terms, n).assign(impl.cache.term_text(*slot));
    } else if (indexed) {
      next_slot(terms, n).assign(impl.term);
    }
    return true;
  });
  terms.resize(n);
}

std::vector<std::string> Tokenizer::terms(std::string_view text) {
  std::vector<std::string> result;
  terms(text, result);
  return result;
}

void Tokenizer::term_ids(std::string_view text, TermVocabulary& vocabulary,
                         std::vector<std::uint32_t>& ids) {
  Impl& impl = *impl_;
  if (vocabulary.impl_->generation != impl.bound_generation) {
    impl.cache.unbind();
    impl.bound_generation = vocabulary.impl_->generation;
  }
  ids.clear();
  impl.scanner.scan(text, [&](WordKind kind, const UChar* word, int32_t length) {
    bool indexed = false;
    if (TermCache::Slot* slot = impl.slot_of(kind, word, length, indexed)) {
      if (slot->id == kUnbound) slot->id = vocabulary.intern(impl.cache.term_text(*slot));
      if (slot->id != kNotIndexed) ids.push_back(slot->id);
    } else if (indexed) {
      ids.push_back(vocabulary.intern(impl.term));
    }
    return true;
  });
}

std::size_t Tokenizer::count_words(std::string_view text) {
  std::size_t count = 0;
  impl_->scanner.scan(text, [&](WordKind, const UChar*, int32_t) {
    ++count;
    return true;
  });
  return count;
}

bool is_stopword(std::string_view lowercase_word, Language language) {
  // Accept the typographic apostrophes too, as the tokenizer maps them before looking up.
  if (lowercase_word.find("\u2019") == std::string_view::npos &&
      lowercase_word.find("\u02BC") == std::string_view::npos) {
    return stopwords::contains(lowercase_word, language);
  }
  std::string normalized;
  for (std::size_t i = 0; i < lowercase_word.size();) {
    const std::string_view rest = lowercase_word.substr(i);
    if (rest.starts_with("\u2019") || rest.starts_with("\u02BC")) {
      normalized.push_back('\'');
      i += rest.starts_with("\u2019") ? 3 : 2;
    } else {
      normalized.push_back(lowercase_word[i++]);
    }
  }
  return stopwords::contains(normalized, language);
}

std::vector<std::pair<std::u16string, WordKind>> scanned_words(std::string_view text,
                                                               Language language, WordPath path,
                                                               bool* handled) {
  WordScanner scanner(language, path);
  std::vector<std::pair<std::u16string, WordKind>> words;
  scanner.scan(text, [&](WordKind kind, const UChar* word, int32_t length) {
    words.emplace_back(std::u16string(word, static_cast<std::size_t>(length)), kind);
    return true;
  });
  if (handled) *handled = !scanner.used_icu();
  return words;
}

double stopword_share(std::string_view text, Language language) {
  std::size_t words = 0, stopwords = 0;
  scan_letter_runs(text, [&](std::string_view word) {
    ++words;
    // Elided articles (l', qu') count as stopwords, as the tokenizer strips them.
    bool elided = false;
    const std::string_view stripped = strip_apostrophe(word, language, &elided);
    // `stripped` is a view into `word`: the same size means the same word, looked up once.
    if (elided || stopwords::contains(stripped, language) ||
        (stripped.size() != word.size() && stopwords::contains(word, language)))
      ++stopwords;
    return true;
  });
  // Runs of letters averaging over 20 bytes: a script written without spaces (Chinese,
  // Japanese, Thai), which no French or English list fits.
  if (text.size() >= 200 && words * 20 < text.size()) return 0.0;
  return words < 40 ? -1.0 : static_cast<double>(stopwords) / static_cast<double>(words);
}

LanguageEvidence language_evidence(std::string_view text, std::size_t max_words) {
  // Counting words that are stopwords in only one of the two lists: shared ones ("a", "as",
  // "on", "me") say nothing. A French elision (l', d', qu') is French evidence by itself.
  LanguageEvidence evidence;
  std::size_t words = 0;
  scan_letter_runs(text, [&](std::string_view word) {
    // A letter alone is more often an initial ("D-N.Y.", "J. R. R.") than the French "y" or an
    // elision's letter, which comes with its apostrophe ("d'", "l'").
    if (word.size() == 1) return max_words == 0 || ++words < max_words;
    bool elided = false;
    const std::string_view stripped = strip_apostrophe(word, Language::French, &elided);
    if (elided) ++evidence.french;
    const bool fr = stopwords::contains(stripped, Language::French);
    const bool en = stopwords::contains(word, Language::English) ||
                    stopwords::contains(stripped, Language::English);
    if (fr && !en) ++evidence.french;
    if (en && !fr) ++evidence.english;
    return max_words == 0 || ++words < max_words;
  });
  return evidence;
}

Language detect_language(std::string_view text) {
  const LanguageEvidence evidence =
      language_evidence(text.substr(0, std::min(text.size(), kDetectBytes)), kDetectWords);
  // English only when clearly so: French is the project's default (short or mixed text, titles).
  return evidence.english >= 2 && evidence.english > 2 * evidence.french ? Language::English
                                                                         : Language::French;
}

bool reads_as_other_language(std::string_view sentence, Language language) {
  const LanguageEvidence evidence = language_evidence(sentence);
  const std::size_t own = language == Language::French ? evidence.french : evidence.english;
  const std::size_t other = language == Language::French ? evidence.english : evidence.french;
  return other >= kMinOtherLanguageStopwords && other > 2 * own;
}

}  // namespace precis
