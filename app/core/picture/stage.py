"""The picture stage: decode samples, estimate the camera's motion, and run the frame detectors.

    result = yield from scan_picture(info, detectors, interval_s)

The video is sampled every `options.sample_interval_s`; decoding runs in a thread feeding a
small queue (as PySceneDetect decodes), so the detectors never wait for the decoder. Each sample
carries the camera's motion since the previous sample (motion.py). The detectors share one
small interface (`process_frame(sample) -> findings now over`, `finish(duration) -> the rest`)
and each says how often it wants a frame: text, faces, codes and the looks of monitors and
boards (detectors.py). A new detector is one new class.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Generator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from app.core.errors import InputError
from app.core.media.frames import thumbnail
from app.core.media.video import iter_samples
from app.core.models import Finding, VideoInfo
from app.core.picture.motion import MotionEstimator, changed_regions, compose
from app.core.picture.ocr import OcrPiece


@dataclass
class Sample:
    """One sampled frame as the detectors see it.

    `motion` maps the previous sample's pixels to this one's; `pieces` is the text read on
    this frame, set by the text detector when it read it (the monitor look needs it).
    """

    t_s: float
    frame: np.ndarray
    thumb: np.ndarray
    motion: np.ndarray
    pieces: list[OcrPiece] | None = None
    changed: list[tuple[int, int, int, int]] | None = None  # frame rects; None: all is new
    unchanged: bool = False  # nothing changed since the detector last ran, motion aside


class FrameDetector(Protocol):
    """What every detector of the picture stage is."""

    name: str
    interval_s: float  # how often it wants a frame (0: every sample)
    seconds: float  # time spent in it
    beside: bool  # needs nothing from the others: may run in a second thread beside them

    def process_frame(self, sample: Sample) -> list[Finding]: ...

    def finish(self, duration_s: float) -> list[Finding]: ...

    # optional: `showing() -> list[Finding]`, the findings still open (on screen) so far


def _showing(scheduled: list[_Scheduled]) -> list[Finding]:
    """What these detectors are following now (asked of those beside the text's thread only
    while they are not running)."""
    now = []
    for each in scheduled:
        showing = getattr(each.detector, "showing", None)
        if showing is not None:
            now += showing()
    return now


@dataclass
class PictureResult:
    findings: list[Finding]
    samples: int
    timings: dict[str, float] = field(default_factory=dict)


class _Scheduled:
    """A detector, the motion accumulated since it last ran, and when it runs next."""

    def __init__(self, detector: FrameDetector) -> None:
        self.detector = detector
        self.next_t = 0.0
        self.motion: np.ndarray | None = None
        self.changed = True

    def offer(self, sample: Sample) -> list[Finding]:
        self.motion = sample.motion if self.motion is None else compose(self.motion,
                                                                        sample.motion)
        self.changed = self.changed or sample.changed is None or bool(sample.changed)
        if sample.t_s + 1e-6 < self.next_t:
            return []
        self.next_t = sample.t_s + self.detector.interval_s
        seen = Sample(sample.t_s, sample.frame, sample.thumb, self.motion, sample.pieces,
                      sample.changed if self.detector.interval_s <= 0 else None,
                      unchanged=not self.changed)
        self.motion = None
        self.changed = False
        started = time.perf_counter()
        try:
            return self.detector.process_frame(seen)
        finally:
            sample.pieces = seen.pieces if seen.pieces is not None else sample.pieces
            self.detector.seconds += time.perf_counter() - started


# what the decoding thread hands over: a sample, the error that stopped it, or None at the end
Decoded = tuple[float, np.ndarray] | BaseException | None


def _offer_all(scheduled: list[_Scheduled], sample: Sample) -> list[Finding]:
    closed = []
    for each in scheduled:
        closed += each.offer(sample)
    return closed


def _decoded(path: str, interval_s: float, out: queue.Queue[Decoded], stop: threading.Event
             ) -> None:
    try:
        for item in iter_samples(path, interval_s):
            while not stop.is_set():
                try:
                    out.put(item, timeout=0.1)
                    break
                except queue.Full:
                    continue
            if stop.is_set():
                return
        out.put(None)
    except BaseException as error:  # handed to the reader, which raises it
        out.put(error)


def _sample(t_s: float, frame: np.ndarray, motion: MotionEstimator) -> Sample:
    """A decoded frame with its thumbnail, the camera's motion since the last sample and where
    the picture changed once that motion is taken away."""
    thumb = thumbnail(frame)
    scale = thumb.shape[1] / frame.shape[1]
    moved, blocks = motion.update(thumb, scale)
    changed = None if blocks is None else changed_regions(*blocks, scale, frame.shape)
    return Sample(t_s, frame, thumb, moved, changed=changed)


def _stop(stop: threading.Event, helper: ThreadPoolExecutor | None, decoder: threading.Thread,
          samples: queue.Queue[Decoded]) -> None:
    """End the helper and the decoder (emptying the queue it may be blocked on)."""
    stop.set()
    if helper is not None:
        helper.shutdown(wait=True, cancel_futures=True)
    while decoder.is_alive():
        try:
            samples.get_nowait()
        except queue.Empty:
            decoder.join(0.05)


def scan_picture(info: VideoInfo, detectors: list[FrameDetector], interval_s: float
                 ) -> Generator[tuple[float, list[Finding], list[Finding]], None, PictureResult]:
    """Run the detectors over the samples; yields (time reached, findings now over, findings
    still on screen so far)."""
    samples: queue.Queue[Decoded] = queue.Queue(maxsize=4)
    stop = threading.Event()
    decoder = threading.Thread(target=_decoded, args=(info.path, interval_s, samples, stop),
                               name="decode", daemon=True)
    decoder.start()
    scheduled = [_Scheduled(d) for d in detectors if not getattr(d, "beside", False)]
    beside = [_Scheduled(d) for d in detectors if getattr(d, "beside", False)]
    helper = ThreadPoolExecutor(1, thread_name_prefix="picture") if beside else None
    pending = None
    motion = MotionEstimator()
    found: list[Finding] = []
    count = 0
    motion_seconds = 0.0
    started = time.perf_counter()
    try:
        while True:
            item = samples.get()
            if item is None:
                break
            if isinstance(item, BaseException):
                raise item
            t_s, frame = item
            count += 1
            clock = time.perf_counter()
            sample = _sample(t_s, frame, motion)
            motion_seconds += time.perf_counter() - clock
            closed = pending.result() if pending is not None else []
            showing = _showing(beside)  # asked while the second core is between two samples
            # faces and codes on the second core while text is read on this one
            pending = helper.submit(_offer_all, beside, sample) if helper else None
            closed += _offer_all(scheduled, sample)
            found += closed
            yield t_s, closed, _showing(scheduled) + showing
        if pending is not None:
            closed = pending.result()
            found += closed
            yield info.duration_s, closed, _showing(scheduled) + _showing(beside)
    finally:
        _stop(stop, helper, decoder, samples)
    if count == 0:
        raise InputError(f"{Path(info.path).name} has no picture that can be decoded.")
    closed = []
    for each in scheduled + beside:
        closed += each.detector.finish(info.duration_s)
    found += closed
    yield info.duration_s, closed, []
    timings = {"screen": time.perf_counter() - started, "motion": motion_seconds}
    for each in scheduled + beside:
        timings[each.detector.name] = each.detector.seconds
    return PictureResult(found, count, timings)
