"""The research report: one self-contained HTML file (plots embedded) and a Markdown twin.

Only stories consented for ``onderzoek`` appear, and only in anonymised form (quotes come from the privacy
gate's text). A methods paragraph records what is needed to reproduce the analysis.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from narratief import __version__


@dataclass
class Report:
    """The report's parts; :meth:`html` and :meth:`markdown` render them."""

    title: str
    summary: str
    themes: pd.DataFrame
    tables: dict[str, pd.DataFrame]
    figures: dict[str, bytes]  #: name → PNG
    methods: str

    def html(self) -> str:
        esc = html.escape
        parts = [
            "<!DOCTYPE html>",
            '<html lang="nl"><head><meta charset="utf-8">',
            f"<title>{esc(self.title)}</title>",
            "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
            "line-height:1.5}table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;"
            "padding:.25rem .5rem;text-align:left}blockquote{border-left:4px solid #1b7837;margin:.5rem 0;"
            "padding-left:1rem;color:#333}.collectief{color:#1b7837}.individueel{color:#762a83}img{max-width:100%}"
            "</style></head><body>",
            f"<h1>{esc(self.title)}</h1>",
            f'<p class="nf-report-summary">{esc(self.summary)}</p>',
            "<h2>Thema's</h2>",
        ]
        for row in self.themes.itertuples(index=False):
            parts.append(f'<section class="nf-report-theme"><h3>{esc(row.label)} '
                         f'<small class="{esc(row.scope)}">({esc(row.scope)})</small></h3>')
            parts.append(f"<p>{row.n_stories} verhalen van {row.n_participants} deelnemers. "
                         f"Trefwoorden: {esc(', '.join(row.keywords))}</p>")
            for quote in row.quotes:
                parts.append(f"<blockquote>{esc(quote)}</blockquote>")
            parts.append("</section>")
        for name, table in self.tables.items():
            parts.append(f"<h2>{esc(name[:1].upper() + name[1:])}</h2>")
            parts.append(table.to_html(escape=True, border=0))
        for name, png in self.figures.items():
            data = base64.b64encode(png).decode("ascii")
            parts.append(f'<figure><img alt="{esc(name)}" src="data:image/png;base64,{data}">'
                         f"<figcaption>{esc(name)}</figcaption></figure>")
        parts.append(f'<h2>Werkwijze</h2><p class="nf-report-methods">{esc(self.methods)}</p></body></html>')
        return "\n".join(parts)

    def markdown(self) -> str:
        lines = [f"# {self.title}", "", self.summary, "", "## Thema's", ""]
        for row in self.themes.itertuples(index=False):
            lines += [f"### {row.label} ({row.scope})", "",
                      f"{row.n_stories} verhalen van {row.n_participants} deelnemers. "
                      f"Trefwoorden: {', '.join(row.keywords)}", ""]
            lines += [f"> {quote}" for quote in row.quotes] + [""]
        for name, table in self.tables.items():
            lines += [f"## {name[:1].upper() + name[1:]}", "", _markdown_table(table), ""]
        lines += ["## Werkwijze", "", self.methods, ""]
        return "\n".join(lines)


def _markdown_table(table: pd.DataFrame) -> str:
    cell = lambda value: str(value).replace("|", "\\|")  # noqa: E731
    header = [table.index.name or ""] + [cell(c) for c in table.columns]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for index, row in table.iterrows():
        lines.append("| " + " | ".join([cell(index)] + [cell(v) for v in row.tolist()]) + " |")
    return "\n".join(lines)


def _png(figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110)
    return buffer.getvalue()


def build_report(store, *, run_id: int | None = None, title: str = "Gedeelde ervaringskennis") -> Report:
    """The report of a stored theme run, over the stories with ``onderzoek`` consent (anonymised)."""
    from narratief.privacy.gate import shareable_stories
    from narratief.themes import plots
    from narratief.themes.storage import load_themes, result_from_store
    from narratief.themes.summaries import knowledge_summary

    stories = shareable_stories(store, "onderzoek")
    run = load_themes(store, run_id)
    result = result_from_store(store, run, stories)
    summary = knowledge_summary(result, stories)
    themes = result.themes[result.themes["n_stories"] > 0].reset_index(drop=True)
    collective = int((themes["scope"] == "collectief").sum())
    individual = int((themes["scope"] == "individueel").sum())
    text = (f"{len(stories)} verhalen van {stories['participant'].nunique()} deelnemers, {len(themes)} thema's: "
            f"{collective} collectief (gedragen door minstens {run.params.get('min_participants', 3)} deelnemers) en "
            f"{individual} individueel.")
    tables = {
        "collectief en individueel": summary.collective_individual,
        "spreiding per thema": summary.spread,
        "per niveau": summary.by_level,
        "per perspectief": summary.by_perspective,
        "per soort": summary.by_kind,
    }
    figures = {
        "Spreiding van thema's": _png(plots.spread_bars(summary)),
        "Thema's per niveau": _png(plots.level_heatmap(summary)),
    }
    params = run.params
    methods = (
        f"Analyse met {run.software} op {run.created_at[:10]} (run {run.run_id}). {len(stories)} verhalen met "
        f"toestemming voor onderzoek, geanonimiseerd (plaatshouders zoals [PERSOON-1]) voor de analyse. Thema's: "
        f"consensus van 20 NMF-runs op Nederlandse lexicale kenmerken (lemma, stam, samenstellingen, "
        f"domeinconcepten; TF-IDF); aantal thema's "
        f"{'gekozen door de gebruiker' if params.get('n_themes') else 'automatisch gekozen (PAC-criterium)'}: "
        f"{len(themes)}; seed {params.get('seed', 0)}; codeboek {params.get('codebook') or 'geen'}; "
        f"collectief vanaf {params.get('min_participants', 3)} deelnemers. {len(run.edits)} menselijke bewerkingen "
        f"(hernoemen, samenvoegen, splitsen, verplaatsen, verwijderen) zijn toegepast. Rapport gemaakt op "
        f"{dt.date.today().isoformat()} met narratief {__version__}."
    )
    return Report(title, text, themes, tables, figures, methods)


def write_report(store, path: str | os.PathLike, *, run_id: int | None = None) -> Path:
    """Write the report as HTML (``.html``) or Markdown (``.md``), aside then renamed; returns the path."""
    path = Path(path)
    report = build_report(store, run_id=run_id)
    content = report.markdown() if path.suffix.lower() in (".md", ".markdown") else report.html()
    partial = path.with_name(path.name + ".partial")
    partial.write_text(content, encoding="utf-8")
    os.replace(partial, path)
    store.record("report.write", None, f"themes={len(report.themes)}")
    return path
