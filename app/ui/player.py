"""The video player: picture with the boxes of on-screen findings drawn over it, and controls."""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame, QVideoSink
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from app.core.findings.masking import box_at, padded
from app.core.media.fill import RING_PX, ring_colour
from app.core.models import Box, Finding
from app.core.timecode import format_time
from app.ui.style import category_colour

# boxes whose content identifies no one by itself (a monitor's or board's look is shown, so
# the reviewer can see what was taken for one; a face is blurred when masked like the rest)
UNMASKED_LABELS = frozenset({"ward_context"})


class VideoCanvas(QWidget):
    """Paints the current frame, letter-boxed, and the boxes that apply at this moment."""

    def __init__(self) -> None:
        super().__init__()
        self.image: QImage | None = None
        self.boxes: list[tuple[Box, QColor, str]] = []
        self.frame_size: tuple[int, int] | None = None  # the engine's displayed frame size
        # masked: what is inside the boxes is pixelated past reading (others may see the screen)
        self.masked = True
        self.empty_text = "Drop a video here\n(or File ▸ Open…)"
        self.setMinimumSize(240, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(20, 20, 24))
        if self.image is None or self.image.isNull():
            painter.setPen(QColor(200, 200, 205))
            font = painter.font()
            font.setPointSize(font.pointSize() + 6)
            painter.setFont(font)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        target = self._target_rect()
        painter.drawImage(target, self.image)
        width, height = self.frame_size or (self.image.width(), self.image.height())
        sx, sy = target.width() / width, target.height() / height
        for box, colour, label in self.boxes:
            rect = QRectF(target.x() + box.x * sx, target.y() + box.y * sy, box.w * sx, box.h * sy)
            if self.masked and label not in UNMASKED_LABELS:
                self._pixelate(painter, box, target, width, height)
            painter.setPen(QPen(colour, 3))
            painter.drawRect(rect)
            painter.fillRect(QRectF(rect.x(), rect.y() - 18, 12 + 7 * len(label), 18), colour)
            painter.setPen(QColor("white"))
            painter.drawText(QPointF(rect.x() + 4, rect.y() - 5), label)

    def _pixelate(self, painter: QPainter, box: Box, target: QRectF, width: int, height: int
                  ) -> None:
        """Paint over the box, padded, with one colour: the median of a thin ring just outside
        it, as the redacted copy and the masked PDF fill (media.fill.ring_colour): no pixel
        depends on the letters (a mosaic keeps how much ink each stretch of a line holds)."""
        image, grown = self.image, padded(box)
        if image is None:
            return
        fx, fy = image.width() / width, image.height() / height
        source = QRect(int(grown.x * fx), int(grown.y * fy), int(grown.w * fx),
                       int(grown.h * fy)).intersected(image.rect())
        if source.isEmpty():
            return
        sx, sy = target.width() / image.width(), target.height() / image.height()
        shown = QRectF(target.x() + source.x() * sx, target.y() + source.y() * sy,
                       source.width() * sx, source.height() * sy)
        painter.fillRect(shown, _ring_colour(image, source))

    def _target_rect(self) -> QRectF:
        assert self.image is not None
        scale = min(self.width() / self.image.width(), self.height() / self.image.height())
        w, h = self.image.width() * scale, self.image.height() * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)


class PlayerWidget(QWidget):
    """QMediaPlayer with sound, a scrub bar, play/pause and frame stepping."""

    positionChanged = Signal(float)  # noqa: N815 (Qt style) seconds

    def __init__(self) -> None:
        super().__init__()
        self.canvas = VideoCanvas()
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self.sink = QVideoSink(self)
        self.player.setVideoSink(self.sink)
        self.sink.videoFrameChanged.connect(self._on_frame)
        self.fps = 30.0
        self.duration_s = 0.0
        self.findings: tuple[Finding, ...] = ()
        self._shut_down = False

        self.play_button = QPushButton("Play")
        self.play_button.setToolTip("Play / pause (Space)")
        self.play_button.clicked.connect(self.toggle_play)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 0)
        self.slider.sliderMoved.connect(lambda ms: self.seek(ms / 1000))
        self.time_label = QLabel("00:00:00.0 / 00:00:00.0")
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(controls)

        self.player.positionChanged.connect(self._on_position)
        self.player.durationChanged.connect(
            lambda ms: self.slider.setRange(0, int(ms)) if ms > 0 else None
        )
        self.player.playbackStateChanged.connect(self._on_state)

    def load(self, path: str, fps: float, duration_s: float, size: tuple[int, int]) -> None:
        self.fps = fps or 30.0
        self.duration_s = duration_s
        self.canvas.frame_size = size
        self.slider.setRange(0, int(duration_s * 1000))
        if not self.player.source().isEmpty():
            # let the old clip's playback engine wind down first: its threads tear it down in
            # the background, and a teardown that meets setSource() here can deadlock Qt's
            # FFmpeg backend against the interpreter lock (seen in tests: a clip opened while
            # another was loading)
            self.player.pause()
            self._settle()
            self.player.setSource(QUrl())
            self._settle()
        self.player.setSource(QUrl.fromLocalFile(path))
        self.player.pause()  # shows the first frame

    def set_findings(self, findings: tuple[Finding, ...]) -> None:
        self.findings = findings
        self._update_boxes(self.position_s)

    @property
    def position_s(self) -> float:
        return self.player.position() / 1000

    def is_playing(self) -> bool:
        return self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def toggle_play(self) -> None:
        if self.is_playing():
            self.player.pause()
        else:
            self.player.play()

    def pause(self) -> None:
        self.player.pause()

    def seek(self, seconds: float) -> None:
        seconds = max(0.0, min(seconds, self.duration_s or seconds))
        self.player.setPosition(int(round(seconds * 1000)))
        self._on_position(int(round(seconds * 1000)))

    def step(self, frames: int) -> None:
        self.player.pause()
        self.seek(self.position_s + frames / self.fps)

    def shutdown(self) -> None:
        """Stop playback without deadlocking Qt's FFmpeg backend.

        Calling stop() while the backend's threads still have frames on their way to this
        (GUI) thread can deadlock (seen in tests: stop() waits on a mutex a delivering thread
        holds). So pause, let the pending deliveries arrive, detach the sink, then stop.
        """
        if self._shut_down:
            return
        self._shut_down = True
        self.player.pause()
        self._settle(0.3, until=lambda: self.player.playbackState()
                     != QMediaPlayer.PlaybackState.PlayingState)
        self.sink.videoFrameChanged.disconnect(self._on_frame)
        self.player.setSource(QUrl())
        # and let the backend's threads finish tearing the clip down before the player is
        # destroyed with the window (CI runs crashed in one of them at a window's close, on a
        # loaded machine: the fixed wait alone was too short there)
        self._settle(0.2, until=lambda: self.player.mediaStatus()
                     == QMediaPlayer.MediaStatus.NoMedia)

    @staticmethod
    def _settle(seconds: float = 0.15, until: Callable[[], bool] | None = None,
                longest: float = 3.0) -> None:
        """Handle events for a moment (the interpreter lock is free meanwhile), so the
        backend's threads can deliver what they have on the way and finish tearing down; with
        `until`, for at least `seconds` and then until it holds, `longest` at most."""
        start = time.monotonic()
        while True:
            QCoreApplication.processEvents()
            time.sleep(0.01)
            waited = time.monotonic() - start
            if waited >= longest or (waited >= seconds and (until is None or until())):
                return

    def _on_frame(self, frame: QVideoFrame) -> None:
        image = frame.toImage()
        if not image.isNull():
            self.canvas.image = image
            self.canvas.update()

    def _on_position(self, ms: int) -> None:
        seconds = ms / 1000
        if not self.slider.isSliderDown():
            self.slider.setValue(int(ms))
        self.time_label.setText(f"{format_time(seconds)} / {format_time(self.duration_s)}")
        self._update_boxes(seconds)
        self.positionChanged.emit(seconds)

    def _on_state(self, state) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText("Pause" if playing else "Play")

    def set_masked(self, masked: bool) -> None:
        self.canvas.masked = masked
        self.canvas.update()

    def _update_boxes(self, seconds: float) -> None:
        shown = []
        for finding in self.findings:
            # where it is now: the box read then, or one over the reads either side of now
            box = box_at(finding, seconds)
            if box is None:
                continue
            shown.append((box, category_colour(finding.category), finding.category.value))
        self.canvas.boxes = shown
        self.canvas.update()


def _ring_colour(image: QImage, source: QRect) -> QColor:
    """The colour the copy fills `source` with (media.fill.ring_colour), read from the image
    around it."""
    around = source.adjusted(-RING_PX, -RING_PX, RING_PX, RING_PX).intersected(image.rect())
    rgb = image.copy(around).convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(rgb.constBits(), np.uint8).reshape(rgb.height(), rgb.bytesPerLine())
    pixels = rows[:, :rgb.width() * 3].reshape(rgb.height(), rgb.width(), 3)
    inside = (source.x() - around.x(), source.y() - around.y(), source.width(), source.height())
    red, green, blue = (round(float(v)) for v in ring_colour(pixels, inside))
    return QColor(red, green, blue)
