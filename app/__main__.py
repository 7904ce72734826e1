"""`python -m app`: the window (`python -m app [VIDEO]`) or the CLI (`python -m app scan ...`)."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
