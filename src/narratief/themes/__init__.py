"""Shared themes across stories: collective versus individual experiential knowledge.

- :func:`narratief.themes.api.find_themes` — a table of stories in, a :class:`~narratief.themes.result.ThemeResult` out;
- :class:`narratief.themes.model.ThemeModel` — the scikit-learn estimator behind it;
- :mod:`narratief.themes.features` — Dutch lexical features (pluggable vectoriser);
- :mod:`narratief.themes.codebook` — known themes that guide the search;
- :mod:`narratief.themes.summaries` and :mod:`narratief.themes.plots` — pandas tables and matplotlib figures;
- :mod:`narratief.themes.storage` — runs, assignments and edits in the story store.
"""
