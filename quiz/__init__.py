"""factquiz: a terminal fact-check quiz whose every answer is tied to a checked article sentence."""

__version__ = "0.1.0"
