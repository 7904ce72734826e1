"""Frame selection: every change is read, unchanged frames are not read twice."""

import numpy as np
import pytest

from app.core.frames import ChangeHistory, FrameSelector, changed_blocks, thumbnail


def frame(text_box: tuple[int, int, int, int] | None = None, noise: int = 0, seed: int = 0):
    """A 640×360 grey frame; optionally a white rectangle (a caption) and sensor-like noise."""
    image = np.full((640, 360, 3), 90, np.uint8)
    if text_box:
        x, y, w, h = text_box
        image[y : y + h, x : x + w] = 240
    if noise:
        rng = np.random.default_rng(seed)
        image = np.clip(image + rng.integers(-noise, noise + 1, image.shape), 0, 255)
        image = image.astype(np.uint8)
    return image


def run(selector: FrameSelector, frames: list[tuple[float, np.ndarray]]):
    chosen = [selector.offer(t, f) for t, f in frames]
    last = selector.flush()
    return [c.t_s for c in chosen if c is not None] + ([last.t_s] if last else [])


def test_static_video_is_read_once():
    frames = [(i * 0.25, frame(noise=6, seed=i)) for i in range(40)]
    assert run(FrameSelector(0.5), frames) == [0.0]


def test_a_caption_appearing_is_read_and_its_start_found():
    box = (40, 300, 120, 30)
    frames = [(i * 0.25, frame(box if i >= 5 else None)) for i in range(12)]
    selector = FrameSelector(0.5)
    chosen = [c for c in (selector.offer(t, f) for t, f in frames) if c is not None]
    assert [c.t_s for c in chosen] == [0.0, 1.25]
    assert chosen[1].history.first_change(*box) == pytest.approx(1.25)


def test_a_small_caption_in_a_corner_is_noticed():
    box = (300, 600, 40, 14)  # 40×14 px on a 360×640 frame
    frames = [(i * 0.25, frame(box if i >= 3 else None, noise=4, seed=i)) for i in range(8)]
    assert run(FrameSelector(0.5), frames)[1:] == [0.75]


def test_changes_wait_for_the_minimum_interval_but_are_never_dropped():
    frames = [(i * 0.25, frame((40, 40 * i, 60, 20))) for i in range(8)]  # moves every sample
    # read at most once a second; the change after the 1.0 s read is read by flush at the end
    assert run(FrameSelector(1.0), frames) == [0.0, 1.0, 1.75]


def test_flush_reads_a_change_that_was_still_waiting():
    frames = [(0.0, frame()), (0.25, frame((40, 300, 120, 30)))]
    selector = FrameSelector(1.0)
    assert [selector.offer(t, f) is not None for t, f in frames] == [True, False]
    last = selector.flush()
    assert last is not None and last.t_s == 0.25


def test_history_only_reports_changes_under_the_box():
    before, after = thumbnail(frame()), thumbnail(frame((40, 300, 120, 30)))
    mask = changed_blocks(before, after)
    history = ChangeHistory(scale=before.shape[1] / 360, samples=[(2.0, mask)])
    assert history.first_change(40, 300, 120, 30) == 2.0
    assert history.first_change(200, 20, 100, 40) is None
