"""Hospital scenes by their look (monitors, patient boards) on real photos, frames and clips."""

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from app.core.models import Category, Source
from app.core.picture.ocr import group_into_lines
from app.core.picture.scene import BOARD, monitor_box, scene_hits
from app.core.pipeline import analyze, run
from bench.clips import BOARD_ENTRIES, paste, patient_board_image, scaled, video_frames
from tests.conftest import realdata


def looks_like_monitor(engines, frame) -> bool:
    return monitor_box(frame, engines.ocr.read(frame), 0.0) is not None


@pytest.mark.parametrize("source", [
    pytest.param("images/monitors/moshes7_monitor_11.jpg", id="bedside-monitor-photo"),
    pytest.param("video/patient_monitor_reader_monitor.m4v", id="blood-gas-monitor-footage"),
])
def test_real_monitors_are_recognised(engines, source):
    path = realdata(source)
    frame = video_frames(path, limit=120)[-1] if path.suffix == ".m4v" else cv2.imread(str(path))
    assert looks_like_monitor(engines, frame)


@pytest.mark.parametrize("source", [
    pytest.param("video/moviepy_testcard_example.mp4", id="test-card"),
    pytest.param("video/moviepy_smpte-2997.mp4", id="colour-bars"),
    pytest.param("video/autoeditor_example.mp4", id="screen-recording"),
    pytest.param("images/easyocr/english.png", id="poster"),
    pytest.param("video/grid/bbaf2n.mpg", id="talking-head"),
])
def test_other_pictures_are_not_monitors(engines, source):
    path = realdata(source)
    if path.suffix == ".png":
        frames = [cv2.imread(str(path))]
    else:
        frames = video_frames(path, limit=60)[::20]
    assert not any(looks_like_monitor(engines, f) for f in frames)


def test_a_laptop_slide_with_big_white_numbers_is_not_a_monitor(engines):
    """A dark screen with large readings in one ink (a slide, a scoreboard) is not a monitor."""
    image = Image.new("RGB", (1280, 720), (20, 20, 28))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=120)
    for x, number in ((120, "24"), (520, "12"), (900, "365")):
        draw.text((x, 260), number, font=font, fill=(240, 240, 240))
    frame = np.asarray(image)[:, :, ::-1].copy()
    assert not looks_like_monitor(engines, frame)


def test_a_patient_board_too_small_to_read_is_still_seen(engines):
    """OCR reads none of the board's entries; its look alone makes it ward context."""
    frame = np.full((1280, 720, 3), 150, np.uint8)
    paste(frame, scaled(patient_board_image(seed=8), 0.4), 300, 200)
    pieces = engines.ocr.read(frame)
    read = " ".join(p.text for p in pieces).lower()
    assert not [e for e in BOARD_ENTRIES if e.lower() in read], read
    [hit] = scene_hits(frame, pieces, 1.0)
    assert hit.span.text == BOARD[0] and hit.span.category is Category.WARD_CONTEXT
    assert 290 <= hit.box.x <= 310 and 190 <= hit.box.y <= 210


def test_a_patient_board_is_flagged_while_it_is_there_and_a_tiled_wall_is_not(
        ward_board_clip, engines):
    result = run(analyze(ward_board_clip.path, engines=engines))
    [planted] = ward_board_clip.planted
    [scene] = [f for f in result.findings if f.source is Source.SCENE]
    assert scene.text == planted.text and scene.category is Category.WARD_CONTEXT
    assert abs(scene.start_s - planted.start_s) <= 0.5
    assert abs(scene.end_s - planted.end_s) <= 0.5
    assert scene.boxes and all(b.x >= 240 and b.y >= 290 for b in scene.boxes)  # not the tiles
    # the presenter alone is not flagged; what OCR could read was read on the board only
    others = [f for f in result.findings if f.source is not Source.SCENE]
    assert all(f.source is Source.SCREEN for f in others)
    assert all(b.x >= 240 and b.y >= 290 for f in others for b in f.boxes)


def test_a_monitor_showing_no_readings_is_placed_by_its_model_name(engines):
    """A photo of a Philips IntelliVue with no values on screen: OCR reads its bezel."""
    frame = cv2.imread(str(realdata("images/monitors/moshes7_barcode_monitor.jpg")))
    lines = group_into_lines(engines.ocr.read(frame), 0.0)
    spans = [s for line in lines for s in engines.detector.detect(line.text)]
    assert [s.text for s in spans if s.category is Category.WARD_CONTEXT] == ["IntelliVue"]
