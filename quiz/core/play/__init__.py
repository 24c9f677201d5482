"""Playing: grading an answer, one attempt in progress, what a player's run remembers.

May import ``bank`` and ``text`` and the shared leaves; never results, drafting or the app.
"""
