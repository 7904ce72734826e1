"""What the detector flags as a name on one screen line, with the cue its block gives it
(line_names.NONE, RECORD or PERSON): shared by the overlay tests (test_line_names,
test_overlay_blocks, test_overlay_fields, test_overlay_columns)."""

from app.core.detect.line_names import NONE
from app.core.models import Category


def names(detector, text, beside=NONE):
    return [s.text for s in detector.detect(text, beside_identifier=beside)
            if s.category is Category.NAME]
