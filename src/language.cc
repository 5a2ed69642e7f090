#include "precis/language.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "precis/error.h"

namespace precis {

std::string_view language_code(Language language) {
  return language == Language::French ? "fr" : "en";
}

Language parse_language(std::string_view code) {
  std::string lower(code);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "fr" || lower == "french" || lower == "fra" || lower == "fre")
    return Language::French;
  if (lower == "en" || lower == "english" || lower == "eng") return Language::English;
  throw Error::usage("unknown language '" + std::string(code) + "' (expected fr or en)");
}

}  // namespace precis
