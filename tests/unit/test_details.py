"""Details that are not identifiers alone, and the combination they add up to."""

import pytest

from app.core.detect.details import RARE_CONDITION, details
from app.core.findings.combination import combination
from app.core.models import Category, Finding, Source


def kinds(text):
    return [(d.kind, d.text) for d in details(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("We saw a 47-year-old woman who works as a librarian",
     [("sex and age", "47-year-old woman"), ("occupation", "librarian")]),
    ("Whisper writes a 61 -year -old like this", [("age", "61 -year -old")]),
    ("he broke his hip on Boxing Day", [("day", "on Boxing Day")]),
    ("after a motorbike accident she needed a skin graft",
     [("event", "motorbike accident"), ("procedure", "skin graft")]),
    ("a lad from our estate with cystic fibrosis",
     [("place", "from our estate"), ("condition", "cystic fibrosis")]),
])
def test_details_a_story_gives(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text", [
    "Drink plenty of water during a twelve hour shift.",
    "Here is how to check a pulse at the wrist.",
    "Nurses, look after your backs when you lift.",
    "I am a nurse and today I talk about sleep.",  # the clinician's own job is not a detail
])
def test_ordinary_sentences_give_no_detail(text):
    assert details(text) == []


def test_rare_conditions_come_from_the_icd10_list_and_everyday_ones_do_not_weigh_more():
    [rare] = details("diagnosed with Guillain-Barre syndrome")
    [common] = details("diagnosed with asthma")
    assert rare.rare and rare.weight == 2 and rare.kind == "condition"
    assert not common.rare and common.weight == 1


def test_a_disease_or_a_day_named_after_people_is_not_a_name(detector_only):
    spans = detector_only.detect("She had Crohn's disease on Christmas Eve, says Mrs Olson")
    found = {(s.category, s.text) for s in spans}
    assert (Category.DETAIL, "Crohn's disease") in found
    assert (Category.DETAIL, "on Christmas Eve") in found
    assert not any(s.category is Category.NAME and "Christmas" in s.text for s in spans)
    assert (Category.NAME, "Mrs Olson") in found


def _finding(text, detail, t, category=Category.DETAIL):
    return Finding(id=f"{detail}{t}", start_s=t, end_s=t + 1, source=Source.SPEECH,
                   category=category, text=text, confidence=0.6, reason="", detail=detail)


def test_three_kinds_make_one_combination_and_two_do_not():
    age, day = _finding("34-year-old", "age", 1.0), _finding("last Tuesday", "day", 5.0)
    town = _finding("from our town", "place", 9.0)
    assert combination([age, day]) is None
    assert combination([age, day, _finding("last Monday", "day", 7.0)]) is None  # one kind twice
    combined = combination([town, day, age])
    assert combined.category is Category.COMBINATION
    assert (combined.start_s, combined.end_s) == (1.0, 10.0)
    for words in ("34-year-old", "last Tuesday", "from our town", "00:00:05.0"):
        assert words in combined.reason
    for words in ("34-year-old", "Tuesday", "our town"):
        assert words not in combined.masked_reason


def test_a_rare_condition_weighs_two_kinds_and_an_age_identifier_counts_as_an_age():
    rare = _finding("Kawasaki disease", RARE_CONDITION, 2.0)
    age = _finding("aged 92", "", 4.0, Category.AGE)
    assert combination([rare, age]) is not None
    assert combination([_finding("asthma", "condition", 2.0), age]) is None


@pytest.fixture(scope="module")
def detector_only():
    from app.core.detect import TextDetector

    return TextDetector()


def test_a_masked_combination_shows_the_kinds_it_adds_up_and_none_of_the_words():
    from app.core.findings.masking import shown_reason, shown_text

    combined = combination([_finding("34-year-old", "age", 1.0),
                            _finding("firefighter", "occupation", 2.0),
                            _finding("on Boxing Day", "day", 3.0)])
    assert shown_text(combined, True) == "an age, an occupation, a day or date"
    for words in ("34", "firefighter", "Boxing"):
        assert words not in shown_text(combined, True) + shown_reason(combined, True)
        assert words in shown_reason(combined, False)


def test_a_lone_detail_is_no_flag_and_the_combination_lists_every_detail_with_its_times():
    from app.core.findings.combination import flags

    lone = _finding("dehydration", "condition", 3.0)
    again = _finding("dehydration", "condition", 9.5)
    name = _finding("Ann Okafor", "", 1.0, Category.NAME)
    assert flags([name, lone, again]) == [name]  # one condition, twice: nothing to review
    age, job = _finding("34-year-old", "age", 1.0), _finding("teacher", "occupation", 2.0)
    combined = combination([lone, again, age, job])
    assert flags([lone, again, age, job, combined]) == [combined]
    assert "“dehydration” at 00:00:03.0, 00:00:09.5" in combined.reason  # listed under it
    assert combined.end_s == 10.5  # over the details' times, the last one too
    assert "dehydration" not in combined.masked_reason
