"""Street addresses, postcodes and ZIP codes: "17 Tamarind Close, Leeds LS6 2QX", "44 Elm Ave,
Springfield, IL 62704", "Address: Flat 2, The Maltings", "Postcode: M13 9WL".

Safe Harbor counts any place smaller than a state as identifying, and a house number with its
postcode names a household. A referral letter, a label or a record's demographics page shows them
whole; the name rules took their capitalised words for a name and left the number and the postcode
out. What says "address" is a number, one to three capitalised words and a street's word, or a
label, or the shape of a UK postcode or a state's code before a ZIP.
"""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

ENTITY = "STREET_ADDRESS"
# a street's last word; not "Dr" before a name ("Bed 12 Jones Dr Patel": a doctor), nor the words
# that are also surnames (Hill, Green, Park)
_STREET = (r"(?-i:(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr(?!\.?\s+[A-Z][a-z])|Close|"
           r"Court|Ct|Place|Pl|Boulevard|Blvd|Crescent|Cres|Terrace|Tce|Gardens|Gdns|Grove|"
           r"Highway|Hwy|Parkway|Pkwy|Square|Sq|Mews|Circle|Cir|Trail|Parade|Way)|"
           # in capitals, not the words a note in capitals uses ("3 WAY FOLEY IN PLACE", "ST
           # elevation", "CT", "EYES CLOSE")
           r"(?:STREET|ROAD|RD|AVENUE|AVE|LANE|DRIVE|COURT|BOULEVARD|BLVD|CRESCENT|TERRACE|"
           r"GARDENS|GROVE|HIGHWAY|HWY|PARKWAY|SQUARE|MEWS))\b\.?")
# not a measure after the number: "24 Hour Drive Thru", "5 Minute Walk", "3 Mile Lane" is a road
# only with another word
_MEASURE = r"(?:Hours?|Minutes?|Mins?|Days?|Weeks?|Months?|Years?|Seconds?|Percent)\b"
_WORD = r"(?-i:[A-Z][A-Za-z'’-]*|\d{1,3}(?:st|nd|rd|th))"
_NUMBER = (r"(?<![\d/.:-])\b(?:(?i:flat|apt|unit)\s*\d{1,4}[A-Za-z]?,?\s+)?"
           r"\d{1,5}[A-Za-z]?(?:[-/]\d{1,4})?")
_UK_OUTWARD, _UK_INWARD = r"[A-Z]{1,2}\d[A-Z\d]?", r"\d[ABD-HJLNP-UW-Z]{2}"
# the outward code as the picture's reading writes it: ppocr.respaced parts two letters from the
# digit after them ("Bed2" → "Bed 2"), so "LS6 2QX" comes back "LS 6 2QX" (or "LS 62QX")
_UK_OUTWARD_READ = r"[A-Z]{2} \d[A-Z\d]?"
_UK_POSTCODE = rf"(?-i:(?:{_UK_OUTWARD}|{_UK_OUTWARD_READ})\s?{_UK_INWARD})"
# alone, it needs its space: "LS6 2QX", "LS 6 2QX"
_UK_POSTCODE_SPACED = rf"(?-i:{_UK_OUTWARD} {_UK_INWARD}|{_UK_OUTWARD_READ} ?{_UK_INWARD})"
# after its label a postcode is one whatever its spaces: OCR moves them ("LS 62QX", "M 11AE",
# "LS62 QX", "LS62QX") where the label says what the letters and digits are; and its inward
# digit may be read as a letter ("EH 1 lYZ")
_UK_POSTCODE_LABELLED = (r"(?-i:[A-Z]{1,2} ?\d ?(?:[A-Z\d] ?)?[\dlIO] ?[ABD-HJLNP-UW-Z]{2})"
                         r"(?![\w-])")
_POSTCODE_LABEL = r"(?:post\s?code|postal\s+code)"
_STATES = ("AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|"
           "NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC")
_ZIP = rf"(?-i:{_STATES}),?\s+\d{{5}}(?:-\d{{4}})?"
# a town and a county after the street: ", Leeds", ", Springfield"
_TOWN = rf"(?:,?\s+{_WORD}(?:\s{_WORD}){{0,2}}){{0,2}}"
_LABEL = (r"(?:home\s+)?(?:address|addr\.?|residence|lives\s+at|postcode|post\s+code|"
          r"zip(?:\s+code)?)")
# a labelled value runs to the line's end or the next field ("  Tel:", " | ")
_VALUE = r"(?:(?!\s{2,}|\s*\|)(?!\s[A-Za-z]+\s?:)[^\n;])"


def address_recognizer() -> PatternRecognizer:
    return PatternRecognizer(
        supported_entity=ENTITY,
        name="address",
        patterns=[
            Pattern("street address",
                    rf"{_NUMBER},?\s+(?!(?-i:{_MEASURE}))(?:{_WORD}\s+){{1,3}}{_STREET}"
                    rf"(?:{_TOWN}(?:,?\s+(?:{_ZIP}|\b{_UK_POSTCODE}\b))?)?", 0.85),
            # a value holding a number or a capitalised word: not "Address: (not given)"
            Pattern("labelled address",
                    rf"\b{_LABEL}\s*[:#-]\s*(?={_VALUE}{{0,60}}?(?:\d|\b(?-i:[A-Z][a-z])))"
                    rf"{_VALUE}{{4,60}}", 0.85),
            # said: "she lives at 22 Elmblow" (Whisper's "Elm Grove"): a house number and a
            # name after "lives at", whatever the street's word became
            Pattern("house number after 'lives at'",
                    rf"(?<=\b(?i:lives|living|resides|staying) (?i:at|on) )"
                    rf"{_NUMBER},?\s+{_WORD}(?:\s+{_WORD}){{0,2}}", 0.7),
            Pattern("UK postcode", rf"(?<![\w-]){_UK_POSTCODE_SPACED}(?![\w-])", 0.6),
            # a form's "Postcode LS 62QX" (no colon: the statistical model reads label and all
            # as a person): with its label, as a labelled address is; across a column's gap
            # (another cell) the postcode alone, as when read alone (Presidio's patterns are
            # the `regex` module's: a lookbehind may be of any length)
            Pattern("labelled postcode",
                    rf"\b{_POSTCODE_LABEL}\s?[:#-]?\s?{_UK_POSTCODE_LABELLED}", 0.9),
            Pattern("labelled postcode",
                    rf"(?<=\b{_POSTCODE_LABEL}\s*[:#-]?\s{{2,}})\b{_UK_POSTCODE_LABELLED}", 0.9),
            Pattern("state and ZIP", rf"\b{_ZIP}\b", 0.7),
        ],
    )
