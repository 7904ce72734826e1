"""A face that slides into view from the frame's edge is hidden in the copy from the first frame
a face detector sees it (issue 31's second attack, item 6).

The clip: 540×960, 10 fps, 4 s, no sound; the presenter (a real talking face, GRID bbaf2n.mpg,
0.8×) in the lower half the whole time, and a second person (GRID lwbsza.mpg, 0.8×) sliding in
from the left or the right edge from 1.2 s to 2.7 s, then still. The clip is scanned (faces are
looked for once a second), the second person's face marked must fix, the copy made, and every
frame of the original and of the copy run through CenterFace at full size and a lower
threshold than the scan's, and at the clip's own size: wherever the original
shows the entering face, the copy must show none."""

import numpy as np
import pytest

from app.core.media.video import iter_frames
from app.core.models import Source
from app.core.pipeline import analyze, run
from app.core.redact.export import redact_clip
from app.core.review.decisions import Decision, Review
from app.core.review.presenter import all_faces, with_presenter
from app.core.review.session import ReviewSession
from bench.clips import make_frames_clip, paste, video_frames
from tests.conftest import realdata

pytestmark = pytest.mark.models

W, H, FPS, SECONDS = 540, 960, 10, 4.0
TOP = 120  # the entering face's row
ENTERS_S, SLIDE_S = 1.2, 1.5  # between two of the scan's face samples (once a second)


def _place(edge: str, t: float, width: int) -> int:
    """The entering picture's left column at `t`."""
    rest = 110 if edge == "left" else W - 110 - width
    start = -width if edge == "left" else W
    done = min(1.0, max(0.0, t - ENTERS_S) / SLIDE_S)
    return int(round(start + (rest - start) * done))


@pytest.fixture(scope="module", params=["left", "right"])
def entering(request, media_dir, engines):
    edge = request.param
    presenter = video_frames(realdata("video/grid/bbaf2n.mpg"), 0.8)
    other = video_frames(realdata("video/grid/lwbsza.mpg"), 0.8)
    wall = np.full((H, W, 3), (150, 160, 170), np.uint8)

    def frame_at(index: int) -> np.ndarray:
        t = index / FPS
        frame = wall.copy()
        paste(frame, presenter[int(t * 25) % len(presenter)], 120, 600)
        face = other[int(t * 25) % len(other)]
        x = _place(edge, t, face.shape[1])
        left, right = max(0, -x), min(face.shape[1], W - x)
        if right > left:
            paste(frame, face[:, left:right], max(0, x), TOP)
        return frame

    clip = media_dir / f"face_entering_{edge}.mp4"
    make_frames_clip(clip, width=W, height=H, duration_s=SECONDS, fps=FPS, frame_at=frame_at)
    result = run(analyze(clip, engines=engines))
    return edge, clip, result, other[0].shape[:2]


def _faces(detectors, frame: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Every face any of the detectors finds (CenterFace at two input sizes and a lower
    threshold than the scan's; OpenCV 5 has no Haar cascades any more)."""
    return [(b.x, b.y, b.w, b.h) for detector in detectors for b in detector.detect(frame)]


def test_the_entering_face_is_hidden_from_its_first_visible_frame(entering, tmp_path):
    from app.core.picture.faces import FaceDetector

    edge, clip, scanned, (face_h, face_w) = entering
    faces = all_faces(scanned)
    # the reviewer says which face is theirs: the presenter's, in the lower half
    mine = tuple(f.id for f in faces if f.boxes and min(b.y for b in f.boxes) > H // 2)
    result = with_presenter(scanned, mine)
    theirs = [f for f in result.findings if f.source is Source.FACE]
    assert theirs, [(f.id, f.start_s, f.boxes[:1]) for f in faces]
    review = Review.load(result.video.sha256, tmp_path)
    for finding in theirs:
        review.decide(finding.id, Decision.MUST_FIX)
    copy = run(redact_clip(ReviewSession(result, review), tmp_path / "copy.mp4"))
    detectors = [FaceDetector(max_side=1024, threshold=0.35),
                 FaceDetector(max_side=W, threshold=0.3)]

    def entering_face(box, t) -> bool:  # in the band the second person slides along
        x = _place(edge, t, face_w)
        return box[1] < TOP + face_h and box[1] + box[3] > TOP and box[0] < x + face_w \
            and box[0] + box[2] > x

    seen, leaked = [], []
    originals = dict(iter_frames(clip))
    for t, frame in iter_frames(copy.file):
        before = originals.get(t)
        if before is not None and any(entering_face(b, t) for b in _faces(detectors, before)):
            seen.append(round(t, 1))
        found = [b for b in _faces(detectors, frame) if entering_face(b, t)]
        if found:
            leaked.append((round(t, 1), found))
    # the face shows, partly, before the scan's next sample (2.0 s) looks for faces
    assert seen and min(seen) < 2.0, seen
    assert leaked == [], (edge, seen[:5], leaked)
