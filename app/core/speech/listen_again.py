"""The picture helps the ear: names read on screen are listened for again where speech was unsure.

A name said once is often misheard by Whisper base ("Kwame Mensah" → "Quame Mancer"), and a
misheard name is no name to the detector. The names the picture stage read on screen are what
the speaker is likely to say. So, once both stages are done, each stretch of the transcript
whose words were heard with low confidence *and* sound like a word of a name on screen
(`sounds_near`) is transcribed again with those names as hot words (as the deny list is, see
transcribe.hot_words); a name then heard there is flagged as said.

A hot word can make Whisper write a word that was never said. Two checks keep the hint from
making a name "heard": only stretches that already sound like the name are listened to again
(an on-screen name never said has no such stretch), and the name heard again must stand where
the unsure words were, not elsewhere in the re-heard stretch.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from app.core.detect.fuzzy_match import edit_distance, find_tolerant, sound_key
from app.core.detect.lexicon import is_ordinary
from app.core.findings.hits import speech_findings, transcript_text
from app.core.models import Category, Finding, Source, TextSpan, Word
from app.core.speech.transcribe import Transcriber
from app.core.timecode import joined

UNSURE = 0.7  # a word heard with less probability than this may be misheard
PAD_S = 1.0  # audio listened to again either side of the unsure words
MAX_STRETCHES = 4  # at most this many stretches per clip (under a second of CPU each)
MAX_WORDS = 3  # a name is heard as at most this many wrong words ("O 'Conquo", "she won't")


def screen_names(findings: Iterable[Finding]) -> tuple[str, ...]:
    """The names read on screen, each once, longest first (the hot words' order)."""
    names = {" ".join(f.text.split()): None for f in findings
             if f.source is Source.SCREEN and f.category is Category.NAME}
    return tuple(sorted(names, key=len, reverse=True))


def _name_words(names: tuple[str, ...]) -> set[str]:
    """The words of the names that can be told by ear: 4 letters or more, not ordinary words."""
    return {w.strip(",.") for name in names for w in name.split()
            if len(w.strip(",.")) >= 4 and not is_ordinary(w.strip(",."))}


def sounds_near(heard: str, name_word: str) -> bool:
    """Whether `heard` (one to three words run together) may be `name_word` misheard: their
    consonant keys (fuzzy_match.sound_key) differ by at most half the longer one."""
    a, b = sound_key(heard), sound_key(name_word)
    if not a or not b:
        return False
    return edit_distance(a, b) <= (max(len(a), len(b)) + 1) // 2


def doubtful_stretches(words: tuple[Word, ...], names: tuple[str, ...]
                       ) -> list[tuple[float, float, str]]:
    """(start, end, name word) of each run of 1–3 unsure words that sounds like a name word
    on screen and is not already that word."""
    targets = _name_words(names)
    found: list[tuple[float, float, str]] = []
    for i in range(len(words)):
        for n in range(1, MAX_WORDS + 1):
            run = words[i: i + n]
            if len(run) < n or all(w.probability >= UNSURE for w in run):
                continue
            heard = "".join(w.text for w in run)
            for target in targets:
                if sounds_near(heard, target) and not find_tolerant(target, heard):
                    found.append((run[0].start_s, run[-1].end_s, target))
    return found[:MAX_STRETCHES * 4]


def _merged(stretches: list[tuple[float, float, str]]) -> list[tuple[float, float]]:
    """The stretches padded and joined where they overlap, at most MAX_STRETCHES."""
    return joined([(max(0.0, a - PAD_S), b + PAD_S) for a, b, _ in stretches])[:MAX_STRETCHES]


def heard_again(transcriber: Transcriber, audio: np.ndarray, words: tuple[Word, ...],
                names: tuple[str, ...]) -> list[Finding]:
    """The on-screen names heard when the unsure stretches that sound like them are transcribed
    again with the names as hot words; each a spoken `name` finding timed by its words."""
    stretches = doubtful_stretches(words, names)
    found: list[Finding] = []
    for start, end in _merged(stretches):
        again = transcriber.listen_again(audio, start, end, names)
        unsure = [(a, b) for a, b, _ in stretches if start <= a and b <= end]
        found += _names_in(again, names, unsure)
    return found


def _names_in(words: tuple[Word, ...], names: tuple[str, ...],
              unsure: list[tuple[float, float]]) -> list[Finding]:
    """Spoken findings for the on-screen names (whole, or a word of them) in `words` that stand
    where the unsure words stood."""
    text, _ = transcript_text(words)
    spans: list[TextSpan] = []
    for name in names:
        for entry in (name, *_name_words((name,))):
            for a, b in find_tolerant(entry, text):
                if any(s.start < b and a < s.end for s in spans):
                    continue
                spans.append(TextSpan(
                    a, b, Category.NAME, 0.8,
                    f"heard again with the names on screen as hints, like '{name}' shown",
                    text[a:b], cites=(name,)))
    findings = speech_findings(words, sorted(spans, key=lambda s: s.start))
    return [f for f in findings
            if any(f.start_s < b + 0.3 and a - 0.3 < f.end_s for a, b in unsure)]
