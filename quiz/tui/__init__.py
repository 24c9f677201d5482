"""The Textual face of factquiz: a thin layer over :mod:`quiz.core`."""
