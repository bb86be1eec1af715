"""Who said it: the book's one family of words for the speaker of a report, as far as the documents tell.

- who(): 'Oleh Synyehubov, head of the Kharkiv Regional State Administration (…)', 'the Ministry of Defence of
  Russia', 'Human Rights Watch'; labelled(): 'Oryx (third party)', for a chart or a short cell;
- according_to() and reported_by(): the same speaker in running text;
- a report whose document names no speaker is NO_ONE everywhere ('a source naming no one'), unless the document's
  reference list names the outlet behind the sentence: then as_cited() says so ('Reuters, 28 February 2022, as
  cited by the Wikipedia article …');
- excerpt(): a source's words, with the book's translation beside a non-English excerpt, marked as the book's;
- with_roles(): the claimant's role, kind and other spellings joined to rows that carry claimant_id.
All of it is plain text, escaped where it is placed.
"""

import pandas as pd

from kharkiv.model.claims import split_citations

NO_ONE = "a source naming no one"
SIDE_WORDS = {"Ukrainian": "Ukrainian side", "Russian": "Russian side", "third party": "a third party"}
# First words of a role that are common nouns, so a writer lower-cases them after a name ("…, the mayor of Kharkiv").
TITLE_WORDS = {
    "adviser",
    "commander",
    "commander-in-chief",
    "director",
    "former",
    "head",
    "mayor",
    "president",
    "spokesman",
    "independent",
    "anonymous",
    "self-described",
}
# Words that make an organisation's name a description needing "the" ("the Ministry of Defence of Russia").
THE_WORDS = {
    "Government",
    "Ministry",
    "Institute",
    "Staff",
    "Service",
    "Administration",
    "Office",
    "Agency",
    "Federation",
    "Police",
    "Team",
    "Commander-in-Chief",
    "command",
    "Army",
    "Forces",
}
UNNAMED_OUTLETS = {
    "unnamed outlet": "an unnamed outlet",
    "unnamed Ukrainian outlet": "an unnamed Ukrainian outlet",
}


def _given(value) -> bool:
    return (
        value is not None and not (not isinstance(value, str) and pd.isna(value)) and bool(str(value).strip())
    )


def unnamed(name=None, kind=None, side=None) -> bool:
    """Whether a report names no speaker (the claimant 'Unattributed', its kind or side 'unattributed')."""
    return "unattributed" in (str(kind), str(side)) or str(name) == "Unattributed"


def role_text(role) -> str:
    """A role as it follows a name: its first part, a common noun lower-cased ('Mayor of Kharkiv' -> 'mayor of
    Kharkiv'), a proper one kept ('Moscow-installed official …')."""
    role = str(role).split(";")[0].strip()
    first = role.split(" ")[0].lower()
    return role[:1].lower() + role[1:] if first in TITLE_WORDS else role


def who(name, role=None, kind=None, side=None) -> str:
    """'Oleh Synyehubov, head of …' for a person with a role; an organisation by its name, with 'the' where its name
    is a description ('the Government of the United Kingdom', but 'Human Rights Watch'); NO_ONE when unnamed."""
    if unnamed(name, kind, side):
        return NO_ONE
    name = str(name)
    if kind == "person" and _given(role):
        return f"{name}, {role_text(role)}"
    if kind != "person" and not name.startswith("the ") and THE_WORDS & set(name.split()):
        return f"the {name}"
    return name


def labelled(name, side) -> str:
    """'Oryx (third party)': the claimant with its side, for a chart or a short cell; NO_ONE when unnamed."""
    return NO_ONE if unnamed(name, side=side) else f"{name} ({side})"


def according_to(name, role=None, kind=None, side=None) -> str:
    """'according to Oleh Synyehubov, head of …'; 'according to a source naming no one'."""
    return f"according to {who(name, role, kind, side)}"


def reported_by(name, role=None, kind=None, side=None, cited: str = "") -> str:
    """'reported by Oleh Synyehubov, head of …, Ukrainian side' (the side when given); for a report naming no
    speaker, the outlet its document cites (cited: as_cited()) or NO_ONE."""
    if unnamed(name, kind, side):
        return f"reported by {cited or NO_ONE}"
    said = f"reported by {who(name, role, kind)}"
    return f"{said}, {SIDE_WORDS.get(str(side), str(side))}" if _given(side) else said


def _canonical(entry: str, names: dict[str, str]) -> str:
    for variant in sorted(names, key=len, reverse=True):  # 'Ukrayinska Pravda' before 'Ukrainska Pravda'
        rest = entry[len(variant) :]
        if entry.startswith(variant) and not rest[:1].isalnum():
            return names[variant] + rest
    for variant, words in UNNAMED_OUTLETS.items():
        if entry.startswith(variant + ","):
            return words + entry[len(variant) :]
    return entry


# The book's translations of the two headlines the documents cite in Ukrainian, shown after the citation and marked
# as the book's, as an excerpt's translation is (excerpt()).
HEADLINE_TRANSLATIONS = {
    "У полон ЗСУ здалися 22 танкісти": "22 tank crewmen surrendered to the Armed Forces of Ukraine",
    '"Три дні на захоплення Харкова": СБУ оприлюднила свідчення полоненого начальника взводу': (
        "\u2018Three days to take Kharkiv\u2019: the SBU released the testimony of a captured platoon commander"
    ),
}


def citation_text(entry: str, names: dict[str, str]) -> str:
    """One citation of a cited_outlet cell for readers: its outlet by its one name (names: canonical_outlets()),
    and a headline in Ukrainian followed by the book's translation."""
    text = _canonical(entry, names)
    for headline, words in HEADLINE_TRANSLATIONS.items():
        if headline in text:
            text += f" (the book\u2019s translation of the headline: \u201c{words}\u201d)"
    return text


def outlets_text(cited_outlet, names: dict[str, str]) -> str:
    """A cited_outlet cell for readers, each outlet by its one name (names: canonical_outlets()): 'Ukrainska Pravda,
    17 April 2022; Reuters, 1 March 2022 (Slovenian consulate)'; '' when the reference names none."""
    return "; ".join(
        citation_text(e, names) for e in split_citations(cited_outlet if _given(cited_outlet) else None)
    )


def as_cited(cited_outlet, source: str, names: dict[str, str]) -> str:
    """'Reuters, 28 February 2022, as cited by the Wikipedia article “…”' (source: the document as readers know
    it); '' when the reference names no outlet."""
    outlets = outlets_text(cited_outlet, names)
    return f"{outlets}, as cited by {source}" if outlets else ""


def excerpt(evidence, translation=None) -> str:
    """A source's words as shown to readers: a non-English excerpt with the book's translation beside it,
    '… (the book's translation: “…”)'."""
    text = str(evidence) if _given(evidence) else ""
    if _given(translation):
        return f"{text} (the book\u2019s translation: \u201c{translation}\u201d)"
    return text


def excerpts(rows: pd.DataFrame) -> list[str]:
    """excerpt() of every row (evidence, and evidence_translation where the table has it), in order."""
    translations = rows["evidence_translation"] if "evidence_translation" in rows else [None] * len(rows)
    return [excerpt(e, t) for e, t in zip(rows["evidence"], translations, strict=True)]


def variants_text(variants, kind=None) -> str:
    """A claimant's other names from its variants cell, so that a search finds any of them: a person's 'also
    spelled Kofman, Michael Coffman, Coffman', a body's 'also named SBU'; '' when there are none."""
    if not _given(variants):
        return ""
    names = [v.strip() for v in str(variants).split(";") if v.strip()]
    said = "also spelled" if str(kind) == "person" else "also named"
    return f"{said} {', '.join(names)}" if names else ""


def with_roles(rows: pd.DataFrame, claimants: pd.DataFrame) -> pd.DataFrame:
    """rows (carrying claimant_id) plus the claimant's claimant_role, claimant_kind and claimant_variants; the rows'
    order and index are kept."""
    c = claimants.set_index("claimant_id")
    ids = rows["claimant_id"]
    return rows.assign(
        claimant_role=ids.map(c["role"]).to_numpy(),
        claimant_kind=ids.map(c["kind"]).to_numpy(),
        claimant_variants=ids.map(c["variants"]).to_numpy(),
    )
