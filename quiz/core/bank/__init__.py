"""Question banks: the model, reading and checking bank files, discovery, the cache, listing.

May import ``text`` (the articles banks cite) and the shared leaves; nothing of play or results.
"""
