"""Faces of other people and codes on wristbands: real CenterFace, real decoders, real video."""

from app.core.models import Category, Source
from app.core.pipeline import analyze, run

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
