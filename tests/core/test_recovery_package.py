import ast
from pathlib import Path

import kniewijs.core.recovery as recovery

PACKAGE = Path(recovery.__file__).parent


def test_every_public_name_of_the_package_can_be_imported_from_it():
    for name in recovery.__all__:
        assert getattr(recovery, name) is not None


def test_the_package_never_imports_django():
    for module in PACKAGE.glob("*.py"):
        tree = ast.parse(module.read_text())
        imported = [n.names[0].name for n in ast.walk(tree) if isinstance(n, ast.Import)]
        imported += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert not any(name.startswith("django") for name in imported), module.name


def test_every_module_of_the_package_stays_under_five_hundred_lines():
    for module in PACKAGE.glob("*.py"):
        assert len(module.read_text().splitlines()) < 500, module.name
