"""Probing and frame sampling on real encoded files (made by ffmpeg; no models)."""

import pytest

from app.core.errors import InputError
from app.core.media.video import iter_samples, probe
from tests.conftest import ffmpeg


def test_probe_reports_what_the_clip_is(silent_text_clip):
    info = probe(silent_text_clip.path)
    assert (info.width, info.height) == (320, 568)
    assert info.duration_s == pytest.approx(4.0, abs=0.15)
    assert info.fps == pytest.approx(10.0, abs=0.01)
    assert info.has_audio is False and info.audio_codec is None
    assert info.video_codec == "h264"
    assert len(info.sha256) == 64


def test_probe_sees_the_sound_track(identifiers_clip):
    info = probe(identifiers_clip.path)
    assert info.has_audio is True and info.audio_codec == "aac"


def test_rotation_metadata_is_applied(silent_text_clip, tmp_path):
    """A phone clip stored landscape with a 90° display matrix is shown portrait."""
    rotated = tmp_path / "rotated.mp4"
    ffmpeg("-i", silent_text_clip.path, "-vf", "transpose=1", "-c:v", "libx264", "-preset",
           "ultrafast", str(tmp_path / "landscape.mp4"))
    ffmpeg("-i", str(tmp_path / "landscape.mp4"), "-c", "copy", "-metadata:s:v:0", "rotate=90",
           str(rotated))
    info = probe(rotated)
    assert info.rotation in (90, 270)
    assert (info.width, info.height) == (320, 568)


def test_samples_come_at_the_asked_interval(silent_text_clip):
    times = [t for t, _ in iter_samples(silent_text_clip.path, 0.5)]
    assert times[0] == pytest.approx(0.0, abs=0.01)
    assert len(times) == pytest.approx(8, abs=1)
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert all(0.45 <= gap <= 0.55 for gap in gaps)


@pytest.mark.parametrize(
    ("make", "words"),
    [
        pytest.param(lambda p: p.write_bytes(b""), "empty", id="empty-file"),
        pytest.param(lambda p: p.write_bytes(b"%PDF-1.4\n" + b"x" * 2000), "not a video",
                     id="pdf-renamed-mp4"),
        pytest.param(lambda p: None, "does not exist", id="missing"),
    ],
)
def test_bad_inputs_give_one_sentence(tmp_path, make, words):
    path = tmp_path / "clip.mp4"
    make(path)
    with pytest.raises(InputError) as error:
        probe(path)
    message = str(error.value)
    assert words in message and message.endswith(".") and "\n" not in message


def test_audio_only_file_is_refused_with_a_reason(tmp_path):
    audio = tmp_path / "voice.m4a"
    ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "aac", str(audio))
    with pytest.raises(InputError, match="audio file"):
        probe(audio)


def test_truncated_file_is_refused(identifiers_clip, tmp_path):
    data = open(identifiers_clip.path, "rb").read()
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(data[: len(data) // 20])
    with pytest.raises(InputError):
        probe(broken)


def test_a_pipe_is_refused_before_it_is_opened(tmp_path):
    """Opening a FIFO for reading blocks until someone writes: the check must come first."""
    import os
    import threading

    fifo = tmp_path / "clip.mp4"
    os.mkfifo(fifo)
    outcome = []

    def attempt():
        try:
            probe(fifo)
        except InputError as error:
            outcome.append(str(error))

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(5.0)
    if worker.is_alive():  # unblock the open so the thread ends, then fail
        with open(fifo, "wb"):
            pass
        pytest.fail("probing a FIFO hung")
    assert outcome and "not a regular file" in outcome[0]


def test_frames_decoded_ahead_are_the_frames_decoded_in_turn(silent_text_clip, tmp_path):
    """`iter_frames(ahead=N)` decodes on a thread of its own: the same times and pixels, the
    same frames left unconverted by `wanted`; a pass stopped early ends its thread; a file that
    is no video is refused as without it."""
    import threading

    import numpy as np

    from app.core.media.video import iter_frames

    def wanted(t: float) -> bool:
        return t > 1.0

    plain = list(iter_frames(silent_text_clip.path, wanted))
    ahead = list(iter_frames(silent_text_clip.path, wanted, ahead=3))
    assert [t for t, _ in ahead] == [t for t, _ in plain] and len(plain) > 20
    assert [f is None for _, f in ahead] == [f is None for _, f in plain]
    assert any(f is None for _, f in plain) and any(f is not None for _, f in plain)
    assert all(a is None and b is None or np.array_equal(a, b)
               for (_, a), (_, b) in zip(ahead, plain, strict=True))
    # the frames are each its own array (none overwritten by the next one decoded)
    kept = [f for _, f in ahead if f is not None]
    assert len({id(f) for f in kept}) == len(kept)
    before = threading.active_count()
    frames = iter_frames(silent_text_clip.path, ahead=2)
    next(frames)
    frames.close()  # stopped early, with the decoder waiting on a full queue
    assert threading.active_count() == before
    (tmp_path / "notes.mp4").write_text("not a video")
    with pytest.raises(InputError):
        list(iter_frames(tmp_path / "notes.mp4", ahead=2))
