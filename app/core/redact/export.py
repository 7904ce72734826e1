"""redact_clip(session, out) → progress as it goes, then the copy made (its record and proof).

    made = run(redact_clip(ReviewSession.open(scanned), Path("safe.mp4")))

The steps: read the review again (another window or the CLI may have decided since it was
loaded) and plan from its decisions; follow the camera over the stretches to hide; read
and hush the sound; encode into a hidden file beside the output; scan that file again and
compare; only then rename it into place (never over the original, never over a file unless
asked) and record it in the session (the review's `redactions` list, and a `copies` event)
with whose decisions it used, with no step between the two to stop at. A copy whose proof fails
is put under the name `OUT.NOT-SAFE.mp4`, never under the name asked for. No decision changes.
The proof checks every finding the review wants hidden when the copy is checked, not only the
ones hidden.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import av

from app.core.errors import ClearToPostError, InputError
from app.core.geometry import Rect, union
from app.core.hashing import HashedFile, file_sha256
from app.core.models import AnalysisResult, Finding, Progress, Source
from app.core.picture.code_findings import UNDECODED
from app.core.picture.ocr import OcrEngine
from app.core.redact.audio import (
    VOICE_REACH_S,
    Sound,
    hush,
    read_sound,
    to_pauses,
    voice_regions,
)
from app.core.redact.box_tracks import BoxTracks, small_grey
from app.core.redact.camera_path import CameraPath, follow_camera
from app.core.redact.encode import Written, write_copy
from app.core.redact.plan import ELLIPSE, SILENCE, Redaction, chosen, plan, unplaced
from app.core.redact.proof import Proof, ProofRound, matches, prove, shown_again
from app.core.redact.read_back import CODE, FACE, TEXT, Hidden, ReadBack, read_back
from app.core.redact.repair import MAX_ROUNDS, Patch, patches_for, patches_found_again
from app.core.redact.thumbnails import not_safe_thumbnails
from app.core.review.copies import DecidedBy, HiddenItem, RedactedCopy, Rescan, SeenAgain
from app.core.review.reread import decided_by, reread
from app.core.review.session import ReviewSession
from app.core.steps import retold

if TYPE_CHECKING:
    from app.core.picture.codes import CodeReader
    from app.core.picture.faces import FaceDetector
    from app.core.pipeline import Engines

Result = TypeVar("Result")

COMMIT = "commit"  # the stage just before the proved copy is renamed into place and recorded


@dataclass(frozen=True)
class MadeCopy:
    """What an export returns: the record the review keeps of the copy (typed, review/copies.py)
    and the proof, which holds the copy's own findings (the record keeps what they said)."""

    record: RedactedCopy
    proof: Proof

    @property
    def file(self) -> str:
        return self.record.file

    @property
    def sha256(self) -> str:
        return self.record.sha256

    @property
    def items(self) -> tuple[HiddenItem, ...]:
        return self.record.items

    @property
    def decisions(self) -> DecidedBy | None:
        return self.record.decisions

    def to_json(self) -> dict[str, Any]:
        return self.record.to_json()


def read_back_of(proof: Proof) -> dict[str, Any]:
    """The proof's read-back as the review keeps it: each round, and what is left."""
    return {"rounds": [dataclasses.asdict(r) for r in proof.rounds],
            "leaks": [{"t_s": t, "read": read} for t, read in proof.leaks],
            "thumbnails": list(proof.thumbnails)}


def rescan_of(proof: Proof) -> Rescan:
    """The proof as the review keeps it."""
    return Rescan(proof.still_found,
                  tuple(SeenAgain(f.source.value, f.category.value, float(f.start_s),
                                  float(f.end_s), f.text) for f in proof.new),
                  proof.kept, proof.not_hidden)


def check_output(source: Path, out: Path, force: bool) -> None:
    """Refuse an output that is the original, is not an .mp4, or exists (unless `force`)."""
    if out.suffix.lower() != ".mp4":
        raise InputError(f"The redacted copy is an .mp4 file: name it {out.stem}.mp4.")
    if out.resolve() == source.resolve() or (
            out.exists() and source.exists() and os.path.samefile(out, source)):
        raise InputError("The redacted copy cannot replace the original: choose another name.")
    if out.exists() and not force:
        raise InputError(f"{out} already exists; add --force to overwrite it.")
    if not out.parent.is_dir():
        raise InputError(f"The folder {out.parent} does not exist.")


def redact_clip(session: ReviewSession, out: Path, *,
                include_open: bool = False, sound: str = SILENCE, force: bool = False,
                engines: Engines | None = None,
                on_frame: Callable[[float, list[tuple[Redaction, Rect]]], None] | None = None,
                ) -> Generator[Progress, None, MadeCopy]:
    """Make a redacted copy of the session's clip (as reviewed) at `out`, prove it, and record
    it in the session. The file is not read again to check it is still the one scanned when the
    session holds it as hashed then (`session.source`). `on_frame(t, [(redaction, rect)])` is
    told what was hidden in each frame (for checks)."""

    result, review = session.reviewed, session.review
    if result is None or review is None:
        raise ClearToPostError("The clip has not been scanned yet: scan it before making a copy.")
    hashed, source, out = session.source, Path(result.video.path), Path(out)
    check_output(source, out, force)
    if not _still_scanned(source, result.video.sha256, hashed):
        raise InputError(f"{source.name} has changed or gone since it was scanned; scan it "
                         f"again before making a copy.")
    decided = decided_by(review, [f.id for f in result.findings], reread(review))
    redactions = plan(result, review, include_open, sound)
    if not redactions:
        raise ClearToPostError("Nothing is marked \"must fix\", so there is nothing to hide "
                               "(or ask for the open findings too).")
    camera, tracks = yield from _follow(source, result, redactions)
    yield Progress("sound", 0.15, "Hiding the spoken findings")
    track = read_sound(source) if result.video.has_audio else None
    spoken = [r for r in redactions if not r.in_picture]
    if track is not None and spoken:
        heard = to_pauses([(r.start_s, r.end_s, r.action) for r in spoken], voice_regions(track))
        hush(track, heard)
        written_sound = {r.finding.id: s[:2] for r, s in zip(spoken, heard, strict=True)}
    else:
        written_sound = {}
    partial = out.with_name(f".{out.stem}.partial.mp4")
    try:  # the copy keeps its hidden name until it is proved (a kill leaves no unchecked copy)
        written, again, rounds = yield from _made(
            source, (partial, out), result, redactions,
            (camera, tracks, track, _face_detector(engines, redactions)), on_frame, engines)
        ids = [r.finding.id for r in redactions]
        reread(review)  # a finding marked must fix while the copy was made must be in it too
        wanted = [f.id for f in chosen(result, review, include_open)] + unplaced(result, review)
        proof = dataclasses.replace(
            prove(result.findings + result.presenter_faces, ids, again.findings, wanted),
            rounds=rounds.rounds, leaks=rounds.leaks, thumbnails=rounds.thumbnails)
        copy = MadeCopy(RedactedCopy(
            file=str((out if proof.clean else not_safe_name(out)).resolve()),
            sha256=file_sha256(partial), made_at=round(time.time(), 3), by=review.reviewer,
            sound=sound, include_open=include_open,
            items=tuple(_item(r, written.hidden.get(r.finding.id),
                              written.seen.get(r.finding.id) or written_sound.get(r.finding.id))
                        for r in redactions),
            rescan=rescan_of(proof), decisions=decided, read_back=read_back_of(proof)), proof)
        # the last step it can be stopped at: stopped here, nothing is kept nor recorded
        yield Progress(COMMIT, 1.0, copy.proof.line())
        _commit(partial, out, copy.record, session)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    return copy


def not_safe_name(out: Path) -> Path:
    """Where a copy whose proof failed is put: never under the name asked for."""
    return out.with_name(f"{out.stem}.NOT-SAFE.mp4")


def _commit(partial: Path, out: Path, copy: RedactedCopy, session: ReviewSession) -> None:
    """The proved copy renamed to its name and recorded, with no step between them to stop
    at; a failure between the two takes the copy away again. A copy that is not safe is put
    under its NOT-SAFE name, and a file the export was asked to replace goes (it is not this
    copy, and must not pass for it)."""
    final = Path(copy.file)
    try:
        if final != out.resolve():
            with contextlib.suppress(FileNotFoundError):
                out.unlink()
        os.replace(partial, final)
        session.add_copy(copy)
    except BaseException as error:
        with contextlib.suppress(OSError):
            final.unlink()
        if isinstance(error, OSError):
            raise ClearToPostError(f"The redacted copy could not be put in {out.parent} "
                                   f"({error.strerror or error}).") from error
        raise


OnFrame = Callable[[float, list[tuple[Redaction, Rect]]], None]


def _made(source: Path, files: tuple[Path, Path], result: AnalysisResult,
          redactions: list[Redaction],
          followed: tuple[CameraPath, BoxTracks, Sound | None, FaceDetector | None],
          on_frame: OnFrame | None, engines: Engines | None
          ) -> Generator[Progress, None, tuple[Written, AnalysisResult, Proof]]:
    """Write the copy (`files`: the hidden file, and the name asked for), read it back and scan
    it again; where the proof read a hidden text, patch the covers and write again, up to
    MAX_ROUNDS times (repair.py). Returns what the last write did, the last re-scan, and the
    rounds (a Proof holding only those and what is left). The caller removes the hidden file
    unless the copy is proved and renamed."""
    from app.core.pipeline import analyze

    out, named = files

    size = (result.video.width, result.video.height)
    patches: list[Patch] = []
    rounds: list[ProofRound] = []
    ocr = _ocr(engines, result)
    faces, codes = followed[3], _code_reader(engines, redactions)
    for number in range(MAX_ROUNDS + 1):
        paths: dict[str, dict[float, Rect]] = {}
        written = yield from _write(source, out, result, redactions, *followed,
                                    _recording(paths, on_frame), tuple(patches))
        back = yield from _steps(
            read_back(out, _hidden(redactions, paths), ocr, result.video.duration_s, faces,
                      codes),
            "proof", 0.45, 0.15, f"Reading the copy back{_round(number)}")
        last = number == MAX_ROUNDS
        more = [] if last else patches_for(back.leaks, size)
        found: list[tuple[str, Finding]] = []
        heard: list[tuple[float, float, str]] = []
        if not more:  # nothing to repair from the read-back: the re-scan's turn
            again = yield from _steps(analyze(out, result.options, engines), "rescan",
                                      0.6, 0.4, f"Scanning the copy again{_round(number)}")
            found = _found_again(result, redactions, again)
            more = [] if last else patches_found_again(found, size)
            heard = [] if last or followed[2] is None else _heard_near(result, redactions,
                                                                        again)
            if heard and followed[2] is not None:  # heard where speech was hidden: silence
                hush(followed[2], heard)  # it too, and write again
        rounds.append(_round_of(back, found, more, len(heard)))
        if not more and not heard:
            break
        patches += more
    left = tuple((leak.t_s, leak.read) for leak in back.leaks)
    return written, again, Proof((), (), (), 0, rounds=tuple(rounds), leaks=left,
                                 thumbnails=not_safe_thumbnails(out, named, back.leaks))


def _round(number: int) -> str:
    return f" (repair {number})" if number else ""


def _round_of(back: ReadBack, found: list[tuple[str, Finding]], more: list[Patch],
              hushed: int = 0) -> ProofRound:
    return ProofRound(back.frames, back.frames_near, back.regions, round(back.seconds, 1),
                      back.count(TEXT), len({key for key, _ in found}), len(more) + hushed,
                      len({p.key for p in more}),
                      tuple((leak.t_s, leak.read) for leak in back.leaks[::max(
                          1, len(back.leaks) // 8)][:8]),
                      back.count(FACE), back.count(CODE), back.face_regions + back.code_regions,
                      back.unchanged, back.whole_unchanged, back.looks_unchanged)


def _recording(paths: dict[str, dict[float, Rect]], on_frame: OnFrame | None) -> OnFrame:
    """An `on_frame` that keeps each finding's covers by time (for the read-back), and tells
    the caller's too."""
    def seen(t_s: float, covers: list[tuple[Redaction, Rect]]) -> None:
        for redaction, rect in covers:
            path = paths.setdefault(redaction.finding.id, {})
            path[t_s] = union(path[t_s], rect) if t_s in path else rect
        if on_frame is not None:
            on_frame(t_s, covers)
    return seen


def _hidden(redactions: list[Redaction], paths: dict[str, dict[float, Rect]]
            ) -> list[Hidden]:
    """What to look for in the copy, with its covers: the hidden texts (on-screen text, and
    a code's payload, read by OCR), faces (looked for by the face detector) and codes (by the
    code reader). A code that could not be decoded has no text to read."""
    kinds = {Source.SCREEN: TEXT, Source.CODE: CODE, Source.FACE: FACE}
    out = []
    for r in redactions:
        kind = kinds.get(r.finding.source)
        if kind is None or r.finding.id not in paths:
            continue
        text = "" if kind == FACE or r.finding.text.endswith(UNDECODED) else r.finding.text
        out.append(Hidden(r.finding.id, text, paths[r.finding.id], kind))
    return out


def _heard_near(result: AnalysisResult, redactions: list[Redaction], again: AnalysisResult
                ) -> list[tuple[float, float, str]]:
    """Stretches to silence too: each spoken finding of the copy's re-scan that is new (or a
    hidden one heard again) and lies within VOICE_REACH_S of a hidden spoken stretch. What is
    left of the sound around a silenced name can be heard as another name ("Olson ran on",
    silenced to the end of "Olson", was heard as "Ron"): a word heard where speech was hidden
    is taken as a leak, and silenced with the same action, a little wider."""
    spoken = [r for r in redactions if not r.in_picture]
    hidden_ids = {r.finding.id for r in spoken}
    out = []
    for g in again.findings:
        if g.source is not Source.SPEECH:
            continue
        if any(matches(f, g) for f in result.findings if f.id not in hidden_ids):
            continue  # heard in the original too and not hidden: the reviewer kept it
        near = [r for r in spoken if g.start_s < r.end_s + VOICE_REACH_S
                and r.start_s - VOICE_REACH_S < g.end_s]
        if near:
            out.append((max(0.0, g.start_s - 0.05), g.end_s + 0.05, near[0].action))
    return out


def _found_again(result: AnalysisResult, redactions: list[Redaction], again: AnalysisResult
                 ) -> list[tuple[str, Finding]]:
    """Each on-screen finding of the copy that matches a hidden one: (its id, the copy's)."""
    hidden = [r.finding for r in redactions if r.in_picture]
    return [(f.id, g) for f in hidden for g in again.findings
            if g.boxes and (matches(f, g) or shown_again(f, g, result.findings))]


def _ocr(engines: Any, result: AnalysisResult) -> OcrEngine:
    ocr = getattr(engines, "ocr", None)
    if ocr is None:
        from app.core.pipeline import load_ocr

        ocr = load_ocr(result.options.ocr, result.options)
    return ocr


def _still_scanned(path: Path, sha256: str, hashed: HashedFile | None) -> bool:
    """Whether the file at `path` is still the one scanned: by its hash taken then, when it is
    of this file and the file is unchanged since (size, time, inode), else by hashing it."""
    if not path.is_file():
        return False
    if hashed is not None and hashed.path == str(path.resolve()) and hashed.unchanged():
        return hashed.sha256 == sha256
    return file_sha256(path) == sha256


def _follow(source: Path, result: AnalysisResult, redactions: list[Redaction]
            ) -> Generator[Progress, None, tuple[CameraPath, BoxTracks]]:
    """The first pass: the camera's motion and each box's own track over the stretches."""
    picture = [r for r in redactions if r.in_picture]
    spans = [r.reach for r in picture]
    tracks = BoxTracks({r.finding.id: r.reads for r in picture},
                       {r.finding.id: r.reach for r in picture},
                       back_frames=int(result.video.fps * max(
                           (r.finding.start_s - r.reach[0] for r in picture), default=0)) + 2,
                       fps=result.video.fps)
    camera = yield from _steps(
        follow_camera(source, spans, result.video.duration_s,
                      lambda t, frame, step: tracks.add(t, small_grey(frame), step)),
        "follow", 0.0, 0.15, "Following the camera")
    return camera, tracks


def _write(source: Path, partial: Path, result: AnalysisResult, redactions: list[Redaction],
           camera: CameraPath, tracks: BoxTracks, track: Sound | None,
           faces: FaceDetector | None,
           on_frame: Callable[[float, list[tuple[Redaction, Rect]]], None] | None,
           patches: tuple[Patch, ...] = ()) -> Generator[Progress, None, Written]:
    """The second pass: the copy encoded into a hidden file (the caller removes it unless it
    is proved and renamed); a failed write is one sentence."""
    try:
        return (yield from _steps(
            write_copy(source, partial, result.video, redactions, camera, track, faces,
                       on_frame, tracks, patches),
            "encode", 0.15, 0.45, "Writing the redacted copy"))
    except (OSError, av.error.FFmpegError) as error:  # a full disk, a folder gone read-only
        raise ClearToPostError(
            f"The redacted copy could not be written to {partial.parent} "
            f"({getattr(error, 'strerror', None) or error}); check the free space and that "
            f"the folder is writable.") from error


def _steps(steps: Generator[float | Progress, None, Result],
           stage: str, base: float, share: float, message: str
           ) -> Generator[Progress, None, Result]:
    """Drive a generator of fractions (or of Progress), as Progress of this export; return
    its value. Closing the export closes it."""
    return retold(steps, lambda step: Progress(
        stage, base + share * (step.fraction if isinstance(step, Progress) else step), message))


def _code_reader(engines: Engines | None, redactions: list[Redaction]) -> CodeReader | None:
    """The code reader, for the proof to look for hidden codes in the copy (None: no code
    is hidden)."""
    if not any(r.finding.source is Source.CODE and r.in_picture for r in redactions):
        return None
    codes = getattr(engines, "codes", None)
    if codes is None:
        from app.core.picture.codes import CodeReader

        codes = CodeReader()
    return codes


def _face_detector(engines: Engines | None, redactions: list[Redaction]
                   ) -> FaceDetector | None:
    if not any(r.action == ELLIPSE for r in redactions):
        return None
    faces = getattr(engines, "faces", None)
    if faces is None:
        from app.core.picture.faces import FaceDetector

        faces = FaceDetector()
    return faces


def _item(redaction: Redaction, frames: int | None,
          seen: tuple[float, float] | None) -> HiddenItem:
    """The record of one hidden finding: from the first to the last frame it was hidden in
    (a picture item: it may have been followed past the reads' own stretch)."""
    f = redaction.finding
    start, end = seen or (redaction.start_s, redaction.end_s)
    return HiddenItem(f.id, f.source.value, f.category.value, redaction.action,
                      round(float(start), 3), round(float(end), 3), frames)
