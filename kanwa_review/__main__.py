"""`python -m kanwa_review` runs the same entry point as the `kanwa-review` script."""

import sys

from kanwa_review.cli import main

if __name__ == "__main__":
    sys.exit(main())
