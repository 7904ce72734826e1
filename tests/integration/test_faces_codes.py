"""Faces of other people and codes on wristbands: real CenterFace, real decoders, real video."""

from app.core.models import Category, Source
from app.core.pipeline import analyze, run
from app.core.review.session import ReviewSession

TOLERANCE_S = 0.6  # faces are looked for every 0.5 s


def overlaps(finding, planted):
    return finding.start_s < planted.end_s and planted.start_s < finding.end_s


def test_second_person_codes_and_monitor_are_found_at_their_times(people_and_codes_clip, engines):
    result = run(analyze(people_and_codes_clip.path, engines=engines))
    faces = [f for f in result.findings if f.source is Source.FACE]
    codes = [f for f in result.findings if f.source is Source.CODE]
    planted = {p.text: p for p in people_and_codes_clip.planted}

    # the presenter, on screen all the time, is not flagged; the second person is, once
    [face] = faces
    assert face.category is Category.FACE
    other = planted["second person"]
    assert abs(face.start_s - other.start_s) <= TOLERANCE_S
    assert abs(face.end_s - other.end_s) <= TOLERANCE_S
    assert face.boxes and all(b.x >= 400 and b.y < 350 for b in face.boxes)  # where she was

    # both codes decoded, their contents run through the detectors
    assert len(codes) == 2, codes
    qr = next(c for c in codes if "OLSON" in c.text)
    bar = next(c for c in codes if c.text == "00482913")
    for finding, truth in ((qr, planted["MRN 00482913 OLSON, MARGARET"]),
                           (bar, planted["00482913"])):
        assert finding.category is Category.CODE
        assert abs(finding.start_s - truth.start_s) <= 0.5
        assert abs(finding.end_s - truth.end_s) <= 0.5
    assert "name" in qr.reason and "id" in qr.reason

    # the monitor in the background: ward context from its look, while it is there
    [scene] = [f for f in result.findings if f.source is Source.SCENE]
    monitor = planted["bedside monitor"]
    assert scene.category is Category.WARD_CONTEXT and scene.severity == "context"
    assert abs(scene.start_s - monitor.start_s) <= 0.5
    assert abs(scene.end_s - monitor.end_s) <= 0.5

    # what the codes say was not read a second time as screen text
    assert not [f for f in result.findings
                if f.source is Source.SCREEN and ("OLSON" in f.text or "00482913" in f.text)]


def test_a_talking_head_alone_gives_no_face_finding(talking_head_clip, engines):
    result = run(analyze(talking_head_clip.path, engines=engines))
    assert [f for f in result.findings if f.source is Source.FACE] == []
    assert result.timings_s["faces"] > 0  # faces were looked for


def test_a_redacted_copy_hides_the_other_face_and_the_codes_and_keeps_the_presenter(
        people_and_codes_clip, engines, tmp_path):
    from app.core.media.video import iter_frames
    from app.core.redact.export import redact_clip
    from app.core.review.decisions import Decision, Review

    result = run(analyze(people_and_codes_clip.path, engines=engines))
    review = Review.load(result.video.sha256, tmp_path)
    hidden = [f for f in result.findings if f.source in (Source.FACE, Source.CODE)]
    for finding in result.findings:
        review.decide(finding.id, Decision.MUST_FIX if finding in hidden else Decision.OPEN)
    out = tmp_path / "copy.mp4"
    copy = run(redact_clip(ReviewSession(result, review), out, engines=engines))
    assert copy.proof.still_found == ()
    assert {i.action for i in copy.items} == {"fill face", "black out"}

    other_seen = presenter_kept = codes_seen = checked = 0
    for (t, before), (_, after) in zip(iter_frames(people_and_codes_clip.path), iter_frames(out),
                                       strict=True):
        if 3.1 <= t <= 5.9:  # the second person is on screen, top right
            checked += 1
            other = [f for f in engines.faces.detect(after) if f.x >= 400 and f.y < 350]
            other_seen += bool(other)
            assert [f for f in engines.faces.detect(before) if f.x >= 400 and f.y < 350]
            presenter_kept += any(f.x < 400 for f in engines.faces.detect(after))
        if 1.1 <= t <= 3.9 or 5.1 <= t <= 7.4:  # the QR code, then the barcode
            assert engines.codes.find(before)
            codes_seen += bool(engines.codes.find(after))
    assert checked >= 30
    assert other_seen == 0 and codes_seen == 0
    assert presenter_kept == checked  # the presenter's face is left as it was
