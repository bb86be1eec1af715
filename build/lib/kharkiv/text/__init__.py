"""Words: numbers, dates, attribution, figures as reported, escaping, HTML tables, links and the glue idiom.
Imports only kharkiv.data and kharkiv.model."""
