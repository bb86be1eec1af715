"""Derived tables, pure pandas: joined views, phases, measures, counts, tolls, distances, territory, claims, civilian
harm and military losses. Imports only kharkiv.data."""
