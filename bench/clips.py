"""Labelled test clips: text drawn on frames, speech from espeak-ng, muxed by ffmpeg.

Used by the test fixtures, the bundled sample clip (resources/make_sample_clip.py) and the
benches. Every clip comes with its truth: what was planted, where it can be heard or seen, when.

How a clip is made:
1. Frames: a soft grey-blue gradient (so the picture is never flat) with captions drawn by
   Pillow's bundled FreeType font, each on a light card, visible from `start_s` to `end_s`.
   `drift_px` moves a caption slowly sideways, like a hand-held phone.
2. Speech: each utterance is spoken by espeak-ng (`-v en-gb -s 130 -g 2`: the
   setting whisper tiny.en hears best) into a WAV and placed at
   its start time on a silent 16 kHz mono track.
3. ffmpeg encodes the frames (H.264, yuv420p, CRF 26) and the audio (AAC) into an mp4.
Needs the Debian packages ffmpeg and espeak-ng (the Makefile installs them).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import wave
from dataclasses import asdict, dataclass, field
from itertools import pairwise
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

SAMPLE_RATE = 16000


@dataclass(frozen=True)
class Caption:
    """Text drawn on the picture from start_s to end_s; `category` is None for harmless text."""

    text: str
    start_s: float
    end_s: float
    x: int
    y: int
    size: int = 36
    category: str | None = None
    drift_px: float = 0.0


@dataclass(frozen=True)
class Sticker:
    """A picture pasted on the frame from start_s to end_s: a face (a sequence of video frames,
    played at `frames_fps`), a QR code or barcode, a photo. `source`/`category` say what a scan
    must report for it; empty for things it must not (the presenter's own face)."""

    frames: tuple[np.ndarray, ...]
    start_s: float
    end_s: float
    x: int
    y: int
    source: str = ""
    category: str = ""
    text: str = ""
    frames_fps: float = 25.0

    def image_at(self, t: float) -> np.ndarray:
        index = int((t - self.start_s) * self.frames_fps) % len(self.frames)
        return self.frames[index]


@dataclass(frozen=True)
class Utterance:
    """A sentence spoken at start_s; `planted` lists (category, words) it contains."""

    text: str
    start_s: float
    planted: tuple[tuple[str, str], ...] = ()
    voice: str = "en-gb"


@dataclass(frozen=True)
class Planted:
    """Truth: an identifier that a scan must find."""

    source: str
    category: str
    text: str
    start_s: float
    end_s: float


@dataclass
class ClipTruth:
    path: str
    width: int
    height: int
    duration_s: float
    planted: list[Planted] = field(default_factory=list)

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=2))


def require_tools() -> None:
    missing = [tool for tool in ("ffmpeg", "espeak-ng") if shutil.which(tool) is None]
    if missing:
        raise RuntimeError(
            f"Making test clips needs {' and '.join(missing)}: run `make test` (installs them)."
        )


def speak(text: str, voice: str = "en-gb") -> np.ndarray:
    """espeak-ng speech as 16 kHz mono int16 samples."""
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "speech.wav"
        subprocess.run(
            ["espeak-ng", "-v", voice, "-s", "130", "-g", "2", "-w", str(wav), text],
            check=True, capture_output=True,
        )
        resampled = Path(tmp) / "speech16k.wav"
        subprocess.run(
            ["ffmpeg", "-v", "error", "-y", "-i", str(wav), "-ar", str(SAMPLE_RATE), "-ac", "1",
             str(resampled)],
            check=True, capture_output=True,
        )
        with wave.open(str(resampled)) as handle:
            return np.frombuffer(handle.readframes(handle.getnframes()), np.int16)


def _background(width: int, height: int) -> np.ndarray:
    ys = np.linspace(0, 1, height, dtype=np.float32)[:, None]
    xs = np.linspace(0, 1, width, dtype=np.float32)[None, :]
    blue = 150 + 60 * ys + 20 * xs
    green = 110 + 40 * ys + 0 * xs
    red = 70 + 30 * xs + 0 * ys
    return np.dstack([blue, green, red]).astype(np.uint8)  # BGR


def paste(frame: np.ndarray, image: np.ndarray, x: int, y: int) -> np.ndarray:
    """`image` laid on `frame` with its top-left corner at (x, y), cut at the frame's edges."""
    h = min(image.shape[0], frame.shape[0] - y)
    w = min(image.shape[1], frame.shape[1] - x)
    frame[y : y + h, x : x + w] = image[:h, :w]
    return frame


def scaled(image: np.ndarray, factor: float) -> np.ndarray:
    """`image` resized by `factor` (area averaging, as a camera further away sees it)."""
    import cv2

    return cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)


def _paste(frame: np.ndarray, stickers: list[Sticker], t: float) -> np.ndarray:
    for sticker in stickers:
        if sticker.start_s <= t < sticker.end_s:
            paste(frame, sticker.image_at(t), sticker.x, sticker.y)
    return frame


def video_frames(path: Path, scale: float = 1.0, limit: int = 250) -> tuple[np.ndarray, ...]:
    """The frames of a (short) video, scaled, for a moving face sticker."""
    import cv2

    capture = cv2.VideoCapture(str(path))
    frames = []
    while len(frames) < limit:
        ok, frame = capture.read()
        if not ok:
            break
        if scale != 1.0:
            frame = scaled(frame, scale)
        frames.append(frame)
    capture.release()
    if not frames:
        raise RuntimeError(f"no frames could be read from {path}")
    return tuple(frames)


def qr_image(text: str, module_px: int = 6) -> np.ndarray:
    """A QR code (OpenCV's encoder) with a white quiet zone, as BGR."""
    import cv2

    code = cv2.QRCodeEncoder.create().encode(text)
    code = cv2.resize(code, None, fx=module_px, fy=module_px, interpolation=cv2.INTER_NEAREST)
    code = cv2.copyMakeBorder(code, 4 * module_px, 4 * module_px, 4 * module_px, 4 * module_px,
                              cv2.BORDER_CONSTANT, value=255)
    return cv2.cvtColor(code, cv2.COLOR_GRAY2BGR)


def code128_image(text: str, module_mm: float = 0.3) -> np.ndarray:
    """A Code 128 barcode (python-barcode), as BGR."""
    import io

    import barcode
    import cv2
    from barcode.writer import ImageWriter

    buffer = io.BytesIO()
    barcode.get("code128", text, writer=ImageWriter()).write(
        buffer, {"module_width": module_mm, "module_height": 10, "write_text": False,
                 "quiet_zone": 4})
    return cv2.imdecode(np.frombuffer(buffer.getvalue(), np.uint8), cv2.IMREAD_COLOR)


BOARD_ENTRIES = ("Bed 4", "J Okafor", "NBM", "Dr Hale", "Falls", "EDD 12/3", "Rm 2", "K Lin",
                 "DNR", "O2 2L", "Mobile", "Side rm")


def patient_board_image(width: int = 420, height: int = 300, rows: int = 6, columns: int = 4,
                        written: float = 0.75, seed: int = 0) -> np.ndarray:
    """A ward whiteboard, drawn: grey frame, taped grid, marker entries in `written` of the
    cells (OpenCV's script font, in blue, black, red or green). 0 gives a blank ruled board."""
    import cv2

    rng = np.random.default_rng(seed)
    board = np.full((height, width, 3), (235, 238, 240), np.uint8)
    cv2.rectangle(board, (0, 0), (width - 1, height - 1), (170, 170, 175), 8)
    top, left, right, bottom = 14, 10, width - 12, height - 12
    ys = np.linspace(top, bottom, rows + 1).astype(int)
    inner = rng.choice(np.arange(left + 60, right - 40, 10), columns - 1, replace=False)
    xs = [left, *sorted(int(x) for x in inner), right]
    for y in ys:
        cv2.line(board, (left, int(y)), (right, int(y)), (150, 90, 40), 2)
    for x in xs:
        cv2.line(board, (x, top), (x, bottom), (150, 90, 40), 2)
    inks = ((160, 60, 20), (30, 30, 30), (40, 40, 190), (40, 130, 40))
    for r in range(rows):
        for c in range(columns):
            if rng.random() < written:
                text = BOARD_ENTRIES[rng.integers(len(BOARD_ENTRIES))]
                cv2.putText(board, text, (xs[c] + 4, int(ys[r + 1]) - 8),
                            cv2.FONT_HERSHEY_SCRIPT_SIMPLEX, 0.55,
                            inks[rng.integers(len(inks))], 1, cv2.LINE_AA)
    return board


def chart_screen_image(width: int = 480, height: int = 300, rows: int = 9, seed: int = 0
                       ) -> np.ndarray:
    """A laptop showing an EHR-style table, drawn: dark bezel, blue banner, grey ruled rows and
    columns of small print (Pillow's font), alternate rows shaded."""
    rng = np.random.default_rng(seed)
    image = Image.new("RGB", (width, height), (40, 40, 44))
    draw = ImageDraw.Draw(image)
    left, top, right, bottom = 14, 14, width - 14, height - 14
    draw.rectangle((left, top, right, bottom), fill=(250, 250, 250))
    draw.rectangle((left, top, right, top + 26), fill=(30, 90, 160))
    font = ImageFont.load_default(size=11)
    draw.text((left + 6, top + 7), "Patient summary", font=font, fill=(255, 255, 255))
    ys = np.linspace(top + 34, bottom - 6, rows + 1).astype(int)
    xs = [left + 4, left + 90, left + 200, left + 300, right - 4]
    for r, (y0, y1) in enumerate(pairwise(ys)):
        if r % 2:
            draw.rectangle((xs[0], y0, xs[-1], y1), fill=(236, 240, 246))
        for c, x0 in enumerate(xs[:-1]):
            word = BOARD_ENTRIES[rng.integers(len(BOARD_ENTRIES))]
            draw.text((x0 + 4, y0 + 5), word if c else f"{8 + r:02d}:00", font=font,
                      fill=(20, 20, 20))
    for y in ys:
        draw.line((xs[0], int(y), xs[-1], int(y)), fill=(150, 150, 160), width=1)
    for x in xs:
        draw.line((x, int(ys[0]), x, int(ys[-1])), fill=(150, 150, 160), width=1)
    return np.asarray(image)[:, :, ::-1].copy()


def tiled_wall_image(width: int = 420, height: int = 300, tile: int = 50, seed: int = 0
                     ) -> np.ndarray:
    """White wall tiles with grey grout and a little glaze noise: a grid with nothing written."""
    import cv2

    rng = np.random.default_rng(seed)
    wall = np.full((height, width, 3), 232, np.float32)
    wall += rng.normal(0, 5, (height, width, 1))
    wall = np.clip(wall, 0, 255).astype(np.uint8)
    for x in range(0, width, tile):
        cv2.line(wall, (x, 0), (x, height), (170, 170, 165), 2)
    for y in range(0, height, tile):
        cv2.line(wall, (0, y), (width, y), (170, 170, 165), 2)
    return wall


def tilted(image: np.ndarray, degrees: float, squeeze: float = 0.0) -> np.ndarray:
    """`image` turned by `degrees` and seen a little from the side (`squeeze` of its right edge
    shortened), on a white margin: how a board looks filmed on a phone."""
    import cv2

    h, w = image.shape[:2]
    corners = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    seen = np.float32([[0, 0], [w, squeeze * h / 2], [w, h - squeeze * h / 2], [0, h]])
    turn = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    seen = cv2.transform(seen[None], turn)[0]
    seen -= seen.min(axis=0) - 4
    size = (int(seen[:, 0].max()) + 5, int(seen[:, 1].max()) + 5)
    warp = cv2.getPerspectiveTransform(corners, seen)
    return cv2.warpPerspective(image, warp, size, borderValue=(205, 205, 200))


def caption_box(caption: Caption, t: float) -> tuple[float, float, float, float]:
    """Where the caption's letters are at time t (x0, y0, x1, y1), drift included: the truth a
    redaction is checked against, frame by frame."""
    font = ImageFont.load_default(size=caption.size)
    x = caption.x + caption.drift_px * (t - caption.start_s)
    return ImageDraw.Draw(Image.new("RGB", (1, 1))).textbbox((x, caption.y), caption.text,
                                                             font=font)


def _draw(frame: np.ndarray, captions: list[Caption], t: float) -> np.ndarray:
    visible = [c for c in captions if c.start_s <= t < c.end_s]
    if not visible:
        return frame
    image = Image.fromarray(frame[:, :, ::-1].copy())
    draw = ImageDraw.Draw(image)
    for caption in visible:
        font = ImageFont.load_default(size=caption.size)
        x = caption.x + caption.drift_px * (t - caption.start_s)
        left, top, right, bottom = caption_box(caption, t)
        pad = caption.size // 3
        draw.rectangle((left - pad, top - pad, right + pad, bottom + pad), fill=(245, 245, 240))
        draw.text((x, caption.y), caption.text, font=font, fill=(20, 20, 30))
    return np.asarray(image)[:, :, ::-1]


def make_clip(
    path: Path,
    *,
    width: int,
    height: int,
    duration_s: float,
    captions: list[Caption] = (),
    utterances: list[Utterance] = (),
    fps: int = 15,
    with_audio: bool = True,
    stickers: list[Sticker] = (),
) -> ClipTruth:
    """Render a clip and return what was planted in it (see the module docstring for how)."""
    require_tools()
    path = Path(path)
    captions = list(captions)
    truth = _caption_truth(path, width, height, duration_s, captions)
    for sticker in stickers:
        if sticker.source:
            truth.planted.append(Planted(sticker.source, sticker.category, sticker.text,
                                         sticker.start_s, min(sticker.end_s, duration_s)))
    audio = _audio_track(duration_s, list(utterances), truth)
    background = _background(width, height)
    _encode(path, width, height, duration_s, fps, audio if with_audio else None,
            lambda index: _draw(_paste(background.copy(), stickers, index / fps), captions,
                                index / fps))
    return truth


def _caption_truth(path: Path, width: int, height: int, duration_s: float,
                   captions: list[Caption]) -> ClipTruth:
    """A clip's truth with its captions that hold something to find."""
    truth = ClipTruth(str(path), width, height, duration_s)
    for caption in captions:
        if caption.category:
            truth.planted.append(Planted("screen", caption.category, caption.text,
                                         caption.start_s, min(caption.end_s, duration_s)))
    return truth


def _audio_track(duration_s: float, utterances: list[Utterance], truth: ClipTruth) -> np.ndarray:
    """The sound: each utterance spoken at its start on a silent track; planted words noted."""
    audio = np.zeros(int(duration_s * SAMPLE_RATE), np.int16)
    previous_end = 0
    for utterance in sorted(utterances, key=lambda u: u.start_s):
        samples = speak(utterance.text, utterance.voice)
        start = int(utterance.start_s * SAMPLE_RATE)
        if start < previous_end:
            raise ValueError(f"utterance {utterance.text!r} starts before the previous one ends "
                             f"({previous_end / SAMPLE_RATE:.2f} s)")
        previous_end = start + len(samples)
        if previous_end > len(audio):
            raise ValueError(f"utterance {utterance.text!r} runs past the end of the clip "
                             f"({previous_end / SAMPLE_RATE:.2f} s > {duration_s} s)")
        end = min(len(audio), start + len(samples))
        audio[start:end] = samples[: end - start]
        for category, words in utterance.planted:
            truth.planted.append(
                Planted("speech", category, words, utterance.start_s, end / SAMPLE_RATE)
            )
    return audio


def _encode(path: Path, width: int, height: int, duration_s: float, fps: int,
            audio: np.ndarray | None, frame_at) -> None:
    """ffmpeg: the frames `frame_at(index)` gives (BGR) as H.264, and `audio` as AAC, in an mp4."""
    with tempfile.TemporaryDirectory() as tmp:
        command = ["ffmpeg", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "bgr24",
                   "-s", f"{width}x{height}", "-r", str(fps), "-i", "-"]
        if audio is not None:
            wav = Path(tmp) / "audio.wav"
            with wave.open(str(wav), "wb") as handle:
                handle.setnchannels(1)
                handle.setsampwidth(2)
                handle.setframerate(SAMPLE_RATE)
                handle.writeframes(audio.tobytes())
            command += ["-i", str(wav), "-c:a", "aac", "-b:a", "48k"]
        command += ["-c:v", "libx264", "-preset", "veryfast", "-crf", "26", "-pix_fmt",
                    "yuv420p", "-movflags", "+faststart", "-t", f"{duration_s:.3f}", str(path)]
        encoder = subprocess.Popen(command, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            for index in range(int(round(duration_s * fps))):
                encoder.stdin.write(np.ascontiguousarray(frame_at(index)).tobytes())
        finally:
            encoder.stdin.close()
            error = encoder.stderr.read().decode(errors="replace")
            if encoder.wait() != 0:
                raise RuntimeError(f"ffmpeg failed: {error}")


def make_frames_clip(
    path: Path,
    *,
    width: int,
    height: int,
    duration_s: float,
    fps: int,
    frame_at,
    captions: list[Caption] = (),
    utterances: list[Utterance] = (),
) -> ClipTruth:
    """A clip whose picture is `frame_at(index)` (BGR) with `captions` drawn on top, and speech.

    The truth lists the captions with a category and the planted words of the speech; whatever
    `frame_at` draws, its caller adds to the truth."""
    require_tools()
    path = Path(path)
    captions = list(captions)
    truth = _caption_truth(path, width, height, duration_s, captions)
    audio = _audio_track(duration_s, list(utterances), truth)
    _encode(path, width, height, duration_s, fps, audio,
            lambda index: _draw(frame_at(index), captions, index / fps))
    return truth
