"""The class roster HR keeps: who should hand in homework, and in which department they sit.

Rosters come out of Excel on Chinese Windows, so a CSV may be UTF-8, UTF-8 with a BOM or
GB18030, its header may sit under a title row, and its columns are named in Chinese or English;
older systems still export ``.xls``. Besides 工号, 姓名 and 部门, HR's roster often keeps columns the
report uses when present: 状态 (请假 / 免交: not expected to hand in), a personal 延期 (extended due time),
and 手机 / 邮箱 for the reminder list. Every problem is collected and reported with its row, so HR
fixes the file in one round.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..errors import UserError
from ..load.problems import display_path
from ..messages import say, with_hint
from . import normalize

if TYPE_CHECKING:
    from xlrd.book import Book
    from xlrd.sheet import Cell as XlsCell, Sheet

COLUMNS: dict[str, tuple[str, ...]] = {
    "employee_id": ("工号", "员工编号", "员工号", "职工号", "人员编号", "员工工号", "employee_id", "employee id", "staff id", "id"),
    "name": ("姓名", "员工姓名", "名字", "name", "employee name", "full name"),
    "department": ("部门", "机构", "网点", "所属部门", "所属机构", "支行", "分行", "单位", "department", "dept", "branch", "organization"),
    "status": ("状态", "人员状态", "备注状态", "参训状态", "学员状态", "status"),
    "extension": ("延期", "延期至", "延长截止", "延长截止时间", "个人截止时间", "个人截止", "extended deadline", "extended due"),
    "mobile": ("手机", "手机号", "手机号码", "电话", "联系电话", "mobile", "phone", "mobile phone"),
    "email": ("邮箱", "电子邮件", "电子邮箱", "邮件地址", "email", "e-mail", "mail"),
}
"""Recognised header names per column, in order of preference; compared ignoring case, spaces and ``_``.

工号, 姓名 and 部门 are required (部门 in practice); the others are optional and matched by these exact names only,
never by a header that merely starts with one (``延期原因`` is not 延期): a column guessed wrongly would refuse a good roster."""

REQUIRED = ("employee_id", "name", "department")
"""The columns a header that starts with an alias (``部门名称``) may stand for."""

HEADER_SEARCH_ROWS = 10
"""How far down a title block the header row may sit."""

Excused = Literal["leave", "exempt"]
"""A 状态 that takes a trainee off the list of those expected to hand in: 请假 (on leave), 免交 (exempt)."""

STATUS_WORDS: dict[Excused | None, tuple[str, ...]] = {
    None: ("在岗", "在职", "正常", "参训", "参加", "应交", "normal", "active", "present"),
    "leave": ("请假", "休假", "病假", "事假", "产假", "年假", "leave", "on leave"),
    "exempt": ("免交", "免考", "免修", "免训", "exempt"),
}
"""状态 values HR writes, by what they mean (``None``: expected to hand in, as an empty cell); compared as headers are."""


@dataclass(frozen=True)
class Trainee:
    """One roster row."""

    employee_id: str
    """Canonical id (see :func:`normalize.employee_id`), the key submissions are matched on."""
    raw_id: str
    name: str
    department: str
    row: int
    excused: Excused | None = None
    """请假 or 免交 when the roster's 状态 says so: not expected to hand in, never chased."""
    extension: date | None = None
    """The roster's 延期: a :class:`datetime` (naive: in the report's zone), or a :class:`date` alone, meaning
    that whole day; the report turns it into a due time (:func:`extended_due`) once it knows the zone."""
    mobile: str = ""
    email: str = ""


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
    """Read a ``.csv``, ``.xlsx`` or ``.xls`` roster; raises :class:`RosterError` naming every bad row."""
    if not path.is_file():
        raise RosterError(say("hr.roster.not_found", path=display_path(path)))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        rows = _xlsx_rows(path)
    elif suffix == ".xls":  # some HR systems export an .xlsx workbook under the old name: read what it is
        rows = _xlsx_rows(path) if zipfile.is_zipfile(path) else _xls_rows(path)
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

    with path.open("rb") as fp:  # a file, not a name: openpyxl refuses a name that does not end in .xlsx
        try:
            workbook = load_workbook(fp, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises zipfile, KeyError and XML errors for a damaged file
            raise RosterError(say("hr.roster.bad_workbook", path=display_path(path), reason=exc)) from exc
        try:
            return _roster_sheet([list(r) for r in sheet.iter_rows(values_only=True)] for sheet in workbook.worksheets)
        finally:
            workbook.close()


def _xls_rows(path: Path) -> list[list[object]]:
    """The rows of an Excel 97–2003 workbook; its date cells are numbers with a date format, turned into datetimes here."""
    import xlrd  # imported here, as openpyxl is

    try:
        book = xlrd.open_workbook(str(path), logfile=io.StringIO(), on_demand=True)  # its warnings are for developers, not HR's screen
    except Exception as exc:  # xlrd raises its own errors, struct and OLE errors for a damaged or renamed file
        raise RosterError(say("hr.roster.bad_workbook", path=display_path(path), reason=exc)) from exc
    try:
        return _roster_sheet(_xls_sheet(book, book.sheet_by_index(i)) for i in range(book.nsheets))
    finally:
        book.release_resources()


def _xls_sheet(book: Book, sheet: Sheet) -> list[list[object]]:
    return [[_xls_value(book, cell) for cell in sheet.row(r)] for r in range(sheet.nrows)]


def _xls_value(book: Book, cell: XlsCell) -> object:
    """A cell as openpyxl gives it: a date as a datetime, an empty or error cell as ``None``."""
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(float(cell.value), book.datemode)
        except (ValueError, OverflowError):  # a date Excel itself cannot show: the number stays, and is refused with its row
            return cell.value
    return cell.value


def _roster_sheet(sheets: Iterable[list[list[object]]]) -> list[list[object]]:
    """The first sheet with a roster header (HR's workbook may open on a cover sheet), else the first sheet."""
    first: list[list[object]] | None = None
    for rows in sheets:
        if _find_header(rows) is not None:
            return rows
        if first is None:
            first = rows
    return first or []


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
            if column in REQUIRED and not alias.isascii() and k != alias and k.startswith(alias)
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
        excused, extension = _status(values.get("status")), _extension(values.get("extension"))
        if excused is False:
            problems.append(say("hr.roster.bad_status", path=where, row=offset, value=_cell(values["status"])))
        if extension is False:
            problems.append(say("hr.roster.bad_extension", path=where, row=offset, value=_cell(values["extension"])))
        if excused is False or extension is False:
            continue
        trainees.append(Trainee(emp_id, _cell(values["employee_id"]), name, department, offset, excused, extension,
                                mobile=normalize.label(_cell(values.get("mobile"))), email=normalize.label(_cell(values.get("email")))))
    if problems:
        raise RosterError("\n".join([*problems, say("hr.roster.problems", n=len(problems))]))
    if not trainees:
        raise RosterError(say("hr.roster.empty", path=where))

    return Roster(path, trainees)


_STATUS_KEYS = {_key(word): meaning for meaning, words in STATUS_WORDS.items() for word in words}


def _status(value: object) -> Excused | Literal[False] | None:
    """What a 状态 cell means: ``None`` (expected to hand in: empty or a word such as 在岗), 请假 or 免交; ``False``: not a word HR's
    status could be, refused rather than guessed (a typo of 免交 counted as expected would chase someone exempt)."""
    text = _cell(value)
    if not text:
        return None
    return _STATUS_KEYS.get(_key(text), False)


_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_TIME = re.compile(r"(\d{1,2})\s*(?:[:：]\s*(\d{2})(?:\s*[:：]\s*(\d{2}))?|[时点]\s*(?:(\d{1,2})\s*分)?)")


def _extension(value: object) -> date | Literal[False] | None:
    """A 延期 cell as a date or a date-time (see :attr:`Trainee.extension`); ``False``: not one that can be read without guessing.

    Excel gives a date cell as a datetime, and a CSV as text: ``2026-12-20``, ``2026/12/20 18:00``, ``2026年12月20日 18时``,
    ISO 8601 with a zone. A date without its year (``12月20日``) is refused: around New Year it could be either.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return _day_or_moment(value)
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return False  # a bare number: an Excel date serial without its date format, or not a date at all
    text = unicodedata.normalize("NFKC", value).strip()
    try:
        return _day_or_moment(datetime.fromisoformat(text)) if "T" in text else _written_date(text)
    except ValueError:  # fromisoformat, or a day or time that is none (2026-02-30, 25:00)
        return False


def _written_date(text: str) -> date | Literal[False]:
    """``2026-12-20``, ``2026/12/20 18:00``, ``2026.12.20 18:00:00``, ``2026年12月20日 18时30分``, as Excel and people write them."""
    found = _DATE.match(text)
    if found is None:
        return False
    day = date(int(found[1]), int(found[2]), int(found[3]))
    rest = text[found.end():].strip()
    if not rest:
        return day
    clock = _TIME.fullmatch(rest)
    if clock is None:
        return False
    return _day_or_moment(datetime.combine(day, time(int(clock[1]), int(clock[2] or clock[4] or 0), int(clock[3] or 0))))


def _day_or_moment(moment: datetime) -> date:
    """A time of 00:00 without a zone stands for its date alone, the whole of that day: Excel shows a date cell's midnight
    as no time at all, and an extension to the first minute of a day is not what anyone means."""
    return moment.date() if moment.time() == time(0) and moment.tzinfo is None else moment


def extended_due(extension: date, zone: tzinfo) -> datetime:
    """The due time a 延期 stands for, in ``zone`` (the report's): a date alone is the end of that day there,
    a time without a zone is read in it."""
    if not isinstance(extension, datetime):
        return datetime.combine(extension, time.max, zone)
    return extension.replace(tzinfo=zone) if extension.tzinfo is None else extension.astimezone(zone)


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
