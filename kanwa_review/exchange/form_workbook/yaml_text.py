"""A form as YAML text laid out like the hand-written forms (what from-xlsx writes)."""

from __future__ import annotations

from typing import Any

import yaml

from kanwa_review.core.form import Form

class NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:   # form files refuse YAML aliases
        return True


# --- the form as YAML (what from-xlsx writes) ----------------------------------------------

class _Flow(dict):
    pass


class _FlowList(list):
    pass


class _YamlDumper(NoAliasDumper):
    pass


_YamlDumper.add_representer(_Flow, lambda d, v: d.represent_mapping(
    "tag:yaml.org,2002:map", v.items(), flow_style=True))
_YamlDumper.add_representer(_FlowList, lambda d, v: d.represent_sequence(
    "tag:yaml.org,2002:seq", v, flow_style=True))


def _styled(value: Any, key: str | None = None) -> Any:
    """Small mappings (texts, conditions, options) and lists of plain values on one line,
    like the hand-written forms."""
    if isinstance(value, dict):
        short = all(len(v) <= 40 for v in value.values() if isinstance(v, str))
        if key in ("relevant_if", "when", "then", "reference", "option") or (
                set(value) <= {"ja", "en"} and short):
            return _Flow({k: _styled(v, k) for k, v in value.items()})
        return {k: _styled(v, k) for k, v in value.items()}
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            return _FlowList(value)
        inner = "option" if key in ("options", "choices") else None
        return [_styled(v, inner) for v in value]
    return value


def form_yaml(form: Form, *, header: str = "") -> str:
    """The form as a YAML file (comments are not kept: `header` becomes the first lines)."""
    data = form.model_dump(mode="json", by_alias=True, exclude_none=True)
    body = yaml.dump(_styled(data), Dumper=_YamlDumper, allow_unicode=True, sort_keys=False,
                     width=100, default_flow_style=False)
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    return "\n".join(lines + [body]) if lines else body
