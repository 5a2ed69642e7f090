// The hash of the project's open-addressing tables (stopwords, the tokenizer's term cache, term
// vocabularies): FNV-1a over code units, inlined because the keys are short words.
#pragma once

#include <cstdint>
#include <string_view>
#include <type_traits>

namespace precis {

inline constexpr std::uint64_t kFnvOffsetBasis = 0xcbf29ce484222325ULL;
inline constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

// FNV-1a from `seed`, with the high bits folded into the low ones that index the tables.
template <typename Unit>
std::uint64_t fnv1a(std::basic_string_view<Unit> units, std::uint64_t seed = kFnvOffsetBasis) {
  std::uint64_t h = seed;
  for (Unit c : units) h = (h ^ static_cast<std::make_unsigned_t<Unit>>(c)) * kFnvPrime;
  return h ^ (h >> 29);
}

}  // namespace precis
