"""The import handler of each kind of data, by the name the CLI and the dialog use."""

from __future__ import annotations

from collections.abc import Callable

from .importer import Handler
from .kind_nominations import Nominations
from .kind_persons import Persons
from .kind_units import Units

HANDLERS: dict[str, Callable[[], Handler]] = {"units": Units, "persons": Persons, "nominations": Nominations}
