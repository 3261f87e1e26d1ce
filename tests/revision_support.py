"""A revised copy of the shipped form for tests of revisions (forms diff, migrate, trends): one
item renamed, one split in two, two merged, one dropped, one added, with its revision map; and
a helper that answers what finalising a review needs."""

from __future__ import annotations

import copy
import random
from typing import Any

from kanwa_review.core.form import Form
from kanwa_review.core.skiplogic import relevant_items

RENAMED = ("A-9", "A-10")
SPLIT = ("B-8", ("B-12", "B-13"))
MERGED = (("D-4", "D-5"), "D-7")
DROPPED = "E-6"
ADDED = "F-8"


def _anchors(word: str) -> dict:
    return {g: {"ja": f"{word}が{g}の状態", "en": f"{word} at {g}"} for g in "ABCD"}


def _rating(code: str, ja: str, *, required: bool = True) -> dict[str, Any]:
    return {"code": code, "type": "rating",
            "text": {"ja": ja, "en": f"Item {code}"}, "scale": "abcd",
            "self_assessment": True, "required": required, "anchors": _anchors(code),
            "traces_to": ["test revision"]}


def revised_data(base: Form, *, version: str = "2026.3",
                 not_comparable: tuple[str, ...] = ()) -> dict:
    """The mapping of the revised form (see the module docstring)."""
    data = copy.deepcopy(base.model_dump(mode="json", by_alias=True, exclude_none=True))
    data.pop("replaces", None)
    data["version"] = version
    for section in data["sections"]:
        items = []
        for item in section["items"]:
            code = item["code"]
            if code == RENAMED[0]:
                items.append({**item, "code": RENAMED[1]})
            elif code == SPLIT[0]:
                first, second = SPLIT[1]
                items.append({**item, "code": first, "text": {"ja": "分割された前半", "en": "First"}})
                items.append({**item, "code": second,
                              "text": {"ja": "分割された後半", "en": "Second"}})
            elif code == MERGED[0][0]:
                items.append(_rating(MERGED[1], "統合された項目"))
            elif code in (MERGED[0][1], DROPPED):
                continue
            else:
                items.append(item)
            if code == "F-6":
                items.append(_rating(ADDED, "新しい項目"))
        section["items"] = items
    data["replaces"] = {
        "form": base.id, "version": base.version,
        "items": [
            {"kind": "renamed", "from": [RENAMED[0]], "to": [RENAMED[1]]},
            {"kind": "split", "from": [SPLIT[0]], "to": list(SPLIT[1])},
            {"kind": "merged", "from": list(MERGED[0]), "to": [MERGED[1]],
             "note": {"ja": "外来の2項目を1つにまとめた"}},
            {"kind": "dropped", "from": [DROPPED]},
            {"kind": "new", "to": [ADDED]},
        ],
    }
    if not_comparable:
        data["replaces"]["not_comparable"] = list(not_comparable)
    return data


def revised_form(base: Form, **kw) -> Form:
    return Form.model_validate(revised_data(base, **kw))


def revised_yaml(base: Form, **kw) -> str:
    import yaml

    class Dumper(yaml.SafeDumper):
        def ignore_aliases(self, data):   # form files refuse aliases
            return True

    return yaml.dump(revised_data(base, **kw), Dumper=Dumper, allow_unicode=True,
                     sort_keys=False)


def complete(services, uuid: str, form: Form, rating: str = "B") -> None:
    """Answer every required item that applies (ratings `rating`, figures from the demo's
    generator), leaving answers already given."""
    from kanwa_review.services.demo_data import _value

    rng = random.Random(1)
    review = services.review(uuid)
    for item in form.items():
        done = services.answers(uuid)
        if item.code in done or not item.required:
            continue
        if item.code not in relevant_items(form, done):
            continue
        if item.type == "rating":
            needs = rating in form.scale(item.scale).comment_required
            services.set_answer(uuid, item.code, rating=rating,
                                comment="評価の理由を記載" if needs else "")
        else:
            services.set_answer(uuid, item.code, value=_value(item, 2.0, rng, review.visit_date),
                                period="2025年度")
    if not review.overall_comment.strip():
        services.set_overall_comment(uuid, "体制は概ね整っており、改善に向けた取組が続いている。")
