"""Hospital-ward context: words that place a video on a ward, though they name nobody.

"on the ward", "in the ICU", "my patient", a whiteboard's "Nurse in charge", a monitor's HR /
SpO2 / NIBP labels, the model name on its bezel ("IntelliVue"). None of these identifies a
patient, but together with a face, a bed number or a date they can, and a trust's social-media
policy usually forbids filming on the ward at all.
So they are reported as context (category `ward_context`), with a lower severity than
identifiers, and never merged into an identifier.
"""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

# Said or written: the speaker is on a ward, with a patient.
SPOKEN = (
    r"\b(?:on|onto|to|back\s+to)\s+(?:the|my|our)\s+(?:ward|unit|floor)\b",
    r"\b(?:in|into|to|from)\s+(?:the\s+)?(?:icu|itu|ccu|micu|sicu|nicu|picu|hdu|a\s?&\s?e|"
    r"resus|emergency\s+department|intensive\s+care|recovery|theatres?|labou?r\s+ward|"
    r"cath\s+lab|step[-\s]?down)\b",
    r"\bmy\s+patients?\b",
    r"\b(?:at|by)\s+the\s+bedside\b",
    r"\b(?:ward\s+round|handover|bed\s+manager|nurse\s+in\s+charge|charge\s+nurse)\b",
)
# Printed on a whiteboard, patient board, door sign or chart screen.
SIGNAGE = (
    r"\b(?:ward|unit)\s+(?:\d{1,2}[a-z]?|[A-Z]\d?)\b",
    r"\b(?:nurses'?\s+station|patient\s+board|bed\s+board|estimated\s+discharge|EDD|"
    r"nil\s+by\s+mouth|NBM|falls?\s+risk|infection\s+control|isolation|visiting\s+hours|"
    r"your\s+nurse\s+today|consultant|allergies)\b",
)
# Bedside-monitor labels (case matters: "HR" on a monitor, not "hr" in "24 hr").
MONITOR = (
    r"(?-i:\b(?:HR|SpO2|SPO2|NIBP|ABP|ART|CVP|EtCO2|ETCO2|RR|PVC|PLETH|Pleth|RESP|Resp|"
    r"ST-?II|aVR|aVL|aVF)\b)",
)

# Names printed on the bezel of hospital-only equipment (patient monitors, defibrillators,
# ventilators, infusion pumps): readable when the screen's own labels are not. Makers that also
# sell televisions or shavers (Philips, GE) are not on it; their monitor ranges are.
DEVICE = (
    r"\b(?:IntelliVue|Carescape|BeneView|ePM\s?\d{1,2}|Life\s?Scope|VitaLogik|Propaq|"
    r"LIFEPAK|Lifepak|Alaris|Mindray|Nihon\s+Kohden|Puritan\s+Bennett|Evita\s?V?\d{3}|"
    r"Hamilton[-\s]C\d|Servo[-\s]?[iuns]|Infinity\s+Delta|Welch\s?Allyn)\b",
)

# The words of those names that are no one's name, so the name model does not take
# "Mindray BeneView" for a person (surnames such as Bennett or Hamilton are left out).
DEVICE_WORDS = frozenset({"intellivue", "carescape", "beneview", "mindray", "propaq", "lifepak",
                          "alaris", "vitalogik", "kohden"})


def ward_context_recognizer() -> PatternRecognizer:
    return PatternRecognizer(
        supported_entity="WARD_CONTEXT",
        name="ward context",
        patterns=[
            *(Pattern("spoken ward context", p, 0.5) for p in SPOKEN),
            *(Pattern("ward signage or chart label", p, 0.5) for p in SIGNAGE),
            *(Pattern("bedside monitor label", p, 0.45) for p in MONITOR),
            *(Pattern("hospital equipment maker or model", p, 0.45) for p in DEVICE),
        ],
    )
