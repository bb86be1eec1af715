"""Read one CSV file exactly as written: every row and every character, or a DataError saying why not.

The file is parsed as CSV (not split into lines first), in strict mode, so a line break or U+2028 inside a
quoted cell stays part of the cell and an unbalanced quote is an error instead of swallowing the rows after it.
"""

import codecs
import csv
import io
from collections import Counter
from pathlib import Path

from kharkiv.data.errors import DataError


def _decode(label: str, raw: bytes) -> str:
    if not raw.strip():
        raise DataError(
            label, None, None, "not empty", "the file is empty: it needs at least its header line"
        )
    if raw.startswith(codecs.BOM_UTF8):
        raise DataError(
            label,
            None,
            None,
            "encoding utf-8",
            "the file starts with a byte-order mark (BOM, as spreadsheet programs write): "
            "save it as UTF-8 without BOM",
            line=1,
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(
            label,
            None,
            None,
            "encoding utf-8",
            f"not valid UTF-8 at byte {exc.start} ({exc.reason})",
            line=line,
        ) from None


def _explain(exc: csv.Error, start: int) -> tuple[str, str]:
    msg = str(exc)
    if "field larger than field limit" in msg:
        return "field size", (
            f"a cell in the record starting on line {start} is longer than the CSV limit of "
            f"{csv.field_size_limit()} characters (often a quote that is never closed)"
        )
    if "unexpected end of data" in msg:
        return "CSV quoting", f"a quoted cell opened in the record starting on line {start} is never closed"
    if "expected after" in msg:
        return "CSV quoting", (
            f"unbalanced quote in the record starting on line {start}: a quote inside a quoted cell must be "
            'doubled (""), and a quoted cell must end at a comma or the end of its line'
        )
    if "NUL" in msg:
        return "CSV syntax", f"the record starting on line {start} contains a NUL byte"
    return "CSV syntax", f"the record starting on line {start} is not valid CSV ({msg})"


def records(label: str, text: str) -> list[tuple[int, list[str]]]:
    """(first line, cells) of every record, header included."""
    return list(zip(*_parse(label, text), strict=True))


def _parse(label: str, text: str) -> tuple[list[int], list[list[str]]]:
    """The first line of every record, and its cells (header included), as two lists."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    starts, cells = [], []
    start = 1
    try:
        for record in reader:
            starts.append(start)
            cells.append(record)
            start = reader.line_num + 1
    except csv.Error as exc:
        rule, detail = _explain(exc, start)
        raise DataError(label, None, None, rule, detail, line=start) from None
    return starts, cells


def _check_header(label: str, header: list[str], expected: list[str]) -> None:
    if len(header) <= 1 < len(expected):
        seen = header[0] if header else ""
        hint = next((f" (it looks {d!r}-separated)" for d in (";", "\t", "|") if d in seen), "")
        raise DataError(
            label, None, None, "CSV header", f"no comma-separated header found on line 1{hint}", line=1
        )
    for col, n in Counter(header).items():
        if n > 1:
            raise DataError(label, None, col, "unique column names", "the column appears more than once")
    spaced = [h for h in header if h != h.strip() and h.strip() in expected]
    if spaced:
        raise DataError(
            label,
            None,
            spaced[0].strip(),
            "CSV header",
            f"the header names {spaced[0]!r}, with a space around it (line 1 reads {header!r}): write the header "
            "without spaces after the commas",
            line=1,
        )
    for col in expected:
        if col not in header:
            raise DataError(
                label,
                None,
                col,
                "required column",
                f"the column is missing from the header (line 1 reads {header!r})",
            )
    for col in header:
        if col not in expected:
            raise DataError(
                label, None, col, "known column", "the column is not described in datapackage.json"
            )


def read_columns(path: Path, label: str, expected: list[str]) -> tuple[dict[str, tuple[str, ...]], list[int]]:
    """The data cells column by column (keyed by header name), and the file line each row starts on.

    Columns rather than row dicts: the loader checks a column's values together (each distinct value once).
    """
    if not path.is_file():
        raise DataError(label, None, None, "file exists", "the file is missing")
    starts, recs = _parse(label, _decode(label, path.read_bytes()))
    header, lines, recs = recs[0], starts[1:], recs[1:]
    _check_header(label, header, expected)
    width = len(header)
    if set(map(len, recs)) - {width}:  # only then look for the first short or long row
        i, cells = next((i, c) for i, c in enumerate(recs, start=1) if len(c) != width)
        what = "a blank line" if not cells else f"{len(cells)} cells"
        raise DataError(
            label, i, None, "row length", f"{what} where the header has {width}", line=lines[i - 1]
        )
    columns = zip(*recs, strict=True) if recs else [()] * width
    return dict(zip(header, columns, strict=True)), lines


def read_rows(path: Path, label: str, expected: list[str]) -> tuple[list[dict], list[int]]:
    """The data rows as dicts keyed by column, and the file line each row starts on."""
    columns, lines = read_columns(path, label, expected)
    return [dict(zip(columns, cells, strict=True)) for cells in zip(*columns.values(), strict=True)], lines
