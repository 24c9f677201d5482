"""Question banks in and out of Moodle: GIFT, Moodle XML and Aiken, read and written.

May import ``bank`` (the questions it converts), ``text`` (the article evidence is proposed
from) and the shared leaves; nothing of play, draft or results.
"""

FORMATS = ("gift", "moodle-xml", "aiken")
"""The formats, as ``--format`` names them (here, where the command line reads it without
importing the formats themselves)."""
