"""Karar: a desktop explorer for decision trees written as Mermaid mind maps."""

# The one source of the version: pyproject.toml reads it from here (setuptools dynamic), and
# `karar --version` prints it; CHANGELOG.md names each version.
__version__ = "0.1.0"
