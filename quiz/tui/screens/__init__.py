"""Screens of the quiz app, one per module."""
