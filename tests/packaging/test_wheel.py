"""A wheel built from a clean copy of the repository carries compiled catalogues and its own version.

The copy holds what git would hand out (tracked and not-ignored files; never a .mo, `*.mo` is ignored), the
wheel is built the way pip builds one (with build isolation, so setup.py's hook and its polib build requirement
are what compile the catalogues), and it is installed into a fresh venv without this checkout's site-packages.
The check then runs there with `python -I` outside the repository, so it can only read the .mo files that the
installed wheel brought. Slow (a build and two installs, about half a minute): `-m "not packaging"` leaves it
out locally; CI runs it once, with the SQLite pass.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import polib
import pytest

pytestmark = pytest.mark.packaging

REPO = Path(__file__).resolve().parents[2]
NL_PO = REPO / "src" / "kniewijs" / "locale" / "nl" / "LC_MESSAGES" / "django.po"

CHECK = """
import json, sys
from pathlib import Path

import django
from django.conf import settings

import kniewijs

package = Path(kniewijs.__file__).resolve().parent
# The locale setting of kniewijs.settings (LOCALE_PATHS = [PACKAGE_DIR / "locale"]), without the rest of the
# project's settings, whose dependencies this venv does not have.
settings.configure(USE_I18N=True, LANGUAGE_CODE="nl", INSTALLED_APPS=[], LOCALE_PATHS=[package / "locale"])
django.setup()
from django.utils import translation

translation.activate("nl")
print(json.dumps({
    "package": str(package),
    "mo": sorted(str(p.relative_to(package)) for p in package.glob("locale/*/LC_MESSAGES/*.mo")),
    "nl": {msgid: translation.gettext(msgid) for msgid in json.loads(sys.stdin.read())},
}))
"""


def _env() -> dict[str, str]:
    """This process's environment without what would point a child at the checkout or its venv."""
    drop = {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "DJANGO_SETTINGS_MODULE", "PIP_NO_BUILD_ISOLATION"}
    return {k: v for k, v in os.environ.items() if k not in drop}


def _run(*args: str | Path, cwd: Path, stdin: str | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=_env(), input=stdin, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f"{args} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def clean_copy(target: Path) -> Path:
    """The files a fresh clone of this working tree would have: tracked ones and new ones not ignored."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():  # a tracked file deleted in the working tree is not in a clone of it either
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def dutch_entries() -> dict[str, str]:
    """Every plain entry of the Dutch catalogue whose Dutch differs from its English msgid."""
    entries = {
        e.msgid: e.msgstr
        for e in polib.pofile(str(NL_PO))
        if e.translated() and not e.obsolete and not e.msgctxt and not e.msgid_plural and e.msgstr != e.msgid
    }
    assert len(entries) > 300  # the catalogue the check relies on is there
    return entries


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel built from a clean copy, and Django (the only other package it needs here)."""
    root = tmp_path_factory.mktemp("wheel")
    source = clean_copy(root / "source")
    assert not list(source.rglob("*.mo")), "a .mo file is in git; the build must make them"
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", root / "dist", source, cwd=root)
    (wheel,) = (root / "dist").glob("kniewijs-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert "kniewijs/locale/nl/LC_MESSAGES/django.mo" in names
    assert "kniewijs/locale/en/LC_MESSAGES/django.mo" in names
    venv = root / "venv"
    _run(sys.executable, "-m", "venv", venv, cwd=root)
    python = venv / "bin" / "python"
    django = next(d for d in project()["dependencies"] if d.lower().startswith("django>"))
    _run(python, "-m", "pip", "install", "--quiet", "--no-deps", wheel, cwd=root)
    _run(python, "-m", "pip", "install", "--quiet", django, cwd=root)
    return venv


def project() -> dict[str, object]:
    with (REPO / "pyproject.toml").open("rb") as handle:
        return dict(tomllib.load(handle)["project"])


def test_the_installed_wheel_speaks_dutch_from_its_own_catalogue(installed: Path, tmp_path: Path) -> None:
    entries = dutch_entries()
    out = _run(installed / "bin" / "python", "-I", "-c", CHECK, cwd=tmp_path, stdin=json.dumps(list(entries)))
    result = json.loads(out)
    assert Path(result["package"]).is_relative_to(installed), "kniewijs was imported from outside the venv"
    assert "locale/nl/LC_MESSAGES/django.mo" in result["mo"]
    assert result["nl"]["Download all my data"] == "Al mijn gegevens downloaden"
    wrong = {msgid: got for msgid, got in result["nl"].items() if got != entries[msgid]}
    assert not wrong, f"{len(wrong)} of {len(entries)} strings not in Dutch, e.g. {list(wrong.items())[:3]}"


def test_the_installed_command_gives_kniewijs_own_version(installed: Path, tmp_path: Path) -> None:
    out = _run(installed / "bin" / "kniewijs", "--version", cwd=tmp_path)
    assert out.strip() == project()["version"]
