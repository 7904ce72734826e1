"""Detectors: text in, identifier spans out. `TextDetector` is the one entry point."""

from app.core.detect.text_detector import TextDetector

__all__ = ["TextDetector"]
