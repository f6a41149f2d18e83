"""Latvian texts for click's own messages (help headings, usage errors), so every line a person
reads from `ibm` is Latvian. click looks its texts up through gettext at call time; we answer first."""

from __future__ import annotations

import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.types

TEXTS = {
    "Usage:": "Lietojums:",
    "Options": "Parametri",
    "Commands": "Komandas",
    "Positional arguments": "Pozicionālie argumenti",
    "Show this message and exit.": "Parāda šo palīdzību un beidz.",
    "Show the version and exit.": "Parāda kataloga versiju un beidz.",
    "Error: {message}": "Kļūda: {message}",
    "Try '{command} {option}' for help.": "Palīdzība: '{command} {option}'.",
    "No such option {name!r}.": "Nav tāda parametra {name!r}.",
    "No such command {name!r}.": "Nav tādas komandas {name!r}.",
    "Missing command.": "Nav norādīta komanda.",
    "Missing argument": "Trūkst argumenta",
    "Missing option": "Trūkst parametra",
    "Missing parameter": "Trūkst parametra",
    "Missing parameter: {param_name}": "Trūkst parametra: {param_name}",
    "Missing {param_type}": "Trūkst: {param_type}",
    "Invalid value for {param_hint}: {message}": "Nederīga vērtība {param_hint}: {message}",
    "Invalid value: {message}": "Nederīga vērtība: {message}",
    "Aborted!": "Pārtraukts.",
    "default: {default}": "noklusējums: {default}",
    "env var: {var}": "vides mainīgais: {var}",
    "{name} {filename!r} does not exist.": "{name} {filename!r} nepastāv.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} ir mape, nevis fails.",
    "{name} {filename!r} is a file.": "{name} {filename!r} ir fails, nevis mape.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} nav nolasāms.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} nav rakstāms.",
    "{value!r} is not a valid {number_type}.": "{value!r} nav derīgs skaitlis ({number_type}).",
    "{value} is not in the range {range}.": "{value} nav robežās {range}.",
    "Choose from:\n\t{choices}": "Izvēlieties no:\n\t{choices}",
    "file": "fails",
    "directory": "mape",
    "path": "ceļš",
    "integer": "vesels skaitlis",
    "float": "skaitlis",
}


def _lv(message: str) -> str:
    return TEXTS.get(message, message)


def install() -> None:
    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.types):
        module._ = _lv  # type: ignore[attr-defined]
