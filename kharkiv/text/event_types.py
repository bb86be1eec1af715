"""The event types of the dataset (ACLED's categories) in a reader's words, for charts, tables and prose; the
glossary explains the categories behind them."""

PLAIN = {
    "Battles": "Fighting on the ground",
    "Explosions/Remote violence": "Shelling, missiles and air strikes",
    "Violence against civilians": "Attacks on civilians",
    "Strategic developments": "Moves, announcements and other developments",
}


def plain(kind) -> str:
    """'Fighting on the ground' for 'Battles'; a type not listed as it is."""
    return PLAIN.get(str(kind), str(kind))
