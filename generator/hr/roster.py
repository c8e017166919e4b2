"""The class roster HR keeps: who should hand in homework, and in which department they sit.

Rosters come out of Excel on Chinese Windows, so a CSV may be UTF-8, UTF-8 with a BOM or
GB18030, its header may sit under a title row, and its columns are named in Chinese or English.
Every problem is collected and reported with its row, so HR fixes the file in one round.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError
from ..load.problems import display_path
from ..messages import say, with_hint
from . import normalize

COLUMNS: dict[str, tuple[str, ...]] = {
    "employee_id": ("工号", "员工编号", "员工号", "职工号", "人员编号", "员工工号", "employee_id", "employee id", "staff id", "id"),
    "name": ("姓名", "员工姓名", "名字", "name", "employee name", "full name"),
    "department": ("部门", "机构", "网点", "所属部门", "所属机构", "支行", "分行", "单位", "department", "dept", "branch", "organization"),
}
"""Recognised header names per column, in order of preference; compared ignoring case, spaces and ``_``."""

HEADER_SEARCH_ROWS = 10
"""How far down a title block the header row may sit."""


@dataclass(frozen=True)
class Trainee:
    """One roster row."""

    employee_id: str
    """Canonical id (see :func:`normalize.employee_id`), the key submissions are matched on."""
    raw_id: str
    name: str
    department: str
    row: int


@dataclass
class Roster:
    path: Path
    trainees: list[Trainee]
    by_id: dict[str, Trainee] = field(init=False)
    _by_key: dict[str, Trainee] = field(init=False, repr=False)
    """:func:`_id_key` → trainee, for ids that are still one after dropping leading zeros."""
    _by_pattern: dict[str, list[Trainee]] = field(init=False, repr=False)
    """Each key with one character blanked out → the trainees it could be: a one-character slip looked up without a scan."""

    def __post_init__(self) -> None:
        self.by_id = {t.employee_id: t for t in self.trainees}
        keys: dict[str, list[Trainee]] = {}
        for t in self.trainees:
            keys.setdefault(_id_key(t.employee_id), []).append(t)
        self._by_key = {key: ts[0] for key, ts in keys.items() if len(ts) == 1}  # 012 and 0012 both on the roster: neither by its number
        self._by_pattern = {}
        for key, t in self._by_key.items():
            for pattern in _patterns(key):
                self._by_pattern.setdefault(pattern, []).append(t)

    def find(self, raw_id: str) -> Trainee | None:
        """The trainee with this id; a number with leading zeros (``0012345``) is the roster's ``12345``, and the other way round."""
        canonical = normalize.employee_id(raw_id)
        return self.by_id.get(canonical) or self._by_key.get(_id_key(canonical))

    def near(self, raw_id: str, limit: int = 3) -> list[Trainee]:
        """Roster trainees whose id is one character off ``raw_id``, or has two neighbouring characters swapped: a typing slip."""
        key = _id_key(normalize.employee_id(raw_id))
        found: dict[str, Trainee] = {}
        for pattern in _patterns(key):
            for t in self._by_pattern.get(pattern, []):
                found.setdefault(t.employee_id, t)
        for i in range(len(key) - 1):
            swapped = self._by_key.get(key[:i] + key[i + 1] + key[i] + key[i + 2:]) if key[i] != key[i + 1] else None
            if swapped is not None:
                found.setdefault(swapped.employee_id, swapped)
        return [t for t in self.trainees if t.employee_id in found and _id_key(t.employee_id) != key][:limit]

    @property
    def departments(self) -> list[str]:
        """Departments in the order they first appear on the roster (HR's own order)."""
        return list(dict.fromkeys(t.department for t in self.trainees))


def _id_key(employee_id: str) -> str:
    """An id as it is compared: a number without its leading zeros (``0012345`` → ``12345``), anything else as it is."""
    return employee_id.lstrip("0") or "0" if employee_id.isdigit() else employee_id


def _patterns(key: str) -> list[str]:
    """``key`` with each one of its characters in turn replaced by a NUL (an id that holds one at worst gets an odd suggestion)."""
    return [key[:i] + "\0" + key[i + 1:] for i in range(len(key))]


class RosterError(UserError):
    """The roster cannot be used; carries one line per problem."""


def read_roster(path: Path) -> Roster:
    """Read a ``.csv`` or ``.xlsx`` roster; raises :class:`RosterError` naming every bad row."""
    if not path.is_file():
        raise RosterError(say("hr.roster.not_found", path=display_path(path)))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        rows = _xlsx_rows(path)
    elif suffix in (".csv", ".txt", ".tsv"):
        rows = _csv_rows(path)
    else:
        raise RosterError(say("hr.roster.suffix", path=display_path(path)))
    return _parse(path, rows)


def _csv_rows(path: Path) -> list[list[object]]:
    text = decode(path.read_bytes(), path)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    try:
        return [list(row) for row in csv.reader(io.StringIO(text), dialect)]
    except csv.Error as exc:
        raise RosterError(say("hr.roster.bad_csv", path=display_path(path), reason=exc)) from exc


def decode(data: bytes, path: Path) -> str:
    """UTF-16 (by its BOM), UTF-8 with or without BOM, else GB18030, the encodings Excel writes on Chinese Windows."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise RosterError(say("hr.roster.encoding", path=display_path(path), byte=exc.start)) from exc


def _xlsx_rows(path: Path) -> list[list[object]]:
    from openpyxl import load_workbook  # imported here: reading a CSV roster should not pay for openpyxl

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError and XML errors for a damaged file
        raise RosterError(say("hr.roster.bad_workbook", path=display_path(path), reason=exc)) from exc
    try:
        for sheet in workbook.worksheets:
            rows: list[list[object]] = [list(r) for r in sheet.iter_rows(values_only=True)]
            if _find_header(rows) is not None:
                return rows
        return [list(r) for r in workbook.worksheets[0].iter_rows(values_only=True)] if workbook.worksheets else []
    finally:
        workbook.close()


def _key(header: object) -> str:
    text = unicodedata.normalize("NFKC", str(header or "")).lower()
    return "".join(ch for ch in text if ch.isalnum())


_ALIASES = {column: [_key(a) for a in aliases] for column, aliases in COLUMNS.items()}


def _match_columns(header: Sequence[object]) -> dict[str, int]:
    """Column → index: an exact alias wins over a Chinese header that merely starts with one (``部门名称``)."""
    keys = [_key(h) for h in header]
    found: dict[str, int] = {}
    for column, aliases in _ALIASES.items():
        exact = [(aliases.index(k), i) for i, k in enumerate(keys) if k in aliases]
        prefix = [
            (a, i)
            for i, k in enumerate(keys)
            for a, alias in enumerate(aliases)
            if not alias.isascii() and k != alias and k.startswith(alias)
        ]
        candidates = [i for _, i in sorted(exact)] or [i for _, i in sorted(prefix)]
        taken = set(found.values())
        free = [i for i in candidates if i not in taken]
        if free:
            found[column] = free[0]
    return found


def _find_header(rows: Sequence[Sequence[object]]) -> tuple[int, dict[str, int]] | None:
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns = _match_columns(row)
        if "employee_id" in columns and "name" in columns:
            return index, columns
    return None


def _parse(path: Path, rows: list[list[object]]) -> Roster:
    where = display_path(path)
    header = _find_header(rows)
    if header is None:
        first = next((r for r in rows if any(_cell(c) for c in r)), [])
        seen = ", ".join(_cell(c) for c in first if _cell(c)) or say("hr.roster.nothing")
        message = say("hr.roster.no_header", path=where, rows=HEADER_SEARCH_ROWS, seen=seen)
        raise RosterError(with_hint(message, say("hr.roster.no_header_hint")))
    start, columns = header
    trainees: list[Trainee] = []
    problems: list[str] = []
    first_row: dict[str, int] = {}
    for offset, row in enumerate(rows[start + 1 :], start=start + 2):
        values = {column: _value(row, i) for column, i in columns.items()}
        if not any(_cell(c) for c in row):
            continue
        emp_id = normalize.employee_id(values["employee_id"])
        name = normalize.label(_cell(values["name"]))
        if not emp_id:
            problems.append(say("hr.roster.no_id", path=where, row=offset, name=name or say("hr.roster.nothing")))
            continue
        if emp_id in first_row:
            problems.append(say("hr.roster.duplicate", path=where, row=offset, id=emp_id, first=first_row[emp_id]))
            continue
        first_row[emp_id] = offset
        department = normalize.label(_cell(values.get("department"))) or no_department()
        trainees.append(Trainee(emp_id, _cell(values["employee_id"]), name, department, offset))
    if problems:
        raise RosterError("\n".join([*problems, say("hr.roster.problems", n=len(problems))]))
    if not trainees:
        raise RosterError(say("hr.roster.empty", path=where))

    return Roster(path, trainees)


def _value(row: Sequence[object], index: int) -> object:
    return row[index] if index < len(row) else None


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()



def no_department() -> str:
    """The department of a trainee the roster names none for, as the report groups and shows it."""
    return say("hr.no_department")
