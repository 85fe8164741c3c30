"""Entry point of the frozen app (PyInstaller): the same ``thidua`` command as ``app.cli:main``."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
