"""Following text lines from sample to sample: read once, read again only when needed."""

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from app.core.picture.motion import IDENTITY
from app.core.picture.text_tracks import (
    TextTracker,
    looks_changed,
    patch_of,
    same_text,
    sharpness,
)


class CountingEngine:
    """Recognises a quad as the text drawn there (the test knows it); counts the reads."""

    def __init__(self, texts):
        self.texts = texts  # callable(quad) -> text
        self.reads = 0

    def recognise(self, frame, quads):
        self.reads += len(quads)
        return [(self.texts(q), 0.97) for q in quads]


def drawn(lines, size=(640, 360), background=120):
    """A frame with each (text, x, y) drawn in black on a white card; returns it and the quads."""
    image = Image.new("RGB", size[::-1], (background,) * 3)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=28)
    quads = []
    for text, x, y in lines:
        left, top, right, bottom = draw.textbbox((x, y), text, font=font)
        draw.rectangle((left - 6, top - 6, right + 6, bottom + 6), fill=(250, 250, 250))
        draw.text((x, y), text, font=font, fill=(10, 10, 10))
        quads.append(np.float32([[left - 3, top - 3], [right + 3, top - 3], [right + 3, bottom + 3],
                                 [left - 3, bottom + 3]]))
    return np.asarray(image)[:, :, ::-1].copy(), quads


def shift(dx, dy):
    return np.float32([[1, 0, dx], [0, 1, dy]])


def test_a_line_followed_through_camera_shake_is_read_once_and_keeps_its_id():
    engine = CountingEngine(lambda q: "Margaret Olson")
    tracker = TextTracker(engine)
    ids = set()
    x, y = 40, 200
    for step, (dx, dy) in enumerate([(0, 0), (22, -9), (-31, 14), (18, 25), (-9, -30)]):
        x, y = x + dx, y + dy
        frame, quads = drawn([("Margaret Olson", x, y)])
        pieces = tracker.update(step * 0.5, frame, shift(dx, dy) if step else IDENTITY, quads)
        assert [p.text for p in pieces] == ["Margaret Olson"]
        ids |= {p.track for p in pieces}
    assert engine.reads == 1 and len(ids) == 1


def test_new_text_in_the_same_place_is_read_again_as_a_new_line():
    texts = iter(["Stay hydrated", "MRN 00482913"])
    engine = CountingEngine(lambda q: next(texts))
    tracker = TextTracker(engine)
    frame, quads = drawn([("Stay hydrated", 40, 200)])
    first = tracker.update(0.0, frame, IDENTITY, quads)
    frame, quads = drawn([("MRN 00482913", 40, 200)])
    second = tracker.update(0.5, frame, IDENTITY, quads)
    assert engine.reads == 2
    assert second[0].text == "MRN 00482913" and second[0].track != first[0].track


def test_a_line_that_grows_into_view_is_read_again_and_stays_one_line():
    texts = iter(["Oka", "Okafor"])
    engine = CountingEngine(lambda q: next(texts))
    tracker = TextTracker(engine)
    frame, quads = drawn([("Okafor", 40, 200)])
    cut = quads[0].copy()
    cut[1:3, 0] = cut[0, 0] + (cut[1, 0] - cut[0, 0]) * 0.45  # the right half not yet in view
    first = tracker.update(0.0, frame, IDENTITY, [cut])
    second = tracker.update(0.5, frame, IDENTITY, quads)
    assert engine.reads == 2
    assert second[0].text == "Okafor" and second[0].track == first[0].track


def test_something_moving_elsewhere_costs_no_read():
    engine = CountingEngine(lambda q: "Bed 4")
    tracker = TextTracker(engine)
    for step in range(6):
        frame, quads = drawn([("Bed 4", 60, 100)])
        cv2.circle(frame, (200 + 20 * step, 450), 80, (30, 160, 200), -1)  # the presenter sways
        tracker.update(step * 0.5, frame, IDENTITY, quads)
    assert engine.reads == 1


def test_patches_tell_the_same_line_from_another():
    a, qa = drawn([("Margaret Olson", 40, 200)])
    b, qb = drawn([("Margaret Olson", 43, 198)], background=100)  # a little moved, darker room
    c, qc = drawn([("Anika Patel 1951", 40, 200)])
    then, factor = patch_of(a, qa[0])
    assert not looks_changed(then, patch_of(b, qb[0], factor)[0])
    loose = qb[0] + np.float32([[-6, -5], [7, -5], [7, 6], [-6, 6]])  # boxed more loosely
    assert not looks_changed(then, patch_of(b, loose, factor)[0])
    assert looks_changed(then, patch_of(c, qc[0], factor)[0])


def test_same_text_allows_cut_and_misread_forms_only():
    assert same_text("Oka", "Okafor") and same_text("J. Okafor", "J Okafor")
    assert same_text("M. Whitaker", "M. Whitaket")
    assert not same_text("Margaret Olson", "Anika Patel")
    assert not same_text("Stay hydrated", "MRN 00482913")



def _caption_over(quad, dy):
    """A caption's box across the line's top `dy` px (a caption the card is tilted under)."""
    top = float(quad[:, 1].min())
    return np.float32([[10, top - 30], [330, top - 30], [330, top + dy], [10, top + dy]])


class CaptionAndLine:
    """Reads the caption's box (it starts at x 10) as the caption, the line as `line` says."""

    def __init__(self, line):
        self.line = line  # iterator of (text, confidence)
        self.line_reads = 0

    def recognise(self, frame, quads):
        out = []
        for quad in quads:
            if quad[0, 0] == 10:
                out.append(("Wash hands often", 0.97))
            else:
                self.line_reads += 1
                out.append(next(self.line))
        return out


def test_a_line_read_while_a_caption_crossed_it_is_read_again_once_clear():
    # the reading under the caption is garbled with a sure engine (EasyOCR gave 0.91 for
    # "IMRIN UU 40Z913"): once the line is clear of it, it is read again and that reading kept
    engine = CaptionAndLine(iter([("IMRIN UU 40Z913", 0.99), ("MRN 00482913", 0.93)]))
    tracker = TextTracker(engine)
    frame, quads = drawn([("MRN 00482913", 40, 300)])
    caption = _caption_over(quads[0], 14)
    tracker.update(0.0, frame, IDENTITY, [caption, quads[0]])
    frame, moved = drawn([("MRN 00482913", 40, 200)])  # the camera tilted: the card went up
    pieces = tracker.update(0.5, frame, shift(0, -100), [caption, moved[0]])
    assert sorted(p.text for p in pieces) == ["MRN 00482913", "Wash hands often"]
    assert engine.line_reads == 2


def test_a_line_a_caption_stays_over_or_whose_neighbour_moves_with_it_is_read_once():
    engine = CaptionAndLine(iter([("MRN 00482913", 0.97)] * 8))
    tracker = TextTracker(engine)
    frame, quads = drawn([("MRN 00482913", 40, 300)])
    caption = _caption_over(quads[0], 14)
    for step in range(4):
        tracker.update(step * 0.5, frame, IDENTITY, [caption, quads[0]])
    assert engine.line_reads == 1
    # two lines of one card, their boxes touching, tilted up together: never apart
    engine = CountingEngine(lambda q: "MRN 00482913" if q[0, 1] < 300 else "Ward 7")
    tracker = TextTracker(engine)
    y = 400
    for step in range(4):
        frame, quads = drawn([("MRN 00482913", 40, y), ("Ward 7", 40, y + 34)])
        tracker.update(step * 0.5, frame, shift(0, -60) if step else IDENTITY, quads)
        y -= 60
    assert engine.reads == 2


def _smeared(frame, length=13):
    kernel = np.zeros((length, length), np.float32)
    kernel[length // 2, :] = 1.0 / length
    return cv2.filter2D(frame, -1, kernel)


class SharpnessEngine:
    """Reads a line surely when it is sharp, doubtfully when smeared (as PP-OCR does)."""

    doubtful_below = 0.9

    def __init__(self):
        self.reads = 0

    def recognise(self, frame, quads):
        self.reads += len(quads)
        return [("Orla Vantreight", 0.97 if sharpness(frame, q) > 1.2 else 0.62) for q in quads]


def test_a_line_is_sharper_unsmeared_whatever_its_size():
    for size in (28, 60):
        frame, quads = drawn([("Orla Vantreight", 40, 100)])
        frame = cv2.resize(frame, None, fx=size / 28, fy=size / 28)
        quad = quads[0] * (size / 28)
        assert sharpness(frame, quad) > 1.5 * sharpness(_smeared(frame), quad)


def test_a_line_first_read_smeared_is_read_again_as_soon_as_it_is_sharp():
    engine = SharpnessEngine()
    tracker = TextTracker(engine)
    frame, quads = drawn([("Orla Vantreight", 40, 200)])
    assert tracker.update(0.0, _smeared(frame), IDENTITY, quads)[0].confidence < 0.9
    # still smeared: nothing new to read (the timed retry waits longer)
    tracker.update(0.25, _smeared(frame, 15), IDENTITY, quads)
    assert engine.reads == 1
    # sharp the next sample: read at once, not a second later
    pieces = tracker.update(0.5, frame, IDENTITY, quads)
    assert engine.reads == 2 and pieces[0].confidence == 0.97
    # sure now: smeared or sharp again, not read again
    tracker.update(1.5, _smeared(frame), IDENTITY, quads)
    tracker.update(2.5, frame, IDENTITY, quads)
    assert engine.reads == 2
