"""Lines found twice where two searched rectangles overlap are kept once; the lines of a tilted
page, whose upright rectangles overlap, are all kept."""

import cv2
import numpy as np

from app.core.picture.detectors import distinct_quads, shared_area


def line(x, y, length, height, degrees):
    """A text line's box: `length` by `height` from (x, y), turned `degrees` about that corner."""
    box = np.float32([[0, 0], [length, 0], [length, height], [0, height]])
    turn = cv2.getRotationMatrix2D((0, 0), degrees, 1.0)[:, :2].astype(np.float32)
    return box @ turn.T + np.float32([x, y])


def test_the_short_line_of_a_tilted_page_is_kept_beside_the_long_one_under_it():
    short = line(40, 300, 260, 30, 15)  # "Re: Orla Vantreight"
    long = line(44, 336, 430, 30, 15)  # "I am writing about the patient", a line lower
    x0, y0, x1, y1 = short[:, 0].min(), short[:, 1].min(), short[:, 0].max(), short[:, 1].max()
    lx0, ly0 = long[:, 0].min(), long[:, 1].min()
    lx1, ly1 = long[:, 0].max(), long[:, 1].max()
    upright = (min(x1, lx1) - max(x0, lx0)) * (min(y1, ly1) - max(y0, ly0))
    assert upright >= 0.7 * (x1 - x0) * (y1 - y0)  # their upright rectangles overlap this much
    kept = distinct_quads([short, long])
    assert len(kept) == 2


def test_a_line_found_twice_or_in_part_is_kept_once():
    whole = line(40, 300, 400, 30, 12)
    again = whole + np.float32([2, -1])
    part = line(40, 300, 180, 30, 12)  # cut where a searched rectangle ended
    assert len(distinct_quads([whole, again, part])) == 1
    upright = line(40, 300, 400, 30, 0)
    assert len(distinct_quads([upright, upright + np.float32([0, 40])])) == 2


def test_shared_area_is_the_quads_overlap():
    a = line(0, 0, 100, 20, 0)
    assert shared_area(a, a + np.float32([50, 0])) == 1000
    assert shared_area(a, a + np.float32([0, 30])) == 0
