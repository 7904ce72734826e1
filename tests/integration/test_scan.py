"""Full scans with the real models on generated clips: planted identifiers found, on time."""

import json
import socket

import pytest

from app.core.models import Category, Source
from app.core.pipeline import Engines, analyze, run
from app.core.review.session import ReviewSession

pytestmark = pytest.mark.models

TIME_TOLERANCE_S = 0.5


@pytest.fixture(scope="module")
def identifiers_result(identifiers_clip, engines):
    return run(analyze(identifiers_clip.path, engines=engines))


def matching(result, planted):
    return [
        f for f in result.findings
        if f.source.value == planted.source and f.category.value == planted.category
        and f.start_s < planted.end_s and f.end_s > planted.start_s
    ]


def test_screen_identifiers_found_at_the_right_times(identifiers_clip, identifiers_result):
    screen = [p for p in identifiers_clip.planted if p.source == "screen"]
    assert screen
    for planted in screen:
        found = matching(identifiers_result, planted)
        assert len(found) == 1, (planted, identifiers_result.findings)
        finding = found[0]
        assert abs(finding.start_s - planted.start_s) <= TIME_TOLERANCE_S, finding
        assert abs(finding.end_s - planted.end_s) <= TIME_TOLERANCE_S, finding
        assert finding.boxes and all(b.w > 0 and b.h > 0 for b in finding.boxes)
        assert planted.category in ("name", "date", "id") and finding.reason


def test_spoken_identifiers_found_while_they_are_said(identifiers_clip, identifiers_result):
    speech = [p for p in identifiers_clip.planted if p.source == "speech"]
    assert speech
    for planted in speech:
        assert matching(identifiers_result, planted), (planted, identifiers_result.findings)


def test_harmless_caption_is_not_flagged(identifiers_result):
    assert not [f for f in identifiers_result.findings if "shift" in f.text.lower()]


def test_coverage_is_reported(identifiers_clip, identifiers_result):
    coverage = identifiers_result.coverage
    assert coverage.transcribed and coverage.speech_seconds > 3
    # text looked for on every sample; three lines, each read once or a few times: far fewer
    # line reads than samples
    assert coverage.frames_read == coverage.frames_sampled
    assert 3 <= coverage.lines_read < coverage.frames_sampled
    assert coverage.frames_total == pytest.approx(120, abs=2)


def test_clip_without_identifiers_gives_no_findings(clean_clip, engines):
    result = run(analyze(clean_clip.path, engines=engines))
    assert result.findings == (), result.findings
    assert result.transcript is not None and "hands" in " ".join(
        w.text for w in result.transcript.words
    ).lower()


def test_clip_without_sound_is_still_read(silent_text_clip, engines):
    result = run(analyze(silent_text_clip.path, engines=engines))
    assert not result.coverage.transcribed
    assert any("no sound track" in note for note in result.coverage.notes)
    [finding] = result.findings
    assert finding.source is Source.SCREEN and finding.category is Category.ID
    assert abs(finding.start_s - 1.0) <= TIME_TOLERANCE_S
    assert abs(finding.end_s - 3.0) <= TIME_TOLERANCE_S


def test_a_ticking_clock_is_read_in_pieces_and_never_flagged(ticking_clock_clip, engines):
    result = run(analyze(ticking_clock_clip.path, engines=engines))
    coverage = result.coverage
    # the clock changes every sample and is read again; the title and the name are not
    assert coverage.lines_read <= coverage.frames_sampled + 3, coverage
    # the title "Ward round diary" is ward context, reported as such, with a lower severity
    context = [f for f in result.findings if f.severity == "context"]
    assert [(f.category, f.text.lower()) for f in context] == [
        (Category.WARD_CONTEXT, "ward round")
    ]
    # the name is the one identifier; the clock is neither a date nor a name
    [finding] = [f for f in result.findings if f.severity == "identifier"]
    assert finding.category is Category.NAME and "Patel" in finding.text
    assert abs(finding.start_s - 2.0) <= TIME_TOLERANCE_S
    assert abs(finding.end_s - 5.0) <= TIME_TOLERANCE_S


def test_findings_arrive_with_progress_before_the_end(identifiers_clip, engines):
    seen_early = []
    scan = analyze(identifiers_clip.path, engines=engines)
    for progress in scan:
        if progress.stage != "done":
            seen_early += progress.findings
    assert seen_early, "findings should be reported as they are found, not only at the end"


def test_progress_gives_each_finding_once_and_every_one_of_the_result(identifiers_clip, engines):
    """Spoken findings come early (segment by segment) and again in the final check: the
    progress must still give each id once, and the ids of the result must all be unique."""
    scan = analyze(identifiers_clip.path, engines=engines)
    given = []
    while True:
        try:
            given += [f.id for f in next(scan).findings]
        except StopIteration as stop:
            result = stop.value
            break
    assert len(given) == len(set(given))
    assert {f.id for f in result.findings} <= set(given)
    assert len({f.id for f in result.findings}) == len(result.findings)


def test_stopping_a_scan_midway_is_clean(identifiers_clip, engines):
    scan = analyze(identifiers_clip.path, engines=engines)
    for progress in scan:
        if progress.stage == "screen":
            break
    scan.close()  # runs the finally blocks: the capture is released
    result = run(analyze(identifiers_clip.path, engines=engines))
    assert result.findings


def test_json_has_the_contract_keys(identifiers_result):
    data = json.loads(json.dumps(identifiers_result.to_json()))
    assert set(data["video"]) >= {"path", "sha256", "duration_s", "width", "height", "fps",
                                  "has_audio"}
    assert set(data["coverage"]) >= {"speech_seconds", "frames_read", "frames_total"}
    assert set(data["tool"]) >= {"version", "models"}
    assert set(data["tool"]["models"]) == {"speech", "ocr", "ner", "faces", "voices"}
    for finding in data["findings"]:
        assert set(finding) >= {"id", "start_s", "end_s", "source", "category", "text",
                                "confidence", "reason", "severity", "boxes", "summary"}
        assert finding["summary"]
        assert len(finding["text"]) < 3 or finding["text"] not in finding["summary"]
        assert finding["severity"] in {"identifier", "context"}
        assert finding["source"] in {"speech", "screen", "face", "code", "scene"}
        assert finding["category"] in {c.value for c in Category}
        for box in finding["boxes"]:
            assert set(box) == {"t_s", "x", "y", "w", "h"}


def test_full_scan_with_the_network_blocked(identifiers_clip, monkeypatch, tmp_path):
    """Loading every model, scanning and exporting the PDF must not open a single socket."""
    attempts = []

    def refuse(self, *args, **kwargs):
        attempts.append(args)
        raise OSError("network blocked by test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, *a))
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: refuse(None, *a))
    from app.core.models import ScanOptions
    from app.core.review.decisions import Review
    from app.core.review.report import write_report

    fresh = Engines.load(ScanOptions())
    result = run(analyze(identifiers_clip.path, engines=fresh))
    pdf = write_report(ReviewSession(result, Review.load(result.video.sha256, tmp_path)),
                       tmp_path / "r.pdf",
                       reviewer="R")
    assert attempts == []
    assert result.findings and pdf.stat().st_size > 1000


def test_logs_carry_no_identified_text(identifiers_clip, engines, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    result = run(analyze(identifiers_clip.path, engines=engines))
    assert result.findings
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for finding in result.findings:
        assert finding.text not in logged
    for word in result.transcript.words:
        if len(word.text) > 4:
            assert word.text not in logged
