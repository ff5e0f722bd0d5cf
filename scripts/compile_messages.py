"""Compile every .po catalogue under src/kniewijs/locale into its .mo, with polib.

Django's compilemessages needs GNU msgfmt, which a fresh machine may lack; polib is a pip package, so
`make run` works with Python alone. Fails on a catalogue with fuzzy or untranslated entries in Dutch.
The package build (setup.py) runs the same `compile_catalogues` on the copy of the catalogues in its build
folder, so a wheel carries its .mo files without them being in git.
"""

from __future__ import annotations

import sys
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parents[1] / "src" / "kniewijs" / "locale"


def compile_catalogues(locale: Path) -> list[str]:
    """Write a .mo beside every .po under `locale`; return what is untranslated or fuzzy in Dutch."""
    problems: list[str] = []
    for po_path in sorted(locale.glob("*/LC_MESSAGES/*.po")):
        catalogue = polib.pofile(str(po_path))
        if po_path.parts[-3] == "nl":
            missing = [e.msgid for e in catalogue if not e.translated() and not e.obsolete]
            problems += [f"{po_path.name}: untranslated or fuzzy: {m!r}" for m in missing]
        mo_path = po_path.with_suffix(".mo")
        catalogue.save_as_mofile(str(mo_path))
    return problems


def main() -> int:
    problems = compile_catalogues(LOCALE)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
