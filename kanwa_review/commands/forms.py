"""`kanwa-review forms check FILE...`: validate form definitions, reporting every problem.

The check is strict: besides what every load checks, it applies the authoring rules (a defined
meaning for every grade of every rating item, …) that a form must meet to be shipped."""

from __future__ import annotations

import sys

from kanwa_review.core.form import FormError, load_form


def check(args) -> int:
    failed = 0
    for path in args.files:
        try:
            form = load_form(path, strict=True)
        except FormError as exc:
            failed += 1
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            print(f"{path}: {len(exc.problems)} 件の問題があります。直してからもう一度確認してください / "
                  f"{len(exc.problems)} problem(s); fix them and run the check again",
                  file=sys.stderr)
            continue
        rated = sum(1 for i in form.items() if i.type == "rating")
        print(f"{path}: ok — {form.id} {form.version}, {len(form.sections)} sections, "
              f"{form.item_count} items ({rated} rated), {len(form.rules or ())} rules, "
              f"sha256 {form.sha256[:16]}")
    return 1 if failed else 0
