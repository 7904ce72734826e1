"""How identifying text is hidden, in the window and in the masked PDF alike."""

import re


def mask_text(text: str) -> str:
    """"Margaret Olson" → "M******* O****"; digits become "#": enough to recognise, not to read."""
    return " ".join(w[:1] + re.sub(r"\w", "*", w[1:]) if not w[:1].isdigit()
                    else re.sub(r"\d", "#", w) for w in text.split())


def mask_reason(reason: str) -> str:
    """A finding's reason with the quoted words it cites masked ('matched "M******* O****"')."""
    return re.sub(r'"([^"]*)"', lambda m: f'"{mask_text(m.group(1))}"', reason)
