"""The one error type bad input raises."""


class DataError(ValueError):
    """A rule of data/datapackage.json (or a cross-field rule) is broken.

    The message names the file, the row (counting data rows from 1; the file line is row + 1 unless a
    quoted cell above spans several lines, in which case the real line is given), the column and the rule,
    so the fix can be made in the CSV directly.
    """

    def __init__(
        self,
        file: str,
        row: int | None,
        column: str | None,
        rule: str,
        detail: str,
        line: int | None = None,
    ):
        self.file, self.row, self.column, self.rule, self.detail = file, row, column, rule, detail
        self.line = line if line is not None else (row + 1 if row is not None else None)
        where = [file]
        if row is not None:
            where.append(f"row {row} (line {self.line})")
        elif line is not None:
            where.append(f"line {line}")
        if column is not None:
            where.append(f"column '{column}'")
        super().__init__(f"{', '.join(where)}: {detail} [rule: {rule}]")
