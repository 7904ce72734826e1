"""The proof looks at the copy for the faces and codes it hid, as it reads it for text (issue 27
item 3): a face or code cover spoiled on purpose is found and repaired; a right one passes.

The clip is conftest's `people_and_codes_clip` (8 s, 720×1280, 15 fps): a real presenter the whole
time, a second real person top right from 3.0 to 6.0 s, a QR code "MRN 00482913 OLSON, MARGARET"
from 1.0 to 4.0 s and a Code 128 barcode "00482913" from 5.0 to 7.5 s. It is scanned once; the
second person's face and both codes are marked must fix. The export's plan is then spoiled (the
export's own `plan`, wrapped, as tests/integration/test_redact_proof.py does for text): the face's
cover cut to the left third of the face (its centre outside, so the writer's own detector does not
grow it), or started over a second late; the QR code's cover started late, or every code's ended
0.9 s early (the QR code's cover is bridged to the barcode's reads: the same number). Cut to its
left half, the barcode was found by no reader of the proof: nothing to repair, so not a case. The
proof must see the face or code in round 0, patch, write again and end clean; then, in every frame
of the copy, CenterFace at other settings than the proof's (two input sizes, lower thresholds) sees
no face where the second person is, the code reader (whole frame) finds no code, and the
presenter's face is left as it was.
"""

import dataclasses

import pytest

from app.core.media.video import iter_frames
from app.core.models import Source
from app.core.pipeline import analyze, run
from app.core.redact import export
from app.core.redact.export import redact_clip
from app.core.redact.read_back import RECHECK_FRAMES
from app.core.review.decisions import Decision, Review
from app.core.review.session import ReviewSession

pytestmark = pytest.mark.models

OTHER = (3.0, 6.0)  # the second person's time on screen (top right: x ≥ 400, y < 350)
CODES = ((1.0, 4.0), (5.0, 7.5))  # the QR code's, the barcode's


@pytest.fixture(scope="module")
def scanned(people_and_codes_clip, engines):
    return run(analyze(people_and_codes_clip.path, engines=engines))


def _late(redaction, seconds: float):
    """The cover starts only at the first read `seconds` after the finding's first (the reads
    before are dropped) and is not followed back from there."""
    start = redaction.finding.start_s + seconds
    boxes = tuple(b for b in redaction.finding.boxes if b.t_s >= start - 1e-3)
    start = min(b.t_s for b in boxes)
    finding = dataclasses.replace(redaction.finding, start_s=start, boxes=boxes)
    return dataclasses.replace(redaction, finding=finding, start_s=start,
                               reach_s=(start, max(start, redaction.reach[1])))


def _early(redaction, seconds: float):
    """The cover ends at the last read `seconds` before the finding's last (the reads after are
    dropped) and is not followed on from there."""
    end = redaction.finding.end_s - seconds
    boxes = tuple(b for b in redaction.finding.boxes if b.t_s <= end + 1e-3)
    end = max(b.t_s for b in boxes)
    finding = dataclasses.replace(redaction.finding, end_s=end, boxes=boxes)
    return dataclasses.replace(redaction, finding=finding, end_s=end,
                               reach_s=(min(end, redaction.reach[0]), end))


def _left(redaction, share: float):
    """The cover spans only the left `share` of what it should hide."""
    boxes = tuple(dataclasses.replace(b, w=max(4, round(b.w * share)))
                  for b in redaction.finding.boxes)
    return dataclasses.replace(redaction,
                               finding=dataclasses.replace(redaction.finding, boxes=boxes))


def face_narrow(r):
    return _left(r, 1 / 3) if r.finding.source is Source.FACE else r


def face_late(r):
    return _late(r, 0.9) if r.finding.source is Source.FACE else r


def qr_late(r):
    if r.finding.source is not Source.CODE:
        return r
    if "OLSON" in r.finding.text:
        return _late(r, 0.4)
    # the barcode holds the QR code's number: followed back from its own reads (up to 10 s
    # where a code is cut by the frame's edge), its cover would hide the QR code's first frames
    # too, and the late cover would show nothing to find
    return dataclasses.replace(r, reach_s=(r.start_s, r.reach[1]))


def codes_early(r):
    # every code's: the QR code's cover is bridged to the barcode's reads (the same number)
    return _early(r, 0.9) if r.finding.source is Source.CODE else r


def _copy(scanned, engines, tmp_path, monkeypatch, spoil=None):
    review = Review.load(scanned.video.sha256, tmp_path)
    hidden = [f for f in scanned.findings if f.source in (Source.FACE, Source.CODE)]
    assert {f.source for f in hidden} == {Source.FACE, Source.CODE}
    for finding in scanned.findings:
        review.decide(finding.id, Decision.MUST_FIX if finding in hidden else Decision.OPEN)
    if spoil is not None:
        planned = export.plan
        monkeypatch.setattr(export, "plan", lambda *a, **k: [spoil(r) for r in planned(*a, **k)])
    out = tmp_path / "copy.mp4"
    copy = run(redact_clip(ReviewSession(scanned, review), out, engines=engines))
    print(copy.proof.line(), *copy.proof.rounds, sep="\n")
    return copy, out


def _seen_in_copy(clip, out, engines) -> tuple[list, list, int, int]:
    """Every frame of the copy: the second person's face seen (by CenterFace at two other
    settings), codes found (whole frame), frames where the presenter's face is seen, and frames
    where the original shows the presenter."""
    from app.core.picture.faces import FaceDetector

    detectors = [FaceDetector(max_side=1024, threshold=0.35), FaceDetector(max_side=720,
                                                                          threshold=0.3)]
    faces, codes, presenter, checked = [], [], 0, 0
    for (t, before), (_, after) in zip(iter_frames(clip), iter_frames(out), strict=True):
        found = [b for d in detectors for b in d.detect(after)]
        if OTHER[0] - 0.2 <= t <= OTHER[1] + 0.2:
            faces += [(round(t, 2), b) for b in found if b.x + b.w > 400 and b.y < 350]
        if any(a - 0.2 <= t <= b + 0.2 for a, b in CODES):
            codes += [(round(t, 2), c) for c in engines.codes.find(after)]
        if any(b.x < 400 for b in engines.faces.detect(before)):
            checked += 1
            presenter += any(b.x < 400 and b.y > 380 for b in found)
    return faces, codes, presenter, checked


@pytest.mark.parametrize("spoil", [face_narrow, face_late, qr_late, codes_early])
def test_the_proof_sees_a_spoiled_face_or_code_cover_and_repairs_it(
        spoil, scanned, people_and_codes_clip, engines, tmp_path, monkeypatch):
    copy, out = _copy(scanned, engines, tmp_path, monkeypatch, spoil)
    rounds = copy.proof.rounds
    kind = "faces" if spoil.__name__.startswith("face") else "codes"
    assert getattr(rounds[0], kind) > 0 and rounds[0].patched > 0, rounds  # seen, patched
    assert copy.proof.clean, (copy.proof.line(), copy.proof.leaks)
    last = rounds[-1]
    assert last.faces == last.codes == last.leaks == last.patched == 0 and len(rounds) <= 3
    faces, codes, presenter, checked = _seen_in_copy(people_and_codes_clip.path, out, engines)
    assert faces == [] and codes == []  # other detectors see nothing hidden in the copy
    assert checked >= 100 and presenter == checked  # the presenter's face is left as it was
    record = copy.to_json()["read_back"]
    assert record["rounds"][0][kind] == getattr(rounds[0], kind) and record["leaks"] == []


def test_a_right_face_and_code_cover_passes_with_nothing_seen(
        scanned, people_and_codes_clip, engines, tmp_path, monkeypatch):
    copy, out = _copy(scanned, engines, tmp_path, monkeypatch)
    (only,) = copy.proof.rounds
    assert only.faces == only.codes == only.leaks == only.patched == 0, only
    # the face's and the codes' frames, each of them looked at, or the same as when looked at
    # clean (same_crop.py), and looked at again at least every RECHECK_FRAMES
    assert only.looked + only.looks_unchanged >= 3 * 15 * 2
    assert only.looked >= 3 * 2 * 15 // RECHECK_FRAMES
    assert copy.proof.clean and "nothing hidden read or seen" in copy.proof.line()
    faces, codes, presenter, checked = _seen_in_copy(people_and_codes_clip.path, out, engines)
    assert faces == [] and codes == [] and presenter == checked >= 100
