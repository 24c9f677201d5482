"""setuptools' build backend, with the wheel built from a clean ``build/`` folder.

setuptools copies the package into ``build/lib`` and zips whatever it finds there, so a module
deleted from ``quiz/`` since the last build would still ship. Every wheel is therefore built
after that folder is removed (it is setuptools' own scratch space, ignored by git).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import build_meta
from setuptools.build_meta import *  # noqa: F403  (the whole PEP 517 interface)


def build_wheel(
    wheel_directory: str,
    config_settings: dict[str, object] | None = None,
    metadata_directory: str | None = None,
) -> str:
    """Build the wheel, with ``build/`` emptied first."""
    shutil.rmtree(Path("build"), ignore_errors=True)
    return str(build_meta.build_wheel(wheel_directory, config_settings, metadata_directory))
