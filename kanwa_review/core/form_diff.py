"""What changed between two versions of a form (`forms diff`): items added, dropped, renamed,
split, merged and revised (from the revision map, or by code without one), and what changed in
the items that stayed (wording, scale, grade definitions, …), in words the section reads."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kanwa_review.core.form import Form, Item
from kanwa_review.core.i18n import translate
from kanwa_review.core.revisions import SAME, Revision, revision

# What can change in an item that stays, with the item fields each covers.
ASPECTS: dict[str, tuple[str, ...]] = {
    "wording": ("text",), "guidance": ("guidance",), "type": ("type",),
    "scale": (), "anchors": ("anchors",), "choices": ("choices",), "required": ("required",),
    "condition": ("relevant_if",),
    "figures": ("unit", "period", "min", "max", "numerator", "denominator", "qi", "reference",
                "allow_not_collected"),
    "documents": ("documents",), "traces": ("traces_to",),
    "settings": ("weight", "self_assessment"),
}
# changes to what an answer means: a carried answer is listed for a second look
MEANING = ("wording", "type", "scale", "anchors", "choices")
KIND_ORDER = ("added", "dropped", "renamed", "split", "merged", "revised", "changed")


def aspect_labels(aspects: Sequence[str]) -> list[str]:
    return [aspect_label(a) for a in aspects]


def aspect_label(aspect: str) -> str:
    match aspect:
        case "wording":
            return translate("form_diff", "文言")
        case "guidance":
            return translate("form_diff", "評価の視点")
        case "type":
            return translate("form_diff", "回答形式")
        case "scale":
            return translate("form_diff", "評価尺度")
        case "anchors":
            return translate("form_diff", "評価の定義")
        case "choices":
            return translate("form_diff", "選択肢")
        case "required":
            return translate("form_diff", "必須")
        case "condition":
            return translate("form_diff", "表示条件")
        case "figures":
            return translate("form_diff", "数値の設定")
        case "documents":
            return translate("form_diff", "事前提出資料")
        case "traces":
            return translate("form_diff", "根拠")
        case _:
            return translate("form_diff", "重み・自己評価")


def kind_label(kind: str) -> str:
    match kind:
        case "added":
            return translate("form_diff", "追加")
        case "dropped":
            return translate("form_diff", "削除")
        case "renamed":
            return translate("form_diff", "改名")
        case "split":
            return translate("form_diff", "分割")
        case "merged":
            return translate("form_diff", "統合")
        case "revised":
            return translate("form_diff", "改訂")
        case "retitled":
            return translate("form_diff", "題名の変更")
        case _:
            return translate("form_diff", "変更")


def carry_label(carry: str) -> str:
    match carry:
        case "copy":
            return translate("form_diff", "そのまま写す")
        case "copy_each":
            return translate("form_diff", "それぞれに写す")
        case "lowest":
            return translate("form_diff", "低い方の評価を写す")
        case _:
            return translate("form_diff", "写さない")


def _grades(form: Form, item: Item) -> list | None:
    """The codes and points of an item's scale: what a rating means in numbers (labels and
    comment rules of a shared scale are reported once, under the scale)."""
    if item.scale is None:
        return None
    return [(o.code, o.points) for o in form.scale(item.scale).options]


def item_aspects(old_form: Form, old: Item, new_form: Form, new: Item) -> list[str]:
    """What changed from `old` to `new` (the same item in two versions), in ASPECTS order."""
    out = []
    for aspect, fields in ASPECTS.items():
        if aspect == "scale":
            changed = _grades(old_form, old) != _grades(new_form, new)
        else:
            changed = any(getattr(old, f) != getattr(new, f) for f in fields)
        if changed:
            out.append(aspect)
    return out


@dataclass(frozen=True)
class ItemChange:
    kind: str                      # added | dropped | renamed | split | merged | revised | changed
    old: tuple[str, ...]
    new: tuple[str, ...]
    text: str                      # the (first) later item's text; the earlier one's if dropped
    aspects: tuple[str, ...] = ()  # renamed, revised, changed: what else changed
    carry: str | None = None       # how answers move (None: nothing to move)
    mapped: bool = False
    note: str | None = None

    def to_json(self) -> dict:
        return {"kind": self.kind, "old": list(self.old), "new": list(self.new),
                "text": self.text, "aspects": list(self.aspects), "carry": self.carry,
                "mapped": self.mapped, "note": self.note}


@dataclass(frozen=True)
class FormDiff:
    old: Form
    new: Form
    mapped: bool
    items: tuple[ItemChange, ...]
    sections: tuple[tuple[str, str, str], ...]   # (added | dropped | retitled, code, title)
    scales: tuple[tuple[str, str, str], ...]     # (added | dropped | changed, id, what changed)
    rules: tuple[tuple[str, str], ...]           # (added | dropped | changed, rule id)
    not_comparable: tuple[str, ...] = ()

    def counts(self) -> dict[str, int]:
        """How many items of each kind, then how many items had each aspect change."""
        out = {k: sum(1 for c in self.items if c.kind == k) for k in KIND_ORDER}
        for aspect in ASPECTS:
            out[aspect] = sum(1 for c in self.items if aspect in c.aspects)
        return out

    @property
    def unchanged(self) -> bool:
        return not (self.items or self.sections or self.scales or self.rules)

    def to_json(self) -> dict:
        def ident(f: Form) -> dict:
            return {"id": f.id, "version": f.version, "sha256": f.sha256}

        return {"old": ident(self.old), "new": ident(self.new), "mapped": self.mapped,
                "summary": self.counts(), "items": [c.to_json() for c in self.items],
                "sections": [{"kind": k, "code": c, "title": t} for k, c, t in self.sections],
                "scales": [{"kind": k, "id": i, "changes": d} for k, i, d in self.scales],
                "rules": [{"kind": k, "id": i} for k, i in self.rules],
                "not_comparable": list(self.not_comparable)}

    def lines(self) -> list[str]:
        """The changes in Japanese, one per line (what `forms diff` prints)."""
        old, new = self.old, self.new
        out = [translate("form_diff", "評価票の変更: {title} {old} → {new}").format(
            title=new.title.ja, old=f"{old.id} {old.version}", new=f"{new.id} {new.version}")]
        if self.mapped:
            out.append(translate("form_diff", "対応表: あり（{new} は {old} の改訂版です）").format(
                new=new.version, old=old.version))
        else:
            out.append(translate("form_diff", "対応表: なし（項目コードで比べています）"))
        counts = self.counts()
        summary = [f"{kind_label(k)} {counts[k]}" for k in KIND_ORDER if k != "changed"]
        summary += [translate("form_diff", "{what}の変更 {n}").format(what=aspect_label(a),
                                                                   n=counts[a])
                    for a in ("wording", "scale", "anchors")]
        out.append(translate("form_diff", "まとめ: {summary}").format(summary="・".join(summary)))
        if self.unchanged:
            out.append(translate("form_diff", "変更はありません"))
            return out
        if self.sections:
            out.append(translate("form_diff", "［章］"))
            out += [f"  {kind_label(k)}　{c} {t}" for k, c, t in self.sections]
        if self.items:
            out.append(translate("form_diff", "［項目］"))
            for c in self.items:
                out += _item_lines(c)
        if self.not_comparable:
            out.append(translate("form_diff", "［比較しない章］ {codes}（達成率の経年比較をしません）"
                                 ).format(codes="、".join(self.not_comparable)))
        if self.scales:
            out.append(translate("form_diff", "［評価尺度］"))
            out += [f"  {kind_label(k)}　{i}" + (f"（{d}）" if d else "") for k, i, d in self.scales]
        if self.rules:
            out.append(translate("form_diff", "［整合ルール］"))
            out += [f"  {kind_label(k)}　{i}" for k, i in self.rules]
        return out


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _item_lines(c: ItemChange) -> list[str]:
    head = f"  {kind_label(c.kind)}　"
    if c.kind == "added":      # added and dropped items are listed one by one
        head += c.new[0]
    elif c.kind == "dropped":
        head += c.old[0]
    elif c.kind == "changed":
        head += c.new[0]
    else:
        head += f"{'、'.join(c.old)} → {'、'.join(c.new)}"
    extra = []
    if c.aspects:
        extra.append("・".join(aspect_labels(c.aspects)))
    if c.carry is not None:
        extra.append(translate("form_diff", "回答: {carry}").format(carry=carry_label(c.carry)))
    if c.kind == "dropped":
        extra.append(translate("form_diff", "回答は変更履歴に残ります"))
    line = head + (f"（{'／'.join(extra)}）" if extra else "") + f"　「{_short(c.text)}」"
    return [line] + ([f"      {c.note}"] if c.note else [])


def _old_text(form: Form, code: str) -> str:
    return form.item(code).text.ja if form.has_item(code) else code


def _item_changes(step: Revision) -> list[ItemChange]:
    old, new = step.old, step.new
    out = []
    for link in step.links:
        if link.kind == "new":   # one line per item, each with its own text
            out += [ItemChange("added", (), (code,), new.item(code).text.ja, mapped=link.mapped,
                               note=link.note) for code in link.new]
        elif not link.new:
            out += [ItemChange("dropped", (code,), (), _old_text(old, code), mapped=link.mapped,
                               note=link.note) for code in link.old]
        elif link.kind in (SAME, "renamed", "revised"):
            aspects = tuple(item_aspects(old, old.item(link.old[0]), new, new.item(link.new[0]))
                            ) if old.has_item(link.old[0]) else ()
            if link.kind == SAME and not aspects:
                continue
            kind = "changed" if link.kind == SAME else link.kind
            carry = None if link.kind == SAME else link.carry
            out.append(ItemChange(kind, link.old, link.new, new.item(link.new[0]).text.ja,
                                  aspects, carry, link.mapped, link.note))
        else:
            out.append(ItemChange(link.kind, link.old, link.new, new.item(link.new[0]).text.ja,
                                  (), link.carry, link.mapped, link.note))
    return out


def _by_key(old: Sequence, new: Sequence, key) -> list[tuple[str, str]]:
    before = {key(x): x for x in old}
    after = {key(x): x for x in new}
    out = [("added", k) for k in after if k not in before]
    out += [("dropped", k) for k in before if k not in after]
    out += [("changed", k) for k in after if k in before and before[k] != after[k]]
    return out


def _scale_changes(old: Form, new: Form) -> list[tuple[str, str, str]]:
    out = []
    for kind, scale_id in _by_key(old.scales, new.scales, lambda s: s.id):
        what = []
        if kind == "changed":
            a, b = old.scale(scale_id), new.scale(scale_id)
            if [(o.code, o.points) for o in a.options] != [(o.code, o.points) for o in b.options]:
                what.append(translate("form_diff", "評価の記号・点数"))
            if [o.label for o in a.options] != [o.label for o in b.options]:
                what.append(translate("form_diff", "表示"))
            if a.comment_required != b.comment_required:
                what.append(translate("form_diff", "コメント必須の評価 {old} → {new}").format(
                    old=", ".join(a.comment_required) or "—",
                    new=", ".join(b.comment_required) or "—"))
        out.append((kind, scale_id, "・".join(what)))
    return out


def diff_forms(old: Form, new: Form) -> FormDiff:
    """The changes from `old` to `new`: through `new`'s map when it names `old`'s version,
    else by item code."""
    step = revision(old, new)
    before = {s.code: s for s in old.sections}
    after = {s.code: s for s in new.sections}
    sections = [("added", c, s.title.ja) for c, s in after.items() if c not in before]
    sections += [("dropped", c, s.title.ja) for c, s in before.items() if c not in after]
    sections += [("retitled", c, s.title.ja) for c, s in after.items()
                 if c in before and before[c].title != s.title]
    return FormDiff(old, new, step.mapped, tuple(_item_changes(step)), tuple(sections),
                    tuple(_scale_changes(old, new)),
                    tuple(_by_key(old.rules or (), new.rules or (), lambda r: r.id)),
                    tuple(sorted(step.not_comparable)))
