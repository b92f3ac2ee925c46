"""Karar: a desktop explorer for decision trees written as Mermaid mind maps."""

__version__ = "0.1.0"
