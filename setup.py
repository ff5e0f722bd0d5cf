"""The build hook: every wheel (and so every `pip install` of Kniewijs that is not editable) carries compiled
gettext catalogues.

The .mo files are not in git (`*.mo` is ignored); `make messages` writes them into src/ for a checkout. A wheel
is built from whatever is in the tree, so without this hook a wheel from a clean clone had no .mo and an
installed Kniewijs showed English to Dutch users. After setuptools has copied the package (with its .po files)
into the build folder, this compiles them there with scripts/compile_messages.py, the same code `make
messages` runs; polib is a build requirement in pyproject.toml. An untranslated or fuzzy Dutch entry fails the
build, as it fails `make messages`. Everything else about the package is in pyproject.toml.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.errors import SetupError

HERE = Path(__file__).resolve().parent


def _compile_catalogues(locale: Path) -> list[str]:
    spec = importlib.util.spec_from_file_location(
        "kniewijs_compile_messages", HERE / "scripts" / "compile_messages.py"
    )
    if spec is None or spec.loader is None:
        raise SetupError("scripts/compile_messages.py is missing from the source tree")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    problems: list[str] = module.compile_catalogues(locale)
    return problems


class BuildPyWithCatalogues(build_py):
    """build_py, then a .mo beside every .po of the built package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads src/, where `make messages` compiles the catalogues
        locale = Path(self.build_lib) / "kniewijs" / "locale"
        if not any(locale.glob("*/LC_MESSAGES/*.po")):
            raise SetupError(f"no .po catalogues under {locale}: check package-data in pyproject.toml")
        problems = _compile_catalogues(locale)
        if problems:
            raise SetupError("translations missing in Dutch:\n  " + "\n  ".join(problems))


setup(cmdclass={"build_py": BuildPyWithCatalogues})
