"""Building the book: notebook freshness, the Sphinx extension and its templates, synthetic data, the explorer
benchmark. Never imported by the other layers."""
