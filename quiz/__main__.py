"""Allow ``python -m quiz``."""

from quiz.cli.main import main

main()
