"""A ward's electronic patient board, a table, read as the app reads a frame (real PP-OCR, the
text finder's lines, the detector): a name in a column headed "Patient", "Name", "Nurse" and the
like is flagged though its row holds no cue of its own; ordinary words, empty markers and numbers
in those columns are not names. Boards drawn here with Pillow: other fonts, column orders, header
words, light and dark themes and names than the outside tester's clip (/tmp/tester39, c04)."""

from dataclasses import dataclass

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from bench.overlays import name_found, read_overlay

pytestmark = pytest.mark.models

FONTS = "/usr/share/fonts/truetype/dejavu/"


@dataclass(frozen=True)
class Board:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    font: str
    dark: bool
    names: tuple[str, ...]  # each must be flagged (a word of it at least, on its cell)
    clean: tuple[str, ...]  # none of these words may be in a name found


def render(board: Board, size: int = 24) -> np.ndarray:
    """The board on a 1280×720 screen: a title, the header row in its own colour, ruled rows."""
    back, ink, head = ((28, 30, 38), (235, 235, 235), (120, 200, 255)) if board.dark else \
        ((250, 250, 246), (25, 25, 30), (20, 70, 150))
    image = Image.new("RGB", (1280, 720), back)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONTS + board.font, size)
    bold = ImageFont.truetype(FONTS + board.font.replace(".ttf", "-Bold.ttf"), size)
    draw.text((40, 30), "WARD 7 BOARD", font=bold, fill=head)
    widths = [max(draw.textlength(t, font=bold if r == 0 else font) for r, t in
                  enumerate((board.header[c], *(row[c] for row in board.rows))))
              for c in range(len(board.header))]
    xs = [40]
    for w in widths[:-1]:
        xs.append(int(xs[-1] + w + 3 * size))
    top, step = 100, int(2.3 * size)
    for c, title in enumerate(board.header):
        draw.text((xs[c], top), title, font=bold, fill=head)
    for r, row in enumerate(board.rows):
        y = top + (r + 1) * step
        draw.line([(30, y - size // 3), (1250, y - size // 3)], fill=(110, 110, 120), width=1)
        for c, cell in enumerate(row):
            draw.text((xs[c], y), cell, font=font, fill=ink)
    return np.asarray(image)[:, :, ::-1].copy()


BOARDS = [
    Board(("Bay", "Name", "Named Nurse", "Consultant"),
          (("1", "Nwachukwu Obiora", "Kwabena", "Mr Hadley"),
           ("2", "Discharged", "Kwabena", "Mr Hadley"),
           ("3", "Thorsdottir Hekla", "Marisol", "Dr Ferreira"),
           ("4", "-- empty --", "", ""),
           ("5", "Side room", "Marisol", "Dr Ferreira")),
          "DejaVuSerif.ttf", dark=False,
          names=("Nwachukwu", "Thorsdottir", "Kwabena", "Marisol"),
          clean=("Discharged", "Side", "room", "empty")),
    Board(("Patient", "Bed", "Doctor", "Nurse"),
          (("Ruangsri Pim", "12", "Dr Abara", "Teodora"),
           ("Awaiting bed", "14", "Dr Abara", "Teodora"),
           ("Mbatha Sizwe", "15", "Dr Kowal", "Emeka"),
           ("Closed", "16", "", "")),
          "DejaVuSansMono.ttf", dark=True,
          names=("Ruangsri", "Mbatha", "Teodora", "Emeka"),
          clean=("Awaiting", "Closed")),
    Board(("ROOM", "PATIENT NAME", "RN", "STATUS"),
          (("3A", "Iwasaki Rin", "Oyelowo", "Stable"),
           ("3B", "Vacant", "", "Deep clean"),
           ("3C", "Zelenko Dara", "Oyelowo", "Home today")),
          "DejaVuSansCondensed.ttf", dark=False,
          names=("Iwasaki", "Zelenko", "Oyelowo"),
          clean=("Vacant", "Stable", "Deep", "Home")),
]


@pytest.mark.parametrize("board", BOARDS, ids=["light-serif", "dark-mono", "caps-condensed"])
def test_names_in_a_board_column_are_flagged_and_its_words_are_not(board, engines):
    names, read = read_overlay(render(board), engines.ocr, engines.detector)
    # a name counts one letter off when six letters or more ("lwasaki": the I read small)
    missed = [n for n in board.names if not name_found(n, n, names)[0]]
    assert not missed, (missed, names, read)
    found = " ".join(names).lower()
    wrong = [w for w in board.clean if w.lower() in found.split()]
    assert not wrong, (wrong, names, read)
