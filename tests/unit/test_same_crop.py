"""The read-back's skip of a region that shows what it showed at its last clean read
(redact/same_crop.py), both sides: moved with the camera and re-encoded it is the same; a cover
that slips off its letters for one frame, one that drifts a pixel a frame (against the last
read, not the frame before), or letters that come into view are not, and are read."""

from pathlib import Path

import cv2
import numpy as np

from app.core.media.fill import fill_rect
from app.core.redact import read_back as read_back_module
from app.core.redact.read_back import RECHECK_FRAMES, Hidden
from app.core.redact.same_crop import keep, same
from app.core.steps import run

SIZE = (640, 360)
TEXT_AT = (300, 200)  # where the hidden line's baseline starts, in the room
LINE = 22  # its height, px


def _room() -> np.ndarray:
    """A wall with some texture and an unflagged caption, larger than the frame."""
    rng = np.random.default_rng(3)
    wall = cv2.resize(rng.integers(90, 170, (60, 90), np.uint8), (900, 600),
                      interpolation=cv2.INTER_CUBIC)
    room = cv2.cvtColor(wall, cv2.COLOR_GRAY2BGR)
    cv2.putText(room, "Wash your hands", (260, 300), cv2.FONT_HERSHEY_SIMPLEX, 1.0,
                (20, 20, 20), 2)
    cv2.putText(room, "Margaret Olson", TEXT_AT, cv2.FONT_HERSHEY_SIMPLEX, 1.0, (20, 20, 20), 2)
    return room


def _text_box(view: tuple[int, int]) -> tuple[int, int, int, int]:
    (w, h), base = cv2.getTextSize("Margaret Olson", cv2.FONT_HERSHEY_SIMPLEX, 1.0, 2)
    return TEXT_AT[0] - view[0], TEXT_AT[1] - h - view[1], w, h + base


def _frame(room: np.ndarray, view: tuple[int, int], slip: tuple[int, int] = (0, 0),
           noise: int = 0, seed: int = 0) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """The frame seen from `view` (the camera's top left in the room), the line covered by a
    tight fill moved by `slip` from its letters; and the cover."""
    frame = room[view[1]:view[1] + SIZE[1], view[0]:view[0] + SIZE[0]].copy()
    x, y, w, h = _text_box(view)
    cover = (x + slip[0] - 2, y + slip[1] - 2, w + 4, h + 4)
    fill_rect(frame, cover)
    if noise:  # the encoder's noise
        grain = np.random.default_rng(seed).integers(-noise, noise + 1, frame.shape)
        frame = np.clip(frame.astype(np.int16) + grain, 0, 255).astype(np.uint8)
    return frame, cover


def _region(cover: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    x, y, w, h = cover
    x0, y0 = max(0, x - 50), max(0, y - 50)
    return x0, y0, min(SIZE[0], x + w + 50) - x0, min(SIZE[1], y + h + 50) - y0


def test_a_region_moved_with_the_camera_and_encoded_again_is_the_same():
    room = _room()
    before, cover = _frame(room, (100, 100))
    kept = keep(before, _region(cover), (cover,))
    for view in ((107, 96), (93, 104), (100, 100)):
        after, moved = _frame(room, view, noise=3, seed=view[0])
        assert same(kept, after, _region(moved), (moved,), LINE), view
        # the cover followed a few pixels off where the camera put the line: found anyway
        off = (moved[0] + 3, moved[1] - 2, moved[2], moved[3])
        assert same(kept, after, _region(moved), (off,), LINE), view


def test_a_cover_that_slips_off_its_letters_for_one_frame_is_not_the_same():
    room = _room()
    before, cover = _frame(room, (100, 100))
    kept = keep(before, _region(cover), (cover,))
    for slip in ((8, 0), (-8, 0), (0, 7)):
        after, slipped = _frame(room, (104, 100), slip=slip)
        assert not same(kept, after, _region(slipped), (slipped,), LINE), slip


def test_a_slow_change_adds_up_against_the_last_read_frame():
    """Letters showing through their cover a little more each frame: each frame is the same
    as the one before it (a few grey levels), not as the frame last read, some frames on."""
    room = _room()
    covered, cover = _frame(room, (100, 100))
    bare = room[100:100 + SIZE[1], 100:100 + SIZE[0]]
    frames = [cv2.addWeighted(bare, 0.03 * k, covered, 1 - 0.03 * k, 0) for k in range(20)]
    region = _region(cover)
    for a, b in zip(frames, frames[1:], strict=False):
        assert same(keep(a, region, (cover,)), b, region, (cover,), LINE)
    kept = keep(frames[0], region, (cover,))
    differs = [k for k, b in enumerate(frames) if not same(kept, b, region, (cover,), LINE)]
    assert differs and differs[0] <= 12, differs  # 36% of the ink's contrast at most


def test_a_cover_drifting_off_its_letters_is_caught_when_they_show():
    """A pixel a frame, against the last read: not the same from the frame its first column
    of ink shows (the cover is 2 px wider than the letters each side), each frame after it."""
    room = _room()
    frames = [_frame(room, (100, 100), slip=(k, 0)) for k in range(12)]
    first, cover = frames[0]
    kept = keep(first, _region(cover), (cover,))
    differs = [k for k, (b, cb) in enumerate(frames) if not same(kept, b, _region(cb), (cb,),
                                                                 LINE)]
    bare = cv2.cvtColor(room[100:100 + SIZE[1], 100:100 + SIZE[0]], cv2.COLOR_BGR2GRAY)
    x, y, w, h = cover
    ink = int(np.nonzero((bare[y:y + h, x:x + w] < 60).any(axis=0))[0][0])  # its first column
    assert differs == list(range(ink + 1, 12)), (differs, ink)  # from when that column shows


def test_letters_coming_into_view_are_not_the_same():
    room = _room()
    before, cover = _frame(room, (100, 100))
    kept = keep(before, _region(cover), (cover,))
    after = before.copy()
    x, y, w, h = cover
    cv2.putText(after, "MRN", (x - 45, y + h + 30), cv2.FONT_HERSHEY_SIMPLEX, 0.6, (20, 20, 20),
                1)
    assert not same(kept, after, _region(cover), (cover,), LINE)


class _Counting:
    """An OCR that reads an unflagged caption wherever it looks, and counts its looks."""

    def __init__(self) -> None:
        self.looks = 0

    def detect(self, image, scale=None):
        self.looks += 1
        w = image.shape[1] - 1
        return [np.array([[0, 0], [w, 0], [w, 30], [0, 30]], np.float32)]

    def recognise(self, image, quads):
        return [("Wash your hands", 0.99) for _ in quads]


def test_the_read_back_reads_a_region_again_only_where_it_changed(monkeypatch):
    room = _room()
    # a camera panning a pixel or two a frame: the same region, moved, 30 frames; then the
    # cover slips off the line for one frame
    views = [(100 + k, 100 + k // 2) for k in range(30)]
    frames = [(i / 30, *_frame(room, v, slip=(10, 0) if i == 20 else (0, 0), noise=2, seed=i))
              for i, v in enumerate(views)]
    monkeypatch.setattr(read_back_module, "iter_frames",
                        lambda path, ahead=0: iter([(t, f) for t, f, _ in frames]))
    hidden = Hidden("f1", "Margaret Olson", {t: c for t, _, c in frames})
    ocr = _Counting()
    out = run(read_back_module.read_back(Path("copy.mp4"), [hidden], ocr, 1.0))
    assert out.leaks == []
    assert out.unchanged > 0  # the region moved with the camera is not read again
    assert out.regions >= 30 // RECHECK_FRAMES + 2  # read again at least that often
    assert out.regions + out.unchanged == len(frames)
    # the frame where the cover slipped is read (the read after it too: it was not the same)
    read = []
    monkeypatch.setattr(read_back_module, "_read",
                        lambda ocr, frame, region, line=16.0: read.append(frame) or [])
    run(read_back_module.read_back(Path("copy.mp4"), [hidden], ocr, 1.0))
    assert any(frame is frames[20][1] for frame in read)
    assert any(frame is frames[21][1] for frame in read)


class _Slow:
    """An OCR that takes its time (so a read is still running when the next frame is decided)
    and reads the hidden names in the frames marked (white dots over a quarter of it) and in
    the frames `leaky` (by id: a leak nothing in the pictures shows, read whole),
    else a caption; its twins are alike, as PpOcrEngine's."""

    def __init__(self, leaky: set[int]) -> None:
        self.made, self.leaky = 0, leaky

    def twins(self, count):
        self.made += count
        return [_Slow(self.leaky) for _ in range(count)]

    def detect(self, image, scale=None):
        import time

        time.sleep(0.01 if image.shape[:2] != SIZE[::-1] else 0.2)  # a whole frame: longer
        w = image.shape[1] - 1
        return [np.array([[0, 0], [w, 0], [w, 30], [0, 30]], np.float32)]

    def recognise(self, image, quads):
        leaky = id(image) in self.leaky or (image == 255).all(axis=2).mean() > 0.2
        return [("Margaret Olson, Tom Kowalczyk" if leaky else "Wash your hands", 0.99)
                for _ in quads]


def test_reads_on_two_workers_are_the_reads_one_after_the_other(monkeypatch):
    """A read still running is taken for clean only until it is known: where it was not, the
    region is read again in the next frames as it would have been (same_crop.LastReads), and
    the whole frames' reads the same (read_back._Changes)."""
    room = _room()
    views = [(100 + k % 3, 100) for k in range(90)]  # a still camera's shake: mostly the same
    frames = []
    for i, v in enumerate(views):
        frame, cover = _frame(room, v, noise=2, seed=i)
        # the reads of these find the names (the mark, in every region) around the covers
        if i in (7, 8, 30):
            frame[0::2, 0::2] = 255
        frames.append((i / 30, frame, cover))
    monkeypatch.setattr(read_back_module, "iter_frames",
                        lambda path, ahead=0: iter([(t, f) for t, f, _ in frames]))
    hidden = [Hidden("f1", "Margaret Olson", {t: c for t, _, c in frames if t >= 0.5}),
              Hidden("f2", "Tom Kowalczyk", {t: c for t, _, c in frames if t < 1.2})]
    reads: dict[int, list] = {1: [], 2: []}
    original = read_back_module._read
    results = {}
    for workers in (1, 2):
        def recorded(ocr, frame, region, line=16.0, workers=workers):
            reads[workers].append((region, id(frame)))
            return original(ocr, frame, region, line)
        monkeypatch.setattr(read_back_module, "_read", recorded)
        # and the whole read of frame 51 does, after the second name's cover: the next whole
        # frames are unchanged, so they are read again only because that read was not clean
        ocr = _Slow({id(frames[51][1])})
        results[workers] = run(read_back_module.read_back(Path("copy.mp4"), hidden, ocr, 2.0,
                                                          workers=workers))
        assert ocr.made == (2 if workers == 2 else 0)
    one, two = results[1], results[2]
    assert one.leaks and one.unchanged > 0 and one.frames_elsewhere + one.whole_too > 0
    assert any(leak.rect[:2] == (0, 0) for leak in one.leaks) and one.whole_unchanged > 0
    assert two.leaks == one.leaks
    assert sorted(reads[2]) == sorted(reads[1])
    assert (two.regions, two.unchanged, two.frames_elsewhere, two.whole_too,
            two.whole_unchanged) == (one.regions, one.unchanged, one.frames_elsewhere,
                                     one.whole_too, one.whole_unchanged)
