"""analyze(path) → progress as it goes, then the AnalysisResult. The engine's one entry point.

    result = run(analyze("clip.mp4"))          # or iterate to see Progress (and new findings)

Stopping iteration cancels the scan: video captures are released in `finally` blocks.
"""

from __future__ import annotations

import importlib.util
import threading
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass, replace
from pathlib import Path

import av

from app import __version__
from app.core.detect import TextDetector
from app.core.errors import InputError, ModelError
from app.core.findings.combination import combination
from app.core.findings.hits import with_unique_ids
from app.core.findings.linked_items import with_links
from app.core.findings.same_thing import made_one
from app.core.geometry import PARTS
from app.core.hashing import HashedFile
from app.core.media.sound import SpeechSound, decode_speech_sound
from app.core.media.video import probe
from app.core.models import (
    AnalysisResult,
    Coverage,
    Finding,
    ModelInfo,
    Progress,
    ScanOptions,
    Transcript,
    VideoInfo,
    VoiceStretch,
    Word,
)
from app.core.offline import no_telemetry
from app.core.picture.codes import CodeReader
from app.core.picture.detectors import CodeFinder, FaceFinder, LookFinder, TextFinder
from app.core.picture.faces import FaceDetector
from app.core.picture.ocr import EasyOcrEngine, OcrEngine
from app.core.picture.ppocr import PpOcrEngine
from app.core.picture.stage import FrameDetector, PictureResult, scan_picture
from app.core.speech.channels import heard_in
from app.core.speech.heard_so_far import HeardSoFar, spoken_findings
from app.core.speech.listen_again import doubtful_stretches, heard_again, screen_names
from app.core.speech.transcribe import Transcriber, WhisperTranscriber
from app.core.speech.voice_encoder import VoiceEncoder
from app.core.speech.voices import scan_guess, settle, voice_findings
from app.core.steps import run as run  # the one way a scan is driven: run(analyze(path))
from app.core.word_lists import WordLists

OCR_ENGINES = ("ppocr", "easyocr")
# EasyOCR and the torch it runs on are an extra (pyproject.toml): the default install has neither
EASYOCR_MISSING = ("EasyOCR is not installed (it is an optional extra that brings torch): install "
                   "it with `pip install -e '.[easyocr]'` or `make easyocr`, or use the default "
                   "engine, ppocr.")

# Share of the progress bar the speech takes; speech and picture run side by side.
_SPEECH_SHARE = 0.25


def load_ocr(name: str, options: ScanOptions) -> OcrEngine:
    """The text-reading engine called `name` (see models/README.md for how they compare)."""
    if name == "ppocr":
        return PpOcrEngine(detect_side=options.ocr_detect_side,
                           fine_side=options.ocr_fine_side)
    if name == "easyocr":
        if any(importlib.util.find_spec(m) is None for m in ("easyocr", "torch")):
            raise ModelError(EASYOCR_MISSING)
        return EasyOcrEngine(canvas_size=options.ocr_canvas_size)
    raise InputError(f"There is no OCR engine called '{name}': use one of "
                     f"{', '.join(OCR_ENGINES)}.")


@dataclass
class Engines:
    """The loaded models. Loading takes seconds, so a session loads them once and reuses them."""

    transcriber: Transcriber
    ocr: OcrEngine
    detector: TextDetector
    faces: FaceDetector | None = None
    codes: CodeReader | None = None
    voices: VoiceEncoder | None = None

    @classmethod
    def load(cls, options: ScanOptions) -> Engines:
        no_telemetry()  # before the first ONNX Runtime session (PP-OCR, Silero VAD, faces)
        ocr = load_ocr(options.ocr, options)  # first: an engine not installed is said at once
        return cls(
            transcriber=WhisperTranscriber(options.speech_model),
            ocr=ocr,
            detector=TextDetector(min_confidence=options.min_confidence),
            faces=FaceDetector(),
            codes=CodeReader(),
            voices=VoiceEncoder(),
        )

    @property
    def models(self) -> tuple[ModelInfo, ...]:
        extra = tuple(e.info for e in (self.faces, self.voices) if e is not None)
        return (self.transcriber.info, self.ocr.info, self.detector.info, *extra)


# what the speech stage returns: the transcript, its unsure stretches, the spoken findings and
# who spoke when (as heard)
SpeechResult = tuple[Transcript, tuple[tuple[float, float], ...], list[Finding],
                     tuple[VoiceStretch, ...]]


class _SpeechThread:
    """Transcription and detection of the speech, in a thread beside the picture stage.

    faster-whisper (CTranslate2) releases the interpreter while it decodes, so the two stages
    share the 2 cores. `stop()` ends it between two segments."""

    def __init__(self, path: Path, duration_s: float, engines: Engines, lists: WordLists,
                 voices: bool = True):
        self.fraction = 0.0
        self.result: SpeechResult | None = None
        self.error: BaseException | None = None
        self.undecodable = False
        self.sound: SpeechSound | None = None  # kept for the second listen (no second decode)
        self.seconds = 0.0
        self._early: list[Finding] = []  # spoken findings made before the transcript ends
        self._given: set[str] = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="speech", daemon=True,
                                        args=(path, duration_s, engines, lists, voices))
        self._thread.start()

    def _run(self, path: Path, duration_s: float, engines: Engines, lists: WordLists,
             voices: bool) -> None:
        started = time.perf_counter()
        scan = None
        try:
            # decoded once: the speech model and the voices take the same arrays
            sound = self.sound = decode_speech_sound(path)
            scan = _speech(sound, duration_s, engines, lists, self._heard, voices)
            while not self._stop.is_set():
                try:
                    self.fraction = next(scan)
                except StopIteration as stop:
                    self.result = stop.value
                    return
        except av.error.FFmpegError:
            self.undecodable = True
        except BaseException as error:  # raised again in the scan's own thread
            self.error = error
        finally:
            if scan is not None:
                scan.close()
            self.seconds = time.perf_counter() - started

    def _heard(self, found: list[Finding]) -> None:
        with self._lock:
            self._early += found

    def news(self) -> list[Finding]:
        """The spoken findings made since the last call, each once: early ones as they are
        made, then, when the transcript is done, those only the whole of it showed."""
        with self._lock:
            found, self._early = self._early, []
        if self.done and self.result is not None:
            found += self.result[2]
        new = []
        for finding in found:
            if finding.id not in self._given:
                self._given.add(finding.id)
                new.append(finding)
        return new

    @property
    def done(self) -> bool:
        return not self._thread.is_alive()

    def wait(self, timeout_s: float) -> None:
        self._thread.join(timeout_s)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def _picture_detectors(engines: Engines, options: ScanOptions, lists: WordLists
                       ) -> tuple[TextFinder, FaceFinder | None, list[FrameDetector]]:
    # text is looked for on every sample: where the picture changed, or everywhere
    text = TextFinder(engines.ocr, engines.detector, lists, 0.0)
    detectors: list[FrameDetector] = [text]
    if options.scene:
        detectors.append(LookFinder(options.min_read_interval_s))
    if options.codes and engines.codes is not None:
        detectors.append(CodeFinder(engines.codes, engines.detector, lists,
                                    options.code_interval_s))
    faces = None
    if options.faces and engines.faces is not None:
        faces = FaceFinder(engines.faces, options.face_interval_s)
        detectors.append(faces)
    return text, faces, detectors


def analyze(
    path: str | Path,
    options: ScanOptions | None = None,
    engines: Engines | None = None,
    hashed: HashedFile | None = None,
) -> Generator[Progress, None, AnalysisResult]:
    """Scan a clip for identifiers, with `options` (default ScanOptions()) and already-loaded
    `engines` (loaded here when None); `hashed`: the file's SHA-256 when the caller has it
    (media.video.hashed_input), so it is not read again for it. Yields Progress, each carrying
    the findings completed since the previous one; returns the AnalysisResult with every
    finding, in time order.

    Raises:
        InputError: the file cannot be analysed (one sentence says why).
        ModelError: a bundled model is missing or damaged.
    """
    options = options or ScanOptions()
    lists = WordLists(options.deny, options.allow)
    timings: dict[str, float] = {}
    info, engines = yield from _open(path, options, engines, timings, hashed)
    notes: list[str] = []
    speech = _SpeechThread(Path(info.path), info.duration_s, engines, lists,
                           options.voices) if info.has_audio else None
    if speech is None:
        notes.append("The clip has no sound track, so there was no speech to check.")
    text, faces, detectors = _picture_detectors(engines, options, lists)
    picture = scan_picture(info, detectors, options.sample_interval_s)
    shown, spoken = yield from _both(picture, speech, info.duration_s)
    transcript: Transcript | None = None
    unsure_speech: tuple[tuple[float, float], ...] = ()
    heard: tuple[VoiceStretch, ...] = ()
    if speech is not None:
        if speech.undecodable:
            notes.append("The sound track could not be decoded, so speech was not checked.")
        elif speech.result is not None:
            transcript, unsure_speech, _, heard = speech.result
            spoken = yield from _listen_again(speech.sound, engines, transcript,
                                              shown.findings, spoken or [], timings)
        timings["speech"] = speech.seconds
    timings.update(shown.timings)
    if faces is not None and faces.doubt:
        notes.append(faces.doubt)
    yield Progress("done", 1.0, "Done")
    on_screen, became = made_one(shown.findings)
    return AnalysisResult(
        video=info,
        findings=tuple(with_links(_with_combination(with_unique_ids(
            on_screen + (spoken or []))))),
        transcript=transcript,
        coverage=_coverage(info, options, transcript, unsure_speech, text, shown, notes),
        options=replace(options),
        tool_version=__version__,
        models=engines.models,
        timings_s=timings,
        presenter_faces=tuple(faces.mine if faces is not None else []),
        voices=heard,
        presenter_voices=scan_guess(heard),
        became=tuple(sorted(became.items())),
    )


def _listen_again(sound: SpeechSound | None, engines: Engines, transcript: Transcript,
                  shown: list[Finding], spoken: list[Finding], timings: dict[str, float]
                  ) -> Generator[Progress, None, list[Finding]]:
    """The spoken findings with those heard with the picture's help added (told at once)."""
    if sound is None:
        return spoken
    again = _heard_with_the_picture(sound, engines, transcript, shown, spoken, timings)
    if again:
        yield Progress("speech", 0.99, "Listened again for the names on screen", tuple(again))
    return spoken + again


def _heard_with_the_picture(sound: SpeechSound, engines: Engines, transcript: Transcript,
                            shown: list[Finding], spoken: list[Finding],
                            timings: dict[str, float]) -> list[Finding]:
    """The names read on screen that are heard when the unsure speech sounding like them is
    listened to again with them as hints (listen_again.py), less those already flagged there."""
    names = screen_names(shown)
    if not names or not doubtful_stretches(transcript.words, names):
        return []
    clock = time.perf_counter()
    found = heard_again(engines.transcriber, sound.mixed, transcript.words, names)
    timings["speech_again"] = time.perf_counter() - clock
    return [f for f in found if not any(
        s.category is f.category and s.start_s < f.end_s and f.start_s < s.end_s
        for s in spoken)]


def _with_combination(findings: list[Finding]) -> list[Finding]:
    """The findings, and the one `combination` finding when their details add up."""
    combined = combination(findings)
    return with_unique_ids([*findings, combined]) if combined else findings


def _open(path: str | Path, options: ScanOptions, engines: Engines | None,
          timings: dict[str, float], hashed: HashedFile | None = None
          ) -> Generator[Progress, None, tuple[VideoInfo, Engines]]:
    """Probe the file (told at once, so the window can show the clip) and load the models if
    they were not handed over."""
    clock = time.perf_counter()
    yield Progress("probe", 0.0, "Reading the file")
    info = probe(path, hashed)
    timings["probe"] = time.perf_counter() - clock
    yield Progress("probe", 0.01, "File read", video=info)
    if engines is None:
        yield Progress("load", 0.01, "Loading the models (first time takes a while)")
        clock = time.perf_counter()
        engines = Engines.load(options)
        timings["load_models"] = time.perf_counter() - clock
    return info, engines


def _both(picture: Generator[tuple[float, list[Finding], list[Finding]], None, PictureResult],
          speech: _SpeechThread | None, duration_s: float
          ) -> Generator[Progress, None, tuple[PictureResult, list[Finding] | None]]:
    """Drive the picture stage, handing on the speech findings as they come, then wait for the
    speech; return what the picture showed and the spoken findings. The threads end whatever
    happens (a cancelled scan closes this generator)."""
    duration = max(duration_s, 1e-3)
    spoken: list[Finding] | None = None
    try:
        while True:
            try:
                t_s, closed, showing = next(picture)
            except StopIteration as stop:
                shown = stop.value
                break
            spoken, said = _speech_news(speech, spoken)
            seen = min(1.0, t_s / duration)
            heard = speech.fraction if speech is not None and spoken is None else 1.0
            fraction = 0.02 + 0.97 * (_SPEECH_SHARE * heard + (1 - _SPEECH_SHARE) * seen)
            yield Progress("screen", fraction, "Reading the picture and listening",
                           tuple(closed) + tuple(said), showing=tuple(showing))
        while speech is not None and spoken is None:
            speech.wait(0.2)
            spoken, said = _speech_news(speech, spoken)
            fraction = 0.02 + 0.97 * (_SPEECH_SHARE * speech.fraction + 1 - _SPEECH_SHARE)
            yield Progress("speech", fraction, "Listening", tuple(said))
    finally:  # also when the scan is cancelled: the decoder, helper and speech threads end
        picture.close()
        if speech is not None:
            speech.stop()
    return shown, spoken


def _coverage(info: VideoInfo, options: ScanOptions, transcript: Transcript | None,
              unsure_speech: tuple[tuple[float, float], ...], text: TextFinder,
              shown: PictureResult, notes: list[str]) -> Coverage:
    return Coverage(
        speech_seconds=transcript.speech_seconds if transcript else 0.0,
        audio_seconds=transcript.audio_seconds if transcript else 0.0,
        transcribed=transcript is not None,
        frames_read=text.frames_read,
        frames_sampled=shown.samples,
        frames_total=info.frame_count,
        seconds_between_samples=options.sample_interval_s,
        low_confidence_speech=unsure_speech,
        low_confidence_text_times=tuple(sorted(set(text.low_text_times))),
        low_confidence_text_parts=tuple(sorted(set(text.low_text_parts),
                                               key=lambda tp: (tp[0], PARTS.index(tp[1])))),
        lines_read=text.lines_read,
        notes=tuple(notes),
    )


def _speech_news(speech: _SpeechThread | None, spoken: list[Finding] | None
                 ) -> tuple[list[Finding] | None, list[Finding]]:
    """The speech findings made since the last call; the whole list too once the speech
    thread has finished (raising its error)."""
    if speech is None or spoken is not None:
        return spoken, []
    done = speech.done
    if done and speech.error is not None:
        raise speech.error
    said = speech.news()
    if not done:
        return None, said
    return (list(speech.result[2]) if speech.result is not None else []), said


def _speech(sound: SpeechSound, duration_s: float, engines: Engines, lists: WordLists,
            early: Callable[[list[Finding]], None] | None = None, voices: bool = True
            ) -> Generator[float, None, SpeechResult]:
    """Transcribe `sound` (yielding progress), then detect, then listen for other voices;
    returns transcript, unsure spans, findings, and who spoke when (as heard).

    `early` is handed findings while the transcript grows (heard_so_far.py)."""
    on_segment: Callable[[list[Word]], None] | None = None
    if early is not None:
        so_far, tell = HeardSoFar(engines.detector, lists), early

        def heard_segment(words: list[Word]) -> None:
            found = so_far.add(words)
            if found:
                tell(found)
        on_segment = heard_segment
    transcript, unsure = yield from engines.transcriber.transcribe(
        sound.mixed, duration_s, lists.deny, on_segment=on_segment)
    found = spoken_findings(transcript.words, engines.detector, lists)
    heard: tuple[VoiceStretch, ...] = ()
    if voices and engines.voices is not None:
        # both channels: a clip-on microphone per person puts each on a channel of their own
        heard = heard_in((sound.left, sound.right), engines.voices)
        found += voice_findings(settle(heard, scan_guess(heard)), transcript.words)
    return transcript, unsure, found, heard
