from app.core.picture.ocr import OcrPiece, group_into_lines


def piece(text, x, y, w=100, h=30, confidence=0.9):
    return OcrPiece(text, confidence, x, y, w, h)


def test_label_and_value_side_by_side_become_one_line():
    lines = group_into_lines([piece("03/14/1951", 150, 102), piece("DOB", 60, 100, w=80)], 1.5)
    assert [line.text for line in lines] == ["DOB 03/14/1951"]
    line = lines[0]
    assert [line.text[a:b] for a, b in line.spans] == ["DOB", "03/14/1951"]
    assert all(box.t_s == 1.5 for box in line.boxes)


def test_pieces_standing_apart_on_a_row_are_joined_as_two_columns():
    """ "Forsberg Tintin" and "King's College Hospital" five spaces apart: one line, but no
    rule reads a name or a hospital's name across the gap."""
    lines = group_into_lines([piece("Forsberg Tintin", 10, 100, w=200),
                              piece("King's College Hospital", 230, 100, w=300)], 0.0)
    assert [line.text for line in lines] == ["Forsberg Tintin    King's College Hospital"]
    assert [lines[0].text[a:b] for a, b in lines[0].spans] == [
        "Forsberg Tintin", "King's College Hospital"]


def test_pieces_on_different_rows_stay_apart():
    lines = group_into_lines([piece("Wash your hands", 20, 100), piece("MRN 123", 20, 300)], 0.0)
    assert sorted(line.text for line in lines) == ["MRN 123", "Wash your hands"]


def test_far_apart_pieces_on_one_row_stay_apart():
    lines = group_into_lines([piece("HR", 10, 100, w=40), piece("Room", 600, 100, w=80)], 0.0)
    assert len(lines) == 2


def test_line_confidence_is_its_weakest_piece():
    lines = group_into_lines([piece("a", 0, 0, confidence=0.9),
                              piece("b", 110, 0, confidence=0.3)], 0.0)
    assert lines[0].confidence == 0.3


def test_no_pieces_no_lines():
    assert group_into_lines([], 0.0) == []
