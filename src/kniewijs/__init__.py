"""Kniewijs: knee pain after running, understood and acted on safely."""

__version__ = "0.1.0"
