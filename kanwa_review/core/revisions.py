"""How two versions of a form relate (改訂): the links between their items, the path of
revisions from one to the other, and the one cross-version comparison every trend uses.

A link says which items of the earlier version an item of the later one continues, and how
its answer moves (the map's `carry`). Links come from the later form's revision map
(core.revision_map, `replaces:`) where it names the earlier version; every item the map does
not name is linked by its code (the same code is the same item; a code only in the earlier
version was dropped, a code only in the later one is new). Two versions without a map are
linked by code alone (`Revision.mapped` is False).

Comparison across a revision (`correspondence`, `visit_changes`) compares like with like:
a section's score compares with the earlier score of the section of the same code, unless a
map on the way names it `not_comparable` or it is missing from either version; the overall
score compares only when every scored section does; an item's value compares with the one
earlier item it maps to one-to-one (same code, renamed or revised, answers copied). Where a
score cannot be compared, the change carries `NOT_COMPARED` (「評価票改訂のため比較なし」) and no
delta. Facility history, the PDF report and the Excel return call `visit_changes`, the dashboard's
heat-map `correspondence_either_way`; nothing else decides what is comparable.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kanwa_review.core.form import Form
from kanwa_review.core.i18n import translate
from kanwa_review.core.revision_map import MapEntry
from kanwa_review.core.scoring import ScoreSummary
from kanwa_review.core.trends import ScoreChange, score_changes

MAX_STEPS = 50   # revisions followed back from a form (a chain longer than this is a loop)
SAME = "same"    # the link kind of an item that keeps its code and is not in the map
ONE_TO_ONE = (SAME, "renamed", "revised")


def not_compared() -> str:
    """What a score that cannot be compared across a revision shows instead of a change."""
    return translate("revisions", "評価票改訂のため比較なし")


def other_form() -> str:
    """What a score shows when the earlier visit used another checklist altogether."""
    return translate("revisions", "評価票が異なるため比較なし")


@dataclass(frozen=True)
class Link:
    """Items of the later version (`new`) that continue items of the earlier one (`old`)."""

    kind: str                  # same | renamed | revised | split | merged | dropped | new
    old: tuple[str, ...]
    new: tuple[str, ...]
    carry: str                 # copy | copy_each | lowest | empty
    mapped: bool = False       # named in the revision map (False: found by code)
    note: str | None = None    # the map's note (Japanese)

    @property
    def one_to_one(self) -> bool:
        """The value of the one earlier item may be compared with the later item's."""
        return self.kind in ONE_TO_ONE and self.carry == "copy"


@dataclass(frozen=True)
class Revision:
    """One step from an earlier version of a form to a later one."""

    old: Form
    new: Form
    links: tuple[Link, ...]
    mapped: bool                       # the later form's map names the earlier version
    not_comparable: frozenset[str] = frozenset()

    def link_to(self, code: str) -> Link | None:
        """The link that gives the later item `code` its answer (None: not in the form)."""
        return next((k for k in self.links if code in k.new), None)

    def links_from(self, code: str) -> list[Link]:
        return [k for k in self.links if code in k.old]


def _entry_link(entry: MapEntry, new: Form) -> Link:
    carry = entry.effective_carry
    if carry == "lowest" and any(new.has_item(c) and new.item(c).type != "rating"
                                 for c in entry.to):
        carry = "empty"   # lowest is for ratings (forms check refuses it elsewhere)
    return Link(entry.kind, entry.from_, entry.to, carry, True,
                entry.note.ja if entry.note else None)


def revision(old: Form, new: Form) -> Revision:
    """The links from `old` to `new`: through `new`'s map when it names `old`'s version,
    by item code otherwise."""
    m = new.replaces
    mapped = m is not None and (m.form, m.version) == (old.id, old.version)
    entries = list(m.items) if mapped else []
    links: list[Link] = []
    given: set[str] = set()      # later items whose answer a map entry decides
    sourced: set[str] = set()    # earlier items the map names
    for e in entries:
        given.update(e.to)
        sourced.update(e.from_)
    placed: set[int] = set()
    for item in new.items():
        code = item.code
        index = next((n for n, e in enumerate(entries) if code in e.to), None)
        if index is not None:
            if index not in placed:
                placed.add(index)
                links.append(_entry_link(entries[index], new))
        elif old.has_item(code):
            links.append(Link(SAME, (code,), (code,), "copy"))
        else:
            links.append(Link("new", (), (code,), "empty"))
    for n, e in enumerate(entries):
        if n not in placed and not e.to:            # dropped entries, in map order
            links.append(_entry_link(e, new))
    for item in old.items():
        if item.code not in sourced and not new.has_item(item.code):
            links.append(Link("dropped", (item.code,), (), "empty"))
    skip = frozenset(m.not_comparable or ()) if mapped else frozenset()
    return Revision(old, new, tuple(links), mapped, skip)


def revision_path(old: Form, new: Form, forms: Iterable[Form] = ()) -> list[Revision]:
    """The steps from `old` to `new`, oldest first: following `new`'s map back through the
    intermediate versions in `forms` until `old`'s version; where the maps stop short of it,
    the rest of the way is one step by code (so `old` and `new` of the same version, or with
    no map at all, are one step by code)."""
    if (old.id, old.version) == (new.id, new.version):
        return [revision(old, new)]
    pool = list(forms)
    steps: list[Revision] = []
    seen = {(new.id, new.version)}
    current = new
    while current.replaces is not None and len(steps) < MAX_STEPS:
        key = (current.replaces.form, current.replaces.version)
        if key == (old.id, old.version):
            steps.append(revision(old, current))
            return steps[::-1]
        earlier = _pick(pool, key)
        if earlier is None or key in seen:
            break
        seen.add(key)
        steps.append(revision(earlier, current))
        current = earlier
    steps.append(revision(old, current))   # the rest of the way by code
    return steps[::-1]


def _pick(forms: Sequence[Form], key: tuple[str, str]) -> Form | None:
    """A form of that id and version; one carrying a map first (it leads further back)."""
    found = [f for f in forms if (f.id, f.version) == key]
    return next((f for f in found if f.replaces is not None), found[0] if found else None)


def reaches(steps: Sequence[Revision]) -> bool:
    """Whether a path joins versions of one checklist: every step follows a map or stays
    within one form id (a step by code between two different forms joins nothing)."""
    return all(s.mapped or s.old.id == s.new.id for s in steps)


def related(old: Form, new: Form, forms: Iterable[Form] = ()) -> bool:
    """Whether `new` is a version of the same checklist as `old`: the same id, or a chain of
    maps from one to the other (a prefecture's own variant names the form it revises)."""
    return old.id == new.id or reaches(revision_path(old, new, forms))


# --- the map checked against the version it revises ---------------------------------------

def map_problems_against(old: Form, new: Form) -> list[tuple[str | None, str]]:
    """(item code, problem) where `new`'s map does not fit the version it names: codes it
    takes from `old` must be items of `old`, new items must not be, a copied answer must fit
    (same type; a rating onto the same grades), merged ratings must be ratings, and every
    code that changes must be accounted for (an item of `old` missing from `new` is dropped,
    renamed, split or merged; an item only in `new` is new or receives an answer)."""
    m = new.replaces
    if m is None or (m.form, m.version) != (old.id, old.version):
        return []
    out: list[tuple[str | None, str]] = []
    named_old: set[str] = set()
    for e in m.items:
        named_old.update(e.from_)
        for code in e.from_:
            if not old.has_item(code):
                out.append((code, translate(
                    "revisions", "from の項目 {code} は {form} {version} にありません").format(
                    code=code, form=old.id, version=old.version)))
        if e.kind == "new":
            for code in e.to:
                if old.has_item(code):
                    out.append((code, translate(
                        "revisions", "{code} は {version} にもある項目です。new ではなく、"
                                     "内容が変わったなら revised にしてください").format(
                        code=code, version=old.version)))
        out += _carry_fit(old, new, e)
    for item in old.items():
        if item.code not in named_old and not new.has_item(item.code):
            out.append((item.code, translate(
                "revisions", "{code} は {version} にありましたが、この版にはなく、対応表にも"
                             "ありません。dropped・renamed・split・merged のどれかに書いて"
                             "ください").format(code=item.code, version=old.version)))
    given = {c for e in m.items for c in e.to}
    for item in new.items():
        if item.code not in given and not old.has_item(item.code):
            out.append((item.code, translate(
                "revisions", "{code} は {version} になかった項目です。対応表に kind: new "
                             "（または引き継ぎ元）を書いてください").format(
                code=item.code, version=old.version)))
    return out


def _carry_fit(old: Form, new: Form, e: MapEntry) -> list[tuple[str | None, str]]:
    carry = e.effective_carry
    if carry not in ("copy", "copy_each", "lowest"):
        return []
    out: list[tuple[str | None, str]] = []
    sources = [old.item(c) for c in e.from_ if old.has_item(c)]
    targets = [new.item(c) for c in e.to if new.has_item(c)]
    for s in sources:
        for t in targets:
            if carry == "lowest" and s.type != "rating":
                out.append((s.code, translate(
                    "revisions", "carry: lowest は評価項目どうしにだけ使えます（{code} は {type} の"
                                 "項目です）").format(code=s.code, type=s.type)))
            elif s.type != t.type:
                out.append((t.code, translate(
                    "revisions", "{old} の回答（{otype}）は {new}（{ntype}）にそのまま写せません。"
                                 "carry: empty にしてください").format(
                    old=s.code, otype=s.type, new=t.code, ntype=t.type)))
            elif s.type == "rating" and not set(old.scale(s.scale).codes) <= set(
                    new.scale(t.scale).codes):
                out.append((t.code, translate(
                    "revisions", "{old} の評価の記号が {new} の評価尺度にありません。"
                                 "carry: empty にしてください").format(old=s.code, new=t.code)))
    return out


# --- comparing like with like --------------------------------------------------------------

@dataclass(frozen=True)
class Correspondence:
    """What of an earlier visit compares with a later one across the forms they used."""

    sections: dict[str, str]   # later section code -> earlier section code (comparable only)
    items: dict[str, str]      # later item code -> earlier item code (one-to-one only)
    overall: bool              # the overall score compares
    note: str | None = None    # why something does not compare (None: everything does)


def _scored_sections(form: Form) -> set[str]:
    return {s.code for s in form.sections if any(i.type == "rating" for i in s.items)}


def correspondence(previous: Form, current: Form, forms: Iterable[Form] = ()) -> Correspondence:
    """How `previous` (an earlier visit's form) lines up with `current` (see the module)."""
    if previous.sha256 == current.sha256:
        codes = {s.code: s.code for s in current.sections}
        return Correspondence(codes, {i.code: i.code for i in current.items()}, True)
    steps = revision_path(previous, current, forms)
    if not reaches(steps):
        return Correspondence({}, {}, False, other_form())
    skip: set[str] = set()
    for s in steps:
        skip |= s.not_comparable
    before = {s.code for s in previous.sections}
    sections = {s.code: s.code for s in current.sections
                if s.code in before and s.code not in skip}
    items = {i.code: i.code for i in current.items()}
    for step in reversed(steps):      # follow each later code back, newest step first
        back = {c: k.old[0] for k in step.links if k.one_to_one for c in k.new}
        items = {later: back[mid] for later, mid in items.items() if mid in back}
    scored = _scored_sections(current) | _scored_sections(previous)
    overall = scored <= set(sections)
    everything = overall and set(sections) == {s.code for s in current.sections}
    return Correspondence(sections, items, overall, None if everything else not_compared())


def correspondence_either_way(a: Form, b: Form, forms: Iterable[Form] = ()) -> Correspondence:
    """`correspondence` of two forms whichever is the later (for facilities of one year side
    by side): through the maps that lead from one to the other."""
    forms = tuple(forms)
    # b is the earlier one when maps lead from a all the way back to it: the path's oldest
    # step is then a map too (else it is the rest of the way by code, which says nothing —
    # e.g. from a version that `a` revises, after a step that does follow a map)
    if revision_path(b, a, forms)[0].mapped:
        return correspondence(b, a, forms)
    return correspondence(a, b, forms)


def visit_changes(current: ScoreSummary, previous: ScoreSummary | None,
                  current_form: Form | None = None, previous_form: Form | None = None,
                  forms: Iterable[Form] = ()) -> list[ScoreChange]:
    """The change of each section (and overall) of a visit since an earlier one, comparing
    like with like when the two used different forms; `forms`: the intermediate versions
    known, to follow a chain of revisions. Sections of the current visit, then overall."""
    if (previous is None or current_form is None or previous_form is None
            or current_form.sha256 == previous_form.sha256):
        return score_changes(current, previous)
    corr = correspondence(previous_form, current_form, forms)
    before = {s.code: s.achievement for s in previous.sections}
    note = corr.note or not_compared()
    out = []
    for s in current.sections:
        earlier = corr.sections.get(s.code)
        if earlier is None:
            out.append(ScoreChange(s.code, s.title, s.achievement, None, note))
        else:
            out.append(ScoreChange(s.code, s.title, s.achievement, before.get(earlier)))
    if corr.overall:
        out.append(ScoreChange("overall", "総合", current.overall.achievement,
                               previous.overall.achievement))
    else:
        out.append(ScoreChange("overall", "総合", current.overall.achievement, None, note))
    return out


def map_item_codes(steps: Sequence[Revision], codes: Iterable[str]) -> tuple[str, ...]:
    """Item codes of the earlier version as codes of the later one (a split code becomes all
    its parts, a dropped code disappears), in order, each once: for findings that name items."""
    current = list(dict.fromkeys(codes))
    for step in steps:
        nxt: list[str] = []
        for code in current:
            links = step.links_from(code)
            # an item that continues under its own code stays itself (not also where a
            # merge took part of it)
            links = [k for k in links if k.kind in ONE_TO_ONE] or links
            for k in links:
                nxt += [c for c in k.new if c not in nxt]
        current = nxt
    return tuple(current)
