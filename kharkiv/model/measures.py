"""What the data counts, grouped once for every chapter: the forces whose losses are claimed, and the measures of
their losses. A chapter that counts "figures for military losses" uses these, so two pages cannot count them
differently."""

# The subjects that are armed forces (the data's subject codes).
MILITARY = ("russian military", "ukrainian military", "foreign fighters")

# Losses of people, then of equipment, in the order the chapters list them.
PERSONNEL = (
    "killed",
    "wounded",
    "killed or wounded",
    "casualties",
    "captured",
    "surrendered",
    "missing",
    "hospitalised",
    "bodies recovered",
)
EQUIPMENT = (
    "tanks lost",
    "armoured vehicles lost",
    "vehicles lost",
    "artillery lost",
    "aircraft lost",
    "helicopters lost",
    "equipment lost",
    "equipment captured",
)
LOSSES = PERSONNEL + EQUIPMENT
