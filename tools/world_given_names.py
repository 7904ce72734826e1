"""Write app/core/detect/data/world_given_names.txt: the given names in Latin letters of the
person lists of Faker's locales, lower case, one a line (and again in plain letters, as
lexicon.folded writes them: "guðmundur", "gudmundur").

The US census of 1990, the app's first list of given names, lacks most of the world's names
("Adaeze", "Cormac", "Hiroshi", "Eszter"); Faker (MIT licence, a dev dependency) collects them
from 90-odd locales. The app reads the file, not Faker: importing Faker takes seconds and the
install stays small. Run again when the pinned Faker changes:
    .venv/bin/python tools/world_given_names.py
tests/unit/test_world_given_names.py checks that the file is what this writes.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.core.detect.lexicon import folded  # noqa: E402  (as the app folds a town's name)

OUT = Path(__file__).resolve().parent.parent / "app" / "core" / "detect" / "data" / \
    "world_given_names.txt"
_LATIN_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+")


def given_names() -> list[str]:
    import faker
    import faker.providers.person as people

    names: set[str] = set()
    for locale in pkgutil.iter_modules(people.__path__):
        provider = importlib.import_module(f"{people.__name__}.{locale.name}").Provider
        for attribute, value in vars(provider).items():
            if ("first_name" in attribute or "first_romanized" in attribute) and isinstance(
                    value, (tuple, list, dict, set, frozenset)):
                names |= {n.lower() for n in value
                          if isinstance(n, str) and _LATIN_NAME.fullmatch(n)}
    plain = {folded(n) for n in names}
    header = [f"# Given names from Faker {faker.VERSION}'s person lists (faker/providers/person),",
              "# Copyright (c) 2012 Daniele Faraglia, MIT licence: https://github.com/joke2k/faker",
              "# Written by tools/world_given_names.py; lower case, one a line."]
    return header + sorted(names | {n for n in plain if n.isalpha()})


def main() -> int:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    lines = given_names()
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 3} names written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
