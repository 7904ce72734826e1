"""Spoken findings while the transcript is still growing, so the first flag need not wait for it.

Whisper hands over the speech one segment at a time. After each segment, the words of the last
half minute are checked again, and a finding is given out once the segment after it has been
heard too: by then the words on both sides of it have been seen, as the final check over the
whole transcript sees them. That final check is still what the scan's result holds; these are
the same findings sooner (same ids, as the id is the text and the start).
"""

from __future__ import annotations

from app.core.detect import TextDetector
from app.core.detect.spoken_numbers import with_spoken_numbers_as_digits
from app.core.detect.spoken_places import with_places_restored
from app.core.findings.hits import speech_findings, transcript_text
from app.core.models import Finding, Word
from app.core.word_lists import WordLists

# How far back each check looks: long enough for any sentence, short enough that a long clip
# does not check its whole transcript again after every segment.
CONTEXT_S = 30.0


def spoken_findings(words: tuple[Word, ...], detector: TextDetector, lists: WordLists
                    ) -> list[Finding]:
    """The identifiers said in `words`: detected on digits ("four one five" → "415") and on
    misheard bed numbers restored ("to Mad Seven" → "to bed 7"), the words keeping their times."""
    digits = with_places_restored(with_spoken_numbers_as_digits(words))
    text, _ = transcript_text(digits)
    return speech_findings(digits, detector.detect(text, lists))


class HeardSoFar:
    """Takes each segment's words as Whisper gives them; returns the findings now sure."""

    def __init__(self, detector: TextDetector, lists: WordLists) -> None:
        self.detector = detector
        self.lists = lists
        self.words: list[Word] = []
        self.given: set[str] = set()

    def add(self, segment: list[Word]) -> list[Finding]:
        if not segment:
            return []
        boundary = segment[0].start_s  # where the newest segment starts
        self.words += segment
        window_start = boundary - CONTEXT_S
        recent = tuple(w for w in self.words if w.start_s >= window_start)
        cut = window_start > 0  # the window starts mid-transcript: its first words lack context
        found = spoken_findings(recent, self.detector, self.lists)
        sure = [f for f in found if f.end_s < boundary and f.id not in self.given
                and not (cut and f.start_s < window_start + CONTEXT_S / 3)]
        self.given.update(f.id for f in sure)
        return sure
