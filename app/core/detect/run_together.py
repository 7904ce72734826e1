"""Words OCR ran together on an overlay, told apart: names whose spaces were dropped
("NIKOLAJTPETRUSSEN", "EVETMAGRATH" with its middle initial) from English, overlay and facility
words run together ("MRLUMBARSPINEWO", "FREEMANHOSPITAL", "NDTRIMESTER"). line_names asks.
"""

from __future__ import annotations

from app.core.detect import lexicon
from app.core.detect.overlay_words import ENGLISH_FACILITY_WORDS, NOT_A_NAME
from app.core.detect.tokens import Token


def holds_a_word(letters: str) -> bool:
    """ "ROYALFREEH", "TIONCONTACT": a piece in no name list with an English or overlay word of
    five letters or more in it (or that is one) is words run together, not a name. Inside it, a
    word counts as the dictionary writes it, not by a stem: "aitly" ("ait" + "ly") of
    "CAITLYNSCHULZ" is no word there. A listed name that is a rare English word is the name
    ("abbas" of "KADYROVABBAS": Webster's lists it, no common text uses it)."""
    words = lexicon.ordinary_words()

    def word(piece: str) -> bool:
        return piece in NOT_A_NAME or piece in lexicon.CLINICAL_WORDS or (
            piece in words and not (lexicon.is_known_name(piece) and lexicon.is_rare_word(piece)))

    return any(word(letters[a:b]) for a in range(len(letters))
               for b in range(a + 5, len(letters) + 1)) or lexicon.is_ordinary(letters)


def overlay_words_run_together(letters: str) -> bool:
    """ "evisexera", "lumbarspine": the letters are two words or more, one of them the
    overlay's, of three letters or more (an overlay's) or four (an English word: "our" and
    "elle" fall inside names by chance, "LATOURELLE" is no "LAT" + "OUR" + "ELLE")."""
    ends: dict[int, bool] = {0: False}  # where a cut can fall → an overlay word before it yet
    for end in range(3, len(letters) + 1):
        for start, overlay in list(ends.items()):
            piece = letters[start:end]
            if end - start >= 3 and (piece in NOT_A_NAME or (
                    end - start >= 4 and lexicon.is_ordinary(piece))):
                ends[end] = ends.get(end, False) or overlay or piece in NOT_A_NAME
    return ends.get(len(letters), False) and letters not in NOT_A_NAME


def word_at_an_end(letters: str) -> bool:
    """ "kneepdfatsat", "fujinoneluxeo": an overlay word of four letters or more begins or ends
    the letters, three or more left (two after a word of six letters or more, "portableap", or
    of five before another overlay word, "xrchest"; "TOMOMI" is no "TOMO" + "MI");
    "ndtrimester": an English word of six letters or more (eight if a rare one) with one or two
    letters of a neighbour run on."""
    for size in range(4, len(letters) - 1):
        for piece, rest in ((letters[:size], letters[size:]), (letters[-size:], letters[:-size])):
            if piece in NOT_A_NAME and (len(rest) >= 3 or size >= 6
                                        or (size >= 5 and rest in NOT_A_NAME)):
                return True
            if (size >= len(letters) - 2 and size >= 6 and lexicon.is_ordinary(piece)
                    and (size >= 8 or not lexicon.is_rare_word(piece))):
                return True  # not "GRUFFYDD": a short rare word ("gruffy") is chance in a name
    return False


def holds_facility(letters: str) -> bool:
    """ "hospitalist", "johnshopkinshospital": a facility's word of six letters or more inside;
    "bethisraeldeaconessmc": a facility's word last, right after an English word of five
    letters or more (a facility's name run together, its short word "MC", "HSC" at the end)."""
    return any(len(w) >= 6 and w in letters and w != letters
               for w in ENGLISH_FACILITY_WORDS) or any(
        letters.endswith(w) and len(letters) > len(w) + 5 and any(
            lexicon.is_ordinary(letters[-len(w) - size : -len(w)])
            for size in range(5, len(letters) - len(w) + 1))
        for w in ENGLISH_FACILITY_WORDS if w.isalpha())


def made_of_words(letters: str, labels_only: bool = False, least: int = 3) -> bool:
    """The letters cut whole into English words of `least` letters or more and overlay words,
    but for one or two letters at the end ("MRLUMBARSPINEWO": "WO" for "without");
    `labels_only`: into overlay words, all of it ("PATIENTNAME", not "ALLERGIES")."""
    ends = {0}
    for end in range(1, len(letters) + 1):
        if any(letters[start:end] in NOT_A_NAME
               or (not labels_only and end - start >= least
                   and lexicon.is_ordinary(letters[start:end]))
               for start in ends if start < end):
            ends.add(end)
    if labels_only:
        return len(letters) in ends and bool(letters)
    return bool(ends & {len(letters) - 2, len(letters) - 1, len(letters)} - {0})


def names_run_together(word: Token, least: int = 10) -> bool:
    """ "NIKOLAJTPETRUSSEN", "GYALAANTALL": a word in capitals of `least` letters or more that no
    English or overlay words make up (an English word inside, "truss", "antal", is chance), that
    begins or ends with no overlay word and holds no facility's: names whose spaces OCR dropped.
    "SUNNYBROOK", "ABDOMENPELVIS", "CTABDOMENPELVIS" are words run together. Alone on its line
    (no marker right after it) it must be two names long, 14 letters: a place's one word
    ("ADDENBROOKES") is shorter."""
    lower = word.lower
    return (len(lower) >= least and word.text.isupper() and word.text.isalpha()
            and not made_of_words(lower) and not word_at_an_end(lower)
            and not holds_facility(lower) and (least < 14 or not english_at_an_end(lower)))


def english_at_an_end(letters: str) -> bool:
    """ "GREATORMONDSTREET": an English word of five letters or more begins or ends it."""
    return any(lexicon.is_ordinary(piece) for size in range(5, len(letters) - 2)
               for piece in (letters[:size], letters[-size:]))


def plain_capitals(text: str) -> bool:
    """Seven capitals or more in no name list, no overlay word, no English word as it stands
    ("JUSTING" is "justing" only by its ending), no facility's word inside ("FREEMANHOSPITAL")
    and no overlay word at an end."""
    lower = text.lower()
    return (len(text) >= 7 and text.isupper() and text.isalpha()
            and not lexicon.is_known_name(lower) and lower not in NOT_A_NAME
            and lower not in lexicon.ordinary_words() and lower not in lexicon.CLINICAL_WORDS
            and not word_at_an_end(lower) and not holds_facility(lower))


def initial_at(letters: str) -> int | None:
    """Where a middle initial in capitals was run into a name: after a first name, before a
    surname in the lists or in no dictionary ("EVE T MAGRATH" read "EVETMAGRATH"), or last
    ("BEET, JUSTIN G" read "JUSTING"). A known surname after it first, then the longest first
    name."""
    best: tuple[tuple[bool, int], int] | None = None
    for at in range(3, len(letters)):
        given, rest = letters[:at], letters[at + 1 :]
        if not lexicon.is_census_first_name(given):
            continue
        if rest == "":
            fits, known = not lexicon.is_ordinary(given), True
        else:
            known = lexicon.is_census_name(rest)
            fits = len(rest) >= 4 and rest not in NOT_A_NAME and (
                known or (len(rest) >= 6 and not holds_a_word(rest)))
        if fits and (best is None or (known, at) > best[0]):
            best = ((known, at), at)
    return best[1] if best else None


def names_in_a_field(word: Token, least: int = 10) -> bool:
    """ "MADETOJAPIRJO" after a banner's bar, "SHERVASHIDZEALPATU" after the record number: a
    word in capitals of `least` letters or more, alone in its field, that English words of four
    letters or more and overlay words do not make up ("SHER VAS HID ZEAL" is chance: short
    English words fall inside names), that no overlay word and no English word of six letters
    or more begins or ends ("GREATORMONDSTREET"), and that holds no facility's: names whose
    spaces and carets OCR dropped."""
    lower = word.lower
    return (len(lower) >= least and word.text.isupper() and word.text.isalpha()
            and not made_of_words(lower, least=4) and not word_at_an_end(lower)
            and not holds_facility(lower) and not overlay_words_run_together(lower)
            and not any(lexicon.is_ordinary(piece) for size in range(6, len(lower) - 2)
                        for piece in (lower[:size], lower[-size:])))


def name_before_words(letters: str) -> int | None:
    """Where a name in capitals ends when the next column's words were run onto it
    ("JENNIFERXRCHEST": a study, "GAIRBEKOVFREEMANHOSPITAL": a hospital, "...VOLUSONE": a
    maker's word and a model's letter): the cut (the
    longest listed name before it, else the shortest piece in no list) after which English,
    overlay and facility words make up the rest whole, an overlay's word of four letters or more
    at its end or a facility's inside, and before which is a name in the lists that is no
    English word, or, in no list, a piece of five letters or more that holds no English or
    overlay word. None when there is no such cut ("ROYALVICTORIAINFIRMARY": "ROYAL" is a word;
    "STVINCENTSPRIVATE": no overlay word after; "MAYOCLINIC": the name is the facility's)."""
    if made_of_words(letters):
        return None  # "CTABDOMENPELVIS" is words run together, no "CTABDO" before "MENPELVIS"
    best: tuple[tuple[bool, int], int] | None = None
    for cut in range(3, len(letters) - 3):
        head, rest = letters[:cut], letters[cut:]
        if not (rest in NOT_A_NAME or (made_of_words(rest) and (
                # "...VOLUSONE" of "VOLUSON E10": a model's letter after the maker's word
                any(rest[len(rest) - size - extra : len(rest) - extra] in NOT_A_NAME
                    for extra in (0, 1) for size in range(4, len(rest) - extra))
                or holds_facility(rest)))):
            continue
        if head in NOT_A_NAME or lexicon.is_ordinary(head) or any(
                rest.startswith(w) for w in ENGLISH_FACILITY_WORDS if len(w) >= 4):
            continue  # "MAYOCLINIC": a name right before a facility's word is the facility's
        known = lexicon.is_census_name(head)
        if (known or (len(head) >= 5 and not holds_a_word(head) and not made_of_words(head))
                ) and (best is None or (known, cut if known else -cut) > best[0]):
            best = ((known, cut if known else -cut), cut)
    return best[1] if best else None
