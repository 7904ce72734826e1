"""How identifying text is hidden, in the window and in the masked PDF alike."""

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from app.core.findings.disguised import digits_written_as_letters, disguised_spans
from app.core.findings.plain_summary import summary_of
from app.core.findings.plain_text import Plain, plain_text, shown_plainly
from app.core.findings.spelled_numbers import spelled_number_spans
from app.core.models import Box, Category, Finding, Source, VideoInfo
from app.core.text_join import join_with_ranges

# Findings whose text we wrote ourselves ("face of another person", "bedside monitor"): nothing
# in it identifies anyone, so masking it would only hide what the finding is (and its reason does
# not say it "matched" that text: hits.py).
DESCRIBED = frozenset({Source.FACE, Source.SCENE})
# A detector run over free text: the (start, end) of each identifier it finds.
Finder = Callable[[str], Iterable[tuple[int, int]]]


def mask_text(text: str) -> str:
    """"Margaret Olson" → "M******* O****"; digits become "#": enough to recognise, not to read.

    Built from the text's plain form (plain_text.py): no invisible character, look-alike letter
    or digit of another script ("⁴", "④") of the original survives into the mask."""
    return " ".join(_masked_word(w) for w in plain_text(text).text.split())


def _masked_word(word: str) -> str:
    if word[:1].isdigit():  # "00482913_Olson.mp4": the letters after a number are words too
        return re.sub(r"[^\W\d_]", "*", re.sub(r"\d", "#", word))
    return word[:1] + re.sub(r"\w", "*", word[1:])


def shown_text(finding: Finding, masked: bool) -> str:
    # a combination's text is our list of the kinds it adds up ("an age, a day"), nobody's words
    ours = finding.source in DESCRIBED or finding.category is Category.COMBINATION
    return mask_text(finding.text) if masked and not ours else finding.text


def shown_reason(finding: Finding, masked: bool) -> str:
    """The reason as the reviewer may see it. Masked, it is the sentence built masked with the
    finding (never the raw one rewritten); one without it says only what kind of thing it is."""
    if not masked or finding.source in DESCRIBED:
        return finding.reason
    if finding.masked_reason:
        return finding.masked_reason
    return f"a {finding.category.value} matched \"{mask_text(finding.text)}\""


def shown_summary(finding: Finding) -> str:
    """The finding in one plain line (plain_summary.py), the same masked or not: it holds no
    identifier. A finding made before summaries were (or one made by hand) says its kind."""
    if finding.summary:
        return finding.summary
    return summary_of(finding.category, finding.source, "", detail=finding.detail,
                      text=finding.text if finding.category is Category.COMBINATION else "")


def identifying_words(entries: Iterable[str]) -> set[str]:
    """The words (lower case, two letters or more) of identifying texts: each is masked wherever
    it stands, as a name's surname alone still names someone. Each word is there as written and
    in its plain form (plain_text.py, case folded), which free text is compared in."""
    words = set()
    for entry in entries:
        words |= {w.lower() for w in re.findall(r"\w+", entry) if len(w) > 1}
        words |= {w.casefold() for w in re.findall(r"\w+", plain_text(entry).text)
                  if len(w) > 1}
    return words


def mask_free_text(text: str, spans: Sequence[tuple[int, int]] = (),
                   known: tuple[str, ...] = (), find: Finder | None = None) -> str:
    """Free text (a reviewer's note, the words heard around a finding) as a masked copy shows it.

    The text is read in its plain form (plain_text.py: invisible characters gone, diacritics
    dropped, look-alike letters and other scripts' digits read as what they look like). Every word
    that `spans` (character ranges of `text` a detector found) or `find` (a function giving such
    ranges in the plain text) touch, and every word of a `known` identifier (the findings' texts,
    the deny list), matched without regard to case, is masked, the mask built from the plain
    form; every digit of any script becomes "#", and so does every number word in a run of
    three or more ("four one five", spelled_numbers.py): a number nobody flagged is still
    nobody's business.
    """
    return "".join(shown for _, shown in masked_pieces(text, spans, known, find))


def mask_free_words(words: list[str], flagged: Sequence[int] = (), known: tuple[str, ...] = (),
                    find: Finder | None = None) -> list[str]:
    """Words heard in a row, each as a masked copy shows it: masked as `mask_free_text` masks
    them read together (a number spelled out over several words is one run), the words at the
    indices `flagged` masked whole."""
    joined, ranges = join_with_ranges(list(words))
    pieces = masked_pieces(joined, [ranges[k] for k in flagged], known, find)
    shown = [""] * len(ranges)
    starts = [start for start, _ in ranges]
    for start, piece in pieces:  # the spaces joining the words belong to none
        k = bisect.bisect_right(starts, start) - 1
        if k >= 0 and start < ranges[k][1]:
            shown[k] += piece
    return shown


def masked_pieces(text: str, spans: Sequence[tuple[int, int]] = (), known: tuple[str, ...] = (),
                  find: Finder | None = None) -> list[tuple[int, str]]:
    """`mask_free_text`'s result in pieces, each with where it starts in `text`: a word of the
    plain text as shown, or one original character between words (spaces; invisible ones give
    "")."""
    plain = plain_text(text)
    pieces_of_known = identifying_words(known)
    marked, whole = _marked(text, plain, spans, find, pieces_of_known)
    numbers = sorted([*spelled_number_spans(plain.text),
                      *digits_written_as_letters(plain.text)])
    out: list[tuple[int, str]] = []
    done = 0
    for match in re.finditer(r"\S+", plain.text):
        start, end = plain.original_range(*match.span())
        out += [(i, shown_plainly(text[i])) for i in range(done, start)]
        word = match.group()
        if any(whole[start:end]):  # a piece of a word spelled out or split: none of it shows
            out.append((start, re.sub(r"[^\W_]", "*", _masked_word(word))))
        elif any(marked[start:end]) or any(w.casefold() in pieces_of_known
                                           for w in re.findall(r"\w+", word)):
            out.append((start, _masked_word(word)))
        elif any(match.start() < b and a < match.end() for a, b in numbers) \
                or any(c.isdigit() for c in word):
            out.append((start, _numbers_hidden(word, match.start(), numbers)))
        else:
            out.append((start, shown_plainly(text[start:end])))
        done = end
    out += [(i, shown_plainly(text[i])) for i in range(done, len(text))]
    return out


def _marked(text: str, plain: Plain, spans: Iterable[tuple[int, int]],
            find: Finder | None,
            known_words: set[str]) -> tuple[list[bool], list[bool]]:
    """Which characters of `text` are in an identifier: `spans`, what `find` finds, and known
    words in disguise (disguised.py); and which of them are in a word's later pieces."""
    marked, whole = [False] * len(text), [False] * len(text)
    found = [plain.original_range(a, b) for a, b in (find(plain.text) if find else ()) if b > a]
    for start, end in [*spans, *found]:
        marked[max(0, start):max(0, end)] = [True] * (max(0, end) - max(0, start))
    for a, b, goes_on in disguised_spans(plain.text, known_words):
        start, end = plain.original_range(a, b)
        (whole if goes_on else marked)[start:end] = [True] * (end - start)
    return marked, whole


def _numbers_hidden(word: str, at: int, numbers: list[tuple[int, int]]) -> str:
    """A plain word with its digits, and the number words of a run in it, as "#"."""
    for a, b in sorted(numbers, reverse=True):
        if at <= a and b <= at + len(word):
            word = word[:a - at] + "#" + word[b - at:]
    return re.sub(r"\d", "#", word)


def clip_label(video: VideoInfo, masked: bool) -> str:
    """How a copy names the clip. Clinicians name files after patients
    ("Olson_MRN00482913_dressing.mp4"), so a masked copy names it by its content instead: the
    start of its SHA-256 and its length."""
    if not masked:
        return Path(video.path).name
    return f"clip {video.sha256[:12]} ({video.duration_s:.1f} s)"


def padded(box: Box) -> Box:
    """The box grown on every side by a quarter of its height (4 px at least): a detector's box
    can shave a letter's edge, and a blur must cover it."""
    pad = max(4, box.h // 4)
    return Box(box.t_s, box.x - pad, box.y - pad, box.w + 2 * pad, box.h + 2 * pad)


def box_at(finding: Finding, t_s: float) -> Box | None:
    """Where the finding is at `t_s`, if it is on screen then: its box read at that moment, or,
    between two reads, one box over both (it moved from one to the other: what lies between
    is where it was)."""
    if not finding.boxes or not finding.start_s - 0.05 <= t_s <= finding.end_s + 0.05:
        return None
    exact = [b for b in finding.boxes if abs(b.t_s - t_s) < 0.01]
    if exact:
        return exact[0]
    before = [b for b in finding.boxes if b.t_s < t_s]
    after = [b for b in finding.boxes if b.t_s > t_s]
    near = ([max(before, key=lambda b: b.t_s)] if before else []) + \
        ([min(after, key=lambda b: b.t_s)] if after else [])
    x0, y0 = min(b.x for b in near), min(b.y for b in near)
    x1, y1 = max(b.x + b.w for b in near), max(b.y + b.h for b in near)
    return Box(t_s, x0, y0, x1 - x0, y1 - y0)
