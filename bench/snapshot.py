"""Snapshot `relasi process` output, to prove that a speed-only change changes no output.

    python bench/snapshot.py save  /tmp/before     # on the revision before the change
    python bench/snapshot.py check /tmp/before     # after it: exit 1 and name the sets that differ

The sets are the bundled examples and, where `../shared` exists, the seed pages and the gold pages' texts.
The held-out gold set is compared by its SHA-256 only: its output is never written or printed.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
HELD_OUT = "gold-check"


def _relasi() -> str:
    return str(Path(sys.executable).with_name("relasi"))


def _process(paths: list[Path]) -> bytes:
    done = subprocess.run([_relasi(), "process", *map(str, paths)], capture_output=True, check=True, cwd=ROOT)
    return done.stdout


def _gold_texts(folder: Path, into: Path) -> list[Path]:
    """Each gold page's raw text as a file, named after the page, so `relasi process` reads what eval reads."""
    written = []
    for page in sorted(folder.glob("*.json")):
        target = into / f"{page.stem}.txt"
        target.write_text(json.loads(page.read_text(encoding="utf-8"))["text"], encoding="utf-8")
        written.append(target)
    return written


def outputs() -> dict[str, bytes]:
    """Every set's `relasi process` output, by set name."""
    sets = {"examples": _process([ROOT / "examples"])}
    if not SHARED.is_dir():
        return sets
    sets["seeds"] = _process([SHARED / "seeds"])
    with tempfile.TemporaryDirectory() as scratch:
        for name in ("dev", "check"):
            into = Path(scratch) / name
            into.mkdir()
            key = HELD_OUT if name == "check" else f"gold-{name}"
            # the file names hold the scratch folder's path: drop the "source" field's folder
            sets[key] = _process(_gold_texts(SHARED / "gold" / name, into)).replace(str(into).encode(), b"GOLD")
    return sets


def save(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in outputs().items():
        digest = hashlib.sha256(data).hexdigest()
        (folder / f"{name}.sha256").write_text(digest + "\n")
        if name != HELD_OUT:
            (folder / f"{name}.jsonl").write_bytes(data)
        documents = data.count(b"\n")
        print(f"{name}: {documents} documents, sha256 {digest[:16]}")


def check(folder: Path) -> int:
    changed = []
    for name, data in outputs().items():
        digest = hashlib.sha256(data).hexdigest()
        saved = folder / f"{name}.sha256"
        if not saved.exists():
            print(f"{name}: no snapshot in {folder}")
            continue
        same = saved.read_text().strip() == digest
        print(f"{name}: {'identical' if same else 'CHANGED'}")
        if not same:
            changed.append(name)
            if name != HELD_OUT:
                (folder / f"{name}.after.jsonl").write_bytes(data)
    if changed:
        print("changed: " + ", ".join(changed) + f" (the visible sets' new output is beside the snapshot in {folder})")
    return 1 if changed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["save", "check"])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    if args.action == "save":
        save(args.folder)
        return 0
    return check(args.folder)


if __name__ == "__main__":
    raise SystemExit(main())
