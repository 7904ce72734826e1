"""redact_clip(result, review, out) → progress as it goes, then the record of the copy made.

    record = run(redact_clip(result, review, Path("safe.mp4")))

The steps: read the review again (another window or the CLI may have decided since it was
loaded) and plan from its decisions; follow the camera over the stretches to hide; read
and hush the sound; encode into a hidden file beside the output and rename it into place (never
over the original, never over a file unless asked); scan the copy again and compare. The record
goes into the review's file (its `redactions` list) with whose decisions it used; no decision
changes. The proof checks every finding the review wants hidden when the copy is checked, not
only the ones hidden.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path

import av

from app.core.errors import ClearToPostError, InputError
from app.core.hashing import file_sha256
from app.core.models import AnalysisResult, Progress
from app.core.redact.audio import hush, read_sound, to_pauses, voice_regions
from app.core.redact.box_tracks import BoxTracks, small_grey
from app.core.redact.camera_path import follow_camera
from app.core.redact.encode import write_copy
from app.core.redact.plan import ELLIPSE, SILENCE, Redaction, chosen, plan, unplaced
from app.core.redact.proof import Proof, prove
from app.core.review.decisions import Review
from app.core.review.reread import DecidedBy, decided_by, reread


@dataclass(frozen=True)
class RedactedCopy:
    """What was made: the file, its checksum, what was hidden in it, and the re-scan's verdict."""

    file: str
    sha256: str
    made_at: float
    by: str
    sound: str
    include_open: bool
    items: tuple[dict, ...]  # finding_id, source, category, action, start_s, end_s, frames
    proof: Proof
    decisions: DecidedBy | None = None  # whose decisions the copy used, read when it started

    def to_json(self) -> dict:
        return {
            "file": self.file, "sha256": self.sha256, "made_at": self.made_at, "by": self.by,
            "sound": self.sound, "include_open": self.include_open, "items": list(self.items),
            "rescan": {
                "still_found": list(self.proof.still_found),
                "new": [{"source": f.source.value, "category": f.category.value,
                         "start_s": round(float(f.start_s), 3),
                         "end_s": round(float(f.end_s), 3),
                         "text": f.text} for f in self.proof.new],
                "kept_found_again": self.proof.kept,
                "not_hidden": list(self.proof.not_hidden),
            },
            "decisions": self.decisions.to_json() if self.decisions else None,
        }


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


def redact_clip(result: AnalysisResult, review: Review, out: Path, *,
                include_open: bool = False, sound: str = SILENCE, force: bool = False,
                engines=None, on_frame=None) -> Generator[Progress, None, RedactedCopy]:
    """Make a redacted copy of the scanned clip at `out`, prove it, and record it.
    `on_frame(t, [(redaction, rect)])` is told what was hidden in each frame (for checks)."""
    from app.core.pipeline import analyze

    source, out = Path(result.video.path), Path(out)
    check_output(source, out, force)
    if not source.is_file() or file_sha256(source) != result.video.sha256:
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
    written = yield from _write(source, out, result, redactions, camera, tracks, track,
                                _face_detector(engines, redactions), on_frame)
    try:
        again = yield from _steps(analyze(out, result.options, engines), "rescan", 0.6, 0.4,
                                  "Scanning the copy again")
    except BaseException:  # cancelled (or failed) before it was checked: no unchecked copy
        with contextlib.suppress(OSError):
            out.unlink()
        raise
    ids = [r.finding.id for r in redactions]
    reread(review)  # a finding marked must fix while the copy was made must be in it too
    wanted = [f.id for f in chosen(result, review, include_open)] + unplaced(result, review)
    copy = RedactedCopy(
        file=str(out.resolve()), sha256=file_sha256(out), made_at=round(time.time(), 3),
        by=review.reviewer, sound=sound, include_open=include_open,
        items=tuple(_item(r, written.hidden.get(r.finding.id),
                          written.seen.get(r.finding.id) or written_sound.get(r.finding.id))
                    for r in redactions),
        proof=prove(result.findings + result.presenter_faces, ids, again.findings, wanted),
        decisions=decided)
    review.add_redaction(copy.to_json())
    yield Progress("done", 1.0, copy.proof.line())
    return copy


def _follow(source: Path, result: AnalysisResult, redactions: list[Redaction]):
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
                      lambda t, frame: tracks.add(t, small_grey(frame))),
        "follow", 0.0, 0.15, "Following the camera")
    return camera, tracks


def _write(source, out: Path, result, redactions, camera, tracks, track, faces, on_frame):
    """The second pass: the copy encoded into a hidden file beside `out`, renamed into place;
    nothing half-written is left behind, and a failed write is one sentence."""
    partial = out.with_name(f".{out.stem}.partial.mp4")
    try:
        written = yield from _steps(
            write_copy(source, partial, result.video, redactions, camera, track, faces,
                       on_frame, tracks),
            "encode", 0.15, 0.45, "Writing the redacted copy")
        os.replace(partial, out)
    except (OSError, av.error.FFmpegError) as error:  # a full disk, a folder gone read-only
        raise ClearToPostError(
            f"The redacted copy could not be written to {out.parent} "
            f"({getattr(error, 'strerror', None) or error}); check the free space and that "
            f"the folder is writable.") from error
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    return written


def _steps(steps: Generator, stage: str, base: float, share: float, message: str):
    """Drive a generator of fractions (or of Progress), as Progress of this export; return
    its value. Closing the export closes it."""
    try:
        while True:
            try:
                step = next(steps)
            except StopIteration as stop:
                return stop.value
            fraction = step.fraction if isinstance(step, Progress) else step
            yield Progress(stage, base + share * fraction, message)
    finally:
        steps.close()


def _face_detector(engines, redactions: list[Redaction]):
    if not any(r.action == ELLIPSE for r in redactions):
        return None
    faces = getattr(engines, "faces", None)
    if faces is None:
        from app.core.picture.faces import FaceDetector

        faces = FaceDetector()
    return faces


def _item(redaction: Redaction, frames: int | None, seen: tuple[float, float] | None) -> dict:
    """The record of one hidden finding: from the first to the last frame it was hidden in
    (a picture item: it may have been followed past the reads' own stretch)."""
    f = redaction.finding
    start, end = seen or (redaction.start_s, redaction.end_s)
    return {"finding_id": f.id, "source": f.source.value, "category": f.category.value,
            "action": redaction.action, "start_s": round(start, 3),
            "end_s": round(end, 3), "frames": frames}
