"""What ships is what is tested: the packages come from the installed distribution, and it holds
every data file the source tree has."""

from __future__ import annotations

from importlib import metadata, resources
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGES = ("extract", "store", "checks", "tui")


def _data_files(package: str) -> list[str]:
    """The files of a package in the source tree that are not Python."""
    base = ROOT / package
    return sorted(
        str(p.relative_to(base)) for p in base.rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
    )


@pytest.mark.parametrize("package", PACKAGES)
def test_the_package_is_imported_from_the_installed_distribution(package: str) -> None:
    module = __import__(package)
    where = Path(module.__file__).resolve()
    assert ROOT not in where.parents, (
        f"{package} was imported from the source tree ({where}); install the project with "
        "`pip install '.[test]'` (not -e) so that the tests run against what ships")
    files = {str(f) for f in metadata.distribution("zipin").files or []}
    assert f"{package}/__init__.py" in files


@pytest.mark.parametrize("package", PACKAGES)
def test_every_data_file_of_the_source_tree_is_installed(package: str) -> None:
    missing = [name for name in _data_files(package) if not resources.files(package).joinpath(name).is_file()]
    assert not missing, f"the installed {package} lacks {missing}"


def test_the_installed_data_files_are_the_ones_in_the_source_tree() -> None:
    changed = [f"{package}/{name}" for package in PACKAGES for name in _data_files(package)
               if resources.files(package).joinpath(name).read_bytes() != (ROOT / package / name).read_bytes()]
    assert not changed, f"installed data files differ from the source tree (reinstall): {changed}"
