"""Latvian texts for click's own messages (help headings, usage errors, metavars), so every line a person
reads from `ibm` is Latvian. click looks its texts up through gettext at call time; we answer first."""

from __future__ import annotations

import re

import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.types

from generator import interrupts
from generator.lvformat import agree
from generator.no_such_day import no_such_day

# Ctrl-C, or SIGTERM/SIGHUP taken as one (interrupts.signals_as_ctrl_c): every command writes into a temporary place
# and swaps at the end (audit15 F14); {cause} is what was received
# Before the command has replaced anything (the usual case: outputs are swapped in at the end) that is said plainly
# (audit39 F10); a command that had already replaced some outputs (e.g. one child's documents of several) says which
# files stay as they were.
STOPPED = "Pārtraukts ({cause}): nekas netika aizstāts – iepriekšējie rezultāti paliek nemainīti."
STOPPED_PART = ("Pārtraukts ({cause}): nepabeigtā daļa netika uzrakstīta; jau pabeigtie rezultāti ir aizstāti, bet "
                "faili, ko komanda vēl nebija aizstājusi, ir nemainīti.")

class _Noun(str):
    """A word click puts at the start of its own sentence with ``.title()`` („Fails „x” ir mape …”): after „Kļūda:”
    the project's messages go on in lower case, so its title is the word itself."""

    def title(self) -> str:
        return str(self)


# click's own messages follow „Kļūda: ” as the project's own do: in lower case (a sentence after a colon)# A command that writes no file (check; changes printing its report on the screen) has no results to keep: its
# Ctrl-C line says only that the work was not finished (audit35b F9i)
STOPPED_READ_ONLY = "Pārtraukts ({cause}): darbs netika pabeigts (šī komanda failus neraksta)."
_read_only = False


def writes_nothing(on: bool = True) -> None:
    """Said by a command that writes no file, at its start (IbmGroup.invoke resets it for the next command)."""
    global _read_only  # noqa: PLW0603
    _read_only = on


TEXTS = {
    "Usage:": "Lietojums:",
    "Options": "Parametri",
    "Commands": "Komandas",
    "Positional arguments": "Pozicionālie argumenti",
    "Show this message and exit.": "Parāda šo palīdzību un beidz.",
    "Show the version and exit.": "Parāda kataloga versiju un beidz.",
    "Error: {message}": "Kļūda: {message}",
    "Try '{command} {option}' for help.": "Palīdzība: {command} {option}.",
    "No such option {name!r}.": "nav tāda parametra „{name}”.",
    "No such command {name!r}.": "nav tādas komandas „{name}”.",
    "Missing command.": "nav norādīta komanda.",
    "Missing argument": "trūkst argumenta",
    "Missing option": "trūkst parametra",
    "Missing parameter": "trūkst parametra",
    "Missing parameter: {param_name}": "trūkst parametra: {param_name}",
    "Missing {param_type}": "trūkst: {param_type}",
    "Invalid value for {param_hint}: {message}": "nederīga parametra {param_hint} vērtība: {message}",
    "Invalid value: {message}": "nederīga vērtība: {message}",
    "Option {name!r} does not take a value.": "parametram „{name}” vērtību nenorāda.",
    "Aborted!": STOPPED.format(cause="Ctrl-C"),
    "required": "obligāts",
    "(dynamic)": "(mainīgs)",
    "default: {default}": "noklusējums: {default}",
    "env var: {var}": "vides mainīgais: {var}",
    "{name} {filename!r} does not exist.": "{name} „{filename}” nepastāv.",
    "{name} {filename!r} is a directory.": "{name} „{filename}” ir mape, nevis fails.",
    "{name} {filename!r} is a file.": "{name} „{filename}” ir fails, nevis mape.",
    "{name} {filename!r} is not readable.": "{name} „{filename}” nav nolasāms.",
    "{name} {filename!r} is not writable.": "{name} „{filename}” nav rakstāms.",
    "{value!r} is not a valid {number_type}.": "„{value}” nav {number_type}.",
    "{value} is not in the range {range}.": "{value} nav robežās {range}.",  # „0 nav robežās no 1 līdz 64.”
    "Choose from:\n\t{choices}": "Izvēlieties no:\n\t{choices}",
    "file": _Noun("fails"),
    "directory": _Noun("mape"),
    "path": _Noun("ceļš"),
}

# click's plural messages: (singular, plural) -> Latvian (singular, plural).
PLURALS = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"):
        ("lieks arguments ({args}).", "lieki argumenti ({args})."),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."):
        ("parametram „{name}” jānorāda vērtība.", "parametram „{name}” jānorāda {nargs} vērtības."),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."):
        ("„{value}” nav {choice}.", "„{value}” nav neviena no atļautajām vērtībām: {choices}."),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."):
        ("„{value}” nav datums (gaidīts: DD.MM.GGGG).", "„{value}” nav datums (gaidīts: DD.MM.GGGG)."),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"):
        ("Vai domājāt {possibility}?", "(Vai domājāt kādu no: {possibilities}?)"),
}

# Type names (they appear in messages such as "'abc' nav vesels skaitlis.") and metavars in --help.
TYPE_NAMES = {
    click.types.StringParamType: ("teksts", "TEKSTS"),
    click.types.IntParamType: ("vesels skaitlis", "SKAITLIS"),
    click.types.IntRange: ("vesels skaitlis", "SKAITLIS"),
    click.types.FloatParamType: ("skaitlis", "SKAITLIS"),
    click.types.FloatRange: ("skaitlis", "SKAITLIS"),
    click.types.BoolParamType: ("jā/nē vērtība", "JĀ|NĒ"),
}

OPTIONS_METAVAR = "[PARAMETRI]"
SUBCOMMAND_METAVAR = "KOMANDA [ARGUMENTI]..."
# Positional arguments are named in English in code; people read these names (usage line, errors).
ARGUMENT_METAVARS = {"folder": "MAPE", "old": "VECA"}


def describe_range(low: float | None, high: float | None, low_open: bool = False, high_open: bool = False) -> str:
    """A number range as said in an error and in --help: „no 1 līdz 64”, „vismaz 1”, „ne vairāk kā 64”; an open
    bound as „lielāks par”/„mazāks par”."""
    if low is not None and high is not None and not low_open and not high_open:
        return f"no {low} līdz {high}"
    parts = []
    if low is not None:
        parts.append(f"lielāks par {low}" if low_open else f"vismaz {low}")
    if high is not None:
        parts.append(f"mazāks par {high}" if high_open else f"ne vairāk kā {high}")
    return " un ".join(parts)


def _describe_range(self: click.types._NumberRangeBase) -> str:
    return describe_range(self.min, self.max, self.min_open, self.max_open)


def _lv(message: str) -> str:
    if message == "Aborted!":  # click's ending after KeyboardInterrupt: name a signal taken as Ctrl-C
        from generator.replace_file import replaced_any

        stopped = STOPPED_PART if replaced_any() else STOPPED_READ_ONLY if _read_only else STOPPED
        return stopped.format(cause=interrupts.received())
    return TEXTS.get(message, message)


def _lv_n(singular: str, plural: str, n: int) -> str:
    one, many = PLURALS.get((singular, plural), (singular, plural))
    # Latvian: numbers ending in 1 (but not 11) take the singular.
    return agree(n, one, many)


def _help_extra(original):
    def get_help_extra(self: click.Option, ctx: click.Context) -> dict:
        extra = original(self, ctx)
        if isinstance(self.show_default, str):  # click wraps a text default in parentheses; show it as written
            extra["default"] = self.show_default
        return extra

    get_help_extra.__wrapped__ = original  # type: ignore[attr-defined]
    return get_help_extra


_STRAIGHT_QUOTED = re.compile(r"'([^'\n]*)'")


def one_line(message: str) -> str:
    """A usage error's message as the one line README promises (exit status 2): click's own straight quotes
    around a parameter or a value ('--day', '31.02.2018') as Latvian ones („--day”, „31.02.2018”), and its
    line breaks (the list of choices) as spaces."""
    return " ".join(_STRAIGHT_QUOTED.sub(r"„\1”", message).split())


def _show_usage_error(self: click.exceptions.UsageError, file=None) -> None:  # noqa: ANN001
    """One line „Kļūda: …” instead of click's usage line, help hint and error; the help command follows on it."""
    hint = ""
    if self.ctx is not None and self.ctx.command.get_help_option(self.ctx) is not None:
        hint = f" Palīdzība: {self.ctx.command_path} --help."
    text = one_line(self.format_message())
    if hint and not text.rstrip().rstrip(")”").endswith((".", "!", "?", ":")):
        text = text.rstrip() + "."  # a sentence of its own before the hint (audit37 F6)
    click.echo(f"Kļūda: {text}{hint}", file=file, err=file is None,
               color=self.ctx.color if self.ctx is not None else None)


def _date_convert(original):  # noqa: ANN001, ANN202
    """click.DateTime: a value in the right form whose day does not exist says so (audit27 F8), not "nav datums"."""
    def convert(self: click.types.DateTime, value, param, ctx):  # noqa: ANN001, ANN202
        try:
            return original(self, value, param, ctx)
        except click.exceptions.BadParameter:
            if (why := no_such_day(value, tuple(self.formats), quoted=True)) is not None:
                self.fail(f"{why}.", param, ctx)
            raise

    convert.__wrapped__ = original  # type: ignore[attr-defined]
    return convert


def _with_context(parse_args):  # noqa: ANN001, ANN202
    """click's option parser raises some usage errors (a missing value) without the context: given it here, their
    line ends with the command's `--help` like every other status-2 line (audit27 F11)."""

    def parse(self: click.Command, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return parse_args(self, ctx, args)
        except click.exceptions.UsageError as exc:
            if exc.ctx is None:
                exc.ctx = ctx
            raise

    parse.__wrapped__ = parse_args  # type: ignore[attr-defined]
    return parse


def install() -> None:
    click.exceptions.UsageError.show = _show_usage_error  # type: ignore[method-assign]
    if not hasattr(click.Command.parse_args, "__wrapped__"):
        click.Command.parse_args = _with_context(click.Command.parse_args)  # type: ignore[method-assign]
    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.types):
        module._ = _lv  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _lv_n  # type: ignore[attr-defined]
    for cls, (name, metavar) in TYPE_NAMES.items():
        cls.name = name
        cls.get_metavar = lambda self, param, ctx, _m=metavar: _m  # type: ignore[method-assign]
    if not hasattr(click.types.DateTime.convert, "__wrapped__"):
        click.types.DateTime.convert = _date_convert(click.types.DateTime.convert)  # type: ignore[method-assign]
    click.types._NumberRangeBase._describe_range = _describe_range  # type: ignore[method-assign]
    if not hasattr(click.Option.get_help_extra, "__wrapped__"):
        click.Option.get_help_extra = _help_extra(click.Option.get_help_extra)  # type: ignore[method-assign]


def localize(command: click.Command) -> None:
    """Latvian usage line of a command and its subcommands: [PARAMETRI], KOMANDA, argument names."""
    command.options_metavar = OPTIONS_METAVAR
    if isinstance(command, click.Group):
        command.subcommand_metavar = SUBCOMMAND_METAVAR
        for sub in command.commands.values():
            localize(sub)
    for param in command.params:
        if isinstance(param, click.Argument) and param.metavar is None and param.name in ARGUMENT_METAVARS:
            param.metavar = ARGUMENT_METAVARS[param.name]
