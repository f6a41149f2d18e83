"""Every field the open data can carry has a Latvian key – not only the fields the shipped catalogue fills: an
optional field filled later (a municipality's appeal body, review5 F1) must not stop `ibm build`."""

from __future__ import annotations

import typing

from pydantic import BaseModel

from generator.catalogue.legal_acts import LegalAct
from generator.catalogue.models import Municipality, Price, Programme, Round, Service
from generator.opendata.keys import KEYS

EXPORTED = (Service, Price, Municipality, Programme, Round, LegalAct)  # generator/opendata/export.py


def _models(annotation: object) -> typing.Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from _models(arg)


def _fields(roots: tuple[type[BaseModel], ...]) -> dict[str, str]:
    """Each field name reachable from ``roots`` (nested models, lists, optionals), with a model that has it."""
    seen: set[type[BaseModel]] = set()
    found: dict[str, str] = {}
    todo = list(roots)
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, field in model.model_fields.items():
            found.setdefault(field.alias or name, model.__name__)  # dumped by alias ("from")
            todo.extend(_models(field.annotation))
    return found


def test_every_exported_field_has_a_latvian_key() -> None:
    fields = _fields(EXPORTED)
    assert "name" in fields and "appeal_body" in fields  # the walk reaches nested models
    missing = {name: model for name, model in fields.items() if name not in KEYS}
    assert not missing, missing


def test_the_walk_finds_a_nested_models_fields() -> None:
    assert _fields((Municipality,))["name"] == "AppealBody"
