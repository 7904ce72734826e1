"""The review window (PySide6). Imports app.core; app.core never imports this."""
