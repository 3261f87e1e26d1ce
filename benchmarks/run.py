"""The project's benchmark script: prints one JSON line per figure.

    .venv/bin/python benchmarks/run.py [--quick] [--only NAME]

Figures come from the `bench_*.py` modules beside this file; each has `run(quick: bool)`
yielding dicts with at least "name", "value" and "unit" (and "target" where an issue sets one).
Record the figures in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--quick", action="store_true", help="smaller sizes (a smoke run)")
    p.add_argument("--only", help="run only bench_NAME.py")
    args = p.parse_args()
    print(json.dumps({"name": "machine", "python": platform.python_version(),
                      "platform": platform.platform(), "started": time.strftime("%F %T")}))
    for path in sorted(HERE.glob("bench_*.py")):
        if args.only and path.stem != f"bench_{args.only}":
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for figure in module.run(quick=args.quick):
            print(json.dumps({"bench": path.stem[6:], **figure}, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
