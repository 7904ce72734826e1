"""The analysis engine. Nothing in this package imports Qt (tests/unit/test_layering.py checks)."""
