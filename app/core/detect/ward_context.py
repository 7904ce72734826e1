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

# Said or written: the speaker is on a ward, in a unit, in theatre or on shift, with a patient.
# General rules, measured on bench/ward_phrases.py (how clinicians say it, US/UK/AU) and its
# everyday look-alikes ("a unit of measurement", "the floor is slippery", "to the theatre").
# What kind of ward or unit: "cardiac unit", "labour ward", "med-surg floor".
_KIND = (r"(?:cardiac|cardiology|coronary\s+care|cardiothoracic|surgical|medical|acute|"
         r"assessment|renal|stroke|burns?|neonatal|maternity|postnatal|antenatal|oncology|"
         r"ha?ematology|respiratory|trauma|orthop(?:a)?edic|psych(?:iatric)?|mental\s+health|"
         r"dementia|rehab(?:ilitation)?|dialysis|spinal|neuro(?:logy|surgical)?|p(?:a)?ediatric|"
         r"geriatric|elderly\s+care|high\s+dependency|intensive\s+care|critical\s+care|"
         r"special\s+care\s+baby|step[-\s]?down|telemetry|med[-\s]?surg|observation|"
         r"transplant|palliative|day\s+surgery|vascular|gastro(?:enterology)?|"
         r"infectious\s+diseases?|post[-\s]?op|pre[-\s]?op|isolation|covid)")
# A unit's initials, which name nothing but a hospital department ("in ICU", "a NICU nurse").
_INITIALS = r"(?:icu|itu|ccu|cicu|cvicu|micu|sicu|nicu|picu|hdu|pacu|(?-i:SCBU|AMU|MAU|EAU|SAU))"
# Initials that are also everyday words, only in capitals and after "the": "in the ER".
_CAPS = r"(?-i:ER|ED|OR|A\s?&\s?E|L\s?&\s?D)"
_TO = r"(?:on|onto|in|into|to|from|off|at|through|out\s+of)"
_WHOSE = r"(?:the|my|our|this|a|an|your|their|his|her)"
_SHIFT_KIND = (r"(?:night|day|late|early|long|double|weekend|twelve[-\s]hour|12[-\s]?(?:hour|hr)|"
               r"(?:twelve|12)[-\s]hour\s+(?:night|day))")
SPOKEN = (
    # on the unit / in the ward / on our cardiac unit / to the floor (but "a unit of ...")
    rf"\b{_TO}\s+{_WHOSE}\s+(?:{_KIND}\s+){{0,2}}(?:ward|unit)\b(?!\s+of\b)",
    rf"\b{_KIND}(?:\s+{_KIND})?\s+(?:ward|unit|floor|department|nurse)\b",
    r"\b(?:on|to)\s+(?:my|our)\s+floor\b|\b(?:back|up|down|transferr?(?:ed|ing)?)\s+to\s+"
    r"the\s+floor\b|\bpatients\s+(?:on|to)\s+the\s+floor\b",
    rf"\b(?:{_TO}\s+(?:{_WHOSE}\s+)?)?{_INITIALS}\b|\b{_TO}\s+(?:the\s+)?{_CAPS}\b|(?-i:\b(?:ER|ED|OR|A&E)\s+nurse\b)",
    r"\b(?:emergency\s+(?:room|department)|operating\s+(?:room|theatre|table)|intensive\s+care|"
    r"critical\s+care|high\s+dependency|(?:labou?r|general)\s+wards?|labou?r\s+(?:and|&)\s+delivery|delivery\s+suite|"
    r"cath(?:eter)?\s+lab|resus|ward\s+(?:manager|sister|clerk|staff|nurse))\b",
    # no article: in theatre, to recovery, through casualty, in triage, on tele
    r"\b(?:in|into|to|from|for|through|out\s+of|back\s+from)\s+(?:theatres?|recovery(?!\s+from)|"
    r"casualty|majors|minors|triage|endoscopy|tele(?:metry)?(?!\s+data))\b",
    r"\btheatres?\s+(?:list|nurse|team|staff|scrubs|sister|practitioner|slot)\b",
    # shifts: on a night shift, halfway through my shift, on nights, a run of nights
    rf"\b(?:on|during|through|after|before|into|of|{_WHOSE}|this|that|last|next|another|"
    rf"tonight'?s|today'?s|first|second|third|fourth|fifth)\s+(?:(?:first|second|third|long|busy|"
    rf"quiet)\s+)?{_SHIFT_KIND}[-\s]?shifts?\b",
    r"\b(?:twelve|12)[-\s]hour\s+(?:night|day)\s+shifts?\b|\b(?:my|our)\s+shift\b",
    r"\b(?:on|working|doing|run\s+of|stretch\s+of|block\s+of|set\s+of|week\s+of)\s+"
    r"(?:nights|lates|earlies)\b(?!\s+(?:like|when|out|in\s+town))",
    # patients, bays, side rooms, bleeps
    r"\bmy\s+patients?\b",
    r"\b(?:at|by)\s+the\s+bedside\b",
    rf"\b{_TO}\s+(?:{_WHOSE}\s+)?(?:side\s+room|cubicle|bed\s*space)s?\b(?!\s+of\b)",
    r"\b(?:ward\s+rounds?|handover|bed\s+manager|nurse\s+in\s+charge|charge\s+nurse|"
    r"rapid\s+response)\b",
    r"\b(?:bleep(?:ed|ing)?|pag(?:e|ed|ing))\s+(?:the\s+)?(?:on[-\s]call\s+)?"
    r"(?:reg(?:istrar)?|sho|f[y]?[12]|resident|intern|attending|house\s+officer)\b|"
    r"\b(?:registrar|resident|attending|doctor|reg|sho)\s+on[-\s]call\b",
)
# Printed on a whiteboard, patient board, door sign or chart screen.
SIGNAGE = (
    r"\b(?:ward|unit)\s*:?\s+(?:\d{1,2}[a-z]?|[A-Z]\d?)\b",
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
