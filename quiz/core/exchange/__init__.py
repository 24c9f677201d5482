"""Question banks in and out of Moodle: GIFT, Moodle XML and Aiken, read and written.

May import ``bank`` (the questions it converts), ``text`` (the article evidence is proposed
from) and the shared leaves; nothing of play, draft or results.
"""
