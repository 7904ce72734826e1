"""The picture stage's plumbing: detectors called at their own pace, on one or two threads."""

import threading
from dataclasses import dataclass, field

import pytest

from app.core.errors import InputError
from app.core.media.video import probe
from app.core.picture.stage import scan_picture
from app.core.steps import run
from bench.clips import Caption, make_clip


@dataclass
class Recorder:
    """A detector that notes when it was called, from which thread, and what it was given."""

    name: str
    interval_s: float
    beside: bool = False
    seconds: float = 0.0
    calls: list = field(default_factory=list)
    finished: bool = False

    def process_frame(self, sample):
        self.calls.append((round(sample.t_s, 2), threading.current_thread().name,
                           sample.changed, sample.unchanged))
        return []

    def finish(self, duration_s):
        self.finished = True
        return []


@pytest.fixture(scope="module")
def still_clip(tmp_path_factory):
    """4 s, 180×320, 10 fps: a still picture with a caption appearing at 2.0 s."""
    path = tmp_path_factory.mktemp("picture") / "still.mp4"
    make_clip(path, width=180, height=320, duration_s=4.0, fps=10, with_audio=False,
              captions=[Caption("Hello", 2.0, 4.0, 20, 150, size=24)])
    return probe(path)


def test_each_detector_runs_at_its_pace_and_beside_ones_on_another_thread(still_clip):
    text, faces = Recorder("text", 0.0), Recorder("faces", 1.0, beside=True)
    result = run(scan_picture(still_clip, [text, faces], 0.5))
    assert result.samples == 8
    assert [c[0] for c in text.calls] == [0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5]
    assert [c[0] for c in faces.calls] == [0.0, 1.0, 2.0, 3.0]
    assert {c[1] for c in faces.calls} != {threading.current_thread().name}
    assert text.finished and faces.finished
    assert set(result.timings) >= {"screen", "motion", "text", "faces"}


def test_the_text_detector_is_told_where_the_picture_changed(still_clip):
    text = Recorder("text", 0.0)
    run(scan_picture(still_clip, [text], 0.5))
    changed = {t: rects for t, _, rects, _ in text.calls}
    assert changed[0.0] is None  # the first sample: all is new
    assert changed[1.0] == [] and changed[3.0] == []  # nothing moved
    [(x, y, w, h)] = changed[2.0]  # the caption's band, not the whole frame
    assert y <= 150 <= y + h and h < 200


def test_a_detector_that_runs_now_and_then_hears_whether_anything_changed(still_clip):
    looks = Recorder("looks", 1.0)
    run(scan_picture(still_clip, [looks], 0.5))
    unchanged = {t: u for t, _, _, u in looks.calls}
    assert unchanged == {0.0: False, 1.0: True, 2.0: False, 3.0: True}


def test_a_file_without_decodable_frames_is_refused(tmp_path, still_clip):
    from dataclasses import replace

    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"\x00" * 4096)
    with pytest.raises(InputError):
        run(scan_picture(replace(still_clip, path=str(broken)), [Recorder("text", 0.0)], 0.5))


@dataclass
class Following:
    """A detector that follows one thing from 1.0 s to 2.5 s and closes it at 3.0 s."""

    name: str = "follow"
    interval_s: float = 0.0
    beside: bool = False
    seconds: float = 0.0
    now: float = 0.0

    def process_frame(self, sample):
        self.now = sample.t_s
        return ["closed"] if abs(sample.t_s - 3.0) < 1e-6 else []

    def showing(self):
        return ["open"] if 1.0 <= self.now <= 2.5 else []

    def finish(self, duration_s):
        return []


def test_what_is_still_on_screen_is_yielded_with_each_sample(still_clip):
    scan = scan_picture(still_clip, [Following(), Recorder("faces", 1.0, beside=True)], 0.5)
    steps = []
    while True:
        try:
            t_s, closed, showing = next(scan)
        except StopIteration:
            break
        steps.append((round(t_s, 2), closed, showing))
    assert [t for t, _, shown in steps if shown] == [1.0, 1.5, 2.0, 2.5]
    assert [t for t, closed, _ in steps if closed] == [3.0]


def test_what_a_detector_beside_follows_is_yielded_too_a_sample_later(still_clip):
    # issue 30 item 3: a code on screen is a row while it is there, like a text; the detector
    # beside is asked only between two of its samples (never while it runs in its thread)
    scan = scan_picture(still_clip, [Following(beside=True)], 0.5)
    shown = []
    while True:
        try:
            t_s, _, showing = next(scan)
        except StopIteration:
            break
        if showing:
            shown.append(round(t_s, 2))
    assert shown == [1.5, 2.0, 2.5, 3.0]
