"""The packaged program's entry point: `cleartopost [VIDEO]`, `cleartopost scan VIDEO ...`."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
