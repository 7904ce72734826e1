"""Letters of other scripts that look like Latin ones, as the Latin letters they pass for.

Compact on purpose: the Cyrillic, Greek and Armenian letters (and a few Latin ones without a
Unicode decomposition) that in an ordinary typeface are drawn like a Latin letter, so that a
note's "Оlsоn" with two Cyrillic О reads "Olson" on the page. Unicode's full confusables list
(security report TR39) maps thousands more, mostly symbols no note holds; the letters here are
the ones its "Latin look-alike" tables and homoglyph attacks in the wild use for names.
Letters that only look Latin as small capitals (Cyrillic в, н, т, м) are left alone: mapping
them would garble Russian words without reading any Latin name.
"""

# each character of the first string is drawn like the one at the same place in the second
_PAIRS = (
    # Cyrillic capitals, then small letters
    ("АВЕЅІЈКМНОРСТХУҮҺӀԚԜ", "ABESIJKMHOPCTXYYHIQW"),
    ("аеѕіјкорсхуүһԁԛԝӏ", "aesijkopcxyyhdqwl"),
    # Greek capitals, then small letters (lunate sigma ϲ is a "c", ϳ a "j")
    ("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧϒ", "ABEZHIKMNOPTYXY"),
    ("αγικνορυχϲϳ", "ayiknopuxcj"),
    # Armenian small letters
    ("օսհոզ", "ouhnq"),
    # Latin letters with a stroke or without a dot, which Unicode does not decompose
    ("ıȷłŁøØđĐðħĦɑɡ", "ijlLoOdDdhHag"),
)

LOOKALIKES: dict[str, str] = {
    other: latin for others, latins in _PAIRS for other, latin in zip(others, latins, strict=True)
} | {"æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss"}
