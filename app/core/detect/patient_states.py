"""What a handover sheet or a whiteboard writes after "Patient:" when it is not the name: the
patient's state ("Patient: Stable", "Patient: Comfortable", "Patient: Discharged").

A word there is a state, not a name, when it is listed below (the conditions, whereabouts and
stages of a stay, some of them surnames too: "Stable", "Good", "Fair", "Well"), or when it is a
common English word that is nobody's name ("Sleeping", "Improving"). A name that is also an
English word stays a name ("Patient: Hope", "Patient: Grace", "Patient: Mary Able"), and so does
a rare word ("Patient: Peres Yulan").
"""

from __future__ import annotations

import re

from app.core.detect import lexicon

STATES = frozenset("""
stable unstable comfortable uncomfortable improving improved deteriorating deteriorated worsening
worse better settled unsettled well unwell fine fair good poor critical serious guarded
satisfactory sleeping asleep awake alert drowsy resting rested confused agitated distressed
anxious calm sedated intubated ventilated extubated responsive unresponsive orientated oriented
febrile afebrile pyrexial apyrexial septic ambulant ambulating mobile immobile independent
mobilising mobilizing eating drinking fasting nbm npo discharged discharge transferred transfer
admitted admission pending waiting awaiting ready deceased died expired palliative dnr dnacpr
isolated isolation recovering recovered home theatre surgery away absent nil none ok same
unchanged
""".split())

_WORD = re.compile(r"[A-Za-z]+(?:[-'][A-Za-z]+)*")


def is_a_state(words: str) -> bool:
    """Whether every word of `words`, written after "Patient:", tells how or where the patient
    is rather than who ("Stable", "Sleeping Comfortably"), not a name ("Stanley", "Hope")."""
    found = _WORD.findall(words)
    return bool(found) and all(_state_word(w) for w in found)


def _state_word(word: str) -> bool:
    lower = word.lower()
    if lower in STATES:
        return True
    return lexicon.is_common_word(lower) and not lexicon.is_known_name(lower)
