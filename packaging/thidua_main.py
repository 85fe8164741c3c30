"""Entry point of the frozen app (PyInstaller): the same ``thidua`` command as ``app.cli:main``.

Run as ``thidua-cli --import-reader FILE`` it is the child that reads a large import file for
the app (app.excel.reader_process), before anything else is imported.
"""

import sys
from pathlib import Path

if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--import-reader":  # app.excel.reader_process.CHILD_FLAG
        from app.excel.reader_process import serve

        serve(Path(sys.argv[2]))
        sys.exit(0)

    from app.cli import main

    sys.exit(main())
