"""Writing one section of a Markdown report (docs/benchmarks.md) and keeping the others."""

from __future__ import annotations

from pathlib import Path


def write_section(path: Path, section: str) -> None:
    """Replace (or append) the section with `section`'s title (its first line), keeping everything else."""
    current = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    title = section.split("\n", 1)[0]
    start = current.find(f"\n{title}\n")
    if start == -1:
        updated = current.rstrip("\n") + "\n\n" + section
    else:
        end = current.find("\n## ", start + len(title) + 2)
        updated = current[: start + 1] + section + (current[end + 1 :] if end != -1 else "")
    path.write_text(updated.rstrip("\n") + "\n", encoding="utf-8")
