"""The queue of a folder's clips and the names of their files (no model: review/folder_scan.py)."""

from pathlib import Path

import pytest

from app.core.errors import InputError
from app.core.review.folder_scan import ClipFiles, find_clips


def test_the_queue_holds_the_clips_in_name_order_and_says_why_it_left_out_each_other_file(
        tmp_path):
    folder = tmp_path / "week"
    (folder / "b day").mkdir(parents=True)
    for name in ("b day/ward.MOV", "a.mp4", "b day/a.mp4", "notes.txt", "README", "out/x.json"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(b"x")
    (folder / "linked").symlink_to(tmp_path, target_is_directory=True)
    queue = find_clips(folder, leave_out=folder / "out")
    assert queue.clips == (Path("a.mp4"), Path("b day/a.mp4"), Path("b day/ward.MOV"))
    why = {s.path.as_posix(): s.why for s in queue.skipped}
    assert why == {"linked": "a link to a folder (links to folders are not followed)",
                   "out": "the output folder", "README": "not a video (no ending)",
                   "notes.txt": "not a video (a .txt ending)"}


def test_a_missing_folder_or_a_file_is_refused(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        find_clips(tmp_path / "nope")
    (tmp_path / "clip.mp4").write_bytes(b"x")
    with pytest.raises(InputError, match="is not a folder"):
        find_clips(tmp_path / "clip.mp4")


def test_no_two_clips_files_share_a_name_and_a_masked_pdf_name_says_nothing_of_the_clip():
    clips = [Path("a.mp4"), Path("a.mov"), Path("day1/a.mp4"), Path("Olson_MRN.mp4")]
    shas = ["1" * 64, "2" * 64, "3" * 64, "4" * 64]
    for masked in (True, False):
        names = [n for c, s in zip(clips, shas, strict=True)
                 for n in ClipFiles(Path("out"), masked=masked).names(c, s)]
        assert len(set(names)) == len(names)
    json_name, pdf = ClipFiles(Path("out")).names(Path("Olson_MRN.mp4"), "4" * 64)
    assert json_name == Path("Olson_MRN.mp4.json") and pdf == Path("review 444444444444.pdf")
    _, unmasked = ClipFiles(Path("out"), masked=False).names(Path("day1/a.mp4"), "3" * 64)
    assert unmasked == Path("day1/a.mp4 review UNMASKED.pdf")


def test_a_summary_cell_that_a_spreadsheet_would_run_is_kept_as_text():
    """An outside test named a clip '=HYPERLINK("http:x","ok").mp4': the CSV gave a cell a
    spreadsheet runs as a formula. Such a cell starts with an apostrophe; others are as named."""
    from app.core.review.folder_scan import SKIPPED, ClipOutcome
    from app.core.review.folder_summary import csv_rows

    odd = ClipOutcome(Path('=HYPERLINK("http:x","ok").mp4'), SKIPPED, problem="-not a clip")
    plain = ClipOutcome(Path("ward round.mp4"), SKIPPED, problem="not a video")
    rows = csv_rows([odd, plain])
    assert rows[0]["clip"] == "'" + '=HYPERLINK("http:x","ok").mp4'
    assert rows[0]["problem"] == "'-not a clip"
    assert rows[1]["clip"] == "ward round.mp4" and rows[1]["problem"] == "not a video"
