"""Build configuration that pyproject.toml cannot say statically: which packages the wheel holds.

The top-level `forms/`, `resources/` and `docs/guide/` folders stay where readers expect them, and the wheel
carries them inside the package as `kanwa_review.forms`, `kanwa_review.resources` and `kanwa_review.guide`
(`package_dir` maps the names to the folders; the editable install maps them the same way).
Every other package is found under kanwa_review/, so a new sub-package needs no edit here.
Everything else (metadata, dependencies, package data) is in pyproject.toml.
"""

from setuptools import find_namespace_packages, setup

MAPPED = {"kanwa_review.forms": "forms", "kanwa_review.resources": "resources",
          "kanwa_review.guide": "docs/guide"}

setup(
    packages=find_namespace_packages(include=["kanwa_review", "kanwa_review.*"],
                                     exclude=["*.__pycache__"])
    + [*MAPPED, "kanwa_review.resources.fonts"],
    package_dir=MAPPED,
)
