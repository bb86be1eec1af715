"""Lighter pages (issue 24): what every page loads from the theme, trimmed. Filled in by its own change."""


def setup(app):
    return {"parallel_read_safe": True, "parallel_write_safe": True}
