"""The proof's read-back, one piece at a time: what counts as a read of a hidden text, which
regions of a frame are read, when a region need not be read again, and the patches a leak
makes (the whole of it, with the real OCR, is tests/integration/test_redact_proof.py)."""

from pathlib import Path

import numpy as np

from app.core.redact import read_back as read_back_module
from app.core.redact.look_back import expected, share_inside
from app.core.redact.read_back import (
    FACE,
    RECHECK_FRAMES,
    TEXT,
    Hidden,
    Leak,
    _Changes,
    _leaks,
    letters,
    merged,
    runs,
)
from app.core.redact.repair import BEYOND_S, HOLD_S, patches_for
from app.core.steps import run


def test_three_letters_in_a_row_of_a_hidden_text_leak_and_labels_do_not():
    hidden = Hidden("f1", "MRN 00482913", {1.0: (10, 10, 100, 20)})
    assert "mrn" not in " ".join(hidden.near)  # the label may show beside a cover
    lines = [("MRN", (0, 0, 10, 10)), ("Wash hands", (0, 0, 10, 10)),
             ("..2913", (50, 12, 30, 16))]
    (leak,) = _leaks(1.0, (0, 0, 200, 200), lines, [hidden], 3)
    assert leak == Leak(1.0, (50, 12, 30, 16), "..2913", "f1")


def test_a_line_apart_from_the_cover_drawn_then_needs_five_letters():
    hidden = Hidden("f1", "MRN 00482913", {1.0: (10, 10, 100, 20)})
    beside = [("BP 129/13", (300, 10, 60, 20))]  # "913" of the MRN, far from its cover
    assert not _leaks(1.0, (0, 0, 400, 100), beside, [hidden], 3)
    assert not _leaks(0.5, (0, 0, 400, 100), beside, [hidden], 3)  # not a piece of it
    assert _leaks(0.5, (0, 0, 400, 100), [("2913", (300, 10, 60, 20))], [hidden], 3)  # its end
    assert _leaks(1.0, (0, 0, 400, 100), [("482913", (300, 10, 60, 20))], [hidden], 3)


def test_ocr_confusions_are_folded_both_ways():
    assert letters("0LS0N") == letters("olson")
    assert letters("0lSon") in runs("Olson", 5)  # "Olson" read as "0lSon" still leaks


def test_a_whole_frame_needs_five_letters_in_a_row():
    hidden = Hidden("f1", "Margaret Olson", {1.0: (10, 10, 100, 20)})
    person = [("Person in charge", (10, 12, 100, 16))]  # "son" of Olson, not the name
    assert not _leaks(1.0, (0, 0, 9, 9), person, [hidden], 5)
    assert not _leaks(1.0, (0, 0, 9, 9), person, [hidden], 3)  # an English word, not a cut
    assert _leaks(1.0, (0, 0, 9, 9), [("son", (10, 12, 100, 16))], [hidden], 3)  # on the cover
    assert _leaks(1.0, (0, 0, 9, 9), [("garet Ols", (0, 0, 9, 9))], [hidden], 5)


def test_regions_around_covers_are_read_from_half_a_second_before_to_after():
    hidden = Hidden("f1", "Olson", {2.0: (100, 100, 60, 20), 2.1: (104, 100, 60, 20)})
    assert hidden.around(1.6) and hidden.around(2.5) and not hidden.around(1.4)
    x, y, w, h = hidden.region(1.6, (640, 360))  # before the cover: the first cover, grown
    assert x < 100 and y < 100 and x + w > 160 and y + h > 120
    regions = merged([((0, 0, 10, 10), {"a"}), ((5, 5, 10, 10), {"b"}), ((50, 50, 5, 5), {"c"})])
    assert regions == [((0, 0, 15, 15), {"a", "b"}), ((50, 50, 5, 5), {"c"})]


def test_a_whole_frame_where_nothing_changed_is_not_read_again_for_a_few_frames():
    rng = np.random.default_rng(0)
    still = rng.integers(0, 255, (360, 640, 3), np.uint8)
    changes = _Changes()
    changes.see(still, 0)
    assert changes.due()
    changes.read(clean=True)
    skipped = 0
    for index in range(1, RECHECK_FRAMES + 2):
        changes.see(still, index)
        skipped += not changes.due()
    assert 0 < skipped < RECHECK_FRAMES + 1  # read again after RECHECK_FRAMES all the same
    moved = still.copy()
    moved[110:150, 110:200] = 255 - moved[110:150, 110:200]  # something changed there
    changes.read(clean=True)
    changes.see(moved, 20)
    assert changes.due()
    changes.read(clean=False)  # a leak there: read it every frame
    changes.see(moved, 21)
    assert changes.due()


def test_a_leak_becomes_a_padded_patch_either_side_of_its_frame():
    (patch,) = patches_for([Leak(2.0, (100, 50, 40, 20), "2913", "f1")], (640, 360))
    assert patch.key == "f1" and patch.at(2.0 - HOLD_S) and not patch.at(2.0 + 2 * HOLD_S)
    x, y, w, h = patch.rect
    assert x < 100 and y < 50 and x + w > 140 and y + h > 70
    assert patches_for([Leak(2.0, (-50, -50, 10, 10), "x", "f1")], (640, 360)) == []


def test_three_letters_leak_only_where_the_cover_is():
    """A caption under a board's cover, or a word at the far end of the cover's line, shares
    three letters with a hidden name ("are" of "Margaret") without being any of it: patching
    it hid more of the copy and wrote it again for nothing. The name sticking out of its
    cover, or read on the cover's line, still leaks."""
    hidden = Hidden("f1", "Margaret Olson", {1.0: (200, 100, 160, 30)})
    region = (0, 0, 720, 400)
    below = [("Pack a real lunch", (150, 136, 260, 28))]  # 6 px of it inside the cover
    assert not _leaks(1.0, region, below, [hidden], 3)
    far_right = [("Beds free: 2   Prepare", (100, 102, 600, 26))]  # "are" at its far end
    assert not _leaks(1.0, region, far_right, [hidden], 3)
    sticking_out = [("Marg", (150, 104, 50, 24))]  # the cover lagging: "Marg" shows left of it
    assert _leaks(1.0, region, sticking_out, [hidden], 3)
    other_caption = [("Pack a real lunch", (200, 102, 160, 26))]  # on the cover: no piece
    assert not _leaks(1.0, region, other_caption, [hidden], 3)  # of the name is what shows
    for cut in ("aret Olson", "Margaret Ol", "Bed 3Marg", "0LSON", "MargRN:", "RNOlson",
                "RNMarg", "OlsonDr"):
        assert _leaks(1.0, region, [(cut, (200, 102, 160, 26))], [hidden], 3), cut  # start/end
    for other in ("Summary", "SummaryRN:", "RNSummary"):  # run into a label, still not the name
        assert not _leaks(1.0, region, [(other, (200, 102, 160, 26))], [hidden], 3), other
    patient = Hidden("f2", "Patient: Anika Patel", {1.0: (200, 100, 160, 30)})
    assert not _leaks(1.0, region, [("Patient", (200, 102, 160, 26))], [patient], 3)  # label
    assert _leaks(1.0, region, [("Patient: Pat", (200, 102, 160, 26))], [patient], 3)
    # no cover drawn then: a word that is the name's, or starts or ends as it does, anywhere
    assert _leaks(0.5, region, [("Ward: Marg", (150, 300, 90, 28))], [hidden], 3)
    assert _leaks(0.5, region, [("son", (150, 300, 90, 28))], [hidden], 3)
    board = Hidden("f3", "WARD 7B HANDOVER", {1.0: (200, 100, 160, 30)})
    for caption in ("Pack a real lunch", "Hydrate every hour"):  # "are", "ver": inside words
        assert not _leaks(0.5, region, [(caption, (150, 300, 200, 28))], [hidden, board], 3)
    assert _leaks(1.0, region, [("garet Ols", (150, 300, 90, 28))], [hidden], 3)  # five: anywhere


def test_a_leak_before_the_first_cover_is_patched_further_back():
    (early,) = patches_for([Leak(2.0, (100, 50, 40, 20), "2913", "f1", TEXT, -1)], (640, 360))
    assert early.at(2.0 - BEYOND_S) and not early.at(2.0 + 2 * HOLD_S)
    (late,) = patches_for([Leak(2.0, (100, 50, 40, 20), "2913", "f1", TEXT, 1)], (640, 360))
    assert late.at(2.0 + BEYOND_S) and not late.at(2.0 - 2 * HOLD_S)
    hidden = Hidden("f1", "Olson", {2.0: (100, 100, 60, 20), 2.1: (104, 100, 60, 20)})
    assert [hidden.side(t) for t in (1.8, 2.0, 2.05, 2.1, 2.3)] == [-1, 0, 0, 0, 1]


def test_a_face_or_code_leaks_only_where_the_hidden_one_is_expected():
    hidden = Hidden("f1", "", {3.0: (400, 80, 200, 200)}, FACE)
    assert share_inside((450, 100, 100, 100), expected(hidden, 3.0)) == 1.0
    assert share_inside((0, 600, 100, 100), expected(hidden, 3.0)) == 0.0  # the presenter's
    # no cover drawn then: the nearest one, grown by half its size (the face moves)
    assert expected(hidden, 2.8) == (300, -20, 400, 400)
    assert expected(hidden, 3.0) == (350, 30, 300, 300)


class _ReadsEverywhere:
    """An OCR that reads one text on every line it is given, wherever it looks."""

    def __init__(self, text: str) -> None:
        self.text = text

    def detect(self, image, scale=None):
        w = image.shape[1] - 1
        return [np.array([[0, 0], [w, 0], [w, 30], [0, 30]], np.float32)]

    def recognise(self, image, quads):
        return [(self.text, 0.99) for _ in quads]


def test_a_text_showing_before_its_cover_is_read_while_another_cover_is_drawn(monkeypatch):
    """An outside tester's copy: a card cut by the frame's edge showed a date of birth for 1.6 s
    before its cover started, while the name's cover beside it was drawn the whole time; the
    proof read only around the name's cover then, and passed the copy."""
    frames = [(i / 10, np.full((360, 640, 3), 120 + i % 3, np.uint8)) for i in range(40)]
    monkeypatch.setattr(read_back_module, "iter_frames", lambda path, ahead=0: iter(frames))
    name = Hidden("A", "Margaret Olson", {t: (100, 100, 200, 30) for t, _ in frames})
    dob = Hidden("B", "DOB: 12/03/1948", {t: (100, 140, 200, 30) for t, _ in frames if t >= 3.0})
    read = run(read_back_module.read_back(Path("copy.mp4"), [name, dob],
                                           _ReadsEverywhere("DOB: 12/03/1"), 4.0))
    early = sorted({leak.t_s for leak in read.leaks if leak.key == "B" and leak.t_s < 2.5})
    assert early and early[0] < 0.5, early  # read whole from the first frame on
    assert read.whole_too > 0
    # the other side: a text with nothing of the hidden ones is no leak, whole or around
    clean = run(read_back_module.read_back(Path("copy.mp4"), [name, dob],
                                            _ReadsEverywhere("Wash your hands"), 4.0))
    assert clean.leaks == []


def test_a_cover_is_found_at_the_copys_time_of_its_frame():
    """The writer keys the covers by the original's frame times, the read-back asks by the
    copy's: OpenCV says a third of them differently in the last bits (19 / 15 and a hair
    less). Taken as frames with no cover drawn, the rule for them was the wrong one."""
    hidden = Hidden("f1", "Tom Li", {19 / 15: (200, 100, 160, 30), 20 / 15: (204, 100, 160, 30)})
    assert hidden.drawn(19 / 15 - 2e-15) == (200, 100, 160, 30)
    assert hidden.drawn(20 / 15 + 2e-15) == (204, 100, 160, 30)
    assert hidden.drawn(19.5 / 15) is None and hidden.drawn(2.0) is None
    assert _leaks(19 / 15 - 2e-15, (0, 0, 720, 400), [("Li", (365, 104, 30, 24))], [hidden], 3)


def test_the_pdf_says_how_many_regions_were_not_read_again():
    from app.core.review.report_redacted import _read_back_line

    said = _read_back_line({"rounds": [{"frames": 10, "around": 10, "leaks": 0,
                                        "unchanged": 7, "looks_unchanged": 2}]}, masked=False)
    assert "9 regions not read again" in said
    plain = _read_back_line({"rounds": [{"frames": 10, "around": 10, "leaks": 0}]}, masked=False)
    assert "not read again" not in plain  # a record made before says nothing of it
