"""The book's index of the people, places and units it names (issue 24): filled in by its own change."""


def setup(app):
    return {"parallel_read_safe": True, "parallel_write_safe": True}
