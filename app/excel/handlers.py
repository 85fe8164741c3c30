"""The import handler of each kind of data, by the name the CLI and the dialog use."""

from __future__ import annotations

from collections.abc import Callable

from .handler import Handler
from .import_nominations import Nominations
from .import_persons import Persons
from .import_units import Units

HANDLERS: dict[str, Callable[[], Handler]] = {"units": Units, "persons": Persons, "nominations": Nominations}
