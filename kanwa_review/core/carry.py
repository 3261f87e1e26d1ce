"""Carrying a draft's answers to a new version of its form (評価票の移行): what each answer
becomes, and the list of items whose answer needs a second look (「変更点の確認」).

Rules (the revision's links, core.revisions): `copy` moves the answer (ratings, value, period,
evidence and comment) to the later item; `copy_each` moves it to every part of a split item;
`lowest` gives a merged rating item the lowest rating of its sources (by points; 該当なし only
when no source has a graded rating), with the evidence and comments of all sources, each
marked with its code; `empty` leaves the later item unanswered. What does not fit the later
item (a rating the new scale lacks, a value of another type) is left out and listed. Answers
of dropped items are not carried: they are listed here and the service keeps them in the
audit trail. Finally an answer whose item no longer applies under the new skip logic is
cleared, as when a reviewer changes an answer.

Listed for a second look (`Check.reason`): split, merged, renamed, revised (the map said the
question changed), changed (same code, but the wording, type, scale, grade definitions or
choices changed), not_carried (the map said leave empty), does_not_fit, dropped, skipped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from kanwa_review.core.form import Form
from kanwa_review.core.form_diff import MEANING, aspect_labels, item_aspects
from kanwa_review.core.i18n import translate
from kanwa_review.core.review import MAX_TEXT, Answer, AnswerError, normalise_answer
from kanwa_review.core.revisions import Link, Revision
from kanwa_review.core.skiplogic import relevant_items

REASONS = ("split", "merged", "renamed", "revised", "changed", "not_carried", "does_not_fit",
           "dropped", "skipped")


@dataclass(frozen=True)
class Moved:
    """One answer of the later version and the earlier items it came from."""

    code: str
    sources: tuple[str, ...]
    answer: Answer
    rule: str                      # copy | copy_each | lowest


@dataclass(frozen=True)
class Check:
    """An item whose answer needs a second look after the move (the "what changed" list)."""

    code: str | None               # the later item (None: the answer was dropped)
    sources: tuple[str, ...]       # the earlier items concerned
    reason: str                    # one of REASONS
    message: str                   # in the section's words
    old: tuple[Answer, ...] = ()   # the earlier answers, as they were
    aspects: tuple[str, ...] = ()  # for "changed": what changed (core.form_diff ASPECTS)


@dataclass(frozen=True)
class Carried:
    answers: dict[str, Answer]     # the answers under the later form, by its codes
    moved: tuple[Moved, ...]       # one per answer carried (skipped ones are left out)
    checks: tuple[Check, ...]


def _fit(form: Form, answer: Answer) -> tuple[Answer | None, bool]:
    """The answer as the later item takes it, and whether all of it fitted. What does not fit
    is dropped, keeping the evidence and comment (they still say what was seen)."""
    try:
        return normalise_answer(form, answer), True
    except AnswerError:
        pass
    rest = Answer(answer.item_code, evidence=answer.evidence, comment=answer.comment)
    try:
        kept = normalise_answer(form, rest)
    except AnswerError:
        return None, False
    return (None if kept.is_empty() else kept), False


def _lowest(form: Form, codes: Sequence[str]) -> str | None:
    """The lowest of rating codes of `form`'s scale of an item: by points, 該当なし (no points)
    only when nothing is graded; None when nothing is rated."""
    graded, ungraded = [], []
    for item_code, code in codes:
        if code is None:
            continue
        option = form.scale(form.item(item_code).scale).option(code)
        if option is not None and option.points is not None:
            graded.append((option.points, code))
        else:
            ungraded.append(code)
    if graded:
        return min(graded, key=lambda p: p[0])[1]
    return ungraded[0] if ungraded else None


def _joined(olds: Sequence[Answer], field: str) -> str:
    parts = [f"【{a.item_code}】{getattr(a, field)}" for a in olds if getattr(a, field)]
    return "\n".join(parts)[:MAX_TEXT]


def _merged(step: Revision, code: str, olds: Sequence[Answer]) -> Answer:
    return Answer(code,
                  self_rating=_lowest(step.old, [(a.item_code, a.self_rating) for a in olds]),
                  rating=_lowest(step.old, [(a.item_code, a.rating) for a in olds]),
                  evidence=_joined(olds, "evidence"), comment=_joined(olds, "comment"))


def _message(reason: str, link: Link, code: str | None) -> str:
    sources = "、".join(link.old)
    match reason:
        case "split":
            return translate("carry", "{old} は {new} に分割されました。{old} の回答を写したので、"
                                      "この項目に合っているか確かめてください").format(
                old=sources, new="、".join(link.new))
        case "merged":
            return translate("carry", "{old} は {new} に統合されました。いちばん低い評価を"
                                      "写しました。根拠とコメントを確かめてください").format(
                old=sources, new=code)
        case "renamed":
            return translate("carry", "{old} は {new} に改名されました。回答を写しました").format(
                old=sources, new=code)
        case "revised":
            return translate("carry", "{new} は問いの内容が改訂されました。前の版の回答を写した"
                                      "ので、確かめてください").format(new=code)
        case "not_carried":
            return translate("carry", "{old} の回答は対応表の指定により {new} に写していません。"
                                      "改めて回答してください").format(old=sources, new=code)
        case "dropped":
            return translate("carry", "{old} は新しい版にない項目です。回答は変更履歴に"
                                      "残しています").format(old=sources)
    raise ValueError(f"no message for {reason!r}")


def _changed_message(code: str, aspects: Sequence[str]) -> str:
    return translate("carry", "{code} は {what} が変わりました。前の版の回答を写したので、"
                              "確かめてください").format(code=code,
                                                       what="・".join(aspect_labels(aspects)))


def _does_not_fit(code: str, sources: Sequence[str]) -> str:
    return translate("carry", "{old} の回答の一部（評価・値）は {new} の回答の形に合わないため"
                              "写していません。改めて回答してください").format(
        old="、".join(sources), new=code)


def carry_step(step: Revision, answers: Mapping[str, Answer]) -> Carried:
    """One revision's move of answers (see the module docstring)."""
    out: dict[str, Answer] = {}
    moved: list[Moved] = []
    checks: list[Check] = []
    for link in step.links:
        olds = tuple(answers[c] for c in link.old if c in answers and not answers[c].is_empty())
        if not olds:
            continue
        if not link.new:
            checks.append(Check(None, link.old, "dropped", _message("dropped", link, None), olds))
            continue
        for code in link.new:
            if link.carry == "empty":
                checks.append(Check(code, link.old, "not_carried",
                                    _message("not_carried", link, code), olds))
                continue
            if link.carry == "lowest":
                candidate = _merged(step, code, olds)
            else:
                candidate = replace(olds[0], item_code=code)
            answer, whole = _fit(step.new, candidate)
            if answer is not None:
                out[code] = answer
                moved.append(Moved(code, link.old, answer, link.carry))
            if not whole:
                checks.append(Check(code, link.old, "does_not_fit",
                                    _does_not_fit(code, link.old), olds))
            elif link.kind in ("split", "merged", "renamed", "revised"):
                checks.append(Check(code, link.old, link.kind,
                                    _message(link.kind, link, code), olds))
            else:
                aspects = [a for a in item_aspects(step.old, step.old.item(link.old[0]),
                                                   step.new, step.new.item(code))
                           if a in MEANING]
                if aspects:
                    checks.append(Check(code, link.old, "changed",
                                        _changed_message(code, aspects), olds, tuple(aspects)))
    relevant = relevant_items(step.new, out)
    for code in [c for c in out if c not in relevant]:
        gone = out.pop(code)
        moved = [m for m in moved if m.code != code]
        checks.append(Check(code, (code,), "skipped", translate(
            "carry", "{code} は新しい版の表示条件では対象外になるため、回答を消しました"
                     "（変更履歴に残しています）").format(code=code), (gone,)))
    return Carried(out, tuple(moved), tuple(checks))


def carry_answers(steps: Sequence[Revision], answers: Mapping[str, Answer]) -> Carried:
    """The answers of a draft moved through every step, oldest first. A moved answer names
    the items of the first version it came from; a check names the later item it concerns
    (followed through later steps where that item continues one-to-one)."""
    current = dict(answers)
    origin = {code: (code,) for code in current}
    moved: list[Moved] = []
    checks: list[Check] = []
    for n, step in enumerate(steps):
        result = carry_step(step, current)
        later = steps[n + 1:]
        for check in result.checks:
            checks.append(replace(check, code=_follow(later, check.code)))
        origin = {m.code: tuple(dict.fromkeys(s for src in m.sources
                                              for s in origin.get(src, (src,))))
                  for m in result.moved}
        moved = [replace(m, sources=origin[m.code]) for m in result.moved]
        current = result.answers
    return Carried(current, tuple(moved), tuple(checks))


def _follow(steps: Sequence[Revision], code: str | None) -> str | None:
    for step in steps:
        if code is None:
            return None
        links = [k for k in step.links_from(code) if k.one_to_one]
        code = links[0].new[0] if links else code
    return code

