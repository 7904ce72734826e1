"""The pieces of a redacted copy, one at a time: the plan, the covers between reads, the
camera path, the hiding of pixels and of sound, and the comparison of the re-scan."""

import numpy as np
import pytest

from app.core.models import (
    AnalysisResult,
    Box,
    Category,
    Coverage,
    Finding,
    ScanOptions,
    Source,
    VideoInfo,
)
from app.core.picture.motion import IDENTITY
from app.core.redact.audio import BLEEP_HZ, Sound, hush
from app.core.redact.camera_path import CameraPath, stretches
from app.core.redact.cover import cover_at, pad
from app.core.redact.obscure import hide
from app.core.redact.plan import BLACK, BLEEP, BLUR, ELLIPSE, SILENCE, Redaction, plan
from app.core.redact.proof import prove
from app.core.review.decisions import Decision, Review

VIDEO = VideoInfo("/x.mp4", "0" * 64, 10.0, 640, 360, 10.0, 100, 0, True, "h264", "aac")


def _finding(i, source, category, start, end, boxes=(), text="Margaret Olson"):
    return Finding(f"f{i}", start, end, source, category, text, 0.9, "r", tuple(boxes))


def _result(findings):
    coverage = Coverage(0, 10, True, 20, 20, 100, 0.5)
    return AnalysisResult(VIDEO, tuple(findings), None, coverage, ScanOptions(), "t", ())


FINDINGS = [
    _finding(1, Source.SCREEN, Category.NAME, 2.0, 4.0, [Box(2.0, 10, 10, 100, 20),
                                                         Box(4.0, 110, 10, 100, 20)]),
    _finding(2, Source.SPEECH, Category.PHONE, 5.0, 6.0, text="617 555 0142"),
    _finding(3, Source.CODE, Category.CODE, 1.0, 2.0, [Box(1.0, 300, 100, 50, 50)]),
    _finding(4, Source.FACE, Category.FACE, 3.0, 7.0, [Box(3.0, 400, 50, 60, 80)],
             "face of another person"),
    _finding(5, Source.SCREEN, Category.ID, 8.0, 9.0, [Box(8.0, 0, 300, 80, 20)]),
]


def _review(tmp_path, decisions):
    review = Review.load("0" * 64, tmp_path)
    for finding_id, decision in decisions.items():
        review.decide(finding_id, decision)
    return review


def test_only_must_fix_is_planned_unless_open_ones_are_asked_for(tmp_path):
    review = _review(tmp_path, {"f1": Decision.MUST_FIX, "f2": Decision.MUST_FIX,
                                "f3": Decision.MUST_FIX, "f4": Decision.MUST_FIX,
                                "f5": Decision.FALSE_ALARM})
    planned = {r.finding.id: r for r in plan(_result(FINDINGS), review)}
    assert set(planned) == {"f1", "f2", "f3", "f4"}
    assert planned["f1"].action == BLUR and planned["f3"].action == BLACK
    assert planned["f4"].action == ELLIPSE and planned["f2"].action == SILENCE
    # a picture finding is hidden from a read before it was seen to one after
    assert (planned["f1"].start_s, planned["f1"].end_s) == (1.5, 4.5)
    assert (planned["f4"].start_s, planned["f4"].end_s) == (2.0, 8.0)  # faces: every 1 s
    assert planned["f2"].start_s == pytest.approx(4.8) and planned["f2"].end_s == pytest.approx(6.2)
    review = _review(tmp_path / "b", {"f1": Decision.OPEN})
    assert plan(_result(FINDINGS), review) == []
    assert len(plan(_result(FINDINGS), review, include_open=True)) == 5
    spoken = [r for r in plan(_result(FINDINGS), review, True, BLEEP) if r.finding.id == "f2"]
    assert spoken[0].action == BLEEP
    with pytest.raises(ValueError):
        plan(_result(FINDINGS), review, sound="mute")


def test_between_two_reads_the_cover_spans_where_the_text_went():
    moving = Redaction(FINDINGS[0], BLUR, 1.5, 4.5)
    mid = cover_at(moving, 3.0, None, (640, 360))
    x, y, w, h = mid
    assert x <= 10 and x + w >= 210  # from where it was read to where it was read next
    assert y <= 10 and y + h >= 30
    assert cover_at(moving, 1.0, None, (640, 360)) is None  # not active
    early = cover_at(moving, 1.6, None, (640, 360))
    assert early == pad((10, 10, 100, 20)) == (2, 2, 116, 36)  # before the first read: it


def test_the_camera_path_carries_a_box_by_the_motion_between_frames():
    path = CameraPath()
    step = np.float32([[1, 0, 5], [0, 1, -2]])
    for k in range(10):
        path.add(k * 0.1, IDENTITY if k == 0 else step, 0)
    assert path.carry((100, 100, 50, 20), 0.0, 0.3) == (115, 94, 50, 20)
    assert path.carry((115, 94, 50, 20), 0.3, 0.0) == (100, 100, 50, 20)
    assert path.carry((0, 0, 1, 1), 0.0, 5.0) is None  # not a followed frame
    path.add(5.0, IDENTITY, 1)
    assert path.carry((0, 0, 1, 1), 0.0, 5.0) is None  # another stretch
    assert stretches([(1, 2), (1.5, 3), (5, 6)]) == [(1, 3), (5, 6)]


def test_a_cover_follows_the_camera_before_the_first_read():
    path = CameraPath()
    step = np.float32([[1, 0, 10], [0, 1, 0]])
    for k in range(6):
        path.add(1.5 + k * 0.1, IDENTITY if k == 0 else step, 0)
    only = Redaction(_finding(9, Source.SCREEN, Category.NAME, 2.0, 2.0,
                              [Box(2.0, 200, 100, 100, 30)]), BLUR, 1.5, 2.5)
    x, _, w, _ = cover_at(only, 1.5, path, (640, 360))
    assert x <= 200 - 50 - 8 and x + w >= 300 - 50  # 0.5 s earlier it was 50 px to the left


def test_hidden_pixels_keep_no_detail_and_codes_go_black():
    rng = np.random.default_rng(0)
    frame = rng.integers(0, 255, (200, 300, 3), np.uint8)
    before = frame.copy()
    hide(frame, (10, 10, 120, 40), BLUR)
    region = frame[10:50, 10:130].astype(float)
    assert np.abs(np.diff(region, axis=1)).mean() < 0.1 * np.abs(
        np.diff(before[10:50, 10:130].astype(float), axis=1)).mean()
    assert (frame[60:, :] == before[60:, :]).all() and (frame[:, 140:] == before[:, 140:]).all()
    hide(frame, (200, 100, 50, 50), BLACK)
    assert (frame[100:150, 200:250] == 0).all()
    hide(frame, (150, 10, 60, 80), ELLIPSE)
    assert (frame[10, 150] == before[10, 150]).all()  # a corner is outside the ellipse


def test_silence_and_bleep_touch_only_their_stretch():
    rate = 16000
    t = np.arange(2 * rate) / rate
    voice = (0.5 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)[None]
    sound = Sound(voice.copy(), rate, "mono")
    hush(sound, [(0.5, 1.0, SILENCE)])
    assert np.abs(sound.samples[0, int(0.52 * rate):int(0.98 * rate)]).max() < 1e-6
    assert np.array_equal(sound.samples[0, :int(0.5 * rate)], voice[0, :int(0.5 * rate)])
    assert np.array_equal(sound.samples[0, rate:], voice[0, rate:])
    sound = Sound(voice.copy(), rate, "mono")
    hush(sound, [(1.0, 1.5, BLEEP)])
    piece = sound.samples[0, int(1.05 * rate):int(1.45 * rate)]
    peak = np.fft.rfftfreq(len(piece), 1 / rate)[np.argmax(np.abs(np.fft.rfft(piece)))]
    assert abs(peak - BLEEP_HZ) < 5


def test_the_rescan_is_compared_finding_by_finding():
    name = FINDINGS[0]
    kept = FINDINGS[4]
    again_name = _finding(11, Source.SCREEN, Category.NAME, 2.5, 3.0,
                          [Box(2.5, 60, 12, 90, 18)], "Margaret Olsen")
    again_kept = _finding(12, Source.SCREEN, Category.ID, 8.0, 9.0, [Box(8.0, 0, 300, 80, 20)],
                          kept.text)
    other = _finding(13, Source.SPEECH, Category.NAME, 1.0, 1.5, text="Ron")
    proof = prove((name, kept, FINDINGS[1]), ["f1", "f2"], (again_name, again_kept, other))
    assert proof.still_found == ("f1",)
    assert proof.new == (other,)  # a different word heard near a silenced one is new
    assert proof.kept == 1 and not proof.clean
    assert prove((name,), ["f1"], ()).clean


def test_a_finding_marked_to_hide_but_not_hidden_fails_the_proof():
    """A second reviewer marked the MRN must fix after the copy was planned: the copy hid only
    the name, the re-scan finds nothing of what was hidden, and still it is not safe."""
    name, mrn, dismissed = FINDINGS[0], FINDINGS[4], FINDINGS[2]
    mrn_again = _finding(21, Source.SCREEN, Category.ID, 8.0, 9.0, [Box(8.0, 0, 300, 80, 20)],
                         mrn.text)
    proof = prove((name, mrn, dismissed), ["f1"], (mrn_again,), wanted_ids=["f1", "f5"])
    assert proof.not_hidden == ("f5",) and proof.still_found == () and proof.new == ()
    assert not proof.clean
    assert "1 finding marked to hide not hidden" in proof.line()
    # not found again, still not hidden: not safe either
    assert not prove((name, mrn), ["f1"], (), wanted_ids=["f1", "f5"]).clean
    # a finding the review does not want hidden (false alarm) may stay: found again, kept
    kept = prove((name, mrn, dismissed), ["f1", "f5"], (mrn_again,), wanted_ids=["f1"])
    assert kept.still_found == ("f5",) and not kept.clean  # hidden yet found again: not safe
    assert prove((name, dismissed), ["f1"], (), wanted_ids=["f1"]).clean


def test_a_box_is_followed_by_its_look_forwards_backwards_and_off_the_edge():
    from app.core.redact.box_tracks import BoxTracks, small_grey

    rng = np.random.default_rng(1)
    patch = rng.integers(0, 255, (30, 120, 3), np.uint8)

    def frame(k):
        picture = np.full((360, 640, 3), 128, np.uint8)
        x = 200 + 20 * k  # 20 px a frame to the right: off the edge by the end
        visible = patch[:, :max(0, min(120, 640 - x))]
        picture[100:130, x:x + visible.shape[1]] = visible
        return picture

    tracks = BoxTracks({"a": [(0.5, (300, 100, 120, 30))]}, {"a": (0.0, 2.4)}, back_frames=8)
    for k in range(-5, 20):  # frames 0.0 … 2.4 s at 10 a second; the read is at 0.5 s (k = 0)
        tracks.add(round(0.5 + k * 0.1, 3), small_grey(frame(k + 5)))
    for k in (-3, 0, 4, 12, 16):
        x = tracks.at("a", round(0.5 + k * 0.1, 3))[0]
        assert abs(x - (300 + 20 * k)) <= 4, k
    assert tracks.at("a", 0.2) is not None and tracks.at("a", 5.0) is None
    # at 1.6 s its last 20 columns are in view, still covered; at 1.7 s it is wholly out
    assert tracks.at("a", 2.1) is not None and tracks.at("a", 2.2) is None


def test_a_box_not_there_before_its_read_is_given_up_where_it_appeared():
    """A line that appears (a screen switching on) in the middle of the frame at 1.0 s and is
    read at 1.5 s: followed back to 1.0 s, and given up COAST_S later, not carried back to the
    start of the stretch; after its read it leaves by the right edge and is given up there."""
    from app.core.redact.box_tracks import COAST_S, BoxTracks, small_grey

    rng = np.random.default_rng(2)
    patch = rng.integers(0, 255, (30, 120, 3), np.uint8)

    def frame(t):
        picture = np.full((360, 640, 3), 128, np.uint8)
        x = 300 + max(0, round((t - 1.5) * 400))  # still until its read, then 40 px a frame
        if t >= 1.0 and x < 640:
            visible = patch[:, :min(120, 640 - x)]
            picture[100:130, x:x + visible.shape[1]] = visible
        return picture

    times = [round(0.1 * k, 3) for k in range(31)]
    tracks = BoxTracks({"a": [(1.5, (300, 100, 120, 30))]}, {"a": (0.0, 3.0)}, back_frames=31,
                       fps=10)
    for t in times:
        tracks.add(t, small_grey(frame(t)))
    followed = [t for t in times if tracks.at("a", t) is not None]
    assert followed[0] >= 1.0 - COAST_S - 0.11 and followed[0] < 1.0
    assert 2.3 <= followed[-1] <= 2.4  # its last column leaves the frame at 2.35 s


def test_a_box_cut_by_the_edge_is_followed_past_look_s_while_it_stays_cut():
    """A card that sits at the left edge, 20 px of it in view, until 4.0 s, then slides in
    and is read at 5.0 s: followed back to the start (not only LOOK_S), though the sliver
    may not match (then it moves with the camera). A line read at 5.0 s in the middle of the
    frame is followed back only LOOK_S. One read at 1.0 s that then leaves by the left edge
    and stays there cut is followed on to the end."""
    from app.core.picture.motion import IDENTITY
    from app.core.redact.box_tracks import BoxTracks, small_grey
    from app.core.redact.plan import LOOK_S

    rng = np.random.default_rng(3)
    card, still, leaving = (rng.integers(0, 255, (30, 120, 3), np.uint8) for _ in range(3))

    def put(picture, patch, x, y):
        x0, x1 = max(0, x), min(640, x + 120)
        if x1 > x0:
            picture[y:y + 30, x0:x1] = patch[:, x0 - x:x1 - x]

    def frame(t):
        picture = np.full((360, 640, 3), 128, np.uint8)
        put(picture, card, -100 + round(300 * min(1.0, max(0.0, t - 4.0))), 40)
        put(picture, still, 300, 200)
        put(picture, leaving, 300 - round(400 * min(1.0, max(0.0, t - 1.0))), 300)
        return picture

    times = [round(0.1 * k, 3) for k in range(61)]
    reads = {"card": [(5.0, (200, 40, 120, 30))], "still": [(5.0, (300, 200, 120, 30))],
             "leaving": [(1.0, (300, 300, 120, 30))]}
    tracks = BoxTracks(reads, dict.fromkeys(reads, (0.0, 6.0)), back_frames=61, fps=10)
    for t in times:
        tracks.add(t, small_grey(frame(t)), IDENTITY.copy())
    for t in (0.0, 1.0, 3.0):
        x, _, w, _ = tracks.at("card", t)
        assert x + w >= 20 - 8 and x <= 0, (t, x)  # over the 20 px in view
    followed = [t for t in times if tracks.at("still", t) is not None]
    assert followed[0] == pytest.approx(5.0 - LOOK_S)
    for t in (4.5, 6.0):
        x, _, w, _ = tracks.at("leaving", t)
        assert x + w >= 20 - 8 and x <= 0, (t, x)


def test_a_text_lost_and_read_again_soon_is_covered_between_its_two_findings(tmp_path):
    """A wristband read at 1-2 s and again at 5-6 s during a pan, unread between: the frames
    between are covered too (where the text went, from one read to the next). Another text, or
    the same text read again long after, is not bridged."""
    band = [_finding(1, Source.SCREEN, Category.ID, 1.0, 2.0, [Box(2.0, 10, 10, 100, 20)],
                     "MRN 55102937"),
            _finding(2, Source.SCREEN, Category.ID, 5.0, 6.0, [Box(5.0, 200, 40, 100, 20)],
                     "MRN 55102937"),
            _finding(3, Source.SCREEN, Category.NAME, 0.0, 0.5, [Box(0.5, 10, 300, 90, 20)],
                     "Margaret Olson"),
            _finding(4, Source.SCREEN, Category.NAME, 8.5, 9.0, [Box(8.5, 10, 300, 90, 20)],
                     "Margaret Olson")]
    review = _review(tmp_path, {f"f{i}": Decision.MUST_FIX for i in range(1, 5)})
    planned = plan(_result(band), review)
    assert sorted(r.finding.id for r in planned) == ["f1", "f2", "f3", "f4"]  # each recorded
    for t_s in (3.0, 3.5, 4.0):
        rects = [cover_at(r, t_s, None, (640, 360)) for r in planned]
        covered = [rect for rect in rects if rect is not None]
        assert covered, f"nothing covers the wristband at {t_s} s"
        x, y, w, h = covered[0]
        # on the straight line from the first read (x 10) to the next (x 200)
        going = 10 + (200 - 10) * (t_s - 2.0) / 3.0
        assert x <= going and going + 100 <= x + w
    assert all(cover_at(r, 4.5, None, (640, 360)) is None
               for r in planned if r.finding.id in ("f3", "f4"))


def test_a_must_fix_from_a_scan_with_other_settings_fails_the_proof(tmp_path):
    """Dr B marked a deny-list finding must fix on a scan with her deny list; Dr A's scan,
    without it, never found it: A's copy cannot hide it, so it is not safe."""
    from app.core.redact.plan import unplaced

    review = _review(tmp_path, {"f1": Decision.MUST_FIX, "elsewhere": Decision.MUST_FIX,
                                "gone": Decision.FALSE_ALARM})
    result = _result(FINDINGS)
    assert unplaced(result, review) == ["elsewhere"]
    proof = prove(result.findings, ["f1"], (), ["f1", *unplaced(result, review)])
    assert not proof.clean and proof.not_hidden == ("elsewhere",)
    assert "1 finding marked to hide not hidden" in proof.line()
    assert prove(result.findings, ["f1"], (), ["f1"]).clean  # the other side


def test_the_fill_is_its_colour_plus_the_fixed_grain_saturated():
    """The fill is one table look-up a pixel (2026-12-05, for speed): the same pixels as the
    colour plus the grain, held between 0 and 255, whatever the colour."""
    from app.core.media.fill import _ZERO, _grain, fill

    grain = _grain(37, 211, 3).astype(np.int16) - _ZERO
    assert grain.min() < 0 < grain.max()
    for colour in ((0.0, 0.0, 0.0), (255.0, 255.0, 255.0), (254.6, 1.4, 128.0)):
        want = np.clip(np.round(np.array(colour)).astype(np.int16) + grain, 0, 255)
        assert np.array_equal(fill(np.array(colour), (37, 211, 3)), want.astype(np.uint8))
    dark, light = fill(np.array((1.0, 1.0, 1.0)), (37, 211, 3)), fill(np.array((254.0,) * 3),
                                                                     (37, 211, 3))
    assert dark.min() == 0 and light.max() == 255  # saturated, not wrapped round


def test_a_hidden_text_read_again_after_its_cover_ended_is_found_again_not_new():
    """An outside tester's monitor strip: `BED 06` hidden, its cover followed to 3.9 s, read by
    the copy's re-scan at 4.2 s. Found again (so repaired), not new; where a kept finding with
    the same text is what was read, it is that one, and the hidden one is not found again."""
    bed = _finding(1, Source.SCREEN, Category.LOCATION, 0.0, 0.5, [Box(0.0, 0, 0, 120, 30)],
                   "BED 06")
    later = _finding(31, Source.SCREEN, Category.LOCATION, 4.2, 4.7, [Box(4.2, 0, 0, 120, 30)],
                     "BED 06")
    proof = prove((bed,), ["f1"], (later,))
    assert proof.still_found == ("f1",) and proof.new == () and not proof.clean
    # the same text kept by the review (a false alarm) at 4.0-5.0 s: that is what was read
    kept = _finding(2, Source.SCREEN, Category.LOCATION, 4.0, 5.0, [Box(4.0, 0, 0, 120, 30)],
                    "BED 06")
    proof = prove((bed, kept), ["f1"], (later,))
    assert proof.still_found == () and proof.new == () and proof.kept == 1
    # another text later is still new, and a word heard is never matched at another time
    other = _finding(32, Source.SCREEN, Category.NAME, 4.2, 4.7, [Box(4.2, 0, 0, 120, 30)],
                     "Okafor")
    assert prove((bed,), ["f1"], (other,)).new == (other,)
