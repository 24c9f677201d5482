"""The ``quiz`` command line: one module per command group, ``main`` holding only the click group.

May import everything below it: the core, the app (``quiz.tui``) and the server (``quiz.serve``).
"""
