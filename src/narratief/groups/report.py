"""The closing report of a group session, in the structure of the dialoogtafel report (seeds/004).

Per table: drempels and hefbomen per perspective, widely experienced items in bold; then the plenary answers.
Only contributions consented for ``groep``, anonymised by the privacy gate.
"""

from __future__ import annotations

import html

TABLE_TITLES = {
    "micro": "Tafel 1 - Microniveau: relationele verhoudingen tussen gebruiker en dienstverlener",
    "meso": "Tafel 2 - Mesoniveau: de relatie tussen gebruiker en organisatie en werkprocessen",
    "macro": "Tafel 3 - Macroniveau: de relatie tussen de gebruiker en rechten en plichten",
}
PERSPECTIVES = {"gebruiker": "bij de gebruiker", "hulpverlener": "bij de hulp- of dienstverlener"}
KINDS = {"drempel": "Drempels", "hefboom": "Hefbomen"}


def session_report(dashboard) -> str:
    """HTML of the session behind ``dashboard``."""
    info = dashboard.info()
    items = dashboard.items()
    if not items.empty:
        items = items[items["merged_into"].isna()]
    esc = html.escape
    parts = ["<!DOCTYPE html>", '<html lang="nl"><head><meta charset="utf-8">',
             f"<title>{esc(info['titel'] or 'Groepssessie')}</title>",
             "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
             "li b{color:#1b7837}</style></head><body>",
             f"<h1>{esc(info['titel'] or 'Groepssessie')}</h1>",
             f"<p>Verslag van {esc(info['datum'] or '')}. Vetgedrukt: breed ervaren (door minstens "
             f"{info['breed_vanaf']} deelnemers genoemd, of door de gespreksleiders aangeduid).</p>"]
    tables = [t for t in ("micro", "meso", "macro") if not items.empty and (items["level"] == t).any()]
    other = items[~items["level"].isin(["micro", "meso", "macro"])] if not items.empty else items
    for table in tables:
        parts.append(f'<h2 class="nf-report-table">{esc(TABLE_TITLES[table])}</h2>')
        at_table = items[items["level"] == table]
        for kind, kind_title in KINDS.items():
            for perspective, where in PERSPECTIVES.items():
                chosen = at_table[(at_table["kind"] == kind) & (at_table["perspective"] == perspective)]
                if chosen.empty:
                    continue
                parts.append(f"<h3>{esc(kind_title)} {esc(where)}</h3><ul>")
                for row in chosen.sort_values("breed", ascending=False, kind="stable").itertuples():
                    text = esc(row.text)
                    parts.append(f"<li><b>{text}</b></li>" if row.breed else f"<li>{text}</li>")
                parts.append("</ul>")
        rest = at_table[~(at_table["kind"].isin(list(KINDS)) & at_table["perspective"].isin(list(PERSPECTIVES)))]
        if not rest.empty:
            parts.append("<h3>Overige bijdragen</h3><ul>" + "".join(
                f"<li><b>{esc(r.text)}</b></li>" if r.breed else f"<li>{esc(r.text)}</li>" for r in rest.itertuples())
                + "</ul>")
    if not other.empty:
        parts.append("<h2>Verhalen</h2><ul>" + "".join(
            f"<li><b>{esc(r.text)}</b></li>" if r.breed else f"<li>{esc(r.text)}</li>" for r in other.itertuples())
            + "</ul>")
    answers = dashboard.plenary()
    parts.append(f"<h2>Plenaire terugkoppeling</h2><p><i>{esc(info['plenaire_vraag'])}</i></p>")
    parts.append("<ul>" + "".join(f"<li>{esc(a)}</li>" for a in answers) + "</ul></body></html>")
    return "\n".join(parts)
