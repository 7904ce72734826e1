"""The read-back's OCR on two worker threads reads what one engine reading one region after the
other reads (issue 27 item 5): the same regions, the same whole frames, the same leaks in the
same order, the same regions left unread as unchanged.

A real clip (bench.entering: a card with a name pans in from the left, a hand's shake, a caption
nobody flagged) is read back uncovered by the real PP-OCR, with two hidden texts: the card's
name, covered (on paper) from 1 s on — so the read-back reads it, and its reads are leaks, not
clean — and a name that is nowhere in the clip, covered over the caption the whole time — so its
region reads clean and is skipped where it is unchanged. Whole frames are read (every third)
while the card's text is not near its covers."""

from pathlib import Path

import pytest

from app.core.media.video import iter_frames
from app.core.picture.ppocr import PpOcrEngine
from app.core.pipeline import run
from app.core.redact import read_back as read_back_module
from app.core.redact.read_back import Hidden, read_back
from bench.entering import entering_clip

pytestmark = pytest.mark.models


def _hidden(clip: Path, card) -> list[Hidden]:
    times = [t for t, frame in iter_frames(clip) if frame is not None]
    name = {}
    for t in times:
        x0, y0, x1, y1 = card.where(t)
        if t >= 1.0:
            name[t] = (round(x0), round(y0), round(x1 - x0), round(y1 - y0))
    cx0, cy0, cx1, cy1 = card.caption_box
    caption = (round(cx0), round(cy0), round((cx1 - cx0) / 2), round(cy1 - cy0))
    return [Hidden("name", "Margaret Olson", name),
            Hidden("elsewhere", "Tom Kowalczyk", {t: caption for t in times})]


def test_two_workers_read_what_one_reads(tmp_path, monkeypatch):
    truth, card = entering_clip(tmp_path / "left.mp4", "left", duration_s=4.0)
    ocr = PpOcrEngine()
    hidden = _hidden(truth.path, card)
    original = read_back_module._read
    reads: dict[int, list] = {1: [], 2: []}

    def runs(workers: int):
        def recorded(engine, frame, region, line=16.0):
            reads[workers].append((region, round(line, 3), int(frame[::7, ::7].sum())))
            return original(engine, frame, region, line)

        monkeypatch.setattr(read_back_module, "_read", recorded)
        return run(read_back(truth.path, hidden, ocr, 4.0, workers=workers))

    one, two = runs(1), runs(2)
    # both sides are there: reads of the hidden name (not clean), clean reads left unread
    # where unchanged, and whole frames
    assert any(leak.key == "name" for leak in one.leaks), one.line()
    assert not any(leak.key == "elsewhere" for leak in one.leaks)
    assert one.unchanged > 0 and one.frames_elsewhere + one.whole_too > 0, one.line()
    assert two.leaks == one.leaks
    assert (two.regions, two.unchanged, two.frames_near, two.frames_elsewhere, two.whole_too,
            two.whole_unchanged) == (one.regions, one.unchanged, one.frames_near,
                                     one.frames_elsewhere, one.whole_too, one.whole_unchanged)
    assert sorted(reads[2]) == sorted(reads[1]) and len(reads[1]) == one.regions
