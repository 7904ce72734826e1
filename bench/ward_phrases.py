"""Ward context as clinicians say it: a labelled set of spoken phrasings, and its recall.

Run: `.venv/bin/python -m bench.ward_phrases` (text only, no speech model; a few seconds).

`PLACED` are sentences that put the speaker on a ward, in a unit, in theatre or on shift, the
way nurses, doctors and paramedics say it in the US, the UK, Ireland and Australia (collected
from how shift vlogs, handovers and nursing forums talk: unit names and their initials, shifts,
"resus", "theatre", "the floor", "my patient in bay 3"). `NOT_PLACED` are ordinary sentences
using the same words in their everyday sense ("unit of measurement", "the floor is slippery at
home", "we went to the theatre"), which must not be called ward context.

The rules (app/core/detect/ward_context.py) are general (a place word after a preposition and a
possessive, a shift after on/during), not these sentences; this set measures them.
Recall = share of PLACED with a `ward_context` span (or a bed/bay/room number, itself an
identifier that places the speech on a ward); false rate = share of NOT_PLACED with one.
"""

from __future__ import annotations

import sys

PLACED: tuple[str, ...] = (
    # unit names, said with on/in/to and an article or a possessive
    "On a night shift on our cardiac unit",
    "We had a really busy day on the unit",
    "I've worked in the ICU for six years",
    "She came up to the ICU from theatre",
    "Our patient went back to the CCU last night",
    "Ten years in the NICU and I still cry at discharges",
    "Things are calm in the PICU tonight",
    "He was stepped down to HDU this morning",
    "They moved him to the step-down unit",
    "I float to telemetry twice a week",
    "I work on a med-surg floor",
    "New grad on a med surg unit here",
    "It's chaos in L&D right now",
    "Labor and delivery was packed tonight",
    "I'm a nurse on the labour ward",
    "Just got back up to the floor after my break",
    "He'll be transferred to the floor tomorrow",
    "Straight from the ED to the cath lab",
    "We were slammed in the ER today",
    "Another busy one in A&E",
    "Got called to resus at 3 am",
    "Pre-alert coming into resus",
    "She went to theatre at midday",
    "I'm in theatres all day tomorrow",
    "He's still in recovery",
    "The patient is in PACU now",
    "We took him straight to the OR",
    "I'm scrubbed in the OR until two",
    "Back on the ward after two weeks off",
    "It was a quiet night on the ward",
    "Rounds on the oncology ward start at eight",
    "Welcome to our stroke unit",
    "I'm a nurse on a surgical ward",
    "I work in the emergency department",
    "She works in intensive care",
    "Fifteen years in critical care",
    "I'm on the burns unit this week",
    "Working on the renal unit today",
    "Night one on the acute medical unit",
    "He was admitted to the AMU overnight",
    "She's on the maternity ward",
    "Our dialysis unit opens at six",
    "I started on the neonatal unit in March",
    "I'm the charge nurse on a coronary care unit",
    "He's up on the respiratory ward",
    "They sent her down to endoscopy",
    "I work on an orthopaedic ward",
    "Day three on the trauma unit",
    "I transferred from the medical floor to the ICU",
    "She was in the emergency room for nine hours",
    "We're short staffed on the surgical floor",
    "Came in through casualty last night",
    "Things are busy in majors today",
    "Waiting in triage for two hours",
    "He's been moved to the high dependency unit",
    "On the delivery suite all weekend",
    "A long day on the postnatal ward",
    "I'm in the special care baby unit",
    "Our team on the psych unit",
    "Off to the cath lab with a STEMI",
    "On my unit we do bedside handover",
    "Most of my patients on tele are stable",
    "Working in the ITU during the pandemic",
    "I'm a resus nurse",
    "Another shift in ICU",
    "She just came out of theatre",
    "Wheeling him into theatre now",
    "He's first on the theatre list",
    "I'm a theatre nurse",
    "I'm an ICU nurse",
    "As a NICU nurse you learn patience",
    "I've been an ER nurse for ten years",
    "She's our ward manager",
    "I'm the nurse in charge tonight",
    # shifts
    "On a night shift last week",
    "Halfway through my night shift",
    "During my night shift a patient coughed up blood",
    "Twelve hour day shift done",
    "I'm on nights this week",
    "Third night shift in a row",
    "Just finished a run of nights",
    "Coming off a long day on the ward",
    "Before handover this morning",
    "My day shift starts at seven",
    "Back on nights tomorrow",
    "I've been working nights for a month",
    "On my late shift yesterday",
    "At the start of my shift a patient fell",
    "End of my twelve hour shift",
    "Doing a double shift today",
    "Starting my first night shift as a new grad",
    # patients, beds and bays
    "My patient in bay 3 is confused",
    "My patients tonight are all post-op",
    "The lady in bed seven",
    "The gentleman in side room two",
    "We moved her into a side room",
    "He's in the side room for isolation",
    "The patient in cubicle four",
    "Bay two is full again",
    "I'm looking after bay four today",
    "We're in bed space twelve",
    "She's in the end bed by the window",
    "I had five patients on the floor tonight",
    "We did the ward round at nine",
    "At the bedside with my patient",
    "Bleep the registrar on call",
    "Called the rapid response team to the floor",
    "The patient in room 412 is on isolation",
    "At the nurses' station",
    "In the staff room on my break",
)

NOT_PLACED: tuple[str, ...] = (
    "The metre is a unit of measurement",
    "The floor is slippery at home",
    "I slipped on the kitchen floor",
    "We went to the theatre last night",
    "The theatre was showing a musical",
    "Our storage unit is full of boxes",
    "The air conditioning unit is broken",
    "New kitchen units are going in",
    "Take the stairs to the second floor",
    "Our flat is on the first floor",
    "Night shift tips",
    "A night out in town",
    "I work from home on Mondays",
    "Take one tablet at night",
    "Drink plenty of water every day",
    "The bay window lets in the light",
    "We sailed across the bay",
    "The room was painted blue",
    "My son shares a room with his brother",
    "She is in recovery from a knee injury at home",
    "The army unit was deployed",
    "Today we talk about washing your hands",
    "Use soap and water for twenty seconds",
    "Wash your hands before you eat",
    "The operating system needs an update",
    "He or she can call the helpline",
    "The dance floor was packed",
    "The unit price went up",
    "This is a unit test",
    "He floored the accelerator",
    "A bed of roses",
    "We bought a new bed for the spare room",
    "I'm going to bed early tonight",
    "The kids are in the side garden",
    "Every day is a school day",
    "A long day at the office",
    "I watched the news at night",
    "The shift key is stuck",
    "Shift the box to the left",
    "A change of shift in public opinion",
    "My patience is running out",
    "The ER diagram shows the tables",
    "Remember to stretch after a long run",
    "Eat more fruit and vegetables",
    "Sleep is important for your health",
    "Floor exercises for your core",
    "The ward of the court",
    "We were triaging our emails",
    "The card table is in the side room of the pub",
    "Recovery time after a marathon is two weeks",
)


def ward_context_found(detector, sentence: str) -> bool:
    """A `ward_context` span, or a bed, bay or room number (an identifier that itself places
    the speech on a ward: "the lady in bed seven")."""
    from app.core.models import Category

    return any(s.category is Category.WARD_CONTEXT
               or (s.category is Category.LOCATION and "bed" in s.rule)
               for s in detector.detect(sentence))


def measure(detector) -> dict[str, object]:
    """Recall on PLACED, false rate on NOT_PLACED, and the sentences each side got wrong."""
    missed = [s for s in PLACED if not ward_context_found(detector, s)]
    false = [s for s in NOT_PLACED if ward_context_found(detector, s)]
    return {
        "placed": len(PLACED),
        "recall": 1 - len(missed) / len(PLACED),
        "not_placed": len(NOT_PLACED),
        "false_rate": len(false) / len(NOT_PLACED),
        "missed": missed,
        "false": false,
    }


def main() -> int:
    from app.core.detect import TextDetector

    result = measure(TextDetector())
    print("| phrase set | sentences | with ward context |")
    print("|---|---|---|")
    print(f"| said on a ward (must) | {result['placed']} | recall {result['recall']:.2f} |")
    print(f"| everyday uses (must not) | {result['not_placed']} | "
          f"false {result['false_rate']:.2f} |")
    for sentence in result["missed"]:
        print(f"missed: {sentence}", file=sys.stderr)
    for sentence in result["false"]:
        print(f"false: {sentence}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
