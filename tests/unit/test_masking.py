from app.core.findings.masking import mask_text, shown_reason, shown_text
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


def _spoken(text: str, lists):
    from app.core.detect.deny_list import deny_spans
    from app.core.findings.hits import speech_findings
    from app.core.models import Word

    words = tuple(Word(w, 0.5 * k, 0.5 * k + 0.4, 0.9) for k, w in enumerate(text.split()))
    return speech_findings(words, deny_spans(lists, text))


def test_a_deny_list_entry_quoted_in_a_reason_is_masked_too():
    """The deny list holds today's patients: a reason that cites an entry must not show it."""
    from app.core.word_lists import WordLists

    for entry in ("Margaret Olson", "Mary O'Brien-Smith"):
        lists = WordLists(deny=(entry,))
        surname = entry.split()[-1]
        said = f"we saw Mrs {surname[:-1]}e today and {entry} later"
        found = _spoken(said, lists)
        assert found, said
        for f in found:
            shown = shown_reason(f, True)
            for word in entry.replace("-", " ").replace("'", " ").split():
                if len(word) > 1:
                    assert word not in shown, (word, shown)
            assert entry in f.reason or surname[:-1] in f.reason  # unmasked keeps what it cites


def test_a_reason_without_a_masked_form_says_only_what_kind_of_thing_it_is():
    f = finding(Source.SCREEN, Category.NAME, "Olson", "like 'Margaret Olson' on your deny list")
    assert "Margaret" not in shown_reason(f, True) and "Olson" not in shown_reason(f, True)


def test_a_word_that_starts_with_a_number_keeps_none_of_its_letters():
    """Clinicians name files "00482913_Olson_dressing.mp4": masked (the recent-files menu, the
    status line), the name after the number is hidden too; a plain number stays a mask of
    digits, and a word that starts with a letter keeps only that letter."""
    from app.core.findings.masking import mask_text

    assert "Olson" not in mask_text("00482913_Olson_dressing.mp4")
    assert mask_text("00482913_Olson_dressing.mp4").startswith("########_*****_")
    assert mask_text("MRN 00482913") == "M** ########"
    assert mask_text("3J Okafor") == "#* O*****"
