"""Allow ``python -m quiz``."""

from quiz.cli import main

main()
