"""A table's column header that names people is the cue for the cells beneath it ("Patient" over
"Okoro Chidi" on a ward's patient board), read piece by piece, for both sides: names flagged in a
patient or staff column; empty markers, numbers, ordinary words, cells outside the column and
lines far below not."""

from app.core.models import Box, Category, OcrLine
from app.core.picture.table_columns import column_cells_of, headers_in, spans_in_cell, words_of

H = 20  # text height in pixels
ROW = 40  # one table row to the next


def pieces(*parts: tuple[str, int], y: int) -> OcrLine:
    """One OCR line of several pieces, each (text, x); about 10 pixels a character."""
    text, spans, boxes = "", [], []
    for piece, x in parts:
        if text:
            text += " "
        spans.append((len(text), len(text) + len(piece)))
        text += piece
        boxes.append(Box(0.0, x, y, 10 * len(piece), H))
    return OcrLine(text, 0.9, tuple(boxes), tuple(spans), tuple(range(len(parts))))


COLUMNS = (20, 100, 400, 600)  # Bed, Patient, Nurse, Doctor


def board(rows: list[tuple[str, str, str, str]], header=("Bed", "Patient", "Nurse", "Doctor"),
          one_piece_rows: bool = False, top: int = 50) -> list[OcrLine]:
    lines = [pieces(*zip(header, COLUMNS, strict=True), y=top)]
    for r, row in enumerate(rows):
        y = top + ROW * (r + 1)
        if one_piece_rows:  # the whole row read as one piece, spaced as drawn
            text = ""
            for cell, x in zip(row, COLUMNS, strict=True):
                text = text.ljust((x - COLUMNS[0]) // 10) + cell
            lines.append(pieces((text.rstrip(), COLUMNS[0]), y=y))
        else:
            lines.append(pieces(*((c, x) for c, x in zip(row, COLUMNS, strict=True) if c), y=y))
    return lines


def found(lines: list[OcrLine], detector) -> dict[str, tuple[Category, str]]:
    """Each cell's text found, with its category and rule, from its header alone."""
    out = {}
    for cell in column_cells_of(lines):
        for span in spans_in_cell(cell, detector.detect(cell.joined)):
            out[span.text] = (span.category, span.rule)
    return out


ROWS = [("1", "Okoro Chidi", "Ravi", "Dr Mensah"),
        ("2", "-- empty --", "", ""),
        ("3", "Discharged", "Tomasz", "12"),
        ("4", "Side room", "Agency", "On call"),
        ("5", "Lindqvist Bo", "Siobhan", "Dr Farrukh")]


def test_names_under_patient_and_nurse_headers_are_found(detector):
    got = found(board(ROWS), detector)
    for name in ("Okoro Chidi", "Lindqvist Bo"):  # the whole name, after its label
        assert got[name][0] == Category.NAME and "column 'Patient'" in got[name][1]
    for name in ("Ravi", "Tomasz", "Siobhan"):
        assert got[name][0] == Category.NAME and "staff name" in got[name][1]
    assert "Mensah" in got and "Farrukh" in got


def test_empty_markers_numbers_and_words_are_not_names(detector):
    got = found(board(ROWS), detector)
    for text in ("-- empty --", "empty", "Discharged", "Side room", "Side", "12", "Agency",
                 "On call", "1", "3"):
        assert text not in got, got


def test_a_row_read_as_one_piece_is_cut_into_its_cells(detector):
    lines = board(ROWS, one_piece_rows=True)
    assert len(lines[1].boxes) == 1
    got = found(lines, detector)
    assert {"Okoro Chidi", "Ravi", "Lindqvist Bo", "Siobhan"} <= set(got)
    assert not {"Discharged", "Side room", "Agency", "12"} & set(got)


def test_a_cell_is_boxed_by_its_own_share_of_the_row():
    lines = board(ROWS, one_piece_rows=True)
    cells = {c.cell.text: c.cell.boxes for c in column_cells_of(lines)}
    (box,) = cells["Okoro Chidi"]
    assert COLUMNS[1] - 5 <= box.x and box.x + box.w <= COLUMNS[2]


def test_header_row_read_as_one_piece(detector):
    lines = board(ROWS, one_piece_rows=True)
    lines[0] = pieces(("Bed     Patient                      Nurse               Doctor",
                       COLUMNS[0]), y=50)
    got = found(lines, detector)
    assert {"Okoro Chidi", "Ravi", "Mensah"} <= set(got)
    assert "column 'Nurse'" in got["Ravi"][1] and "column 'Doctor'" in got["Mensah"][1]
    assert not {"Discharged", "Side room", "Agency", "12"} & set(got)


def test_other_header_words_name_people(detector):
    rows = [("7", "Fairweather Jo", "Kwabena", "Dr Ilse Brandt")]
    got = found(board(rows, header=("Room", "PATIENT NAME", "Named Nurse", "Consultant")),
                detector)
    assert {"Fairweather Jo", "Kwabena"} <= set(got)
    got = found(board(rows, header=("Bay", "Surname", "RN", "NOK")), detector)
    assert "Fairweather Jo" in got and "Kwabena" in got


def test_cells_outside_the_column_or_far_below_are_not_read():
    lines = board(ROWS[:1])
    beside = pieces(("Margaret Hale", 900), y=50 + ROW)  # far right of the last column
    far = pieces(("Harriet Quill", 100), y=50 + ROW * 8)  # in the column, far below
    texts = {c.cell.text for c in column_cells_of([*lines, beside, far])}
    assert "Okoro Chidi" in texts
    assert "Harriet Quill" not in texts and "Margaret Hale" not in texts


def test_rows_end_at_a_big_gap_and_blank_cells_do_not_stop_them():
    rows = [("1", "Okoro Chidi", "Ravi", ""), ("2", "", "", "Dr Mensah"),
            ("3", "Lindqvist Bo", "", "")]
    texts = {c.cell.text for c in column_cells_of(board(rows))}
    assert {"Okoro Chidi", "Lindqvist Bo", "Ravi", "Dr Mensah"} <= texts


def test_a_label_beside_its_value_or_a_sentence_is_no_header():
    beside = pieces(("Patient: Okoro Chidi", 100), y=50)
    sentence = pieces(("the patient was seen by the nurse on the ward", 20), y=50)
    below = pieces(("Walker Amos", 100), y=50 + ROW)
    for line in (beside, sentence):
        assert headers_in(words_of(line)) == []
        assert column_cells_of([line, below]) == []


def test_a_things_name_column_is_no_header():
    for title in ("Drug Name", "Ward name", "Test Name"):
        assert headers_in(words_of(pieces((title, 100), y=50))) == []
    row = pieces(("Bed Name    Nurse", 20), y=50)
    assert [h.text for h in headers_in(words_of(row))] == ["Name", "Nurse"]


def test_only_names_come_from_a_header(detector):
    rows = [("1", "Pneumonia", "", ""), ("2", "Bay 4", "", "")]
    assert found(board(rows), detector) == {}


def test_a_title_row_in_any_case_is_a_header():
    for title in ("patient", "PATIENT", "Next of kin", "Dr"):
        line = pieces((title, 100), y=50)
        assert [h.text for h in headers_in(words_of(line))] == [title]
    # with a colon it is a label, whose value is beside it or below it (stacked_lines)
    assert headers_in(words_of(pieces(("Patient:", 100), y=50))) == []


def test_a_capital_i_read_as_small_l_is_put_back_in_a_name_cell(detector):
    rows = [("1", "lwasaki Rin", "lmran", ""), ("2", "lymph clinic", "", "")]
    got = found(board(rows), detector)
    assert "lwasaki Rin" in got or "lwasaki" in got  # reported as read, found as printed
    assert "lmran" in got
    assert not any("lymph" in text for text in got)


def test_a_surname_that_is_also_a_word_stays_a_name_and_a_status_does_not(detector):
    rows = [("1", "Smith", "", ""), ("2", "Blackwood", "", ""), ("3", "Home", "", ""),
            ("4", "Bed free", "", ""), ("5", "Hill", "", ""), ("6", "Vacant", "", "")]
    got = found(board(rows, header=("Bed", "Surname", "Nurse", "Doctor")), detector)
    assert {"Smith", "Blackwood", "Hill"} <= set(got), got
    assert not {"Home", "Bed free", "Bed", "free", "Vacant"} & set(got), got


def test_a_label_with_its_value_beside_it_is_no_column_header(detector):
    """ "RN:" and its value "Ann" on one row (a board's "RN: Ann   Dr: Mensah"), a note under
    it ("Less fluid tonight", cut by the frame's edge to "Les"): no nurse's column."""
    lines = [pieces(("RN:", 40), ("Ann", 80), ("Dr:", 200), ("Mensah", 240), y=50),
             pieces(("Les", 40), y=50 + ROW)]
    assert headers_in([w for line in lines for w in words_of(line)]) == []
    assert found(lines, detector) == {}
    # the same label alone, its value beyond the frame's right edge
    lines = [pieces(("RN:", 313), y=50), pieces(("Les", 300), y=50 + ROW)]
    assert headers_in([w for line in lines for w in words_of(line)]) == []


def test_an_images_words_run_together_under_a_doctors_title_are_no_name():
    """ "LIVERTRANSVERSE" under "Ref: ED PHYSICIAN" on an ultrasound's header (2026-12-06); a
    name in capitals stays one, and a surname made of words that the census knows."""
    from app.core.picture.table_columns import _no_name

    assert _no_name("LIVERTRANSVERSE") and _no_name("CTABDOMENPELVIS")
    assert not _no_name("FENSTERMACHER") and not _no_name("GOODFELLOW")
    assert not _no_name("Blackwood")
