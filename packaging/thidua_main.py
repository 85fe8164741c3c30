"""Entry point of the frozen app (PyInstaller): the same ``thidua`` command as ``app.cli:main``."""

import sys

if __name__ == "__main__":
    from app.cli import main

    sys.exit(main())
