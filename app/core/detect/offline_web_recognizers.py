"""Presidio's email recognizer, made to work offline.

Its validation calls `tldextract.extract`, which fetches the public-suffix list from the web on
first use (and raises when offline). Ours uses the snapshot bundled inside tldextract and never
touches the network or the disk.
"""

from __future__ import annotations

import tldextract
from presidio_analyzer.predefined_recognizers import EmailRecognizer

_OFFLINE_TLD = tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True)


class OfflineEmailRecognizer(EmailRecognizer):
    """EmailRecognizer whose domain check uses tldextract's bundled suffix list."""

    def validate_result(self, pattern_text: str) -> bool:
        return _OFFLINE_TLD(pattern_text).fqdn != ""
