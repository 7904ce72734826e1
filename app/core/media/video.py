"""Probing a video file and reading its frames. The only module that decodes video."""

from __future__ import annotations

import math
import queue
import stat
import threading
from collections.abc import Callable, Generator, Iterator
from pathlib import Path

import av
import cv2
import numpy as np

from app.core.errors import InputError
from app.core.hashing import HashedFile, file_sha256
from app.core.models import VideoInfo
from app.core.offline import LOCAL_FILES_ONLY

# The file names taken for clips (the window's Open dialog and drop, `scan DIR`'s queue)
VIDEO_SUFFIXES = frozenset({".mp4", ".mov", ".m4v", ".webm", ".mkv", ".avi", ".mpg", ".mpeg",
                            ".3gp"})

# Formats that are lists of other files or addresses (playlists, stream descriptions): FFmpeg
# would open what they name, over the network too. A clip is one file; these are refused.
REFERENCING_FORMATS = frozenset({"hls", "applehttp", "dash", "concat", "sdp", "rtsp", "rtp",
                                 "tee", "webm_dash_manifest"})


def _check_readable(path: Path) -> None:
    if not path.exists():
        raise InputError(f"The file {path} does not exist.")
    if path.is_dir():
        raise InputError(f"{path} is a folder, not a video file.")
    # a pipe, a device or a socket would block the open (or never end): refuse before opening
    if not stat.S_ISREG(path.stat().st_mode):
        raise InputError(f"{path.name} is not a regular file (a pipe, device or socket); "
                         f"save the video as a file first.")
    try:
        size = path.stat().st_size
        with path.open("rb"):
            pass
    except OSError as error:
        raise InputError(f"The file {path} cannot be read ({error.strerror}).") from error
    if size == 0:
        raise InputError(f"The file {path.name} is empty.")


# How such lists begin (HLS, DASH, FFmpeg's concat list, SDP): told apart before FFmpeg opens them
_LIST_STARTS = (b"#EXTM3U", b"#EXT-X-", b"<?xml", b"<MPD", b"ffconcat", b"file '", b"v=0")


def _refuse_referencing(path: Path, format_name: str | None = None) -> None:
    """Refuse a list of other files or addresses: by how it begins (before FFmpeg opens it),
    or, given `format_name`, by the format FFmpeg found."""
    if format_name is None:
        with path.open("rb") as file:
            listed = file.read(64).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(_LIST_STARTS)
    else:
        listed = bool(set(format_name.split(",")) & REFERENCING_FORMATS)
    if listed:
        raise InputError(f"{path.name} is a playlist or stream description, not a video: "
                         f"it names other files or addresses, which this app never opens. "
                         f"Save the video itself as a file first.")


def hashed_input(path: str | Path) -> HashedFile:
    """The checks made before FFmpeg opens a file (it exists, is a regular readable file, not
    empty, not a playlist), then its SHA-256: hashed once, handed to `probe` and onwards.

    Raises:
        InputError: the file is missing, empty, not a file, unreadable, or a playlist.
    """
    path = Path(path)
    _check_readable(path)
    _refuse_referencing(path)
    return HashedFile.of(path)


def probe(path: str | Path, hashed: HashedFile | None = None) -> VideoInfo:
    """Describe a video file: duration, frame rate, displayed size, rotation, audio or not,
    SHA-256 (`hashed`'s, when it is of this file and the file is unchanged since).

    Raises:
        InputError: the file is missing, empty, not a video, or has no video stream.
    """
    path = Path(path)
    _check_readable(path)
    _refuse_referencing(path)
    try:
        with av.open(str(path.resolve()), options=LOCAL_FILES_ONLY) as container:
            _refuse_referencing(path, container.format.name)
            video_streams = container.streams.video
            audio_streams = container.streams.audio
            if not video_streams:
                kind = "an audio file" if audio_streams else "not a video"
                raise InputError(f"{path.name} is {kind}: it has no picture to check.")
            video = video_streams[0]
            fps = float(video.average_rate or video.guessed_rate or 0) or 0.0
            duration = _duration(container, video)
            frame_count = int(video.frames or 0)
            video_codec = video.codec_context.name
            audio_codec = audio_streams[0].codec_context.name if audio_streams else None
    except av.error.FFmpegError as error:
        raise InputError(
            f"{path.name} is not a video this app can read (the file is damaged or of an "
            f"unknown kind)."
        ) from error
    width, height, rotation = _displayed_size(path)
    if fps <= 0:
        fps = 30.0
    if frame_count <= 0:
        frame_count = max(1, round(duration * fps))
    if duration <= 0:
        duration = frame_count / fps
    return VideoInfo(
        path=str(path.resolve()),
        sha256=_sha256(path, hashed),
        duration_s=round(duration, 3),
        width=width,
        height=height,
        fps=round(fps, 3),
        frame_count=frame_count,
        rotation=rotation,
        has_audio=audio_codec is not None,
        video_codec=video_codec,
        audio_codec=audio_codec,
    )


def _sha256(path: Path, hashed: HashedFile | None) -> str:
    if hashed is not None and hashed.path == str(path.resolve()) and hashed.unchanged():
        return hashed.sha256
    return file_sha256(path)


def _duration(container: av.container.InputContainer, video: av.video.stream.VideoStream) -> float:
    if video.duration is not None and video.time_base is not None:
        return float(video.duration * video.time_base)
    if container.duration is not None:
        return container.duration / av.time_base
    return 0.0


def _displayed_size(path: Path) -> tuple[int, int, int]:
    """Width and height of frames as OpenCV hands them over (rotation applied), and the rotation."""
    capture = cv2.VideoCapture(str(Path(path).resolve()))  # "http:x.mp4" is a file here
    try:
        if not capture.isOpened():
            raise InputError(f"{path.name} is not a video this app can read.")
        rotation = int(capture.get(cv2.CAP_PROP_ORIENTATION_META) or 0) % 360
        ok, frame = capture.read()
        if not ok or frame is None:
            raise InputError(f"{path.name} has no picture that can be decoded (it may be damaged).")
        height, width = frame.shape[:2]
        return width, height, rotation
    finally:
        capture.release()


def iter_samples(path: str | Path, interval_s: float
                 ) -> Generator[tuple[float, np.ndarray], None, None]:
    """Yield (time, BGR frame) about every `interval_s` seconds, rotation applied.

    Every frame is decoded (H.264 cannot skip), but only the sampled ones are converted to
    pixels. Times come from the container (correct for variable frame rate).
    """
    next_t = [0.0]
    frames = iter_frames(path, lambda t: t + 1e-6 >= next_t[0])
    try:
        for t, frame in frames:
            if frame is None:  # not due yet, or it could not be converted: try the next one
                continue
            yield t, frame
            next_t[0] = t + interval_s
    finally:
        frames.close()


DECODE_AHEAD = 4  # frames a pass over a whole clip decodes ahead (a 1080×1920 frame: 6 MB)


def iter_frames(path: str | Path, wanted: Callable[[float], bool] | None = None,
                ahead: int = 0) -> Generator[tuple[float, np.ndarray | None], None, None]:
    """Yield (time, BGR frame) for every frame, rotation applied, with the same times as
    `iter_samples`. With `wanted` (time → bool), frames it does not want come as None: they are
    decoded but not converted to pixels. With `ahead`, up to that many frames are decoded
    ahead on a thread of their own (OpenCV lets go of the GIL while it decodes), while the
    caller works on the last: the same frames, on the other core (`wanted` is then called on
    that thread: it must not depend on what the caller did since)."""
    if ahead <= 0:
        yield from _decoded(path, wanted)
        return
    done = object()
    frames: queue.Queue[object] = queue.Queue(ahead)
    stop = threading.Event()

    def put(item: object) -> bool:
        """Hand `item` on, unless the caller stopped (closed the generator) meanwhile."""
        while not stop.is_set():
            try:
                frames.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def decode() -> None:
        try:
            for item in _decoded(path, wanted):
                if not put(item):
                    return
            put(done)
        except BaseException as error:  # said to the caller, on its thread
            put(error)

    worker = threading.Thread(target=decode, name="decode-ahead", daemon=True)
    worker.start()
    try:
        while (item := frames.get()) is not done:
            if isinstance(item, BaseException):
                raise item
            yield item  # type: ignore[misc]
    finally:
        stop.set()
        worker.join()


def _decoded(path: str | Path, wanted: Callable[[float], bool] | None
             ) -> Generator[tuple[float, np.ndarray | None], None, None]:
    capture = cv2.VideoCapture(str(Path(path).resolve()))  # "http:x.mp4" is a file here
    if not capture.isOpened():
        raise InputError(f"{Path(path).name} is not a video this app can read.")
    last_t = -math.inf
    try:
        while capture.grab():
            t = capture.get(cv2.CAP_PROP_POS_MSEC) / 1000.0
            if t <= last_t:  # some containers repeat or reorder timestamps; keep time moving
                t = last_t + 1e-3
            last_t = t
            if wanted is not None and not wanted(t):
                yield t, None
                continue
            ok, frame = capture.retrieve()
            yield t, (frame if ok and frame is not None else None)
    finally:
        capture.release()


def iter_frames_at(path: str | Path, times: list[float]) -> Iterator[tuple[float, np.ndarray]]:
    """The frames (BGR, rotation applied) shown at the given times, in time order, one at a
    time (evidence thumbnails: a full-size frame each, so never all of them at once)."""
    capture = cv2.VideoCapture(str(Path(path).resolve()))  # "http:x.mp4" is a file here
    if not capture.isOpened():
        raise InputError(f"{Path(path).name} can no longer be read.")
    try:
        for t in sorted(set(times)):
            capture.set(cv2.CAP_PROP_POS_MSEC, max(0.0, t) * 1000)
            ok, frame = capture.read()
            if ok and frame is not None:
                yield t, frame
    finally:
        capture.release()

