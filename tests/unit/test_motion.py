"""The camera's motion between samples, and where the picture changed once it is taken away."""

import cv2
import numpy as np
import pytest

from app.core.media.frames import thumbnail
from app.core.picture.motion import (
    MotionEstimator,
    changed_after_motion,
    changed_regions,
    move_quad,
)


def room(seed: int = 0, size=(1400, 900)) -> np.ndarray:
    """A textured wall with some rectangles: corners everywhere, as a real room has."""
    rng = np.random.default_rng(seed)
    h, w = size
    image = np.full((h, w, 3), 170, np.uint8)
    for _ in range(60):
        x, y = int(rng.integers(0, w - 80)), int(rng.integers(0, h - 80))
        colour = tuple(int(c) for c in rng.integers(40, 230, 3))
        cv2.rectangle(image, (x, y), (x + int(rng.integers(20, 80)), y + int(rng.integers(20, 80))),
                      colour, -1)
    return image


def view(image: np.ndarray, dx: float, dy: float, turn: float = 0.0, zoom: float = 1.0,
         size=(640, 360)) -> np.ndarray:
    h, w = size
    cx, cy = image.shape[1] / 2 + dx, image.shape[0] / 2 + dy
    m = cv2.getRotationMatrix2D((cx, cy), turn, zoom)
    m[0, 2] += w / 2 - cx
    m[1, 2] += h / 2 - cy
    return cv2.warpAffine(image, m, (w, h))


def estimate(a: np.ndarray, b: np.ndarray):
    motion = MotionEstimator()
    ta, tb = thumbnail(a), thumbnail(b)
    motion.update(ta, ta.shape[1] / a.shape[1])
    return motion.update(tb, tb.shape[1] / b.shape[1])


@pytest.mark.parametrize("dx, dy", [(0, 0), (25, -10), (-60, 35), (120, 0)])
def test_a_shake_or_pan_is_measured_to_a_couple_of_pixels(dx, dy):
    world = room()
    m, _ = estimate(view(world, 0, 0), view(world, dx, dy))
    # the camera moved right by dx, so the picture moves left by dx
    assert m[0, 2] == pytest.approx(-dx, abs=2.5)
    assert m[1, 2] == pytest.approx(-dy, abs=2.5)


def test_a_turn_and_zoom_map_points_where_they_go():
    world = room(1)
    a, b = view(world, 0, 0), view(world, 10, 5, turn=2.0, zoom=1.04)
    m, _ = estimate(a, b)
    quad = np.float32([[100, 200], [250, 200], [250, 240], [100, 240]])
    # the truth: a point of the room seen at `quad` in `a` is where the second camera puts it
    ha, wa = a.shape[:2]
    cx, cy = world.shape[1] / 2, world.shape[0] / 2
    to_room = np.float32([[1, 0, cx - wa / 2], [0, 1, cy - ha / 2]])
    second = cv2.getRotationMatrix2D((cx + 10, cy + 5), 2.0, 1.04)
    second[0, 2] += wa / 2 - cx - 10
    second[1, 2] += ha / 2 - cy - 5
    truth = move_quad(move_quad(quad, to_room), second)
    assert np.abs(move_quad(quad, m) - truth).max() < 4


def test_only_what_changed_counts_once_the_motion_is_taken_away():
    world = room(2)
    a, b = view(world, 0, 0), view(world, 30, 0).copy()
    cv2.rectangle(b, (60, 300), (260, 340), (250, 250, 250), -1)  # a caption appears
    ta, tb = thumbnail(a), thumbnail(b)
    motion = MotionEstimator()
    motion.update(ta, ta.shape[1] / a.shape[1])
    m, (changed, unseen) = motion.update(tb, tb.shape[1] / b.shape[1])
    scale = ta.shape[1] / a.shape[1]
    rows, cols = np.nonzero(changed)
    ys, xs = rows * 12 / scale, cols * 12 / scale
    assert changed.any()
    in_caption = (ys >= 280 - 30) & (ys <= 340 + 30) & (xs <= 260 + 30)
    assert in_caption.mean() > 0.8  # the caption, and hardly anything else
    assert unseen[:, -1].all() and not unseen[:, 0].any()  # the right edge came into view
    regions = changed_regions(changed, unseen, scale, b.shape)
    def covered(px, py):
        return any(x <= px < x + w and y <= py < y + h for x, y, w, h in regions)

    assert covered(150, 320) and covered(350, 60)  # the caption; the strip that came in
    assert not covered(100, 100) and not covered(150, 600)  # the unchanged room


def test_a_still_picture_changes_nowhere():
    world = room(3)
    a = view(world, 0, 0)
    noisy = np.clip(a.astype(int) + np.random.default_rng(0).integers(-5, 6, a.shape), 0, 255)
    changed, unseen = changed_after_motion(thumbnail(a), thumbnail(noisy.astype(np.uint8)),
                                           np.float32([[1, 0, 0], [0, 1, 0]]))
    assert not changed.any() and not unseen.any()
