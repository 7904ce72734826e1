"""analyze(path) → progress as it goes, then the AnalysisResult. The engine's one entry point.

    result = run(analyze("clip.mp4"))          # or iterate to see Progress (and new findings)

Stopping iteration cancels the scan: video captures are released in `finally` blocks.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator
from dataclasses import dataclass, replace
from pathlib import Path

import av

from app import __version__
from app.core.code_findings import code_hits
from app.core.codes import CodeReader
from app.core.detect import TextDetector
from app.core.detect.spoken_numbers import with_spoken_numbers_as_digits
from app.core.errors import InputError
from app.core.face_tracks import (
    FaceTracker,
    face_findings,
    presenter_doubt,
    presenter_faces,
    presenter_tracks,
)
from app.core.faces import FaceDetector
from app.core.findings import (
    ScreenHit,
    ScreenTracker,
    screen_hits,
    speech_findings,
    transcript_text,
)
from app.core.frames import FrameSelector, FrameToRead
from app.core.geometry import rects_meet
from app.core.media import iter_samples, probe
from app.core.models import (
    AnalysisResult,
    Coverage,
    Finding,
    Progress,
    ScanOptions,
    Source,
    TextSpan,
    Transcript,
)
from app.core.ocr import EasyOcrEngine, OcrEngine, OcrPiece, group_into_lines
from app.core.region_reading import read_changes
from app.core.scene import scene_hits
from app.core.stacked_lines import joined_text, spans_in_value, stacked_pairs
from app.core.transcribe import Transcriber, WhisperTranscriber
from app.core.word_lists import WordLists

LOW_OCR_CONFIDENCE = 0.4

# Share of the progress bar each stage takes (vision dominates the time).
_SPEECH_END = 0.3


@dataclass
class Engines:
    """The loaded models. Loading takes seconds, so a session loads them once and reuses them."""

    transcriber: Transcriber
    ocr: OcrEngine
    detector: TextDetector
    faces: FaceDetector | None = None
    codes: CodeReader | None = None

    @classmethod
    def load(cls, options: ScanOptions) -> Engines:
        return cls(
            transcriber=WhisperTranscriber(options.speech_model),
            ocr=EasyOcrEngine(canvas_size=options.ocr_canvas_size),
            detector=TextDetector(min_confidence=options.min_confidence),
            faces=FaceDetector(),
            codes=CodeReader(),
        )

    @property
    def models(self):
        extra = (self.faces.info,) if self.faces is not None else ()
        return (self.transcriber.info, self.ocr.info, self.detector.info, *extra)


def run(
    scan: Generator[Progress, None, AnalysisResult],
    on_progress: Callable[[Progress], None] | None = None,
) -> AnalysisResult:
    """Drive a scan to the end and return its result."""
    while True:
        try:
            progress = next(scan)
        except StopIteration as stop:
            return stop.value
        if on_progress is not None:
            on_progress(progress)


def analyze(
    path: str | Path,
    options: ScanOptions | None = None,
    engines: Engines | None = None,
) -> Generator[Progress, None, AnalysisResult]:
    """Scan a clip for identifiers.

    Args:
        path: the video file.
        options: how to scan; defaults to ScanOptions().
        engines: already-loaded models (loaded here when None).

    Yields:
        Progress, each carrying the findings completed since the previous one.

    Returns:
        The AnalysisResult with every finding, in time order.

    Raises:
        InputError: the file cannot be analysed (one sentence says why).
        ModelError: a bundled model is missing or damaged.
    """
    options = options or ScanOptions()
    lists = WordLists(options.deny, options.allow)
    timings: dict[str, float] = {}
    clock = time.perf_counter()
    yield Progress("probe", 0.0, "Reading the file")
    info = probe(path)
    timings["probe"] = time.perf_counter() - clock
    yield Progress("probe", 0.01, "File read", video=info)

    if engines is None:
        yield Progress("load", 0.01, "Loading the models (first time takes a while)")
        clock = time.perf_counter()
        engines = Engines.load(options)
        timings["load_models"] = time.perf_counter() - clock

    findings: list[Finding] = []
    transcript: Transcript | None = None
    unsure_speech: tuple[tuple[float, float], ...] = ()
    notes: list[str] = []
    clock = time.perf_counter()
    if info.has_audio:
        scan_speech = _speech(Path(info.path), info.duration_s, engines, lists)
        while True:
            try:
                fraction = next(scan_speech)
            except StopIteration as stop:
                transcript, unsure_speech, found = stop.value
                break
            except av.error.FFmpegError:
                notes.append("The sound track could not be decoded, so speech was not checked.")
                found = []
                break
            yield Progress("speech", 0.02 + (_SPEECH_END - 0.02) * fraction, "Listening")
        findings += found
        yield Progress("speech", _SPEECH_END, "Speech checked", tuple(found))
    else:
        notes.append("The clip has no sound track, so there was no speech to check.")
    timings["speech"] = time.perf_counter() - clock

    clock = time.perf_counter()
    selector = FrameSelector(options.min_read_interval_s)
    tracker = ScreenTracker()
    code_tracker = ScreenTracker(Source.CODE, "in a code")
    scene_tracker = ScreenTracker(Source.SCENE, "in the picture")
    face_tracker = FaceTracker(step_s=options.face_interval_s)
    mine: list[Finding] = []
    look_for_faces = options.faces and engines.faces is not None
    look_for_codes = options.codes and engines.codes is not None
    next_face_s = 0.0
    ocr_seconds = face_seconds = code_seconds = scene_seconds = 0.0
    frames_read = 0
    low_text_times: list[float] = []
    duration = max(info.duration_s, 1e-3)

    previous_pieces: list[OcrPiece] | None = None
    partial_reads = 0
    # Text carried over from the previous read comes back every read: detect each line once.
    detected: dict[str, list[TextSpan]] = {}

    def read(chosen: FrameToRead) -> list[Finding]:
        nonlocal ocr_seconds, frames_read, previous_pieces, partial_reads, code_seconds
        nonlocal scene_seconds
        closed_codes = []
        if look_for_codes:
            started = time.perf_counter()
            hits = code_hits(engines.codes.find(chosen.frame), chosen.t_s, engines.detector, lists)
            closed_codes = code_tracker.update(chosen.t_s, hits, chosen.history)
            code_seconds += time.perf_counter() - started
        started = time.perf_counter()
        pieces, partial = read_changes(
            engines.ocr, chosen.frame, chosen.changed_rects(), previous_pieces
        )
        previous_pieces = pieces
        ocr_seconds += time.perf_counter() - started
        started = time.perf_counter()
        looks = scene_hits(chosen.frame, pieces, chosen.t_s) if options.scene else []
        scene_seconds += time.perf_counter() - started
        closed_scene = scene_tracker.update(chosen.t_s, looks, chosen.history)
        frames_read += 1
        partial_reads += partial
        hits = []
        stacked_hits = []
        lines = group_into_lines(pieces, round(chosen.t_s, 3))
        for label, value in stacked_pairs(lines):
            joined = joined_text(label, value)
            if joined not in detected:
                detected[joined] = engines.detector.detect(joined, lists)
            stacked_hits += screen_hits(value, spans_in_value(label, value, detected[joined]))
        for line in lines:
            if line.text not in detected:
                detected[line.text] = engines.detector.detect(line.text, lists)
            spans = detected[line.text]
            if line.confidence < LOW_OCR_CONFIDENCE:
                low_text_times.append(round(chosen.t_s, 3))
                # A name "found" in a garbled read is noise; patterns (numbers) still count.
                spans = [s for s in spans if not s.from_ner]
            hits += screen_hits(line, spans)
        # a value found on its own line and again under its label is one hit
        hits += [h for h in stacked_hits if not any(_same_place(h, o) for o in hits)]
        return tracker.update(chosen.t_s, hits, chosen.history) + closed_codes + closed_scene

    for t_s, frame in iter_samples(info.path, options.sample_interval_s):
        chosen = selector.offer(t_s, frame)
        closed = read(chosen) if chosen is not None else []
        if look_for_faces and t_s + 1e-6 >= next_face_s:
            started = time.perf_counter()
            face_tracker.update(t_s, engines.faces.detect(frame))
            face_seconds += time.perf_counter() - started
            next_face_s = t_s + options.face_interval_s
        findings += closed
        fraction = _SPEECH_END + (1 - _SPEECH_END) * min(1.0, t_s / duration)
        yield Progress("screen", fraction, "Reading the picture", tuple(closed))
    if selector.samples_seen == 0:
        raise InputError(f"{Path(path).name} has no picture that can be decoded.")
    last = selector.flush()
    closed = (read(last) if last is not None else []) + tracker.finish(info.duration_s)
    closed += code_tracker.finish(info.duration_s) + scene_tracker.finish(info.duration_s)
    if look_for_faces:
        face_tracks = face_tracker.finish(info.duration_s)
        presenter = presenter_tracks(face_tracks)
        closed += face_findings(face_tracks, presenter)
        mine = presenter_faces(face_tracks, presenter)
        doubt = presenter_doubt(face_tracks, presenter)
        if doubt:
            notes.append(doubt)
    findings += closed
    timings["screen"] = time.perf_counter() - clock
    timings["ocr"] = ocr_seconds
    timings["faces"] = face_seconds
    timings["codes"] = code_seconds
    timings["scene"] = scene_seconds
    yield Progress("done", 1.0, "Done", tuple(closed))

    coverage = Coverage(
        speech_seconds=transcript.speech_seconds if transcript else 0.0,
        audio_seconds=transcript.audio_seconds if transcript else 0.0,
        transcribed=transcript is not None,
        frames_read=frames_read,
        partial_reads=partial_reads,
        frames_sampled=selector.samples_seen,
        frames_total=info.frame_count,
        seconds_between_samples=options.sample_interval_s,
        low_confidence_speech=unsure_speech,
        low_confidence_text_times=tuple(sorted(set(low_text_times))),
        notes=tuple(notes),
    )
    return AnalysisResult(
        video=info,
        findings=tuple(sorted(findings, key=lambda f: (f.start_s, f.source, f.text))),
        transcript=transcript,
        coverage=coverage,
        options=replace(options),
        tool_version=__version__,
        models=engines.models,
        timings_s=timings,
        presenter_faces=tuple(mine),
    )


def _speech(path: Path, duration_s: float, engines: Engines, lists: WordLists):
    """Transcribe (yielding progress), then detect; returns transcript, unsure spans, findings."""
    transcript, unsure = yield from engines.transcriber.transcribe(path, duration_s, lists.deny)
    # Detect on digits ("four one five" → "415"); the words keep their times.
    words = with_spoken_numbers_as_digits(transcript.words)
    text, _ = transcript_text(words)
    found = speech_findings(words, engines.detector.detect(text, lists))
    return transcript, unsure, found


def _same_place(a: ScreenHit, b: ScreenHit) -> bool:
    """Same category and overlapping boxes."""
    return a.span.category == b.span.category and rects_meet(
        (a.box.x, a.box.y, a.box.w, a.box.h), (b.box.x, b.box.y, b.box.w, b.box.h)
    )
