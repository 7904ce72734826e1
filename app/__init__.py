"""ClearToPost: checks a clinician's short video for patient identifiers before it is posted."""

__version__ = "0.1.0"
