// Subtitle files (SubRip .srt, WebVTT .vtt): the text of their cues, without the numbers, the
// timings and the markup, as running text. A news video's subtitles cut its sentences into cues
// of one or two short lines ("Le village de Sérencier s'est vidé" / "de ses habitants en
// quelques heures."); read line by line, each cue's first line looks like a heading and the
// sentence is lost in halves.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "mapped_text.h"

namespace precis::subtitles {

// True when the text is a subtitle file: WebVTT's "WEBVTT" signature on its first line, or
// SubRip's first cue (a number, then a timing line "00:00:01,000 --> 00:00:04,000"; the number
// may be missing).
bool is_subtitles(std::string_view text);

// The cues' text of a subtitle file (is_subtitles), joined: the lines of a cue and consecutive
// cues with a space; a paragraph ends ("\n\n") after a cue that ends a sentence when a pause
// of kParagraphPauseMs follows or the paragraph has kParagraphWords words. Dropped: cue numbers
// and identifiers, timing lines with their settings, WebVTT's header, NOTE, STYLE and REGION
// blocks, tags (<i>, <v Speaker>, <00:00:01.000>, {\an8}), sound labels ("[Music]", "(rires)",
// "♪ … ♪"), a dialogue turn's dash, and a line the previous cue ended with (roll-up captions, as
// YouTube's automatic ones, repeat it). Entities &amp; &lt; &gt; &quot; &nbsp; are decoded.
// A space or a paragraph break put between two cues maps to the byte right after the previous
// cue's text.
MappedText cue_text(std::string_view text);

}  // namespace precis::subtitles
