"""Read and validate data/: paths, errors, the datapackage reader, CSV reading, cells, cross-table rules, evidence,
name folding, oblast bounds, ids and the loader. The bottom layer: imports nothing else from kharkiv."""
