#include "subtitles.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "precis/clean.h"
#include "precis/document.h"
#include "precis/reader.h"
#include "precis/segment.h"

using precis::subtitles::cue_text;
using precis::subtitles::is_subtitles;

namespace {

const std::string kSubRip =
    "1\r\n"
    "00:00:00,500 --> 00:00:03,200\r\n"
    "Le village de Sérencier s'est vidé\r\n"
    "de ses habitants en quelques heures.\r\n"
    "\r\n"
    "2\r\n"
    "00:00:03,400 --> 00:00:07,100\r\n"
    "Jeudi vers 16 heures, les derniers\r\n"
    "\r\n"
    "3\r\n"
    "00:00:07,300 --> 00:00:11,000\r\n"
    "bus postaux ont quitté <i>la place</i> de l'église.\r\n"
    "\r\n"
    "4\r\n"
    "00:00:11,200 --> 00:00:14,800\r\n"
    "-On ne sait pas quand ça va tomber.\r\n"
    "-Peut-être demain, peut-être dans un mois.\r\n";

// Each text byte comes from the same byte of the input.
void check_source(const std::string& input, const precis::MappedText& cues) {
  REQUIRE(cues.source.size() == cues.text.size() + 1);
  CHECK(cues.source.back() == input.size());
  for (std::size_t k = 0; k < cues.text.size(); ++k) {
    if (k > 0) CHECK(cues.source[k] >= cues.source[k - 1]);
    const char c = cues.text[k];
    if (c != ' ' && c != '\n') CHECK(input[cues.source[k]] == c);
  }
}

}  // namespace

TEST_CASE("subtitles: SubRip and WebVTT are known by their content", "[subtitles]") {
  CHECK(is_subtitles(kSubRip));
  CHECK(is_subtitles("\n\n12\n00:01:02.345 --> 00:01:04.000\nText\n"));
  CHECK(is_subtitles("00:00:01,000 --> 00:00:02,000\nA cue without its number.\n"));
  CHECK(is_subtitles("WEBVTT\n\n00:01.000 --> 00:04.000\nHello.\n"));
  CHECK(is_subtitles("WEBVTT - a title\n"));
  CHECK_FALSE(is_subtitles("WEBVTTX\n"));
  CHECK_FALSE(is_subtitles("1\nLe village de Sérencier s'est vidé.\n"));
  CHECK_FALSE(is_subtitles("Le match commence à 20:45 --> suivez-le en direct.\n"));
  CHECK_FALSE(is_subtitles("2024\n\nThe year began with a storm.\n"));
  CHECK_FALSE(is_subtitles(""));
}

TEST_CASE("subtitles: the cues' text runs on, without numbers, timings and markup", "[subtitles]") {
  const precis::MappedText cues = cue_text(kSubRip);
  CHECK(cues.text ==
        "Le village de Sérencier s'est vidé de ses habitants en quelques heures. Jeudi vers 16 "
        "heures, les derniers bus postaux ont quitté la place de l'église. On ne sait pas quand "
        "ça va tomber. Peut-être demain, peut-être dans un mois.");
  check_source(kSubRip, cues);
}

TEST_CASE("subtitles: WebVTT's blocks, tags, entities, sound labels and roll-up captions",
          "[subtitles]") {
  const std::string input =
      "WEBVTT\nKind: captions\nLanguage: en\n\n"
      "NOTE produced by\nthe station\n\n"
      "STYLE\n::cue { color: yellow }\n\n"
      "intro\n00:00.500 --> 00:03.200 align:start position:0%\n"
      "<v Anchor>Fire crews are still\n\n"
      "00:03.400 --> 00:07.100\n"
      "battling a blaze at the {\\an8}<i>Harmon</i> grain elevator.\n\n"
      "00:07.300 --> 00:08.000\n[Sirens]\n\n"
      "00:08.200 --> 00:13.000\n"
      "Three workers died &amp; eleven were hurt [crowd noise] tonight.\n\n"
      "00:13.000 --> 00:13.010\n"
      "Three workers died &amp; eleven were hurt [crowd noise] tonight.\n"
      "The sheriff<00:00:13.500><c> spoke</c> at nine.\n\n"
      "00:19.500 --> 00:22.000\n\u266A Music plays \u266A\n\n"
      "00:22.000 --> 00:24.000\n>> Reporter: Back to you.\n";
  const precis::MappedText cues = cue_text(input);
  // A pause of 6.5 s after a sentence's end (00:13.010 to 00:19.500) ends the paragraph.
  CHECK(cues.text ==
        "Fire crews are still battling a blaze at the Harmon grain elevator. Three workers died & "
        "eleven were hurt tonight. The sheriff spoke at nine.\n\nReporter: Back to you.");
  check_source(input, cues);
}

TEST_CASE("subtitles: a long speech is cut into paragraphs at sentence ends", "[subtitles]") {
  const auto seconds = [](int s) {
    std::string two_digits = s < 10 ? "0" : "";
    return two_digits += std::to_string(s);
  };
  // Ten words, and no cue the same as the one before (that would be a roll-up caption's).
  const auto sentence = [](int k) {
    std::string text = "The council met again on day ";
    text += static_cast<char>('A' + k);
    return text += " to discuss the plan.";
  };
  std::string input;
  for (int k = 0; k < 20; ++k) {  // cues of 1.9 s, 0.1 s apart
    input += std::to_string(k + 1) + "\n00:00:" + seconds(k * 2) +
             ",000 --> 00:00:" + seconds(k * 2 + 1) + ",900\n" + sentence(k) + "\n\n";
  }
  const std::string text = cue_text(input).text;
  // Eight sentences of ten words make a paragraph of 80; the ninth opens the next.
  const std::size_t first_break = text.find("\n\n");
  REQUIRE(first_break != std::string::npos);
  CHECK(first_break == 8 * sentence(0).size() + 7);
  CHECK(text.find("\n\n", first_break + 2) == first_break + 2 + 8 * sentence(0).size() + 7);
}

TEST_CASE("subtitles: read as documents, sentences over two cues map to the file", "[subtitles]") {
  std::string bytes = kSubRip;
  precis::Document document;
  std::vector<std::string> warnings;
  REQUIRE(precis::decode_document("clip.srt", bytes, document, warnings));
  CHECK(warnings.empty());
  const auto cleaned = precis::clean(std::vector<precis::Document>{document});
  const precis::Segmenter segmenter({precis::Language::French});
  const auto sentences = segmenter.split(document, cleaned.at(0), 0);
  std::vector<std::string> texts;
  for (const auto& sentence : sentences) texts.push_back(sentence.text);
  CHECK(texts == std::vector<std::string>{
                     "Le village de Sérencier s'est vidé de ses habitants en quelques heures.",
                     "Jeudi vers 16 heures, les derniers bus postaux ont quitté la place de "
                     "l'église.",
                     "On ne sait pas quand ça va tomber.",
                     "Peut-être demain, peut-être dans un mois."});
  // The second sentence runs from its first word in cue 2 to its last in cue 3.
  const std::size_t from = document.original_offset(sentences.at(1).span.begin);
  const std::size_t to = document.original_offset(sentences.at(1).span.end);
  CHECK(bytes.substr(from, to - from) ==
        "Jeudi vers 16 heures, les derniers\r\n\r\n3\r\n00:00:07,300 --> 00:00:11,000\r\nbus "
        "postaux ont quitté <i>la place</i> de l'église.");

  // Converted from Latin-1, the offsets still point into the file's bytes.
  std::string latin1;
  for (std::size_t k = 0; k < kSubRip.size(); ++k) {
    const unsigned char c = static_cast<unsigned char>(kSubRip[k]);
    if (c == 0xC3) {
      latin1.push_back(static_cast<char>(static_cast<unsigned char>(kSubRip[++k]) + 0x40));
    } else {
      latin1.push_back(static_cast<char>(c));
    }
  }
  precis::Document converted;
  REQUIRE(precis::decode_document("clip.srt", latin1, converted, warnings));
  CHECK(converted.text == document.text);
  const std::size_t e_acute = converted.text.find("Sérencier") + 1;
  CHECK(latin1.substr(converted.original_offset(e_acute), 1) == "\xE9");
  CHECK(converted.original_offset(converted.text.size()) == latin1.size());
}
