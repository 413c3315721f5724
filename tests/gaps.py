"""Read a known-gaps file: phenomena ("## " lines) with the case ids (lang:id) that show each."""

from __future__ import annotations

from pathlib import Path


def read_gaps(path: Path) -> dict[str, list[str]]:
    """{phenomenon: [case id, ...]}; a case id before any phenomenon is an error."""
    gaps: dict[str, list[str]] = {}
    current: str | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if line.startswith("## "):
            current = line[3:].strip()
            if current in gaps:
                raise ValueError(f"{path.name}:{number}: phenomenon listed twice: {current}")
            gaps[current] = []
        elif line and not line.startswith("#"):
            if current is None:
                raise ValueError(f"{path.name}:{number}: case {line!r} under no phenomenon")
            gaps[current].append(line)
    return gaps
