"""The one error type bad input raises."""


class DataError(ValueError):
    """A rule of data/datapackage.json (or a cross-field rule) is broken.

    The message names the file, the row (counting data rows from 1; the file line is row + 1),
    the column and the rule, so the fix can be made in the CSV directly.
    """

    def __init__(self, file: str, row: int | None, column: str | None, rule: str, detail: str):
        self.file, self.row, self.column, self.rule, self.detail = file, row, column, rule, detail
        where = [file]
        if row is not None:
            where.append(f"row {row} (line {row + 1})")
        if column is not None:
            where.append(f"column '{column}'")
        super().__init__(f"{', '.join(where)}: {detail} [rule: {rule}]")
