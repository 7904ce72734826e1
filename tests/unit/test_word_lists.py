import pytest

from app.core.detect import TextDetector
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
