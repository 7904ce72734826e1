"""Immutable values the engine produces. Times are float seconds everywhere inside the engine."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Source(StrEnum):
    """Where an identifier was found."""

    SPEECH = "speech"
    SCREEN = "screen"
    FACE = "face"
    CODE = "code"
    SCENE = "scene"


class Category(StrEnum):
    """What kind of identifier a finding is (the JSON contract's `category`)."""

    NAME = "name"
    DATE = "date"
    AGE = "age"
    PHONE = "phone"
    EMAIL = "email"
    ID = "id"
    LOCATION = "location"
    URL = "url"
    FACE = "face"
    CODE = "code"
    WARD_CONTEXT = "ward_context"
    VOICE = "voice"  # a voice other than the presenter's (speech/voices.py)
    DETAIL = "detail"  # not an identifier alone, but narrows down who (detect/details.py)
    COMBINATION = "combination"  # three or more kinds of detail in one clip
    OTHER = "other"


CONTEXT_CATEGORIES = frozenset({Category.WARD_CONTEXT, Category.DETAIL})


@dataclass(frozen=True)
class VideoInfo:
    """What probing a file found out about it.

    `width` and `height` are as displayed, i.e. after the rotation metadata is applied.
    """

    path: str
    sha256: str
    duration_s: float
    width: int
    height: int
    fps: float
    frame_count: int
    rotation: int
    has_audio: bool
    video_codec: str
    audio_codec: str | None


@dataclass(frozen=True)
class Word:
    """One transcribed word with its time span and the recognizer's probability."""

    text: str
    start_s: float
    end_s: float
    probability: float


@dataclass(frozen=True)
class Transcript:
    """Everything the speech model heard."""

    words: tuple[Word, ...]
    speech_spans: tuple[tuple[float, float], ...]
    audio_seconds: float
    model: str

    @property
    def speech_seconds(self) -> float:
        return round(sum(end - start for start, end in self.speech_spans), 3)


@dataclass(frozen=True)
class Box:
    """A rectangle in display pixel coordinates of the frame read at `t_s`."""

    t_s: float
    x: int
    y: int
    w: int
    h: int


@dataclass(frozen=True)
class OcrLine:
    """A line of text read from one frame: the text and one box per piece the OCR returned.

    `spans[i]` is the (start, end) character range of `boxes[i]` inside `text`; `tracks[i]` the
    id of the followed text line that piece belongs to (empty when not followed).
    """

    text: str
    confidence: float
    boxes: tuple[Box, ...]
    spans: tuple[tuple[int, int], ...]
    tracks: tuple[int, ...] = ()


@dataclass(frozen=True)
class TextSpan:
    """A detector's verdict on a stretch of text: this is an identifier, and why.

    `from_ner` marks spans only the statistical name/place model vouches for (no pattern).
    """

    start: int
    end: int
    category: Category
    confidence: float
    rule: str
    text: str
    from_ner: bool = False
    cites: tuple[str, ...] = ()  # text of the user's own that `rule` quotes (a deny-list entry)
    detail: str = ""  # for a `detail` span, its kind: "age", "rare condition"... (details.py)
    # what gave it away, in the plain words of findings/plain_summary.py ("after 'Patient:'",
    # "under 'Bed'", "next to a sex, an age or a date of birth"); never the identifier
    cue: str = ""


@dataclass(frozen=True)
class Finding:
    """One thing the clinician must decide about.

    `reason` names the rule that fired and the words that made it fire; `masked_reason` is the
    same sentence with every identifying word in it masked, built when the reason is (masking.py
    shows one or the other, never a rewrite of the raw one). `summary` is the same in one plain
    line for people ("A patient's name on screen, after 'Patient:'", findings/plain_summary.py):
    it names no library or rule and holds no identifier, so it is shown masked or not.
    `linked` ties it to the other findings of one identifier (the name said and the name on the
    board): the reviewer's decision on one is a decision on all of them.
    """

    id: str
    start_s: float
    end_s: float
    source: Source
    category: Category
    text: str
    confidence: float
    reason: str
    boxes: tuple[Box, ...] = ()
    masked_reason: str = ""
    detail: str = ""  # a `detail` finding's kind ("age", "day", "rare condition"...)
    summary: str = ""
    # the ids of the other findings of the same identifier (one item: decided once), in time
    # order; empty when it is an item alone (findings/linked_items.py)
    linked: tuple[str, ...] = ()

    @property
    def severity(self) -> str:
        """ "identifier" (can point at a patient) or "context" (places the video on a ward)."""
        return "context" if self.category in CONTEXT_CATEGORIES else "identifier"


@dataclass(frozen=True)
class Coverage:
    """What was and was not checked, so the report can say so plainly."""

    speech_seconds: float
    audio_seconds: float
    transcribed: bool
    frames_read: int
    frames_sampled: int
    frames_total: int
    seconds_between_samples: float
    low_confidence_speech: tuple[tuple[float, float], ...] = ()
    low_confidence_text_times: tuple[float, ...] = ()
    notes: tuple[str, ...] = ()
    # where in the picture that text was, when: (time, one of geometry.PARTS); the note names
    # the part, as one logo's small print otherwise reads as if the whole picture were unreadable
    low_confidence_text_parts: tuple[tuple[float, str], ...] = ()
    lines_read: int = 0  # text lines recognised (the others were known from an earlier sample)


@dataclass(frozen=True)
class ModelInfo:
    """Which model did a job, where it came from and its checksum."""

    role: str
    name: str
    package: str
    sha256: str


@dataclass(frozen=True)
class ScanOptions:
    """How a scan is run; carried into the result so a report can say how it was made."""

    speech_model: str = "base"  # = model_files.DEFAULT_SPEECH_MODEL
    sample_interval_s: float = 0.5
    min_read_interval_s: float = 0.5  # how often the monitor and board looks are checked
    ocr: str = "ppocr"  # the text-reading engine: ppocr (PP-OCRv4) or easyocr
    ocr_detect_side: int = 640  # the longer side of the picture PP-OCR's text detector sees
    ocr_fine_side: int = 1280  # the same, every few samples over the whole frame (small print)
    ocr_canvas_size: int = 1280  # the same for EasyOCR
    min_confidence: float = 0.3
    faces: bool = True  # look for faces other than the presenter's
    face_interval_s: float = 1.0  # how often faces are looked for
    codes: bool = True  # look for barcodes and QR codes
    code_interval_s: float = 0.5  # how often codes are looked for
    scene: bool = True  # look for monitors and patient boards by their look in the frames read
    voices: bool = True  # listen for voices other than the presenter's
    deny: tuple[str, ...] = ()  # always flagged (today's patients, the ward's name...)
    allow: tuple[str, ...] = ()  # never flagged (the presenter's own name and handle...)


@dataclass(frozen=True)
class VoiceStretch:
    """A stretch of the sound track in one voice; voices are numbered 0, 1, ... in the order
    they are first heard."""

    start_s: float
    end_s: float
    voice: int


@dataclass(frozen=True)
class AnalysisResult:
    """The whole outcome of one scan."""

    video: VideoInfo
    findings: tuple[Finding, ...]
    transcript: Transcript | None
    coverage: Coverage
    options: ScanOptions
    tool_version: str
    models: tuple[ModelInfo, ...]
    timings_s: dict[str, float] = field(default_factory=dict)
    # the faces taken to be the presenter's: not flagged, kept for "this is me"
    # (app.core.review.presenter)
    presenter_faces: tuple[Finding, ...] = ()
    # who spoke when, as heard (before any voice is taken as the presenter's), the voices taken
    # to be the presenter's (not flagged), and whether the reviewer said so or the scan guessed
    # (speech/voices.py, app.core.review.my_voice)
    voices: tuple[VoiceStretch, ...] = ()
    presenter_voices: tuple[int, ...] = ()
    voices_chosen: bool = False
    # (id, id): a finding listed while the scan ran that was then made one with an earlier
    # finding of the same identifier (findings/same_thing.py), and that finding's id. The
    # reviewer may have decided the first while it was on screen: its decision is carried over
    # to the second (review/carry_over.py). Not in the JSON: no finding has the first id.
    became: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The JSON contract other tools read (see docs/json-output.md)."""
        return {
            "video": {
                "path": self.video.path,
                "sha256": self.video.sha256,
                "duration_s": self.video.duration_s,
                "width": self.video.width,
                "height": self.video.height,
                "fps": self.video.fps,
                "has_audio": self.video.has_audio,
                "rotation": self.video.rotation,
                "frame_count": self.video.frame_count,
            },
            "findings": [_finding_json(f) for f in self.findings],
            "presenter_faces": [_finding_json(f) for f in self.presenter_faces],
            "voices": [{"voice": s.voice, "start_s": round(s.start_s, 3),
                        "end_s": round(s.end_s, 3), "presenter": s.voice in self.presenter_voices}
                       for s in self.voices],
            "transcript": (
                [asdict(w) for w in self.transcript.words] if self.transcript else None
            ),
            "coverage": {
                "speech_seconds": self.coverage.speech_seconds,
                "audio_seconds": self.coverage.audio_seconds,
                "transcribed": self.coverage.transcribed,
                "frames_read": self.coverage.frames_read,
                "partial_reads": 0,  # kept for the contract (keys are only ever added)
                "lines_read": self.coverage.lines_read,
                "frames_sampled": self.coverage.frames_sampled,
                "frames_total": self.coverage.frames_total,
                "seconds_between_samples": self.coverage.seconds_between_samples,
                "low_confidence_speech": [list(s) for s in self.coverage.low_confidence_speech],
                "low_confidence_text_times": list(self.coverage.low_confidence_text_times),
                "low_confidence_text_parts": [{"t_s": t, "part": part} for t, part
                                              in self.coverage.low_confidence_text_parts],
                "notes": list(self.coverage.notes),
            },
            "options": {
                **asdict(self.options),
                # the lists are names of people: say how many, not who
                "deny": len(self.options.deny),
                "allow": len(self.options.allow),
            },
            "timings_s": {k: round(v, 3) for k, v in self.timings_s.items()},
            "tool": {
                "version": self.tool_version,
                "models": {m.role: asdict(m) for m in self.models},
            },
        }


def joined_rule(*rules: str) -> str:
    """The rules of spans made one, each once, in order: "a + b"."""
    return " + ".join(dict.fromkeys(rules))


def _finding_json(f: Finding) -> dict[str, Any]:
    return {
        "id": f.id,
        "start_s": round(f.start_s, 3),
        "end_s": round(f.end_s, 3),
        "source": f.source.value,
        "category": f.category.value,
        "text": f.text,
        "confidence": round(f.confidence, 3),
        "reason": f.reason,
        "summary": f.summary,  # the reason in one plain line, without the identifier
        "severity": f.severity,
        "boxes": [asdict(b) for b in f.boxes],
        "detail": f.detail,  # a detail finding's kind ("age", "day", "rare condition"...)
        "linked": list(f.linked),  # the other findings of the same identifier (one item)
    }


@dataclass(frozen=True)
class Progress:
    """One step of a running scan: where it is, and any findings made since the last step."""

    stage: str
    fraction: float
    message: str = ""
    findings: tuple[Finding, ...] = ()
    video: VideoInfo | None = None  # set once, as soon as the file has been probed
    # what is on screen where the picture scan has reached, not yet complete: each a finding
    # that can be listed and decided at once, replaced by each Progress as it grows (its end,
    # its best reading, its boxes) under the same id, and given in `findings` once it has gone
    # from the picture (that id again)
    showing: tuple[Finding, ...] = ()
