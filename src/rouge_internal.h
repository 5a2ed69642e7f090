// Internals of the ROUGE scorer shared by its source files (src/rouge*.cc); not installed.
#pragma once

#include <string>
#include <string_view>

namespace precis::rouge_detail {

// Generated from data/rouge155/ by scripts/gen_rouge_data.sh (src/rouge_data.cc): one entry per
// line, "\n"-terminated.
extern const char* const kSmartCommonWords;
extern const char* const kWordNetExceptions[4];  // adj, adv, noun, verb: "inflected base...\n"

// ROUGE-1.5.5's Porter stemmer on a lower-case ASCII word (no length threshold, no exceptions).
std::string porter_stem(std::string_view word);

// What ROUGE-1.5.5's -m does to one token: tokens of 3 bytes or fewer are kept, then the WordNet
// exception list, then porter_stem.
std::string rouge155_stem(std::string_view token);

// True when `token` is in the SMART list behind -s.
bool is_smart_stopword(std::string_view token);

}  // namespace precis::rouge_detail
