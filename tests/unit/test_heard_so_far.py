"""Spoken findings made while the transcript grows agree with the check over the whole of it."""

import pytest

from app.core.detect import TextDetector
from app.core.models import Word
from app.core.speech.heard_so_far import HeardSoFar, spoken_findings
from app.core.word_lists import WordLists


@pytest.fixture(scope="module")
def detector():
    return TextDetector()


def _segment(text: str, start_s: float) -> list[Word]:
    words = text.split()
    return [Word(w, start_s + 0.4 * k, start_s + 0.4 * k + 0.3, 0.95) for k, w in enumerate(words)]


SEGMENTS = [
    "Here is what a night shift looks like for me.",
    "My patient Mr Fischer is in room twelve.",
    "I drink water every hour.",
    "Call her on 617 555 0142 if you can.",
    "Take your breaks and stretch.",
]


def _whole(detector, segments):
    """The final check the scan makes over the whole transcript."""
    return spoken_findings(tuple(w for s in segments for w in s), detector, WordLists())


def test_a_finding_is_given_once_the_next_segment_is_heard_and_matches_the_final_check(detector):
    segments = [_segment(text, 6.0 * k) for k, text in enumerate(SEGMENTS)]
    heard = HeardSoFar(detector, WordLists())
    given_after = []
    for segment in segments:
        given_after.append(heard.add(segment))
    assert given_after[0] == [] and given_after[1] == []  # Fischer's segment not yet followed
    assert {f.text for f in given_after[2]} >= {"Mr Fischer"}
    early = [f for batch in given_after for f in batch]
    final = _whole(detector, segments)
    assert {f.id for f in early} <= {f.id for f in final}
    # everything that ended before the last segment started was given early, and only once
    assert {f.id for f in final if f.end_s < segments[-1][0].start_s} == {f.id for f in early}
    assert len(early) == len({f.id for f in early})
    assert any(f.category.value == "phone" for f in early)


def test_ordinary_speech_gives_nothing_early(detector):
    heard = HeardSoFar(detector, WordLists())
    for k, text in enumerate(["Drink water every hour.", "Stretch on your break.",
                              "Sleep before nine.", "See you next week."]):
        assert heard.add(_segment(text, 5.0 * k)) == []


def test_a_long_transcript_is_checked_over_a_window_not_from_the_start(detector):
    heard = HeardSoFar(detector, WordLists())
    checked = []
    heard.detector = type("Spy", (), {"detect": lambda self, text, lists: checked.append(text)
                                      or detector.detect(text, lists)})()
    for k in range(40):
        heard.add(_segment("Wash your hands before and after.", 5.0 * k))
    assert len(checked[-1]) < len(" ".join(["Wash your hands before and after."] * 10))
