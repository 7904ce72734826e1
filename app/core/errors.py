"""Errors that reach the user as one sentence they can act on."""


class ClearToPostError(Exception):
    """Base class: `str(error)` is a complete sentence for the user."""


class InputError(ClearToPostError):
    """The file given cannot be analysed (missing, not a video, damaged...)."""


class ModelError(ClearToPostError):
    """A bundled model is missing or damaged."""
