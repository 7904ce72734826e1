import pytest

from app.core.detect.fuzzy_match import edit_distance, find_tolerant, sound_key, words_match


@pytest.mark.parametrize(("a", "b", "distance"), [
    ("olson", "olson", 0), ("olson", "olsen", 1), ("olson", "olsno", 1), ("olson", "", 5),
    ("margaret", "margret", 1), ("kitten", "sitting", 3),
])
def test_edit_distance(a, b, distance):
    assert edit_distance(a, b) == distance == edit_distance(b, a)


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Catherine", "Kathryn", True), ("Smyth", "Smith", True), ("Fischer", "Fisher", True),
    ("Stephens", "Stevens", False), ("Jones", "James", False), ("Olson", "Nelson", False),
])
def test_sound_key(a, b, same):
    assert (sound_key(a) == sound_key(b)) is same


@pytest.mark.parametrize(("said", "listed", "same"), [
    ("Fischer", "Fisher", True), ("Catherine", "Kathryn", True), ("0LS0N", "Olson", True),
    ("Smyth", "Smith", True), ("Al", "Ali", False), ("Jones", "James", False),
])
def test_words_match(said, listed, same):
    assert words_match(said, listed) is same


def test_find_tolerant_keeps_positions():
    text = "seen by Dr Jon Smyth today"
    ((start, end),) = find_tolerant("John Smith", text)
    assert text[start:end] == "Jon Smyth"
