from app.core.masking import mask_text, shown_reason, shown_text
from app.core.models import Category, Finding, Source


def finding(source, category, text, reason):
    return Finding("x", 0.0, 1.0, source, category, text, 0.9, reason)


def test_identifying_text_is_masked():
    f = finding(Source.SCREEN, Category.NAME, "Margaret Olson", 'name matched "Margaret Olson"')
    assert shown_text(f, True) == mask_text("Margaret Olson") == "M******* O****"
    assert "Margaret" not in shown_reason(f, True)
    assert shown_text(f, False) == "Margaret Olson"


def test_descriptions_we_wrote_are_not_masked():
    """ "face of another person" hides nothing; masking it would hide what the flag is."""
    face = finding(Source.FACE, Category.FACE, "face of another person (80×113 px)", "a face")
    scene = finding(Source.SCENE, Category.WARD_CONTEXT, "bedside monitor",
                    'the look of a bedside monitor matched "bedside monitor"')
    for f in (face, scene):
        assert shown_text(f, True) == f.text
        assert shown_reason(f, True) == f.reason
