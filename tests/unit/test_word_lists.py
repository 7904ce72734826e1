import pytest

from app.core.detect import TextDetector
from app.core.detect.deny_list import deny_spans
from app.core.word_lists import WordLists, read_entries, write_entries


@pytest.fixture(scope="module")
def detector():
    return TextDetector()


def test_deny_list_entries_are_always_flagged(detector):
    lists = WordLists(deny=("Ward 7B", "zebedee"))
    spans = detector.detect("we are on ward 7b with Zebedee today", lists)
    assert {s.text for s in spans} >= {"ward 7b", "Zebedee"}


def test_allow_list_entries_are_never_flagged(detector):
    text = "Hi, I'm Dr Sarah Chen and this is Margaret Olson"
    assert "Sarah Chen" in {s.text for s in detector.detect(text)}
    allowed = detector.detect(text, WordLists(allow=("sarah chen",)))
    assert "Sarah Chen" not in {s.text for s in allowed}
    assert "Margaret Olson" in {s.text for s in allowed}


def test_entries_file_round_trip(tmp_path):
    path = tmp_path / "allow.txt"
    write_entries(path, ["Sarah Chen", " @nurse_sarah ", "", "Sarah Chen"])
    assert read_entries(path) == ("Sarah Chen", "@nurse_sarah")
    path.write_text("# my colleagues\nTom Reyes\n\n")
    assert read_entries(path) == ("Tom Reyes",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Margaret Olson came in", "Margaret Olson", id="exact"),
        pytest.param("MARGARET OLSON", "MARGARET OLSON", id="case"),
        pytest.param("MARGARET 0LS0N", "MARGARET 0LS0N", id="ocr-zero-for-o"),
        pytest.param("Margret Olsen was here", "Margret Olsen", id="misspelt"),
        pytest.param("margaret olsson", "margaret olsson", id="transcribed-double-s"),
        pytest.param("Mrs Olsen is better", "Olsen", id="surname-alone"),
    ],
)
def test_deny_list_is_matched_tolerantly(text, expected):
    lists = WordLists(deny=("Margaret Olson",))
    assert expected in {s.text for s in deny_spans(lists, text)}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Margaret Wilson came in", id="other-surname"),
        pytest.param("Maria Nelson", id="different-names"),
        pytest.param("the hospital was busy", id="ordinary-word-of-entry"),
    ],
)
def test_deny_list_does_not_match_other_names(text):
    lists = WordLists(deny=("Margaret Olson", "St Jude Hospital"))
    assert deny_spans(lists, text) == []


def test_allow_list_stays_exact(detector):
    """A name that only looks like the user's own is still flagged."""
    text = "This is Sarah Chan from the ward"
    spans = detector.detect(text, WordLists(allow=("Sarah Chen",)))
    assert any("Chan" in s.text for s in spans)
