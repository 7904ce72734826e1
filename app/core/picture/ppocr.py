"""Reading text with PP-OCRv4 (the ONNX networks `rapidocr-onnxruntime` ships), in two steps.

`detect` finds where text lines are (DBNet, on a copy of the frame scaled so its longer side is
`detect_side` pixels: a few tenths of a second on 2 cores); `recognise` reads given lines
(SVTR, a few milliseconds a line, on crops of the full-resolution frame). Keeping the steps
apart lets the picture stage detect every sample and read only the lines that are new or
changed. The two ONNX files are checked against their SHA-256 before loading; rapidocr's own
pre- and post-processing code is used, its configuration file is not.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

import cv2
import numpy as np

from app.core.detect import lexicon
from app.core.model_files import PPOCR_DET_FILE, PPOCR_REC_FILE, verify_file
from app.core.models import ModelInfo
from app.core.offline import no_telemetry
from app.core.picture.ocr import OcrPiece, Quad, crop_line, piece_of, stands_on_end
from app.core.picture.word_gaps import spaces_seen

if TYPE_CHECKING:
    from onnxruntime import InferenceSession

# DBNet's thresholds as PaddleOCR sets them; a slightly wider unclip keeps first and last letters.
_DET = {"thresh": 0.3, "box_thresh": 0.5, "max_candidates": 1000, "unclip_ratio": 1.6,
        "use_dilation": True, "score_mode": "fast", "mean": [0.5, 0.5, 0.5],
        "std": [0.5, 0.5, 0.5], "limit_type": "min", "use_cuda": False, "use_dml": False}
_REC = {"rec_img_shape": [3, 48, 320], "rec_batch_num": 8, "use_cuda": False, "use_dml": False}
MIN_TEXT_SCORE = 0.5  # below this a "line" is usually texture, not text

_WEB = re.compile(r"@|://|^www\.|\.(?:com|org|net|edu|gov|uk|io|us)\b", re.I)
_WARD_WORD = re.compile(r"\b(BED|BAY|ROOM|RM|WARD|Bed|Bay|Room|Rm|Ward)([A-Z0-9])\b")
_NUMBER_INITIAL = re.compile(r"\b(\d{1,3})([A-Z]\.\s?[A-Z][a-z])")
_OXYGEN = re.compile(r"(?i)[a-z]*o2")  # O2, SpO2, EtCO2: a formula, not a label and a number
_ZERO_IN_WORD = re.compile(r"(?<=[A-Za-z])0(?=[A-Za-z])")
# a label in capitals read onto the word before it, the space between them lost
_GLUED_LABEL = re.compile(r"(?<=[a-z]{2})(?=[A-Z]{2,5}:)")
# a title read onto the words around it: "callMrsDelacroix", "DrBrennan" (not "Drive", "McAllister")
_GLUED_TITLE = re.compile(r"(?:(?<=[a-z])|\b)(Mrs|Mr|Ms|Miss|Dr)(?=[A-Z][a-z]{2})")
# a board's "Abernathy R" read as one word: an initial after a name in title case
_GLUED_INITIAL = re.compile(r"^([A-Z][a-z]{3,})([A-Z])$")
# a sex marker read onto the birth date after it: "M1961-03-03", "F03/11/1958"
_SEX_ON_DATE = re.compile(r"^([MF])(?=(?:19|20)\d\d[-/.]\d\d?[-/.]\d\d?\b|"
                          r"\d\d?[-/.]\d\d?[-/.](?:19|20)?\d\d\b)")


# "D.O.B" (its O often read as a zero) with the record number before it or the date after it
# run on
_DOB_STOPS = re.compile(r"(?<=\d)(?=D\.[O0]\.B)|(?<=D\.[O0]\.B)(?=\d)|(?<=D\.[O0]\.B\.)(?=\d)")


# a date with the time after it run on: "08.06.202010:57", "2022-10-0811:57"
_DATE_THEN_TIME = re.compile(r"(?<![\d.])(\d{1,2}([./-])\d{1,2}\2\d{4}|\d{4}([./-])\d{2}\3\d{2})"
                             r"(?=[0-2]\d:[0-5]\d\b)")


# a list's number and its full stop or bracket, then a name: "1.Orla Vantreight"
_LIST_NUMBER = re.compile(r"(?<!\.\d[.)])(?<!\.\d\d[.)])(?<=\d[.)])(?=[A-Z][a-z])")


def _capital_i(word: str) -> str:
    """ "lngrid" → "Ingrid": a word that begins with a small l, no English word, that is a
    known first name with a capital I."""
    if (len(word) >= 4 and word[0] == "l" and word[1:].isalpha() and word[1:].islower()
            and not lexicon.is_ordinary(word) and lexicon.is_first_name("i" + word[1:])):
        return "I" + word[1:]
    return word


def respaced(text: str) -> str:
    """Put back the spaces PP-OCR drops in small print: after a full stop, comma or colon before
    a letter ("J.Okafor", "OLSON,Margaret", "Name:OLSON"), after a comma or colon before a digit
    ("DOB:03/14/1951"), between a word and a number ("Bed2", "MRN55102937") or a sex marker and a
    date ("M1961-03-03"), around "D.O.B" ("8370296D.0.B08/08/1984"), after a list's number
    ("1.Orla"), and before a label
    in capitals ("MariaHCA:"); a zero between letters is the letter O ("D0B", "G0LDBERG"), and
    a first name's capital I read as a small l is put back ("lngrid").
    Web addresses, e-mail addresses and oxygen formulas (SpO2) are left as read."""
    words = []
    for word in text.split(" "):
        if not _WEB.search(word):
            word = _ZERO_IN_WORD.sub("O", word)  # "D0B", "G0LDBERG": a letter O in a word
            word = _DOB_STOPS.sub(" ", word)  # "8370296D.0.B08/08/1984": both sides run on
            word = _LIST_NUMBER.sub(" ", word)  # "1.Orla", "3)Barthokomew": a list's number
            word = _capital_i(word)  # "lngrid": a capital I read as a small l
            word = _DATE_THEN_TIME.sub(r"\1 ", word)  # "08.06.202010:57"
            word = _SEX_ON_DATE.sub(r"\1 ", word)
            word = _GLUED_TITLE.sub(lambda m: f" {m.group(1)} ", word).strip()
            word = _GLUED_INITIAL.sub(r"\1 \2", word)
            word = re.sub(r"(?<=[A-Za-z][.,:;])(?=[A-Za-z])", " ", word)
            word = re.sub(r"(?<=[A-Za-z][,:;])(?=\d)", " ", word)
            if not _OXYGEN.fullmatch(word):
                word = re.sub(r"(?<=[A-Za-z]{2})(?=\d)", " ", word)
            word = re.sub(r"(?<=\d)(?=[A-Za-z]{3})", " ", word)  # "412BED", not "12th", "7B"
            word = _WARD_WORD.sub(r"\1 \2", word)  # "BEDB" → "BED B"
            word = _GLUED_LABEL.sub(" ", word)  # "MariaHCA:" → "Maria HCA:"
        words.append(word)
    # "Bed 3J. Okafor": a bed number and an initial read without the space between them
    return _NUMBER_INITIAL.sub(r"\1 \2", " ".join(words))


class PpOcrEngine:
    """PP-OCRv4 detection + recognition run by ONNX Runtime.

    Args:
        detect_side: the longer side of the image the detector sees on most samples (text
            about 8 px high at that scale is still found: captions, boards, charts).
        fine_side: the same for the pass over the whole frame every few samples, which finds
            small print (a model name on a monitor's bezel).
        threads: ONNX Runtime intra-op threads.
    """

    name = "ppocr"
    # PP-OCR is sure of itself: a misread word ("Evenlo" for "Evento") still scores 0.84, where
    # EasyOCR scores garble below 0.4. Below this, a name found only by the NER model in a line
    # is taken for noise (patterns still count), and the line is read again (text_tracks).
    doubtful_below = 0.9

    def __init__(self, detect_side: int = 640, fine_side: int = 1280, threads: int = 2) -> None:
        # rapidocr logs each session's providers at INFO; nothing a user needs.
        logging.getLogger("OrtInferSession").setLevel(logging.WARNING)
        from rapidocr_onnxruntime.ch_ppocr_det import TextDetector
        from rapidocr_onnxruntime.ch_ppocr_rec import TextRecognizer

        det_path = verify_file(PPOCR_DET_FILE, "text-detection model (PP-OCRv4)")
        rec_path = verify_file(PPOCR_REC_FILE, "text-recognition model (PP-OCRv4)")
        threads_cfg = {"intra_op_num_threads": threads, "inter_op_num_threads": 1}
        self._det_config = {**_DET, **threads_cfg, "model_path": str(det_path)}
        self._detector = TextDetector({**self._det_config, "limit_side_len": 736})
        self._recogniser = TextRecognizer({**_REC, **threads_cfg, "model_path": str(rec_path)})
        # our own sessions: threads that sleep when idle, since speech, faces and decoding
        # share the same two cores (rapidocr's spin, which only pays on an idle machine)
        self._detector.infer.session = _session(det_path, threads)
        self._recogniser.session.session = _session(rec_path, threads)
        self.detect_side = detect_side
        self.fine_side = fine_side
        self._twins: list[PpOcrEngine] = []
        self.info = ModelInfo(
            role="ocr", name="PP-OCRv4 det + rec (ONNX Runtime)",
            package=PPOCR_DET_FILE.distribution,
            sha256=f"{PPOCR_DET_FILE.sha256},{PPOCR_REC_FILE.sha256}",
        )

    def twins(self, count: int) -> list[PpOcrEngine]:
        """`count` engines like this one (the same networks and sizes), on one thread each, for
        reads run side by side on worker threads (redact/ocr_workers.py: on small crops a second
        thread inside the network barely helps, a second network beside it does). Loaded once,
        then kept. One engine is never used by two threads at once (the detector's size is set
        per call)."""
        while len(self._twins) < count:
            self._twins.append(PpOcrEngine(self.detect_side, self.fine_side, threads=1))
        return self._twins[:count]

    def detect(self, frame_bgr: np.ndarray, scale: float | None = None) -> list[Quad]:
        """Text lines in the frame, as four corners each (clockwise from top-left), frame px.

        `scale`: how much to shrink the picture first (by default, to `detect_side`); a part
        of a frame is shrunk as its whole frame would be, so text is seen at the same size."""
        height, width = frame_bgr.shape[:2]
        if scale is None:
            scale = min(1.0, self.detect_side / max(height, width))
        small = frame_bgr if scale == 1.0 else cv2.resize(
            frame_bgr, (max(32, round(width * scale)), max(32, round(height * scale))),
            interpolation=cv2.INTER_AREA)
        # "min" with the image's own short side: DBNet sees the image at the size we chose
        # (rounded to a multiple of 32), not one rapidocr picks.
        self._detector.limit_side_len = min(small.shape[:2])
        boxes, _ = self._detector(small)
        if boxes is None or len(boxes) == 0:
            return []
        sx, sy = width / small.shape[1], height / small.shape[0]
        return [np.asarray(box, np.float32) * np.array([sx, sy], np.float32) for box in boxes]

    def recognise(self, frame_bgr: np.ndarray, quads: list[Quad]) -> list[tuple[str, float]]:
        """The text of each quad (empty with score 0 where nothing legible was read)."""
        if not quads:
            return []
        crops = [crop_line(frame_bgr, quad) for quad in quads]
        # a line standing on end is turned one way to be read; printed the other way up (a
        # label up the side of a bag) it reads upside down: read turned both ways, keep the surer
        upright = [i for i, quad in enumerate(quads) if stands_on_end(quad)]
        # with each letter's column, to put back the spaces between words the picture shows
        results, _ = self._recogniser(crops + [np.rot90(crops[i], 2) for i in upright],
                                      return_word_box=True)
        read = list(zip(results[: len(crops)], crops, strict=True))
        for k, i in enumerate(upright):
            turned = results[len(crops) + k]
            if turned[1] > read[i][0][1]:
                read[i] = (turned, np.rot90(crops[i], 2))
        out = []
        for (text, score, (steps, _words, columns, _kinds, _scores)), crop in read:
            flat = [column for word in columns for column in word]
            text = respaced(spaces_seen(str(text), flat, float(steps), crop).strip())
            out.append((text, float(score)) if text and score >= MIN_TEXT_SCORE else ("", 0.0))
        return out

    def read(self, frame_bgr: np.ndarray) -> list[OcrPiece]:
        """Every line of the frame, detected (at the fine size) and read."""
        quads = self.detect(frame_bgr, min(1.0, self.fine_side / max(frame_bgr.shape[:2])))
        return [piece_of(text, score, quad)
                for quad, (text, score) in zip(quads, self.recognise(frame_bgr, quads),
                                               strict=True) if text]


def _session(path: Path, threads: int) -> InferenceSession:
    no_telemetry()  # ONNX Runtime reads its switch when it is imported
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    options.enable_cpu_mem_arena = False
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return onnxruntime.InferenceSession(str(path), sess_options=options,
                                        providers=["CPUExecutionProvider"])
