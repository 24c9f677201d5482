"""Ship the top-level ``seeds/`` and ``questions/`` inside the package as ``quiz/data/``.

They live at the top of the repository so that teachers find them; a wheel needs them inside the
package so that an installed ``quiz`` finds them from any working directory. The layout below
``data/`` mirrors the repository, so the banks' relative ``article`` paths keep working.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).parent
BUNDLED = ("seeds", "questions")


class BuildWithData(build_py):
    """Copy the bundled articles and banks into the built package."""

    def run(self) -> None:
        super().run()
        for name in BUNDLED:
            source = ROOT / name
            target = Path(self.build_lib) / "quiz" / "data" / name
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(source, target)


setup(cmdclass={"build_py": BuildWithData})
