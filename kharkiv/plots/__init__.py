"""Charts and maps: the one style file, chart builders, time axes and static maps. Imports the layers below it."""
