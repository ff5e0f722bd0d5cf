"""Kniewijs: knee pain after running, understood and acted on safely."""

from importlib.metadata import PackageNotFoundError, version

try:
    # One source for the version: pyproject.toml, through the installed package's metadata.
    __version__ = version("kniewijs")
except PackageNotFoundError:  # a source tree put on sys.path without being installed
    __version__ = "0+unknown"
