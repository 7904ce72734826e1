"""The review window, driven as a clinician would: drop, watch, step, decide, reopen."""

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from app.core.review.decisions import Decision, Review
from app.ui.findings_view import TEXT_COLUMN

pytestmark = pytest.mark.models

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample_clip.mp4"
SCAN_TIMEOUT_MS = 240_000


def drop(window, path: Path) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def pdf_words(pdf: Path) -> str:
    """The PDF's text as pdftotext reads it, with its whitespace made single spaces."""
    return " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())


def scan(qtbot, window, path=SAMPLE):
    with qtbot.waitSignal(window.scanFinished, timeout=SCAN_TIMEOUT_MS) as finished:
        drop(window, path)
    return finished.args[0]


def test_empty_window_invites_a_drop(window):
    assert "Drop a video here" in window.player.canvas.empty_text
    assert window.findings_panel.model.rowCount() == 0


def test_dropping_a_non_video_says_why(window, tmp_path, qtbot):
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    drop(window, notes)
    qtbot.waitUntil(window.banner.isVisible)
    assert "not a video" in window.banner.text()
    assert not window.is_scanning()


def test_a_drop_is_taken_as_a_copy_never_a_move(window, tmp_path, qtbot):
    """A file manager that offers only a move would delete the clip once dropped: refused; one
    that offers both is told it was a copy."""
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(notes))])

    def dropped(actions):
        event = QDropEvent(QPointF(50, 50), actions, data, Qt.MouseButton.NoButton,
                           Qt.KeyboardModifier.NoModifier)
        event.ignore()
        window.dropEvent(event)
        return event

    moved = dropped(Qt.DropAction.MoveAction)
    qtbot.wait(50)
    assert not moved.isAccepted() and not window.banner.isVisible()
    either = dropped(Qt.DropAction.MoveAction | Qt.DropAction.CopyAction)
    assert either.isAccepted() and either.dropAction() == Qt.DropAction.CopyAction
    qtbot.waitUntil(window.banner.isVisible)  # opened (and found not to be a video)


def test_a_pdf_renamed_mp4_fails_with_a_sentence(window, tmp_path, qtbot):
    fake = tmp_path / "clip.mp4"
    fake.write_bytes(b"%PDF-1.4\n" + b"x" * 4000)
    with qtbot.waitSignal(window.scanStopped, timeout=60_000) as stopped:
        drop(window, fake)
    assert "not a video" in stopped.args[0]
    assert window.banner.isVisible() and "Traceback" not in window.banner.text()


def test_drop_scans_and_findings_fill_the_list_timeline_and_transcript(window, qtbot):
    progress_seen = []
    window.findings_panel.model.rowsInserted.connect(lambda *a: progress_seen.append(1))
    result = scan(qtbot, window)
    assert result.findings
    assert window.findings_panel.model.rowCount() == len(result.findings)
    assert len(window.timeline.findings) == len(result.findings)
    heard = window.transcript.toPlainText()  # masked until the reviewer unmasks
    assert "Fisher" not in heard and "Fischer" not in heard and "Three tips" in heard
    window.findings_panel.mask_box.setChecked(False)
    heard = window.transcript.toPlainText()
    assert "Fisher" in heard or "Fischer" in heard
    assert window.flags.current_id == window.findings_panel.visible_ids()[0]  # first flag selected


def test_cancel_stops_the_scan_at_once_and_the_next_scan_runs(window, qtbot):
    import time

    with qtbot.waitSignal(window.scanStopped, timeout=60_000) as stopped:
        drop(window, SAMPLE)
        qtbot.waitUntil(lambda: window.scan.progress.value() > 5, timeout=60_000)
        clicked = time.perf_counter()
        window.scan.cancel_button.click()
        click_s = time.perf_counter() - clicked
    assert stopped.args == ["cancelled"]
    assert click_s < 1.0  # the window never waits for the scan's thread
    assert not window.is_scanning() and not window.scan.cancel_button.isVisible()
    result = scan(qtbot, window)  # waits for the models the stopped scan still held
    assert result.findings and window.findings_panel.model.rowCount() == len(result.findings)


def test_timeline_click_seeks(window, qtbot):
    scan(qtbot, window)
    timeline = window.timeline
    x = int(timeline.x_of(10.0))
    with qtbot.waitSignal(timeline.seekRequested) as sought:
        qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(x, 2))
    assert sought.args[0] == pytest.approx(10.0, abs=0.2)
    qtbot.waitUntil(lambda: abs(window.player.position_s - 10.0) < 0.3)


def test_keyboard_steps_and_decides_and_decisions_survive_a_reopen(window, qtbot, loaded_engines):
    result = scan(qtbot, window)
    ids = window.findings_panel.visible_ids()
    assert len(ids) >= 2
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F)  # first flag: must fix
    qtbot.keyClick(window, Qt.Key.Key_N)
    assert window.flags.current_id == ids[1]
    qtbot.keyClick(window, Qt.Key.Key_D)  # second: false alarm
    qtbot.keyClick(window, Qt.Key.Key_P)
    assert window.flags.current_id == ids[0]

    saved = Review.load(result.video.sha256)
    assert saved.get(ids[0]).decision is Decision.MUST_FIX
    assert saved.get(ids[1]).decision is Decision.FALSE_ALARM

    # another reviewer (another window, or the CLI) changes the first decision and notes the
    # second; this window's note on the first and decision on the second undo neither
    other = Review.load(result.video.sha256)
    other.reviewer = "Dr B"
    other.decide(ids[0], Decision.FALSE_ALARM)
    other.write_note(ids[1], "her own badge")
    qtbot.keyClicks(window.decision_panel.note, "blurred in the edit")
    qtbot.keyClick(window.decision_panel.note, Qt.Key.Key_Return)
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_N)
    qtbot.keyClick(window, Qt.Key.Key_F)
    saved = Review.load(result.video.sha256)
    assert (saved.get(ids[0]).decision, saved.get(ids[0]).note) == (
        Decision.FALSE_ALARM, "blurred in the edit")
    assert (saved.get(ids[1]).decision, saved.get(ids[1]).note) == (
        Decision.MUST_FIX, "her own badge")
    assert window.decision_panel.note.text() == "her own badge"  # the window shows it now
    window.flags.select(ids[0])
    qtbot.keyClick(window, Qt.Key.Key_F)  # back to must fix for the reopen below
    qtbot.keyClick(window, Qt.Key.Key_N)
    qtbot.keyClick(window, Qt.Key.Key_D)

    window.close()
    from app.ui.main_window import MainWindow

    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    scan(qtbot, again)
    model = again.findings_panel.model
    decisions = {f.id: model.decision(f) for f in model.findings}
    assert decisions[ids[0]] is Decision.MUST_FIX
    assert decisions[ids[1]] is Decision.FALSE_ALARM
    assert all(d is Decision.OPEN for i, d in decisions.items() if i not in ids[:2])


def test_filter_by_decision(window, qtbot):
    scan(qtbot, window)
    total = len(window.findings_panel.visible_ids())
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F)
    window.findings_panel.decision_box.setCurrentText("must fix")
    assert len(window.findings_panel.visible_ids()) == 1
    window.findings_panel.decision_box.setCurrentText("open")
    assert len(window.findings_panel.visible_ids()) == total - 1


def test_mask_toggle_hides_identifying_text(window, qtbot):
    result = scan(qtbot, window)
    window.findings_panel.mask_box.setChecked(True)
    model = window.findings_panel.model
    shown = [model.data(model.index(r, TEXT_COLUMN)) for r in range(model.rowCount())]
    for finding in result.findings:
        assert finding.text not in shown
    window.flags.step(+1)
    detail = window.decision_panel.detail.text()
    assert window.flags.current.text not in detail  # the reason is masked too


def test_clicking_a_transcript_word_seeks_to_it(window, qtbot):
    result = scan(qtbot, window)
    word = result.transcript.words[5]
    window.transcript.anchorClicked.emit(QUrl("w:5"))
    qtbot.waitUntil(lambda: abs(window.player.position_s - word.start_s) < 0.2)


def test_never_flag_adds_the_text_to_the_allow_list(window, qtbot):
    from app.core.word_lists import WordLists

    result = scan(qtbot, window)
    finding = result.findings[0]
    window.findings_panel.allowRequested.emit(finding.id)
    assert finding.text in WordLists.from_settings().allow


def test_checklist_answers_are_kept_and_the_pdf_is_exported(window, qtbot, tmp_path):

    result = scan(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F)
    window.checklist.boxes["consent"].setCurrentText("yes")
    assert Review.load(result.video.sha256).answers == {"consent": "yes"}
    out = tmp_path / "review.pdf"
    assert window.pdf_export.write(out)
    text = pdf_words(out)
    assert "Not cleared: 1 must fix" in text and "MASKED" in text
    assert "Margaret" not in text and "00482913" not in text


def test_export_to_an_unwritable_folder_says_why(window, qtbot, tmp_path):
    scan(qtbot, window)
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where a folder should be")
    assert not window.pdf_export.write(blocker / "r.pdf")
    assert window.banner.isVisible() and "could not be written" in window.banner.text()


@pytest.mark.parametrize(
    ("make", "words"),
    [
        pytest.param(lambda p, clip: p.write_bytes(b""), "empty", id="empty"),
        pytest.param(lambda p, clip: p.write_bytes(Path(clip).read_bytes()[:3000]), "",
                     id="truncated"),
        pytest.param(lambda p, clip: subprocess.run(
            ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=duration=1", "-c:a", "aac",
             str(p)], check=True), "audio file", id="audio-only"),
    ],
)
def test_bad_files_get_a_sentence_in_the_window(window, qtbot, tmp_path, make, words):
    clip = tmp_path / "clip.mp4"
    make(clip, SAMPLE)
    with qtbot.waitSignal(window.scanStopped, timeout=60_000) as stopped:
        drop(window, clip)
    sentence = stopped.args[0]
    assert words in sentence and sentence.endswith(".") and "Traceback" not in sentence
    assert window.banner.isVisible() and window.banner.text() == sentence


def test_this_is_me_flags_the_patient_instead_and_is_kept(window, qtbot, tmp_path,
                                                          patient_longer_clip):
    """The patient is on screen longer than the clinician, so the scan takes the patient for
    the presenter. The clinician says "this is me" on their own face's flag."""
    from app.core.models import Source

    planted = {p.text: p for p in patient_longer_clip.planted}
    result = scan(qtbot, window, patient_longer_clip.path)

    def face_flags():
        return [window.flags.findings[i] for i in window.findings_panel.visible_ids()
                if window.flags.findings[i].source is Source.FACE]

    def near(finding, truth):
        return abs(finding.start_s - truth.start_s) <= 0.6 and abs(
            finding.end_s - truth.end_s) <= 0.6

    [wrong] = face_flags()
    assert near(wrong, planted["clinician"])  # the clinician flagged, the patient not
    assert window.presenter_row.isVisible()
    assert "on screen longest" in window.presenter_row.faces.label.text()

    window.flags.select(wrong.id)
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_M)
    [right] = face_flags()
    assert near(right, planted["patient"]) and right.id != wrong.id
    assert wrong.id not in window.flags.findings  # the clinician's face is no longer a flag
    assert "you marked" in window.presenter_row.faces.label.text()
    assert [f.id for f in window.result.presenter_faces] == [wrong.id]
    assert Review.load(result.video.sha256).presenter == (wrong.id,)

    out = tmp_path / "review.pdf"
    assert window.pdf_export.write(out)
    text = pdf_words(out)
    assert "The reviewer marked their own face" in text
    assert "Not cleared: 0 must fix · 0 false alarms · 1 open" in text  # one face: the patient

    window.close()
    from app.ui.main_window import MainWindow

    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    scan(qtbot, again, patient_longer_clip.path)
    assert [f.id for f in again.flags.findings.values() if f.source is Source.FACE] == [right.id]

    again.presenter_row.faces.automatic_button.click()  # back to the scan's guess
    assert [f.id for f in again.flags.findings.values() if f.source is Source.FACE] == [wrong.id]


def test_the_combination_question_shows_what_the_scan_found_masked_and_the_pdf_quotes_it(
        window, qtbot, tmp_path, story_clip):
    from app.core.models import Category

    result = scan(qtbot, window, story_clip)
    [combined] = [f for f in result.findings if f.category is Category.COMBINATION]
    shown = window.checklist.combination
    assert shown.isVisible() and shown.text().startswith("The scan found: ")
    assert "teacher" not in shown.text() and "kinds of detail" in shown.text()  # masked
    window.findings_panel.mask_box.setChecked(False)
    assert "“teacher”" in shown.text()
    window.findings_panel.mask_box.setChecked(True)
    out = tmp_path / "review.pdf"
    assert window.pdf_export.write(out)
    text = pdf_words(out)
    assert "The scan found: " in text and "kinds of detail in one clip" in text
    assert "teacher" not in text and "Tuesday" not in text
    assert combined.id in {f.id for f in window.result.findings}
    # its details are listed under it, with their times, and are no rows or marks of their own
    details = [f for f in result.findings if f.category is Category.DETAIL]
    assert details and not {f.id for f in details} & set(window.flags.findings)
    listed = {f.id for f in window.findings_panel.model.findings}
    assert combined.id in listed and not {f.id for f in details} & listed
    assert combined.id in {f.id for f in window.timeline.findings}
    assert not {f.id for f in details} & {f.id for f in window.timeline.findings}
    assert "“teacher” at 00:00:0" in combined.reason
    # one detail alone ("dehydration" in health education) is no flag at all
    from dataclasses import replace

    window.session.set_scanned(replace(result, findings=tuple(details[:1])))
    assert window.findings_panel.model.rowCount() == 0 and not window.timeline.findings


def test_this_is_me_on_a_voice_flags_the_other_voice_and_is_kept(window, qtbot, tmp_path,
                                                                  two_voices_clip):
    """The scan takes the voice heard longest for the presenter's; here the reviewer says the
    guest's voice is theirs, so the other voice is flagged instead, in the window and the PDF,
    and after a reopen; "Let the scan decide" undoes it."""
    from app.core.models import Category

    path, said = two_voices_clip

    def voice_flags():
        return sorted((f for f in window.flags.findings.values()
                       if f.category is Category.VOICE), key=lambda f: f.start_s)

    result = scan(qtbot, window, path)
    [guest] = voice_flags()
    line = window.presenter_row.voices
    assert line.isVisible() and "heard longest" in line.label.text()
    window.flags.select(guest.id)
    assert window.decision_panel.this_is_me_button.isEnabled()
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_M)
    flagged = voice_flags()
    assert flagged and guest.id not in window.flags.findings
    assert all(f.start_s < 7.0 or f.start_s > 10.0 for f in flagged)  # the presenter's times
    assert "you marked" in line.label.text() and line.automatic_button.isVisible()
    assert Review.load(result.video.sha256).voices == window.result.presenter_voices
    window.flags.select(flagged[0].id)
    window.flags.decide(Decision.MUST_FIX)  # the first of the presenter's stretches

    out = tmp_path / "review.pdf"
    assert window.pdf_export.write(out)
    text = pdf_words(out)
    assert "The reviewer marked their own voice" in text
    assert "Not flagged, as the presenter's voice" in text and "the one you marked" in text

    window.close()
    from app.ui.main_window import MainWindow

    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    scan(qtbot, again, path)
    assert [f.id for f in again.flags.findings.values()
            if f.category is Category.VOICE] == [f.id for f in flagged]
    assert again.review.get(flagged[0].id).decision is Decision.MUST_FIX
    again.presenter_row.voices.automatic_button.click()
    assert [f.id for f in again.flags.findings.values()
            if f.category is Category.VOICE] == [guest.id]


def test_this_is_me_is_only_for_faces_and_voices(window, qtbot):
    scan(qtbot, window)
    from app.core.models import Category, Source

    window.flags.step(+1)
    shown = window.flags.current
    assert shown is not None and shown.source is not Source.FACE
    assert shown.category is not Category.VOICE  # the sample has one voice, no second face
    assert not window.decision_panel.this_is_me_button.isEnabled()
