"""The look of a patient board, chart or form (no OCR): drawn boards and screens in a real frame,
and the grids and pictures that are not one."""

import cv2
import numpy as np
import pytest

from app.core.picture.board_look import board_box
from bench.clips import (
    chart_screen_image,
    paste,
    patient_board_image,
    scaled,
    tiled_wall_image,
    tilted,
    video_frames,
)
from tests.conftest import realdata

AT = (250, 100)  # where the board is pasted: x, y in a 720×1280 frame


@pytest.fixture(scope="module")
def presenter():
    return video_frames(realdata("video/grid/bbaf2n.mpg"), 1.2, limit=1)[0]


def in_frame(picture: np.ndarray, scale: float, presenter: np.ndarray) -> np.ndarray:
    """A vertical phone frame: a soft gradient wall, `picture` behind the presenter's head."""
    frame = np.repeat(np.linspace(110, 200, 1280)[:, None], 720, axis=1).astype(np.uint8)
    frame = cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)
    paste(frame, scaled(picture, scale), *AT)
    return paste(frame, presenter, 20, 500)


@pytest.mark.parametrize(("picture", "scale"), [
    pytest.param(patient_board_image(seed=0), 0.9, id="board"),
    pytest.param(patient_board_image(seed=4, rows=4, columns=3), 0.9, id="board-4x3"),
    pytest.param(patient_board_image(seed=1), 0.5, id="board-small"),
    pytest.param(patient_board_image(seed=2), 0.35, id="board-far-away"),
    pytest.param(tilted(patient_board_image(seed=3), 4, 0.15), 0.8, id="board-tilted-4deg"),
    pytest.param(tilted(patient_board_image(seed=5), 8, 0.2), 0.8, id="board-tilted-8deg"),
    pytest.param(chart_screen_image(seed=0), 0.9, id="ehr-table-on-laptop"),
    pytest.param(chart_screen_image(seed=1), 0.6, id="ehr-table-small"),
    pytest.param(tilted(chart_screen_image(seed=2), 5, 0.1), 0.8, id="ehr-table-tilted"),
])
def test_ruled_tables_with_entries_are_recognised_where_they_are(picture, scale, presenter):
    box = board_box(in_frame(picture, scale, presenter), 2.5)
    assert box is not None
    assert box.t_s == 2.5
    h, w = (round(v * scale) for v in picture.shape[:2])
    # the box lies over the picture, and covers most of it
    assert AT[0] - 12 <= box.x and box.x + box.w <= AT[0] + w + 12
    assert AT[1] - 12 <= box.y and box.y + box.h <= AT[1] + h + 12
    assert box.w * box.h >= 0.6 * w * h


@pytest.mark.parametrize("seed", [0, 2, 3])
def test_a_far_tilted_screen_with_faint_one_pixel_rules(seed):
    """A laptop a fifth of a landscape frame wide: its rules are faint after scaling."""
    screen = tilted(chart_screen_image(seed=seed), 3, 0.1)
    frame = paste(np.full((720, 1280, 3), 160, np.uint8), scaled(screen, 0.6), 880, 380)
    box = board_box(frame, 0.0)
    assert box is not None and abs(box.x - 880) <= 12 and abs(box.y - 380) <= 12


def ruled_notebook() -> np.ndarray:
    """A lined page with a margin and a line of writing on most rules: rows, but no columns."""
    page = np.full((300, 420, 3), 245, np.uint8)
    for y in range(30, 300, 24):
        cv2.line(page, (0, y), (420, y), (200, 170, 140), 1)
        cv2.putText(page, "notes on the case", (50, y - 6), cv2.FONT_HERSHEY_SCRIPT_SIMPLEX,
                    0.5, (120, 40, 20), 1, cv2.LINE_AA)
    cv2.line(page, (40, 0), (40, 300), (60, 60, 200), 1)
    return page


def coloured_timetable() -> np.ndarray:
    """A saturated-colour grid with entries (a poster, a game board): not a pale surface."""
    board = patient_board_image(seed=6)
    board[(board > 200).all(axis=2)] = (40, 160, 230)
    return board


@pytest.mark.parametrize(("picture", "scale"), [
    pytest.param(patient_board_image(written=0.0), 0.9, id="blank-ruled-board"),
    pytest.param(patient_board_image(written=0.2, seed=7), 0.9, id="board-nearly-empty"),
    pytest.param(tiled_wall_image(), 0.9, id="tiled-wall"),
    pytest.param(tiled_wall_image(460, 600, 40, seed=1), 1.0, id="tiled-wall-large"),
    pytest.param(ruled_notebook(), 0.9, id="lined-notebook"),
    pytest.param(coloured_timetable(), 0.9, id="coloured-grid"),
])
def test_grids_that_are_not_patient_boards(picture, scale, presenter):
    assert board_box(in_frame(picture, scale, presenter), 0.0) is None


@pytest.mark.parametrize("source", [
    "images/easyocr/english.png",
    "images/presidio_ocr/no_ocr.jpg",
    "images/monitors/moshes7_monitor_11.jpg",
    "images/monitors/moshes7_barcode_monitor.jpg",
    "images/monitors/moshes7_ventilator_2.tiff",
    "video/moviepy_testcard_example.mp4",
    "video/moviepy_smpte-2997.mp4",
    "video/autoeditor_example.mp4",
    "video/patient_monitor_reader_monitor.m4v",
    "video/grid/bbaf2n.mpg",
    "video/grid/lwbsza.mpg",
])
def test_real_pictures_without_a_ruled_table_are_not_boards(source):
    path = realdata(source)
    if path.suffix in (".mp4", ".m4v", ".mpg"):
        frames = video_frames(path, limit=240)[::40]
    else:
        frames = (cv2.imread(str(path)),)
    assert [board_box(frame, 0.0) for frame in frames] == [None] * len(frames)
