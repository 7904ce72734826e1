"""Names by the shape of their line: "SMITH JOHN [M] 01.09.2012", "DOE, Jane  F  67y  MRN 4471",
"OKAFOR^CHIDI", "Jane DOE" over "DOB: 06.16.1976".

Burned-in image overlays and record banners print the patient's name with no title and no label,
often in capitals, where a word alone says nothing. What says "name" is the company it keeps: a
date, a date of birth, a sex marker, an age, a record number or a bed on the same line, or on a
line beside it in the same block. There, a short run of words from the census lists is a name,
in any case and order; the words of modality, view, anatomy, makers and facilities
(overlay_words) never are.
"""

from __future__ import annotations

import re

from app.core.detect import lexicon
from app.core.detect.device_names import is_device_word, is_maker_word
from app.core.detect.facility_columns import (
    another_column,
    column_before_facility,
    is_facility_word,
)
from app.core.detect.field_names import FIELD_END, INITIAL_TAIL, alone_in_fields
from app.core.detect.medical_recognizers import ANY_DATE
from app.core.detect.name_recognizers import NOT_NAMES, TITLES
from app.core.detect.ocr_words import (
    CARET,
    best_reading,
    camel_parts,
    capital_after_caret,
    label_cut,
    letters_restored,
    rejoined,
)
from app.core.detect.overlay_words import (
    ENGLISH_FACILITY_WORDS,
    FACILITY_WORDS,
    HOSPITAL_ROYALS,
    IMAGE_WORDS,
    MAKER_WORDS,
    NOT_A_NAME,
)
from app.core.detect.run_together import (
    holds_a_word,
    holds_facility,
    initial_at,
    made_of_words,
    name_before_words,
    names_in_a_field,
    names_run_together,
    overlay_words_run_together,
    plain_capitals,
    word_at_an_end,
)
from app.core.detect.tokens import Style, Token, gap, style, tokens
from app.core.models import Category, TextSpan
from app.core.text_join import COLUMN

RULE = "name by its line (beside a date, sex, age or record number)"
MAX_WORDS = 12  # a longer line is prose, where neighbours say less
IDENTIFYING = frozenset({Category.DATE, Category.ID, Category.AGE, Category.PHONE,
                         Category.EMAIL})
# what points at a person: a sex marker, an age, a date of birth
_PERSON = re.compile("|".join((
    r"(?-i:[\[(（]\s*[MFmf]\s*[\])）]|(?<![A-Za-z0-9.'])[MF](?![A-Za-z0-9.']))",  # [M] (F) M
    r"\b(?:male|female)\b|\bsex\s*:?\s*[mf](?![a-z])",  # "Sex: F09/15/2024": run on
    r"(?-i:(?<![a-z])(?:FEMALE|MALE|Female|Male))\b",  # "025 YFEMALE": the age's unit run on
    r"(?<![A-Za-z])(?-i:Female|Male)(?=[A-Z])",  # "FemaleMCDOWELL": the next field run on
    # "31YF": OCR drops the space between an age and a sex marker
    # "F47 yrs", "[F]82 YRS": the sex and the age run together
    r"(?:\b|(?<=[MF]))\d{1,3}\s?(?:y|yo|yr|yrs|years?|mo|mos)(?:\b|(?=(?-i:[MF])\b))"
    r"|\bage\s*:?\s*\d{1,3}(?:\b|(?=(?-i:[MF])\b))"  # "Age: 70M": the sex run on
    r"|(?<=[A-Za-z])(?-i:Age|AGE)\s*:\s*\d{1,3}\b",  # "KLOZAge: 41"
    # "D.0.B.", "D. O. B.": the O read as a zero, the stops spaced
    r"\b(?:d\.?\s?[o0]\.?\s?b|born|birth\s*date|date\s+of\s+birth)",
    r"\bbom\s*:?\s*\d",  # "Bom 12/14/1986": OCR reads "rn" as "m"
)), re.IGNORECASE)
# "2022-04-0702:27", "07.23.201218:47": a date with its time run on (OCR dropped the space)
_DATE_THEN_TIME = ("(?<![\\d.])(?:" + "|".join(
    rf"\d{{1,2}}{sep}\d{{1,2}}{sep}\d{{4}}|\d{{4}}{sep}\d{{2}}{sep}\d{{2}}"
    for sep in ("/", r"\.", "-")) + r")(?=[0-2]?\d:[0-5]\d)")
# what points at a record: a date, a record or accession number, a bed
_RECORD = re.compile("|".join((
    rf"\b{ANY_DATE}\b",
    rf"\b{ANY_DATE}(?=[MF]\b)",  # "1934-10-22F": a sex marker run on
    _DATE_THEN_TIME,
    r"\b\d{4}[./]\d{1,2}[./]\d{1,2}\b|\b\d{1,2}[- ][A-Za-z]{3}[- ]\d{2,4}\b",
    r"\b(?:mrn|mr#|id|acc|accession|nhs|hosp(?:ital)?\s*no|urn?|chi|fin|csn|enc)\b\s*[:#.]?\s*"
    r"[a-z]{0,3}\d{3,}",
    r"#\s?\d{4,}|(?<![\d.])[A-Za-z]?\d{6,}\b",
    r"\b(?:bed|bay|rm|room)\s*[:#]?\s*\d{1,3}\b",
)), re.IGNORECASE)
# a patient's record number with its label: "Pt ID: 48213377" (read "Pt 1D:" too), "MRN 5512093",
# "ID: 5561023";
# not a study's, a series' or a device's ("Study ID: 4471", "Acc# 81244127", "Station ID")
_PATIENT_RECORD = re.compile(
    r"(?:(?<![A-Za-z][ .])(?<![A-Za-z])\bid\b|\b(?:pt|pat|patient)\.?\s*(?:[il1]d|no|number|#)"
    r"|\bpid\b|\bmrn\b|\bmr\s?#|\bmed\.?\s*rec(?:ord)?\.?\s*(?:no|#)?"
    r"|\bhosp(?:ital)?\.?\s*(?:no|number|#)|\bnhs\s*(?:no|number)|\burn?\b|\bchi\b)"
    r"\s*[:#.]?\s*[A-Za-z]{0,3}\d{4,}", re.IGNORECASE)
# how strongly a line's company says "this is a person"
NONE, RECORD, PATIENT, PERSON = 0, 1, 2, 3
# each as a finding's plain summary says it (findings/plain_summary.py)
NEXT_TO = {RECORD: "next to a date, a record number or a bed",
           PATIENT: "next to a patient's record number",
           PERSON: "next to a sex, an age or a date of birth"}
# between two words of a name: spaces, a comma (or a full stop OCR read for one), DICOM's caret
# (or what OCR reads for it), a hyphen, nothing (a word OCR ran together), or a middle initial
# ("Albert L. SVENNINGSEN", "GIVEN M SURNAME", "SURNAME^GIVEN^M^...")
_JOIN = re.compile(r"[ \t]{1,3}|\s?[,.，]\s?|\s?[\^~`´]\s?|-||[A-Z]|"
                   r"[ \t]?[\^~]?[A-Z]\.?[ \t\^~]{1,3}|[ \t]?[A-Z]\.")
_SHAPED = re.compile(r"[,，^~`´]")
_CARET_SHAPED = re.compile(CARET)
# a label before a name: "Pt: ", "PATIENT NAME: "
_LABEL_BEFORE = re.compile(r"\s*(?:[A-Za-z]+\s?){1,2}[:#]\s*")
# a sex marker or an age right after a word: "ANDOURIKU Sex: F", "MOURIKAANTJE [M] 58Y"
_MARKER_NEXT = re.compile(r"\s*(?:[|丨]\s*)?"  # a banner's bar between ("Wouters|F|60 yrs")
                          r"(?:[\[(]\s*[MF]\s*[\])]|[MF](?![A-Za-z])|(?i:sex|gender)\b|"
                          r"(?i:age)\s*:?\s*\d|"
                          r"\d{1,3}\s?(?i:y|yo|yrs?|years)(?:\b|(?=[MF]\b)))")
_CAMEL = re.compile(r"[A-Z][a-z'’]+|[A-Z]+(?![a-z])|[a-z'’]+")
# a record's label and number right after a word: "MAZZIAcc#81244127", "OLOFSSON ID: 8629"
_RECORD_LABEL_NEXT = re.compile(r"\s*(?i:acc(?:ession)?|id|mrn|mr#|pt\s?id)\s*[#:.]?\s*\d{4,}")


def holds_identifier(text: str, spans: list[TextSpan]) -> int:
    """PERSON when a line holds a sex marker, an age or a date of birth; PATIENT when it holds a
    patient's record number with its label; RECORD when it holds a date, another record number
    or a bed; else NONE."""
    if _PERSON.search(text) or any(s.category is Category.AGE for s in spans):
        return PERSON
    if _PATIENT_RECORD.search(text):
        return PATIENT
    if (any(s.category in IDENTIFYING for s in spans) or _RECORD.search(text)
            or any(s.category is Category.LOCATION and "bed" in s.rule for s in spans)):
        return RECORD
    return NONE


def with_line_names(text: str, spans: list[TextSpan], beside: int = NONE) -> list[TextSpan]:
    """`spans` with the names `line_names` finds; a name span they overlap ("Jane  F" of
    "DOE, Jane  F") grows into the whole name. A name the model or the lists found that holds a
    maker's word or a facility's ("Mortara Eli", "JAMES COOKUNIVERSITYHOSPITAL"), or an image's
    word in no name list ("Lumbar Spine T2"), or the month of a date ("04-Jan-1936") is none."""
    out = [s for s in spans if not _device_or_facility(s, text)
           and not _month_of_a_date(s, text) and not _record_label(s, text)]
    for name in line_names(text, spans, beside):
        overlapping = [s for s in out if s.start < name.end and name.start < s.end]
        if any(s.category is not Category.NAME and not _overruled(s, name.start, name.end)
               for s in overlapping):
            continue
        for other in overlapping:
            out.remove(other)
        start = min([name.start, *(s.start for s in overlapping)])
        if start < name.start and made_of_words(text[start : name.start].lower(),
                                                labels_only=True):
            start = name.start  # "PATIENTNAMEFAIRWEATHER, IMOGEN": the label OCR ran on
        end = max([name.end, *(s.end for s in overlapping)])
        if end > name.end:  # "Jane  F", "Hamish Buchanan  Acc": a sex marker or a label
            end = name.end + _name_words_end(text[name.end : end])
        out.append(TextSpan(start, end, Category.NAME, name.confidence, name.rule,
                            text[start:end], cue=name.cue))
    return sorted(out, key=lambda s: s.start)


def without_device_names(text: str, spans: list[TextSpan]) -> list[TextSpan]:
    """`spans` but the names that hold an overlay's words (`_device_or_facility`): for the names
    found after this module's (a staff name after "CONSULTANT", "MrLumbarSpineWo")."""
    return [s for s in spans if not _device_or_facility(s, text)]


def _device_or_facility(span: TextSpan, text: str) -> bool:
    """A name span that holds a maker's, a facility's or an image's word, also run together at
    its capitals ("MrLumbarSpineWo"; not a title: "MR" and "DR" are modalities too), or that a
    facility's word follows on its line ("Josephine Kerr Infirmary"), or a field strength (a
    scanner's model: "Ingenia 3.0T")."""
    if span.category is not Category.NAME:
        return False
    span_words = tokens(span.text)
    last = span_words[-1].lower if span_words else ""
    rest_of_line = text[span.end :].split("\n")[0]
    if _FIELD_STRENGTH.match(text, span.end):
        return True  # "Ingenia 3.0T", "Signa 1.5T": a scanner's model before its field strength
    if len(span_words) >= 2 and last in _THOROUGHFARES:
        return True  # "Ormond Street" of "Great Ormond Street": a street's name (a hospital's)
    if last in _ROYAL and any(w.lower in FACILITY_WORDS for w in tokens(rest_of_line)[:3]):
        return True  # "Multiparametric Queen" of "... Queen Elizabeth Hospital"
    if span.rule == RULE:
        return False
    if _NAMED_AFTER.search(text, 0, span.start) and len(span_words) <= 2:
        return True  # "Mass General Brigham", "Memorial Hermann": a hospital named after people
    words = [w.lower for w in span_words] + [  # "Children's" as printed too
        w.text.lower() for w in span_words if w.text.lower() != w.lower]
    # and at their capitals: "MrLumbarSpineWo", "SAGPtID" (overlay words OCR ran together)
    runs = [[p.lower() for p in camel_parts(w.text)] for w in span_words]
    if any(len(r) >= 2 and any(p in NOT_A_NAME and not lexicon.is_known_name(p) for p in r)
           for r in runs):
        return True
    if len(span_words) == 1 and (_among_image_words(span, text) or _after_maker(span, text)
                                 or _study_after_modality(span, text)):
        return True
    if _only_image_words_listed(span.text):
        return True
    if len(words) >= 2 and not rest_of_line.strip() and _facility_word_cut(last):
        return True  # "Victoria Infirr" of "Royal Victoria Infirmary", cut at the edge
    return _facility_follows(rest_of_line) or (len(words) >= 2 and any(
                is_maker_word(w) or w in FACILITY_WORDS or holds_facility(w)
                or (is_device_word(w) and not lexicon.is_known_name(w))
                or (w in IMAGE_WORDS and w not in TITLES and not lexicon.is_known_name(w))
                for w in words))


_FIELD_STRENGTH = re.compile(r" ?\d(?:\.\d)? ?T\b")
# the words a hospital's or a health system's name puts before the person it is named after
_NAMED_AFTER = re.compile(r"(?<![A-Za-z])(?:General|GENERAL|Memorial|MEMORIAL|Royal|ROYAL|Mount|"
                          r"MOUNT|Mt\.?|MT\.?|St\.?|ST\.?|Saint|SAINT) $")
# the streets a hospital is named after; not address_recognizers' whole list, whose "Lane",
# "Close", "Court" and "Grove" end people's names too ("Lois Lane")
_THOROUGHFARES = frozenset({"street", "road", "avenue", "boulevard"})
# a hospital's name begins with a royal's title and name: "Queen Elizabeth", "King Edward VII"
_ROYAL = frozenset({"queen", "king", "prince", "princess"})
_COLON_NEXT = re.compile(r" ?:")


def _facility_follows(after: str) -> bool:
    """A facility's word follows a name in the same field, after no more than two English words
    in no name list ("Freeman Hospital", "ISRAEL DEACONESS MC" of "BETH ISRAEL DEACONESS MC"):
    the name is the facility's."""
    end = 0
    for word in tokens(after)[:3]:
        if re.fullmatch(r"[ \t]{1,3}", after[end : word.start]) is None:
            return False
        if word.lower in FACILITY_WORDS or (not after[word.end :].strip()
                                            and _facility_word_cut(word.lower)):
            return True
        if lexicon.is_known_name(word.lower) or not lexicon.is_ordinary(word.lower):
            return False
        end = word.end
    return False


def _facility_word_cut(word: str) -> bool:
    """The start of a facility's word, the line's last, cut by the picture's edge (its last
    letter half shown, read as anything): "Infirr" of "Infirmary"."""
    return any(len(start) >= 4 and any(f.startswith(start) and len(f) >= 6
                                       for f in ENGLISH_FACILITY_WORDS)
               for start in (word, word[:-1]))


def _only_image_words_listed(name: str) -> bool:
    """A name of two words or more in which the only words the name lists hold are an image's
    ("Knee Pd Fatsat": "Knee" is a surname too, "Pd" and "Fatsat" are in no list): a study's
    words the model took for a person; not a title ("DR" is a modality too)."""
    words = [w.lower for w in tokens(name)]
    return (len(words) >= 2 and any(w in IMAGE_WORDS and w not in TITLES for w in words)
            and not any(lexicon.is_known_name(w) and w not in IMAGE_WORDS for w in words))


def _among_image_words(span: TextSpan, text: str) -> bool:
    """One word on a line of nothing but an image's words and numbers: a model ("Magnetom
    Vida"), or a view word OCR cut short ("Xr Foot 3 Views Le" of "... Left"), not a person;
    not after a title or a label ("Dr: Mensah", "DR Okafor": "DR" is a modality too)."""
    start = text.rfind("\n", 0, span.start) + 1
    line = text[start:].split("\n")[0]
    others = [w for w in tokens(line) if not span.start <= start + w.start < span.end]
    return (bool(others) and ":" not in line
            and all(w.lower in IMAGE_WORDS and w.lower not in TITLES for w in others))


_WORD_BEFORE = re.compile(r"([A-Za-z]+) $")


def _after_maker(span: TextSpan, text: str) -> bool:
    """One word right after a maker's: the model ("Mortara Eli 280", "GE Vivid"), not a person."""
    before = _WORD_BEFORE.search(text, 0, span.start)
    return before is not None and before.group(1).lower() in MAKER_WORDS


_MODALITY_BEFORE = re.compile(r"\b(?:MR|DR|CR|DX) $")


def _study_after_modality(span: TextSpan, text: str) -> bool:
    """ "MR LUMBARSPINEWO": after a modality in capitals that is a title too ("MR", "DR"), a
    study's words run together (overlay words, but for a letter or two at the end: "WO" for
    "without"), or a study's word with a letter run on before a digit ("BRAINT 2"), not a
    person named after "Mr"."""
    lower = span.text.lower()
    if _MODALITY_BEFORE.search(text, 0, span.start) is None:
        return False
    if len(lower) >= 8 and any(overlay_words_run_together(lower[: len(lower) - cut])
                               for cut in (0, 1, 2)):
        return True
    # "MR BRAINT 2 FLAIR": a study's word and the letter of the sequence after it ("T2"), the
    # space read one letter early
    # "MR BRAINW/O": the W of "W/O" (with and without contrast) run onto the study's word
    return lower[:-1] in IMAGE_WORDS and (_DIGIT_NEXT.match(text, span.end) is not None
                                          or text.startswith("/", span.end))


_DIGIT_NEXT = re.compile(r" ?\d")


_MONTH_IN_DATE = re.compile(r"(?<=\d[-/. ])[A-Za-z]{3,9}(?=[-/. ]\d)")


def _record_label(span: TextSpan, text: str) -> bool:
    """ "Pat ID: 48213377", "Pat No": a patient's record label, "Pat" short for patient, that
    the name model took for a person."""
    return span.category is Category.NAME and (
        _PAT_LABEL.fullmatch(span.text) is not None
        or (span.text.lower() == "pat" and _LABEL_WORD_NEXT.match(text, span.end) is not None))


_PAT_LABEL = re.compile(r"(?i:pat)\.?\s*(?i:id|no|number|#)")
_LABEL_WORD_NEXT = re.compile(r"\.?\s*(?i:id|no|number|#)\b\s*[:#.]?\s*[A-Za-z]{0,3}\d")


def _month_of_a_date(span: TextSpan, text: str) -> bool:
    return (span.category is Category.NAME and span.rule != RULE
            and any(m.start() == span.start and m.end() == span.end
                    for m in _MONTH_IN_DATE.finditer(text)))


def _name_words_end(after: str) -> int:
    """How much of `after`, the text a name span ran on past a run, is still the name."""
    end = 0
    for word in tokens(after):
        if word.lower in NOT_A_NAME or len(word.text) < 2:
            break
        end = word.end
    return end


def line_names(text: str, spans: list[TextSpan], beside: int = NONE) -> list[TextSpan]:
    """Name spans in the short lines of `text` that hold an identifier, or sit `beside` a line
    that does (PERSON or RECORD); none that overlap a span other than a name."""
    found: list[TextSpan] = []
    offset = 0
    for as_read in text.split("\n"):
        line = letters_restored(as_read)  # same length: positions hold in `text`
        read = capital_after_caret(line, rejoined(line, tokens(line)))
        words: list[Token] = []
        cut_from: list[int] = []  # the index in `read` of the word each of `words` was cut from
        for index, word in enumerate(read):
            if len(word.text) == 1:
                continue  # an initial or a sex marker: a part of a run's gap, never a name
            cut = label_cut(word, line)
            parts = _unjoined(best_reading(cut)) if cut is not None else []
            words += parts
            cut_from += [index] * len(parts)
        own = holds_identifier(line, _within(spans, offset, len(line)))
        cue = max(beside, own)
        if len(line.split()) <= MAX_WORDS and style(line) is not Style.LOWER and cue:
            for first, last in _name_runs(line, words, cue, own):
                start, end = _whole_words(words, cut_from, read, first, last)
                start = _with_its_o(as_read, line, start)
                start, end = offset + start, offset + end
                blocking = [s for s in spans if s.start < end and start < s.end
                            and s.category is not Category.NAME]
                if not blocking or (
                        ((cue == PERSON and _vouched(line, words, first, last))
                         or (cue == PATIENT and _unlisted_name_line(line, words[first:last + 1])))
                        and all(_overruled(s, start, end) for s in blocking)):
                    found.append(TextSpan(start, end, Category.NAME, 0.7, RULE,
                                          text[start:end], cue=NEXT_TO[cue]))
            for word in alone_in_fields(line, read, cue == PERSON, own != NONE):
                start, end = offset + word.start, offset + word.end
                if not any(s.start < end and start < s.end for s in [*spans, *found]):
                    found.append(TextSpan(start, end, Category.NAME, 0.7, RULE,
                                          text[start:end], cue=NEXT_TO[cue]))
        offset += len(as_read) + 1
    return found


def _with_its_o(as_read: str, line: str, start: int) -> int:
    """Where a name starts on the line as read when its first O was read as the number's last
    0 ("487446860 lgaKrylova", read as "48744686 OlgaKrylova"): after the space, the 0 left to
    the number's finding."""
    if 0 < start and line[start] == "O" and as_read[start - 1 : start + 1] == "0 ":
        return start + 1
    return start


def _whole_words(words: list[Token], cut_from: list[int], read: list[Token], first: int,
                 last: int) -> tuple[int, int]:
    """Where the run of `words[first:last + 1]` starts and ends in its line: at the edges of the
    words as read when the rest of a word OCR ran together is more of a name ("NOELLEMARTINSSON"
    cut into NOELLE MARTINS SON), not a label or a sex marker ("RosaSex", "PHILIPPEF")."""
    start, end = words[first].start, words[last].end
    before = [w for w, c in zip(words[:first], cut_from[:first], strict=True)
              if c == cut_from[first]]
    after = [w for w, c in zip(words[last + 1 :], cut_from[last + 1 :], strict=True)
             if c == cut_from[last]]
    if before and all(map(_more_of_a_name, before)):
        start = read[cut_from[first]].start
    if after and all(map(_more_of_a_name, after)):
        end = read[cut_from[last]].end
    return start, end


def _more_of_a_name(piece: Token) -> bool:
    """Not a label, nor the next column's words run on ("FREEMANHOSPITAL", "XRCHEST")."""
    return (len(piece.text) >= 2 and piece.lower not in NOT_A_NAME
            and not holds_facility(piece.lower) and not word_at_an_end(piece.lower))


def _overruled(span: TextSpan, start: int, end: int) -> bool:
    """A place only the NER model or the list of cities says is one, inside a name's run
    ("LENNOX" of "CAITLIN LENNOX", "Richards^Ewan"): the shape of the line says more."""
    return (span.category is Category.LOCATION and start <= span.start and span.end <= end
            and (span.from_ner or span.rule.endswith("'known city or state'")))


def _vouched(line: str, words: list[Token], first: int, last: int) -> bool:
    """The run holds a first name, or names joined by a comma or a caret: it is a name even where
    a place model read a place."""
    run = words[first : last + 1]
    shaped = any(_SHAPED.search(gap(line, a, b)) for a, b in zip(run, run[1:], strict=False))
    return len(run) >= 2 and (
        (shaped and any(lexicon.is_known_name(w.text) for w in run))
        or any(lexicon.is_first_name(w.text) and not lexicon.is_ordinary(w.text) for w in run)
        or _unlisted_line(line, run))


def _unlisted_line(line: str, run: list[Token], rare: bool = False) -> bool:
    """The run is its whole line, of words no list holds (no name's, no English word, or with
    `rare` no common one, no place's) but for its surnames' particles: "Palerma Liviana" over
    "MALE/23 YRS", which the place model read as a place."""
    return (not line[: run[0].start].strip() and not line[run[-1].end :].strip()
            and all(len(w.text) >= 3 and not lexicon.is_known_name(w.text)
                    and (not lexicon.is_ordinary(w.text) or (rare and _rare_name(w, line)))
                    and not lexicon.is_place(w.text)
                    for w in _core(line, run))
            and not _world_place(line[run[0].start : run[-1].end]))


def _world_place(printed: str) -> bool:
    """A town of the world's as printed, or each of its printed words a town or a country
    (OCR's pieces of "BULAWAYO" are no towns, the word is; "COCHABAMBA BOLIVIA"), none of them
    a listed name ("LIMA SOFIA" is a name; "Oksana SHEVCHENKO" too, though Shevchenko is a
    town)."""
    words = re.findall(r"[^\W\d_]+", printed)
    return bool(words) and (lexicon.is_world_place(" ".join(words))
                            or all(map(lexicon.is_world_place, words))
                            ) and not any(map(lexicon.is_known_name, words))


def _unlisted_name_line(line: str, run: list[Token]) -> bool:
    """Beside a patient's record number only, the whole line is two or three words no list holds
    and shaped as names: letters only, each word capitalised or in capitals, none an image's,
    a maker's, a facility's or the ward's word, nor words run together ("ADAEZE OBIORA", "Cormac
    Breathnach" over "Pt ID: 48213377"; not "SAMSUNG RS85", "ABDOMENPELVIS WCONTRAST")."""
    core = _core(line, run)
    return (2 <= len(core) <= 3 and _unlisted_line(line, run, rare=True)
            and all(_name_shaped(w.text) for w in core)
            and not any(w.lower in NOT_A_NAME or w.lower in lexicon.CLINICAL_WORDS
                        or is_device_word(w.text) or is_facility_word(w)
                        or overlay_words_run_together(w.lower) or _english_run_together(w.lower)
                        for w in core))


def _english_run_together(letters: str) -> bool:
    """The letters cut whole into English words of five letters or more ("DOUBLECONTRAST"; not
    "BREATHNACH": shorter words fall inside names by chance)."""
    ends = {0}
    for end in range(5, len(letters)):
        if any(end - start >= 5 and lexicon.is_ordinary(letters[start:end]) for start in ends):
            ends.add(end)
    # two words or more: one word whole ("OISIN", a rare word) is the lexicon's to judge
    return any(0 < start <= len(letters) - 5 and lexicon.is_ordinary(letters[start:])
               for start in ends)


_NAME_SHAPED = re.compile(r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?|[A-Z]+(?:['’-][A-Z]+)?")


def _name_shaped(word: str) -> bool:
    return _NAME_SHAPED.fullmatch(word) is not None and any(c in "aeiouyAEIOUY" for c in word)


def _within(spans: list[TextSpan], offset: int, length: int) -> list[TextSpan]:
    return [s for s in spans if offset <= s.start and s.end <= offset + length]


def _name_runs(line: str, words: list[Token], cue: int, own: int) -> list[tuple[int, int]]:
    """(first, last) word indexes of each run of words that reads as a person's name."""
    runs, first = [], None
    for index, word in enumerate(words):
        if not _nameable(word, line):
            first = None
            continue
        if first is None or not _JOIN.fullmatch(gap(line, words[index - 1], word)):
            first = index
        if index + 1 == len(words) or not _nameable(words[index + 1], line) or not (
                _JOIN.fullmatch(gap(line, word, words[index + 1]))):
            runs.append((first, index))
    runs = [(a, _comma_before_facility(line, words, a, column_before_facility(words, a, b)))
            for a, b in runs]
    runs = [r for r in (_without_end_particles(line, words, a, b) for a, b in runs)
            if r[0] <= r[1]]
    named = []
    for a, b in runs:
        if not _is_name(line, words, a, b, cue, own):
            a, b = _without_ordinary_ends(words, a, b)
            if (a > b or _facility_follows(line[words[b].end :])
                    or not _is_name(line, words, a, b, cue, own)):
                continue
        named.append((a, b))
    return named


def _without_end_particles(line: str, words: list[Token], first: int, last: int
                           ) -> tuple[int, int]:
    """The run without particles at its end: a particle is a part of the name after it."""
    while first <= last and _particle(words[last], line):
        last -= 1
    return first, last


def _without_ordinary_ends(words: list[Token], first: int, last: int) -> tuple[int, int]:
    """The run without the English words at its ends that no name list holds: the next
    column's words or the field before, run on with one space ("KRISTIAN HERZOG Cor Stir",
    "Female Batukayev, Sieda", "Joly DREUX INFECTION CONTROL"); a name of its own is then what
    is left, or nothing (nor is it where a facility's word follows: "BETH ISRAEL DEACONESS
    MC")."""
    def ordinary(word: Token) -> bool:
        return not lexicon.is_known_name(word.text) and (
            lexicon.is_ordinary(word.text) or word.lower in lexicon.CLINICAL_WORDS)

    while first <= last and ordinary(words[last]):
        last -= 1
    while first <= last and ordinary(words[first]):
        first += 1
    return first, last


def _comma_before_facility(line: str, words: list[Token], first: int, last: int) -> int:
    """The run's last word once a facility's name after it is cut off where the run holds a
    comma: "MANNINEN, HENRY P ALDER HEY CHILDREN'S" is a name and a hospital's, its given
    name the word after the comma (no facility's name holds "SURNAME, Given"); else `last`."""
    if last + 1 >= len(words) or not is_facility_word(words[last + 1]):
        return last
    for index in range(first, last - 1):
        if "," in gap(line, words[index], words[index + 1]):
            return index + 1
    return last


def _unjoined(word: Token) -> list[Token]:
    """Words OCR ran together (PP-OCR drops the spaces of small print) taken apart: at their
    capitals ("JenniferAlcaraz"), or, in capitals, into names each in the census lists but for
    one in no list, and a sex marker at the end ("GUERNONPHILIPPEF"); else the word itself."""
    text = word.text
    camel = [m for m in _CAMEL.finditer(text)]
    if len(camel) > 1 and len(camel[-1].group()) == 1 and not text.isupper():
        camel = camel[:-1]  # "ElvinMagnussonM", "AlbertL.": a sex marker or an initial, run on
        if len(camel) == 1 and len(camel[0].group()) >= 3:
            return [Token(word.start + camel[0].start(), word.start + camel[0].end(),
                          camel[0].group())]
    if not text.isupper() and len(camel) > 1 and all(len(m.group()) >= 3 for m in camel):
        out: list[Token] = []
        for m, after in zip(camel, [*camel[1:], None], strict=True):
            part = Token(word.start + m.start(), word.start + m.end(), m.group())
            pieces = _unjoined(part)
            if (len(pieces[-1].text) == 1 and m.group().isupper() and after is not None
                    and not after.group().isupper()):
                pieces = [part]  # "FARAHANIDariush": a surname before its given name, the
                # caret dropped; its last letter is no middle initial (one comes after)
            out += pieces
        return out
    cut = name_before_words(text.lower()) if text.isupper() and text.isalpha() else None
    if cut is not None and not lexicon.is_known_name(text):  # "JENNIFER" + "XRCHEST"
        return [*_unjoined(Token(word.start, word.start + cut, text[:cut])),
                Token(word.start + cut, word.end, text[cut:])]
    at = initial_at(text.lower()) if plain_capitals(text) else None
    if at is not None:  # the middle initial is text[at]: "EVETMAGRATH", "JUSTING"
        return [Token(word.start, word.start + at, text[:at])] + (
            [Token(word.start + at + 1, word.end, text[at + 1 :])] if at + 1 < len(text) else [])
    if (len(text) < 7 or not text.isupper() or not text.isalpha() or lexicon.is_known_name(text)
            or text.lower() in NOT_A_NAME or lexicon.is_ordinary(text)
            # "EVISEXERA" is no "EVISEX ERA", "NDTRIMESTER" no "NDTRIM ESTER"
            or overlay_words_run_together(text.lower()) or word_at_an_end(text.lower())
            or holds_facility(text.lower())):
        return [word]
    # a sex marker run on ("PHILIPPEF"), or a middle initial ("GOLDBERGALICES": names that are
    # all in the lists then)
    ends = (len(text) - 1, len(text)) if text[-1] in "MF" else (len(text), len(text) - 1)
    for end in ends:
        cuts = _name_cuts(text[:end].lower(), all_listed=end < len(text) and text[-1] not in "MF")
        if cuts:
            bounds = [0, *cuts, end] + ([len(text)] if end < len(text) else [])
            # the last part ends where the word does: a letter rejoined across a space
            # ("ANGULOYAC 0") makes the word longer on the line than its text
            return [Token(word.start + a, word.end if b == len(text) else word.start + b,
                          text[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    return [word]


def _name_cuts(letters: str, all_listed: bool = False) -> list[int] | None:
    """Where to cut `letters` into two names (three if all are listed), at most one of them in no
    list: the fewest names, then the fewest unknown, then a first name last ("SURNAMEGIVEN").
    The pieces are looked up in the census lists only (`lexicon.is_census_name`)."""
    best: tuple[tuple[int, int, bool, int, int], list[int]] | None = None
    n = len(letters)
    splits = [[a] for a in range(3, n - 2)]
    splits += [[a, b] for a in range(3, n - 5) for b in range(a + 3, n - 2)]
    for cuts in splits:
        bounds = [0, *cuts, n]
        parts = [letters[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
        if any(p in NOT_A_NAME or p in NOT_NAMES for p in parts):
            continue  # "OLOFSSON" is no "OLOFS SON": a relation word is no name's part
        unknown = [p for p in parts if not lexicon.is_census_name(p)]
        if (len(unknown) > (1 if len(parts) == 2 and not all_listed else 0)
                or any(map(holds_a_word, unknown))):
            continue
        if not any(lexicon.is_census_first_name(p) or (len(p) >= 5 and not all_listed
                                                and not lexicon.is_ordinary(p))
                   for p in parts if p not in unknown):
            continue  # with an initial cut off the end, a first name among them ("GOLDBERG
            # ALICE S", not "LATOUR ELL E" of "LATOURELLE")
        score = (len(parts), len(unknown), not lexicon.is_census_first_name(parts[-1]),
                 -sum(len(p) for p in parts if p not in unknown), -min(map(len, parts)))
        if best is None or score < best[0]:
            best = (score, cuts)
    return best[1] if best else None


def _nameable(word: Token, line: str) -> bool:
    """A word a name can be made of: letters, capitalised, not a word of the overlay (nor
    overlay words OCR ran together: "EVISEXERA", nor a word in no name list that begins or ends
    with an English or overlay word, or holds a facility's: "NDTRIMESTER", "KNEEPDFATSAT",
    "HOSPITALIST"), not an abbreviation in capitals ("HSC")."""
    lower = word.lower
    if _particle(word, line):
        return True  # "TE WHARE Wiremu", "van der Berg": a surname's particle
    if lower in NOT_A_NAME or not word.capitalised or len(word.text) < 2:
        return False
    if _surname_before_given(word, line):
        return True  # "DOE, JANE", "NG, Ada": a short surname that is also ward shorthand
    if not lexicon.is_known_name(lower) and (
            # two words of three letters are chance ("Cormac" is no "cor" + "mac")
            (len(lower) >= 7 and overlay_words_run_together(lower)) or word_at_an_end(lower)
            or holds_facility(lower) or (_abbreviation(word, line)
                                         and not _after_particle(word, line))):
        return False
    parts = [p.lower() for p in camel_parts(word.text)]
    if len(parts) > 1 and all(p in NOT_A_NAME for p in parts):
        return False  # "PtID", "AccNo": labels run together
    if word.text.isupper() and len(word.text) == 2:
        return _given_after_surname(word, line)  # "AP", "LT", technician's initials: no
    if line[word.end : word.end + 1].isdigit() or line[word.start - 1 : word.start].isdigit():
        return False  # "E9", "V1", "3T": models and leads
    if _LABEL_OF_NUMBER.match(line, word.end) and lower not in lexicon.first_names():
        return False  # "BOm: 21.03.1974": a label OCR misread ("Born"), then its value
    return not (lower in NOT_NAMES and lower not in lexicon.CLINICAL_WORDS)


# the particles of surnames ("TE WHARE", "LE DUC ANH", "van der Berg", "de la Cruz", "bin Salleh",
# "MAC GIOLLA");
# not "AP" or "ST", which overlays print as a view and a saint's hospital
PARTICLES = frozenset({"van", "von", "de", "der", "den", "di", "da", "du", "del", "della", "dos",
                       "das", "la", "le", "te", "ter", "ten", "al", "el", "bin", "ibn", "ben",
                       "zu", "mac"})
_PARTICLE_THEN = re.compile(r"[ -]([^\W\d_]{2,})(?![^\W\d_])")


def _particle(word: Token, line: str) -> bool:
    """`word` is a surname's particle: one of PARTICLES, followed after one space or a hyphen by
    a capitalised word or another particle ("TE WHARE", "van der Berg"), and printed in the same
    case as a word in capitals after it ("LE DUC"; not "Le DUC": a word and the next field)."""
    after = _PARTICLE_THEN.match(line, word.end)
    if word.lower not in PARTICLES or not word.text.isalpha() or after is None:
        return False
    nxt = after.group(1)
    if nxt.lower() in PARTICLES:
        return True
    return nxt[0].isupper() and (not nxt.isupper() or word.text.isupper() or word.text.islower())


def _after_particle(word: Token, line: str) -> bool:
    """ "DUC" of "LE DUC ANH": a word right after a surname's particle is a name's."""
    before = re.search(r"(?<![^\W\d_])([^\W\d_]{2,5}) $", line[: word.start])
    return before is not None and _particle(
        Token(before.start(1), before.end(1), before.group(1)), line)


def _core(line: str, run: list[Token]) -> list[Token]:
    """The run's words but for its surnames' particles."""
    return [w for w in run if not _particle(w, line)] or run


_LABEL_OF_NUMBER = re.compile(r":\s?\d")
_COMMA_THEN_WORD = re.compile(r"\s?[,^~]\s?([A-Za-z]{2,})")


def _surname_before_given(word: Token, line: str) -> bool:
    """A census surname of two or three letters in capitals that ward shorthand or an
    abbreviation also spells ("DOE": dyspnoea on exertion, "BUN", "NG"), written the way a
    record writes a name: a comma or a caret, then a first name ("DOE, JANE", "NG^Ada"); after
    DICOM's caret, which joins a person's names only, a given name in no list will do when it
    is no English or overlay word ("BUN^LIAM": "Liam" is in no census list)."""
    after = _COMMA_THEN_WORD.match(line, word.end)
    if not (len(word.text) <= 3 and word.text.isupper() and after is not None
            and word.lower in lexicon.surnames()):
        return False
    given = after.group(1).lower()
    return given in lexicon.first_names() or (
        _CARET_SHAPED.search(line[word.end : after.start(1)]) is not None and len(given) >= 3
        and not lexicon.is_ordinary(given) and given not in NOT_A_NAME
        and given not in NOT_NAMES and given not in lexicon.CLINICAL_WORDS)


_SURNAME_THEN_SEPARATOR = re.compile(r"(?<![A-Za-z])([A-Za-z]{2,})\s?[,，^~`´]\s?$")


def _given_after_surname(word: Token, line: str) -> bool:
    """A given name of two letters in capitals after a census surname and a comma or a caret
    ("LEE^LI", "CANE^DU", "WU, JO"): the record's shape says name where two capitals alone are a
    view or a technician's initials ("AP", "JM"); a view, a side or a modality there is none
    ("CHEST, AP", "KNEE^LT")."""
    before = _SURNAME_THEN_SEPARATOR.search(line[: word.start])
    return (before is not None and before.group(1).lower() in lexicon.surnames()
            and before.group(1).lower() not in NOT_A_NAME
            and before.group(1).lower() not in lexicon.CLINICAL_WORDS
            and word.lower not in NOT_A_NAME and word.lower not in NOT_NAMES)


def _abbreviation(word: Token, line: str) -> bool:
    """ "HSC", "MRI": three capitals in no name list, a word of their own as printed (not a
    piece of a longer word cut into names)."""
    return (word.text.isupper() and len(word.text) == 3
            and not line[word.start - 1 : word.start].isalpha()
            and not line[word.end : word.end + 1].isalpha())


def _is_name(line: str, words: list[Token], first: int, last: int, cue: int,
             own: int = NONE) -> bool:
    run = words[first : last + 1]
    core = _core(line, run)  # the particles of "TE WHARE Wiremu" are neither names nor words
    if len(core) > 4 or any(w.text.lower().endswith(("'s", "’s")) for w in run):
        return False
    gaps = [gap(line, a, b) for a, b in zip(run, run[1:], strict=False)]
    if _beside_facility(line, words, first, last) and not any(map(_CARET_SHAPED.search, gaps)):
        return False  # "MARY WASHINGTON HOSPITAL" (but "DALE~ERIN~P MAYOCLINIC")
    texts = [w.text for w in run]
    if not any(_SHAPED.search(g) for g in gaps) and _world_place(line[run[0].start : run[-1].end]):
        return False  # "BULAWAYO", "OSHAKATI  F 40Y": a town of the world's, in no name list
    if len(run) >= 2 and run[0].lower in HOSPITAL_ROYALS and not _SHAPED.search(gaps[0]):
        return False  # "Queen Elizabeth", "Princess Royal": a hospital's name begins so
    if (len(run) >= 2 and all(g == "" for g in gaps) and _COLON_NEXT.match(line, run[-1].end)
            and all(lexicon.is_ordinary(w.text) for w in run)):
        return False  # "FallRisk: High": a label's English words, their space dropped
    if (len(run) >= 2 and not line[run[-1].end :].strip() and _facility_word_cut(run[-1].lower)
            and not any(lexicon.is_first_name(t) for t in texts[:-1])):
        return False  # "CEDARS-SINAI MEDI|": a hospital's name cut at the picture's edge
    texts = [w.text for w in core]
    if _MODEL_CODE_AFTER.match(line, run[-1].end):
        return False  # "VELVANEAR MERSOLMER S8", "Logiq S8": a model's code ends the line
    if any(is_device_word(t) and not lexicon.is_known_name(t) for t in texts):
        return False  # "ALOKA ARIETTA", "Philips Lumify": a maker's or a model's word
    if (len(core) == 2 and _COMMA_OR_STOP.search(gap(line, core[0], core[1]))
            and lexicon.is_common_word(core[1].text) and not lexicon.is_first_name(core[1].text)):
        return False  # "Iris. Peak" (a setting, its colon read as a stop): after a comma a
        # given name, not a common word
    known = [lexicon.is_known_name(t) for t in texts]
    ordinary = [lexicon.is_ordinary(t) or t.lower() in lexicon.CLINICAL_WORDS for t in texts]
    if cue >= PATIENT:
        ordinary = [o and not r for o, r in zip(ordinary, _rare_as_names(line, core, known, cue),
                                                strict=True)]
    if len(run) < 2:
        return _alone_before_marker(line, run[0]) or (cue == PERSON and (
            _alone_on_line(line, run[0]) or _alone_before_record_label(line, run[0])))
    if len(core) < 2 and not (known[0] and not ordinary[0]):
        return False  # "DE SOUZA", "LE VAN THANH", but not "LA DIAM": one word after particles,
        # a name of the lists
    if any(_SHAPED.search(g) for g in gaps) and (any(known) or not any(ordinary)):
        return True  # "DOE, Jane", "OKAFOR^CHIDI", "Nummelin, Impi": the shape says name
    if any(map(_CARET_SHAPED.search, gaps)) and (cue == PERSON or own):
        return True  # "LIMA^Sofia" read "LIMA~Sofa": DICOM's caret joins a person's names only
    if own and len(core) <= 3 and all(len(t) >= 3 for t in texts) and not any(ordinary):
        return True  # on the line of a record number: "Acc# 6525781 Samurakami Mashuu"
    if cue == PERSON and "" in gaps and any(  # "LimaSofia Age: 81": the caret OCR dropped
            lexicon.is_first_name(t) and not o for t, o in zip(texts, ordinary, strict=True)):
        return True
    if not all(k or not o for k, o in zip(known, ordinary, strict=True)):
        return _given_then_surname(core)
    if cue == PERSON and len(core) <= 3 and all(len(t) >= 3 for t in texts):
        return True  # beside a sex, an age or a birth date: "BEKBOLAT MUSLIYEVICH [M]"
    if cue == PATIENT and _unlisted_name_line(line, run):
        return True  # over "Pt ID: 48213377": "ADAEZE OBIORA", names no census list holds
    return any(lexicon.is_first_name(t) or (k and not o)
               for t, k, o in zip(texts, known, ordinary, strict=True))


_COMMA_OR_STOP = re.compile(r"[,.，]")
# a model's code last on its line: a letter or two and digits ("S8", "E10", "i800"); a number
# alone may be an age, a letter alone an initial, a sex and an age run together ("F25Y", "M80")
_MODEL_CODE_AFTER = re.compile(r" {1,3}(?![MFmf]\d)[A-Za-z]{1,2}\d{1,4}[A-Za-z]?\s*$")


def _rare_name(word: Token, line: str) -> bool:
    """A rare English word the world's given names hold, or after a surname's particle."""
    return lexicon.is_rare_word(word.text) and (
        word.lower in lexicon.world_given_names() or _after_particle(word, line))


def _rare_as_names(line: str, core: list[Token], known: list[bool], cue: int) -> list[bool]:
    """Which of the run's words that are rare English words are names: beside a patient's record
    number, a sex, an age or a birth date, one the world's given names hold or one after a
    surname's particle ("Oisin BREATHNACH", "TE WHARE": Webster's lists "oisin" and "whare" as
    rare words; not "Fetal Biometry"); beside a sex, an age or a birth date, every one where a
    name of the run is such a word too ("Yulan PERES": a magnolia and Webster's plural of
    "pere")."""
    rare = [lexicon.is_rare_word(w.text) for w in core]
    if cue == PERSON and any(k and r for k, r in zip(known, rare, strict=True)):
        return rare
    return [_rare_name(w, line) for w in core]


def _alone_before_marker(line: str, word: Token) -> bool:
    """ "ANDOURIKU Sex: F 04/05/2019": one word in no dictionary, first on its line, with a sex
    marker or an age right after it (a name whose spaces OCR dropped, or a surname alone); not
    words run together ("ABDOMENPELVIS [F]", "GREATORMONDSTREET (F)": an English word at an
    end)."""
    return (len(word.text) >= 4 and _first_after_label(line, word)
            and (lexicon.is_known_name(word.lower) or not holds_a_word(word.lower)
                 or names_in_a_field(word))
            and word.lower not in lexicon.CLINICAL_WORDS
            and _MARKER_NEXT.match(line, word.end) is not None)


def _alone_before_record_label(line: str, word: Token) -> bool:
    """ "MAZZI Acc# 81244127 10/03/2021" over "DOB: ... M": one word in no dictionary nor
    overlay words run together, first on its line, with a record's label and number right after
    it (an ECG printout's or a banner's first field: the surname, its given name lost or cut);
    asked only beside a sex, an age or a birth date. A maker's, a study's or a facility's word
    there is no name ("PORTABLE Acc#", "T2 TSESAG ID: 6276853"); in a word of ten capitals or
    more an English word inside is chance ("SAMURAKAMIMASHUU" holds "mimas")."""
    return (len(word.text) >= 4 and not line[: word.start].strip()
            and (not holds_a_word(word.lower) or names_in_a_field(word))
            and not lexicon.is_ordinary(word.lower)
            and not overlay_words_run_together(word.lower)  # "T2 TSESAG ID: 6276853"
            and word.lower not in lexicon.CLINICAL_WORDS
            and _RECORD_LABEL_NEXT.match(line, word.end) is not None)


def _alone_on_line(line: str, word: Token) -> bool:
    """ "BEKBOLATMUSLIYEVICH" over "DOB: 03/11/1976": one word in no dictionary that is the
    whole of its line (or of its last field, or of its column: a wide gap after it), but for a
    caret's trace or a middle initial; a
    name in the lists or, in no list, long enough to be two names whose space OCR dropped (a
    maker's or a hospital's one word is shorter); not words run together ("ABDOMENPELVIS"), nor
    a word of the overlay."""
    lower = word.lower
    return (len(word.text) >= 6 and _first_after_label(line, word)
            and INITIAL_TAIL.fullmatch(line, word.end, _column_end(line, word.end)) is not None
            and not lexicon.is_ordinary(lower)
            and (lexicon.is_known_name(lower) or (len(lower) >= 10 and not holds_a_word(lower))
                 or names_run_together(word, least=14))
            and lower not in lexicon.CLINICAL_WORDS)


def _column_end(line: str, start: int) -> int:
    """Where the column from `start` ends: at a column's gap (text_join.COLUMN), or the line's
    end."""
    at = line.find(COLUMN, start)
    return len(line) if at < 0 else at


def _first_after_label(line: str, word: Token) -> bool:
    """`word` is first on its line, or right after a label of the overlay's ("Pt: ",
    "PATIENT NAME: ")."""
    before = line[: word.start]
    return not any(c.isalpha() for c in before) or FIELD_END.search(before) is not None or (
        _LABEL_BEFORE.fullmatch(before) is not None
        and all(made_of_words(w.lower, labels_only=True) for w in tokens(before)))


def _given_then_surname(run: list[Token]) -> bool:
    """ "Jane DOE": a capitalised first name, then a word in capitals."""
    given, surname = run[0].text, run[-1].text
    return (len(run) == 2 and not given.isupper() and lexicon.is_first_name(given)
            and surname.isupper() and len(surname) >= 3)


def _beside_facility(line: str, words: list[Token], first: int, last: int) -> bool:
    """A facility's word next to the run, as printed ("Children's") or without its possessive;
    not one printed in another case after it, another column's ("Varvio Johannes
    EMERGENCYDEPARTMENT", "EdvardPetrussen ROYALVICTORIAINFIRMARY")."""
    after = last + 1  # past a letter left over from words cut apart ("DEA CONES S MC")
    while after + 1 < len(words) and len(words[after].text) == 1:
        after += 1
    near = [words[i] for i in (first - 1, after) if 0 <= i < len(words)]
    return any(is_facility_word(w) for w in near) and not (
        (first == 0 or not is_facility_word(words[first - 1]))
        and another_column(words, first, last))
