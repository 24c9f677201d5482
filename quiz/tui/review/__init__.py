"""Reviewing a drafted bank and writing questions in the app: its own app, screens and styles."""
