"""The stages in which `ibm collect` and `ibm documents --from-matrix` check a filled matrix, in one place (D298).

Both readers name every error they can find in one run, in the same order: first the changed template cells (a
formula overwritten with a value, a fixed text changed), then the invalid inputs (a text, a date or a formula in an
input cell), each with its cell. Before, `ibm collect` stopped at the changed cells and `ibm documents` showed only
the invalid inputs, so the worker and the ministry each needed a second run and saw different errors of one file.
Only a structure so changed that the inputs cannot be located (a missing or moved defined name, a table of another
size) stops the checks: then the refusal says that the other checks follow once the structure is restored.
The rule checks of the reference run afterwards, only for a matrix whose inputs are valid (its plan is known)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

# the last line of a refusal for a broken structure: what is not checked yet, and when it is
# the last line of a refusal for a broken structure: what is not checked yet, and when it is (how to restore the
# structure, undo or `ibm migrate`, the structure's own lines say)
AFTER_STRUCTURE = ("Mainītās veidnes šūnas un nederīgās ievades pārbaudīs, kad matricas struktūra būs atjaunota; tad "
                   "palaidiet komandu vēlreiz.")

Data = TypeVar("Data")


@dataclass
class Stages(Generic[Data]):
    """What the stages found: the structure's problems (the checks stopped there), the changed template cells, the
    invalid inputs, and the child's data when its inputs are valid (then ``inputs`` is empty)."""

    structure: list[str] = field(default_factory=list)
    template: list[str] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)
    data: Data | None = None

    @property
    def named(self) -> list[str]:
        """Every problem found, in the stages' order."""
        return [*self.structure, *self.template, *self.inputs]


def run_stages(structure: Callable[[], list[str]], template: Callable[[], list[str]],
               inputs: Callable[[], tuple[Data | None, list[str]]]) -> Stages[Data]:
    """Run the stages in order: ``structure`` (its problems end the run, with AFTER_STRUCTURE), then both
    ``template`` (the changed template cells, each said in full) and ``inputs`` (the child's data, or None and the
    invalid inputs), whatever the template check found."""
    broken = structure()
    if broken:
        return Stages(structure=[*broken, AFTER_STRUCTURE])
    changed = template()
    data, invalid = inputs()
    return Stages(template=changed, inputs=invalid if data is None else [], data=data)
