"""The civilian-harm chapter (notebooks/civilian_harm): its facts, tables and charts."""
