"""The look of a bedside monitor, on real photos and frames (real OCR), and what is not one."""

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from app.core.scene import monitor_box
from bench.clips import video_frames
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
