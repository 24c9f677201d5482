"""The teacher's screen while ``quiz serve`` plays: a Textual app of its own (the dashboard).

It reads the class through :class:`~quiz.tui.dashboard.control.ClassControl` and never the
server itself; the command line hands it one (:class:`quiz.serve.control.ServedClass`).
"""
