"""The world's given names (2026-12-06, issue 26): the census of 1990 lacks most of them, so a
name such as "Adaeze" or "Eszter" in a header counted as an unknown word. The app's list is
written from Faker's person lists by tools/world_given_names.py; English words stay no names."""

import importlib.util
import sys
from pathlib import Path

import pytest

from app.core.detect import lexicon

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location("world_given_names",
                                                  ROOT / "tools" / "world_given_names.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_apps_list_is_what_the_tool_writes_from_the_pinned_faker():
    tool = _tool()
    assert tool.OUT.read_text(encoding="utf-8").splitlines() == tool.given_names()


@pytest.mark.parametrize("name", ["Adaeze", "Chinedu", "Cormac", "Siobhan", "Hiroshi", "Juha",
                                  "Thandiwe", "Xiomara", "Ngozi", "Saara", "José", "Jose"])
def test_given_names_the_census_lacks_are_first_names(name):
    assert lexicon.is_first_name(name)


@pytest.mark.parametrize("word", ["can", "sun", "gain", "core", "prima", "ortho", "axial",
                                  "spine", "renal", "view"])
def test_english_and_clinical_words_in_the_worlds_lists_are_not_first_names_by_it(word):
    """Faker's Turkish list holds "Can", its Spanish "Prima"...: an English word is no given name
    unless the census says it is ("Will", "Rose" stay, as before)."""
    census = lexicon._census("dist.male.first") | lexicon._census("dist.female.first")
    assert lexicon.is_first_name(word) == (word in census)


@pytest.mark.parametrize("text", ["Pt on Flovent MDI and genta", "Hx of GERD, on PPI daily"])
def test_with_no_cue_a_word_is_a_name_by_the_census_lists_only(detector, text):
    """The world's lists hold drug names and shorthand ("Flovent", "Gerd", "Genta"): with
    nothing around it, a word is a name only by the census's lists, as before."""
    assert [s.text for s in detector.detect(text) if s.category.value == "name"] == []


@pytest.mark.parametrize(("text", "name"), [
    ("Spoke with Adaeze about the plan", "Adaeze"),  # a cue before it
    ("Dr Adaeze reviewed the scan", "Adaeze"),  # a title
])
def test_a_world_given_name_with_a_cue_is_a_name(detector, text, name):
    assert name in [s.text for s in detector.detect(text) if s.category.value == "name"]
