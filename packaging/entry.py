"""Entry point for the bundled app (PyInstaller runs a script, not a console_script)."""

import sys

from kanwa_review.cli import main

sys.exit(main())
