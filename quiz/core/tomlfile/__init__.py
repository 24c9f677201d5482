"""TOML written by hand (banks, article metadata): where keys stand, syntax errors in plain words.

A shared leaf: imports nothing of ``quiz`` but the other shared leaves.
"""
