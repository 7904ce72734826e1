"""The README stays a user's guide, and the docs name files and links that exist."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "models" / "README.md",
        *sorted((ROOT / "docs").glob("*.md"))]


def test_the_readme_is_a_guide_that_starts_with_the_two_set_up_commands():
    text = (ROOT / "README.md").read_text()
    assert len(text.splitlines()) <= 300
    first_block = text.split("```sh\n", 1)[1].split("```", 1)[0]
    assert [line.split()[:2] for line in first_block.splitlines()] == [["make", "run"],
                                                                       ["make", "test"]]
    # .ci/run runs the README's test command
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_every_relative_link_in_the_docs_leads_to_a_file():
    broken = []
    for doc in DOCS:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", doc.read_text()):
            if "://" not in target and not (doc.parent / target).exists():
                broken.append(f"{doc.relative_to(ROOT)}: {target}")
    assert broken == []


def test_the_docs_and_docstrings_name_only_python_files_that_exist():
    """Files were regrouped into packages; a name left behind sends a reader nowhere."""
    names = {p.name for folder in ("app", "bench", "tests", "tools", "packaging", "resources")
             for p in (ROOT / folder).rglob("*.py")}
    sources = DOCS + [p for folder in ("app", "bench", "tools", "packaging")
                      for p in (ROOT / folder).rglob("*.py")]
    stale = [f"{source.relative_to(ROOT)}: {name}" for source in sources
             for name in re.findall(r"([\w/]+\.py)\b", source.read_text())
             if name.split("/")[-1] not in names]
    assert stale == []
