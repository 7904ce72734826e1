"""`python -m app`: the CLI when given a sub-command; otherwise scan the given clip.

The review window arrives with its own issue; until then a bare `python -m app VIDEO` prints
the findings, which is also what a machine with no display gets.
"""

import sys

from app.cli import main

if __name__ == "__main__":
    argv = sys.argv[1:]
    if argv and not argv[0].startswith("-") and argv[0] != "scan":
        argv = ["scan", *argv]
    sys.exit(main(argv))
