"""One item per identifier (issue 30, item 2), on a real scan: a name on screen and the same
name said are one item, decided once; another name said and another on screen stay items of
their own. Real PP-OCR, Whisper and espeak-ng speech.

The clip: tests/conftest.py's said_and_shown_clip."""

import json
import re

import pytest

from app.core.findings.combination import flags
from app.core.models import Category, Source
from app.core.pipeline import analyze, run
from app.core.review.decisions import Decision
from app.core.review.report import write_report
from app.core.review.session import ReviewSession
from app.core.timecode import format_time
from tests.integration.test_report import pdf_text

pytestmark = pytest.mark.models


@pytest.fixture(scope="session")
def said_and_shown(said_and_shown_clip, engines):
    return run(analyze(said_and_shown_clip.path, engines=engines))


def names(result, word, source):
    return [f for f in result.findings if f.category is Category.NAME
            and f.source is source and word in f.text.lower()]


def test_a_name_said_and_the_same_name_on_screen_are_one_item(said_and_shown):
    result = said_and_shown
    [shown] = names(result, "patel", Source.SCREEN)
    [said] = names(result, "patel", Source.SPEECH)
    assert shown.linked == (said.id,) and said.linked == (shown.id,)
    # the other side: a different person on screen, another said (Mr Fischer, however it was
    # heard), and everything else the clip holds are items of their own
    [olson] = names(result, "olson", Source.SCREEN)
    assert [f for f in result.findings if f.source is Source.SPEECH
            and f.category is Category.NAME and f.id != said.id]
    assert [f.text for f in result.findings
            if f.linked and f.id not in (shown.id, said.id)] == []
    # the JSON says so (keys only added)
    data = {f["id"]: f for f in json.loads(json.dumps(result.to_json()))["findings"]}
    assert data[shown.id]["linked"] == [said.id] and data[olson.id]["linked"] == []


def test_deciding_the_spoken_name_decides_the_name_on_screen_too(said_and_shown, tmp_path):
    result = said_and_shown
    [shown] = names(result, "patel", Source.SCREEN)
    [said] = names(result, "patel", Source.SPEECH)
    [olson] = names(result, "olson", Source.SCREEN)
    session = ReviewSession.open(result, tmp_path, reviewer="Dr A")
    session.decide(said.id, Decision.MUST_FIX)
    assert session.verdict(shown.id).decision is Decision.MUST_FIX
    assert session.verdict(olson.id).decision is Decision.OPEN
    session.decide(shown.id, Decision.FALSE_ALARM)
    assert session.verdict(said.id).decision is Decision.FALSE_ALARM


@pytest.mark.parametrize("masked", [True, False])
def test_the_pdf_lists_the_item_once_with_each_time(said_and_shown, tmp_path, masked):
    result = said_and_shown
    [shown] = names(result, "patel", Source.SCREEN)
    [said] = names(result, "patel", Source.SPEECH)
    session = ReviewSession.open(result, tmp_path, reviewer="Dr A")
    session.decide(said.id, Decision.MUST_FIX)
    text = pdf_text(write_report(session, tmp_path / "review.pdf", reviewer="Dr A",
                                 masked=masked))
    # every flag is an entry of its own but the two of the one name, which are one entry
    assert len(re.findall(r"#\d+ · ", text)) == len(flags(result.findings)) - 1
    assert len(re.findall(r"2 times, from", text)) == 1
    for finding in (shown, said):
        assert f"{format_time(finding.start_s)}–{format_time(finding.end_s)}" in text
    assert len(re.findall(r"MUST\s+FIX", text)) == 1  # one decision, printed once for both
    assert "Not cleared: 2 must fix" in text  # the verdict counts each finding, as before
    assert ("Patel" in text) is not masked
