// The languages precis knows how to segment, stem and filter.
#pragma once

#include <string>
#include <string_view>

namespace precis {

enum class Language { French, English };

// "fr" or "en".
std::string_view language_code(Language language);

// Accepts "fr", "en" (and "french", "english", case-insensitive); throws Error::usage otherwise.
Language parse_language(std::string_view code);

}  // namespace precis
