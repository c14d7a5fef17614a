"""Places named inside task text, matched against a city's gazetteer.

>>> from dutygraph.resolve.gazetteer import gazetteer_for
>>> finder = PlaceFinder(gazetteer_for("株洲市"))
>>> [(m.place.name, m.printed) for m in finder.find("完善醴陵市、株洲县污水处理厂,建设清水塘大桥")]
[('醴陵市', '醴陵市'), ('渌口区', '株洲县'), ('清水塘片区', '清水塘')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import Gazetteer, Place


@dataclass(frozen=True)
class PlaceMention:
    place: Place
    printed: str
    start: int


class PlaceFinder:
    """Finds gazetteer places in text, longest name first, never inside a longer match."""

    def __init__(self, gazetteer: Gazetteer | None):
        self.gazetteer = gazetteer
        names = [n for n, _ in gazetteer.place_names() if len(n) >= 2] if gazetteer else []
        self._pattern = re.compile("|".join(re.escape(n) for n in names)) if names else None

    def find(self, text: str) -> list[PlaceMention]:
        if self._pattern is None or not text:
            return []
        return [PlaceMention(self.gazetteer.place(m.group(0)), m.group(0), m.start())
                for m in self._pattern.finditer(text)]

    def names(self) -> list[str]:
        """Every name and alias, for other rules that must not read a place as part of a name."""
        return [n for n, _ in self.gazetteer.place_names()] if self.gazetteer else []
