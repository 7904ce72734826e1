"""Makes resources/sample_clip.mp4, the clip `make run` opens.

A 15-second vertical (540×960) "night shift tips" clip: a harmless title, a patient's name, a
record number and a room/bed label on screen, and speech naming a patient, his bed, his age and
a phone number. Every identifier in it is invented. Run: `.venv/bin/python
resources/make_sample_clip.py` (needs ffmpeg and espeak-ng; `make run` installs them).
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.clips import Caption, Utterance, make_clip  # noqa: E402

OUT = ROOT / "resources" / "sample_clip.mp4"


def main() -> None:
    truth = make_clip(
        OUT,
        width=540,
        height=960,
        duration_s=15.5,
        captions=[
            Caption("Night shift tips", 0.0, 15.5, 120, 80, size=44),
            Caption("PATIENT: Margaret Olson", 1.0, 5.0, 60, 380, size=34, category="name"),
            Caption("MRN 00482913", 6.0, 12.0, 120, 520, size=40, category="id"),
            Caption("ROOM 412  BED B", 6.5, 12.0, 110, 700, size=38, category="location"),
        ],
        utterances=[
            Utterance("Three tips for the night shift.", 0.2),
            Utterance("My patient Mr Fischer is in room 12.", 3.0,
                      planted=(("name", "Mr Fischer"), ("location", "room 12"))),
            Utterance("Call his daughter on 4 1 5, 5 5 5, 0 1 9 9.", 7.4,
                      planted=(("phone", "415 555 0199"),)),
        ],
    )
    truth.write(OUT.with_suffix(".truth.json"))
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
