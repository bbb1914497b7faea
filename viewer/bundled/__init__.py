"""In an installed wheel, the project's data/ and resources/ folders live here (see
pyproject's package-dir); in a checkout this folder stays empty and assets.py looks at the
repository root instead."""
