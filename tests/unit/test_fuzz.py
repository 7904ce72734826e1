"""Property-based tests: no string breaks the detectors, no file breaks the decisions loader."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.detect import TextDetector
from app.core.detect.medical_recognizers import plausible_numeric_date
from app.core.review.decisions import Review
from app.core.word_lists import WordLists

DETECTOR = TextDetector()
LISTS = WordLists(deny=("Anika Patel", "ward 7b"), allow=("Sarah Chen",))
TOKENS = [*"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP0123456789 :/.-,#@'",
          "MRN ", "DOB ", "Room ", "Bed ", "Mr ", "Patel", "555-", "ü", "漢", "Anika Patel"]
clinical_text = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(clinical_text, st.text(max_size=60)))
def test_detector_never_raises_and_spans_point_into_the_text(text):
    spans = DETECTOR.detect(text, LISTS)
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
        assert 0.0 <= span.confidence <= 1.0
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))


@given(st.text(max_size=40))
def test_date_check_never_raises(text):
    assert plausible_numeric_date(text) in (True, False, None)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8),
                                                                        children, max_size=3),
    max_leaves=10,
)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.binary(max_size=200), json_values.map(lambda v: json.dumps(v).encode())))
def test_any_decisions_file_loads_or_is_kept_aside(tmp_path_factory, content):
    folder = tmp_path_factory.mktemp("reviews")
    sha = "ef" * 32
    (folder / f"{sha}.json").write_bytes(content)
    review = Review.load(sha, folder)
    if review.problem:
        assert review.verdicts == {} and any("damaged" in p.name for p in folder.iterdir())
