"""Reading only changed regions: the OCR engine is faked here (a unit test of one piece);
the integration tests run the real EasyOCR through the same code."""

import numpy as np

from app.core.frames import rects_of
from app.core.ocr import OcrPiece
from app.core.region_reading import grow_over_text, read_changes


class FakeOcr:
    """Returns one piece per call, at (5, 5) of whatever image it is given; records the sizes."""

    info = None

    def __init__(self):
        self.calls = []

    def read(self, frame):
        self.calls.append(frame.shape[:2])
        return [OcrPiece(f"text{len(self.calls)}", 0.9, 5, 5, 20, 10)]


FRAME = np.zeros((640, 360, 3), np.uint8)
CLOCK = OcrPiece("00:00:01", 0.9, 300, 600, 50, 20)
TITLE = OcrPiece("Wash your hands", 0.9, 40, 100, 200, 30)


def test_first_read_is_a_full_read():
    ocr = FakeOcr()
    pieces, partial = read_changes(ocr, FRAME, None, None)
    assert not partial and ocr.calls == [(640, 360)] and len(pieces) == 1


def test_small_change_reads_only_its_region_and_keeps_the_rest():
    ocr = FakeOcr()
    pieces, partial = read_changes(ocr, FRAME, [(310, 605, 20, 10)], [TITLE, CLOCK])
    assert partial
    assert len(ocr.calls) == 1 and ocr.calls[0][0] < 100 and ocr.calls[0][1] < 100
    texts = {p.text for p in pieces}
    assert "Wash your hands" in texts  # carried over
    assert "00:00:01" not in texts  # its region was re-read
    new = next(p for p in pieces if p.text == "text1")
    assert new.x >= 290 and new.y >= 590  # crop coordinates shifted back into the frame


def test_big_change_is_a_full_read():
    ocr = FakeOcr()
    _, partial = read_changes(ocr, FRAME, [(0, 0, 360, 400)], [TITLE])
    assert not partial and ocr.calls == [(640, 360)]


def test_region_grows_over_text_it_cuts():
    [rect] = grow_over_text([(100, 110, 10, 10)], [TITLE])
    x, y, w, h = rect
    assert x <= TITLE.x and x + w >= TITLE.x + TITLE.w and y <= TITLE.y


def test_touching_regions_merge():
    assert len(grow_over_text([(0, 0, 50, 50), (40, 40, 50, 50)], [])) == 1


def test_rects_of_a_block_grid():
    mask = np.zeros((54, 30), bool)
    mask[50, 25] = True  # one block near the bottom right
    [(x, y, w, h)] = rects_of(mask, scale=0.75, frame_shape=(960, 540, 3), margin_px=0)
    assert 0 < w < 100 and 0 < h < 100 and x > 380 and y > 750
    assert rects_of(np.zeros((54, 30), bool), 0.75, (960, 540, 3), 0) == []
