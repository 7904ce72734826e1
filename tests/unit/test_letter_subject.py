"""A letter names whom it is about after "Re:" (helper 44's tilted letters, 2026-12-05 night:
"Re: Leocadia Fenwright" read at 0.96 and never flagged). After "Re:" a name in no dictionary
is a name; the subject of an ordinary letter ("Re: Discharge summary") is not. The names are
this file's own."""

import pytest

from app.core.detect import TextDetector
from app.core.models import Category


@pytest.fixture(scope="module")
def detector():
    return TextDetector()


def names(detector, text):
    return [s.text for s in detector.detect(text) if s.category is Category.NAME]


@pytest.mark.parametrize(("text", "name"), [
    ("Re: Ottoline Marchbank", "Ottoline Marchbank"),
    ("RE: ISOLDE VARNHAGEN", "ISOLDE VARNHAGEN"),
    ("Re: Ludovica Ashcombe, DOB 04/05/1961", "Ludovica Ashcombe"),
])
def test_the_person_a_letter_is_about_is_flagged(detector, text, name):
    assert names(detector, text) == [name]


@pytest.mark.parametrize("text", [
    "Re: Discharge summary", "Re: Follow up appointment", "Re: your letter of 3 May",
    "RE: MRI RESULTS", "Re: Referral to physiotherapy",
])
def test_an_ordinary_subject_is_no_name(detector, text):
    assert names(detector, text) == []
