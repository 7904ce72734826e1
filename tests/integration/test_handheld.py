"""Hand-held footage: every identifier found once, however the camera moves."""

import pytest

from app.core.findings.hits import normalise
from app.core.pipeline import analyze, run
from app.core.review.session import ReviewSession

pytestmark = pytest.mark.models


def _matches(finding, planted) -> bool:
    a, b = normalise(finding.text), normalise(planted.text)
    return finding.category.value == planted.category and (a in b or b in a)


@pytest.fixture(scope="module")
def scanned(handheld_clip, engines):
    return run(analyze(handheld_clip.path, engines=engines))


def test_each_identifier_on_a_moving_board_chart_and_wristband_is_found(scanned, handheld_clip):
    screen = [p for p in handheld_clip.planted if p.source == "screen"]
    assert len(screen) >= 10
    missed = [p.text for p in screen
              if not any(f.source.value == "screen" and _matches(f, p)
                         and f.start_s < p.end_s + 0.5 and p.start_s - 0.5 < f.end_s
                         for f in scanned.findings)]
    assert missed == []


def test_a_text_followed_through_the_motion_is_one_finding(scanned, handheld_clip):
    screen = [p for p in handheld_clip.planted if p.source == "screen"]
    for text in {p.text for p in screen}:
        planted = [p for p in screen if p.text == text]
        found = [f for f in scanned.findings if f.source.value == "screen"
                 and any(_matches(f, p) for p in planted)]
        # one finding per stretch of time it is in view (a wristband seen twice is two)
        assert len(found) <= len(planted), (text, [(f.text, f.start_s, f.end_s) for f in found])
        for finding in found:
            assert len(finding.boxes) >= 2  # boxes in the frames read, as it moved


def test_harmless_text_and_the_moving_presenter_are_not_flagged(scanned, handheld_clip):
    identifiers = [f for f in scanned.findings if f.severity == "identifier"]
    harmless = ("night shift", "hydrate", "stretch", "lunch", "walk at", "see you", "clean",
                "iv fluids", "falls risk", "patient summary", "hr 72")
    flagged = [f.text for f in identifiers if f.source.value == "screen"
               and any(h.replace(" ", "") in normalise(f.text) for h in harmless)]
    assert flagged == []
    assert [f for f in scanned.findings if f.source.value == "face"] == []
    # the text was followed, not re-read: far fewer lines read than lines seen
    assert scanned.coverage.lines_read < 4 * len(handheld_clip.planted)


def test_a_redacted_copy_covers_each_found_text_in_every_frame(scanned, handheld_clip, engines,
                                                               tmp_path):
    """Checked frame by frame against where the text really is (the camera path the clip was
    rendered with), not only in the frames the scan read."""
    from app.core.redact.export import redact_clip
    from app.core.review.decisions import Decision, Review
    from bench.redact import uncovered

    review = Review.load(scanned.video.sha256, tmp_path)
    for finding in scanned.findings:
        review.decide(finding.id, Decision.MUST_FIX)
    covers: dict[float, list] = {}
    copy = run(redact_clip(ReviewSession(scanned, review), tmp_path / "copy.mp4", engines=engines,
                           on_frame=lambda t, c: covers.__setitem__(t, [r for _, r in c])))
    checked, misses = uncovered(covers, scanned.findings, handheld_clip.width,
                                handheld_clip.height, handheld_clip.duration_s)
    assert checked > 200
    assert [(text, t) for t, text, _, _ in misses] == []
    assert copy.proof.still_found == ()
