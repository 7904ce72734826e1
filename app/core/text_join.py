"""Joining pieces of text while remembering where each piece went."""


def join_with_ranges(pieces: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Pieces joined by single spaces, and each piece's (start, end) inside the result."""
    text = ""
    ranges = []
    for piece in pieces:
        if text:
            text += " "
        ranges.append((len(text), len(text) + len(piece)))
        text += piece
    return text, ranges
