"""Whatever a phone produced: each odd input is either checked correctly or refused with one
sentence, never a crash or a hang. Clips are made from the session's generated clips by ffmpeg
(each test says how)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.errors import ClearToPostError, InputError
from app.core.models import Category, Source
from app.core.pipeline import analyze, run
from app.core.review.session import ReviewSession
from tests.conftest import ffmpeg

pytestmark = pytest.mark.models
ROOT = Path(__file__).resolve().parents[2]


def screen_ids(result):
    return [f for f in result.findings if f.source is Source.SCREEN and f.category is Category.ID]


def test_silent_sound_track(silent_text_clip, engines, tmp_path):
    """The silent clip with a track of digital silence added (anullsrc, AAC)."""
    clip = tmp_path / "silence.mp4"
    ffmpeg("-i", silent_text_clip.path, "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono",
           "-shortest", "-c:v", "copy", "-c:a", "aac", str(clip))
    result = run(analyze(clip, engines=engines))
    assert result.video.has_audio and result.coverage.transcribed
    assert result.coverage.speech_seconds == 0 and result.transcript.words == ()
    assert len(screen_ids(result)) == 1


def test_one_frame_clip(silent_text_clip, engines, tmp_path):
    """Frame 15 (1.5 s, caption visible) of the silent clip alone (-frames:v 1)."""
    clip = tmp_path / "one.mp4"
    ffmpeg("-ss", "1.5", "-i", silent_text_clip.path, "-frames:v", "1", "-c:v", "libx264",
           str(clip))
    result = run(analyze(clip, engines=engines))
    assert result.coverage.frames_read == 1
    assert len(screen_ids(result)) == 1


def test_rotated_phone_video_boxes_are_in_displayed_coordinates(silent_text_clip, engines,
                                                                 tmp_path):
    """The portrait clip stored landscape (transpose=1, turned clockwise) with a 90° rotation
    tag: the box must land where the caption is on the portrait picture (x 40, y 250)."""
    landscape = tmp_path / "landscape.mp4"
    ffmpeg("-i", silent_text_clip.path, "-vf", "transpose=1", "-c:v", "libx264", str(landscape))
    rotated = tmp_path / "rotated.mov"
    ffmpeg("-i", str(landscape), "-c", "copy", "-metadata:s:v:0", "rotate=90", str(rotated))
    result = run(analyze(rotated, engines=engines))
    assert (result.video.width, result.video.height) == (320, 568)
    [finding] = screen_ids(result)
    box = finding.boxes[0]
    assert 0 <= box.x < 120 and 200 <= box.y <= 300, box


def test_variable_frame_rate(silent_text_clip, engines, tmp_path):
    """Frames kept at irregular times (select every 3rd frame, or frames 20-24) with -vsync vfr:
    the caption still starts near 1.0 s and ends near 3.0 s."""
    clip = tmp_path / "vfr.mp4"
    ffmpeg("-i", silent_text_clip.path, "-vf", "select='not(mod(n,3))+between(n,20,24)'",
           "-vsync", "vfr", "-c:v", "libx264", str(clip))
    result = run(analyze(clip, engines=engines))
    [finding] = screen_ids(result)
    assert abs(finding.start_s - 1.0) <= 0.6 and abs(finding.end_s - 3.0) <= 0.6


@pytest.mark.parametrize(
    ("name", "codec"),
    [
        pytest.param("iphone.mov", ["-c:v", "libx265", "-tag:v", "hvc1"], id="hevc-mov"),
        pytest.param("web.webm", ["-c:v", "libvpx-vp9", "-b:v", "300k"], id="vp9-webm"),
        pytest.param("clip with spaces ü é 漢.mp4", ["-c:v", "libx264"], id="non-ascii-path"),
    ],
)
def test_other_containers_codecs_and_paths(silent_text_clip, engines, tmp_path, name, codec):
    clip = tmp_path / name
    ffmpeg("-i", silent_text_clip.path, *codec, str(clip))
    assert len(screen_ids(run(analyze(clip, engines=engines)))) == 1


def test_a_file_that_disappears_after_the_scan_cannot_be_reported(silent_text_clip, engines,
                                                                  tmp_path):
    from app.core.review.decisions import Review
    from app.core.review.report import write_report

    clip = tmp_path / "gone.mp4"
    shutil.copy(silent_text_clip.path, clip)
    result = run(analyze(clip, engines=engines))
    clip.unlink()
    with pytest.raises(InputError, match="can no longer be read"):
        write_report(ReviewSession(result, Review(result.video.sha256)),
                     tmp_path / "r.pdf", reviewer="R")


def test_a_file_deleted_mid_scan_is_still_scanned_from_the_open_handle(silent_text_clip,
                                                                      engines, tmp_path):
    clip = tmp_path / "deleted.mp4"
    shutil.copy(silent_text_clip.path, clip)
    scan = analyze(clip, engines=engines)
    for progress in scan:
        if progress.stage == "screen":
            clip.unlink()
            break
    try:
        while True:
            next(scan)
    except StopIteration as stop:
        assert stop.value.coverage.frames_read >= 1
    except ClearToPostError as error:  # either outcome is fine; a crash or hang is not
        assert str(error).endswith(".")


def test_cli_output_folder_that_cannot_be_written(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    done = subprocess.run(
        [sys.executable, "-m", "app", "scan", str(ROOT / "resources" / "sample_clip.mp4"),
         "--json", str(blocker / "out.json"), "--quiet"],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )
    assert done.returncode == 2
    message = done.stderr.strip().splitlines()[-1]
    assert "Could not write" in message and "Traceback" not in done.stderr


@pytest.fixture
def full_disk(tmp_path):
    """A 64 KiB tmpfs filled to the last byte (needs root to mount; skipped otherwise)."""
    import os

    mount_point = tmp_path / "full"
    mount_point.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tiny file system to fill needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs",
                              str(mount_point)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        try:
            with open(mount_point / "filler", "wb", buffering=0) as filler:
                while True:
                    filler.write(b"\0" * 4096)
        except OSError:
            pass  # full: exactly what we wanted
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], capture_output=True)


def test_pdf_and_decisions_on_a_full_disk_fail_with_a_sentence(silent_text_clip, engines,
                                                               full_disk):
    from app.core.review.decisions import Decision, Review
    from app.core.review.report import write_report

    result = run(analyze(silent_text_clip.path, engines=engines))
    with pytest.raises(ClearToPostError, match="could not be written"):
        write_report(ReviewSession(result, Review(result.video.sha256)),
                     full_disk / "r.pdf", reviewer="R")
    review = Review(result.video.sha256, path=full_disk / "decisions.json")
    with pytest.raises(ClearToPostError, match="could not be saved"):
        review.decide(result.findings[0].id, Decision.MUST_FIX)
    # nothing half-written (the decisions' lock file is empty: it holds nothing)
    assert not [p for p in full_disk.iterdir() if p.name != "filler"
                and not (p.name.endswith(".lock") and p.stat().st_size == 0)]


def test_a_ten_minute_clip_streams_in_flat_memory(engines, tmp_path):
    """10 min of a still 180×320 picture at 5 fps with one caption (ffmpeg lavfi color source +
    drawbox), no sound: decoded frame by frame, so memory does not grow with length."""
    import resource

    clip = tmp_path / "long.mp4"
    ffmpeg("-f", "lavfi", "-i", "color=c=0x336699:s=180x320:r=5:d=600",
           "-vf", "drawbox=x=20:y=100:w=140:h=30:color=white:t=fill",
           "-c:v", "libx264", "-preset", "ultrafast", str(clip))
    run(analyze(clip, engines=engines))  # warm-up: first-use allocations are not growth
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = run(analyze(clip, engines=engines))
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert result.video.duration_s == pytest.approx(600, abs=1)
    # sampled twice a second all along; the caption read once, not once a sample
    assert result.coverage.frames_sampled >= 900 and result.coverage.lines_read <= 3
    assert grown_mb < 100, f"peak memory grew by {grown_mb:.0f} MB"


def _redacted(result, folder, engines):
    from app.core.redact.export import redact_clip
    from app.core.review.decisions import Decision, Review

    review = Review.load(result.video.sha256, folder)
    for finding in result.findings:
        review.decide(finding.id, Decision.MUST_FIX)
    return run(redact_clip(ReviewSession(result, review), folder / "copy.mp4", engines=engines))


def test_a_redacted_copy_of_a_rotated_clip_stands_upright_and_is_clean(silent_text_clip,
                                                                      engines, tmp_path):
    from app.core.media.video import probe

    landscape = tmp_path / "landscape.mp4"
    ffmpeg("-i", silent_text_clip.path, "-vf", "transpose=1", "-c:v", "libx264", str(landscape))
    rotated = tmp_path / "rotated.mov"
    ffmpeg("-i", str(landscape), "-c", "copy", "-metadata:s:v:0", "rotate=90", str(rotated))
    result = run(analyze(rotated, engines=engines))
    copy = _redacted(result, tmp_path, engines)
    info = probe(copy.file)
    assert (info.width, info.height, info.rotation) == (320, 568, 0)  # shown as the original
    assert copy.proof.still_found == () and copy.proof.new == ()


def test_a_redacted_copy_of_a_variable_rate_clip_keeps_its_frame_times(silent_text_clip,
                                                                       engines, tmp_path):
    from app.core.media.video import iter_frames

    clip = tmp_path / "vfr.mp4"
    ffmpeg("-i", silent_text_clip.path, "-vf", "select='not(mod(n,3))+between(n,20,24)'",
           "-vsync", "vfr", "-c:v", "libx264", str(clip))
    result = run(analyze(clip, engines=engines))
    copy = _redacted(result, tmp_path, engines)

    def times(path):
        return [t for t, _ in iter_frames(path, lambda t: False)]

    before, after = times(clip), times(copy.file)
    assert len(after) == len(before)
    assert max(abs(a - b) for a, b in zip(before, after, strict=True)) < 0.05
    assert copy.proof.still_found == ()
