"""Results: the store, its schema and rows, attempt records, result files and the report.

May import ``play``, ``bank`` and ``text`` and the shared leaves; never drafting or the app.
"""
