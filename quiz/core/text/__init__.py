"""Articles: their text, normalising, sentences, finding evidence and the closest passage.

Knows nothing of banks or questions; may import only the shared leaves at the root of ``core``.
"""
