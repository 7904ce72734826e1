"""How identifying text is hidden, in the window and in the masked PDF alike."""

import re

from app.core.models import Finding, Source

# Findings whose text we wrote ourselves ("face of another person", "bedside monitor"): nothing
# in it identifies anyone, so masking it would only hide what the finding is (and its reason does
# not say it "matched" that text: findings.py).
DESCRIBED = frozenset({Source.FACE, Source.SCENE})


def mask_text(text: str) -> str:
    """"Margaret Olson" → "M******* O****"; digits become "#": enough to recognise, not to read."""
    return " ".join(w[:1] + re.sub(r"\w", "*", w[1:]) if not w[:1].isdigit()
                    else re.sub(r"\d", "#", w) for w in text.split())


def mask_reason(reason: str) -> str:
    """A finding's reason with the quoted words it cites masked ('matched "M******* O****"')."""
    return re.sub(r'"([^"]*)"', lambda m: f'"{mask_text(m.group(1))}"', reason)


def shown_text(finding: Finding, masked: bool) -> str:
    return mask_text(finding.text) if masked and finding.source not in DESCRIBED else finding.text


def shown_reason(finding: Finding, masked: bool) -> str:
    if masked and finding.source not in DESCRIBED:
        return mask_reason(finding.reason)
    return finding.reason
