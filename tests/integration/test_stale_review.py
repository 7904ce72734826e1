"""Two reviewers, one clip: a redacted copy is made from the decisions as saved when it starts,
says whose they were, and its proof fails when a finding marked must fix was not hidden.

The clip: name_and_mrn_clip (a name and an MRN on screen together, 1.0–3.0 s, no sound)."""

import subprocess
from pathlib import Path

import pytest

from app.core.models import Category, ScanOptions
from app.core.pipeline import analyze, run
from app.core.redact.export import redact_clip
from app.core.review.decisions import Decision, Review
from app.core.review.interrupted import record_interrupted
from app.core.review.report import write_report
from app.core.review.session import ReviewSession

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def scanned(name_and_mrn_clip, engines):
    return run(analyze(name_and_mrn_clip.path, ScanOptions(), engines))


def _one(scanned, category):
    found = [f for f in scanned.findings if f.category is category]
    assert len(found) == 1, scanned.findings
    return found[0]


def _reviewer(scanned, folder, name):
    review = Review.load(scanned.video.sha256, folder)
    review.reviewer = name
    return review


def _pdf_text(pdf) -> str:
    return " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())


def test_a_finding_marked_must_fix_while_the_copy_is_made_fails_its_proof(scanned, engines,
                                                                         tmp_path):
    """Dr B marks the MRN must fix while Dr A's copy is being written (its plan already made):
    the copy hides only the name, nothing hidden is found again, and yet it is not safe."""
    name, mrn = _one(scanned, Category.NAME), _one(scanned, Category.ID)
    first = _reviewer(scanned, tmp_path, "Dr A")
    first.decide(name.id, Decision.MUST_FIX)
    second = _reviewer(scanned, tmp_path, "Dr B")

    def meanwhile(_t, _covers) -> None:
        if second.get(mrn.id).decision is Decision.OPEN:
            second.decide(mrn.id, Decision.MUST_FIX)

    copy = run(redact_clip(ReviewSession(scanned, first), tmp_path / "copy.mp4", engines=engines,
                           on_frame=meanwhile))
    assert [item.finding_id for item in copy.items] == [name.id]
    assert copy.proof.still_found == () and copy.proof.not_hidden == (mrn.id,)
    assert not copy.proof.clean and "1 finding marked to hide not hidden" in copy.proof.line()
    # not safe: never under the name asked for, but under one that says so
    assert not (tmp_path / "copy.mp4").exists() and Path(copy.file).name == "copy.NOT-SAFE.mp4"
    assert Path(copy.file).is_file()
    assert copy.decisions.names == ("Dr A",)  # read as it started
    assert first.get(mrn.id).decision is Decision.MUST_FIX  # and read again to check it
    text = _pdf_text(write_report(ReviewSession(scanned, first),
                                  tmp_path / "r.pdf", reviewer="Dr A"))
    assert "NOT SAFE: 1 finding marked to hide when it was checked was not hidden" in text
    assert "Decisions by Dr A, Dr B as of" in text  # the record, read when it is written
    assert "Decisions by Dr A as of" in text  # the copy's section: the decisions it used
    assert "00482913" not in text  # masked


def test_a_copy_made_by_both_reviewers_decisions_is_safe_and_an_interrupted_one_is_said(
        scanned, engines, tmp_path):
    """The other side: Dr A's stale review gets Dr B's decision as the export starts, so both
    are hidden and the proof is clean; and an interrupted export is one line of the PDF."""
    name, mrn = _one(scanned, Category.NAME), _one(scanned, Category.ID)
    first = _reviewer(scanned, tmp_path, "Dr A")
    first.decide(name.id, Decision.MUST_FIX)
    _reviewer(scanned, tmp_path, "Dr B").decide(mrn.id, Decision.MUST_FIX)
    copy = run(redact_clip(ReviewSession(scanned, first), tmp_path / "copy.mp4", engines=engines))
    assert {item.finding_id for item in copy.items} == {name.id, mrn.id}
    assert copy.proof.clean and copy.decisions.names == ("Dr A", "Dr B")
    assert copy.file == str((tmp_path / "copy.mp4").resolve())  # safe: under its own name
    record_interrupted(ReviewSession(review=first), "rescan")
    text = _pdf_text(write_report(ReviewSession(scanned, first),
                                  tmp_path / "r.pdf", reviewer="Dr A"))
    assert "none of what was hidden was found again" in text and "NOT SAFE" not in text
    assert "while the copy was checked (started by Dr A); no copy was kept." in text
