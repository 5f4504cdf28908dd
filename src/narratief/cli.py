"""The ``narratief`` command line: each command opens the store, calls one library function and prints.

Library errors become ``Fout: <Dutch message>`` with exit code 1; nothing is stored when a command fails.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import click

from narratief import __version__
from narratief.errors import NarratiefError
from narratief.stories import KINDS, LEVELS, PERSPECTIVES, PURPOSES
from narratief.store.story_store import DEFAULT_DB, ENV_DB

DEFAULT_PORT = 8866
LIST_COLUMNS = ["id", "participant", "session", "level", "perspective", "kind", "language", "tags", "words", "consent"]


class Fout(click.ClickException):
    """A user-facing error, printed in Dutch."""

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.echo(f"Fout: {self.format_message()}", err=True)


def db_option(command):
    return click.option(
        "--db",
        "db",
        envvar=ENV_DB,
        default=DEFAULT_DB,
        show_default=True,
        type=click.Path(dir_okay=False),
        help="Het databasebestand (ook via NARRATIEF_DB).",
    )(command)


def open_store(db: str, *, must_exist: bool = True):
    from narratief.store import StoryStore

    if must_exist and not Path(db).exists():
        raise Fout(f"Database {db} bestaat niet. Maak er een met 'narratief demo --db {db}' of 'narratief import'.")
    return StoryStore(db)


def run(action):
    """Call ``action()`` and turn narratief errors into a Dutch message with exit code 1."""
    try:
        return action()
    except NarratiefError as err:
        raise Fout(err.message) from err


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="narratief")
def cli() -> None:
    """narratief: ervaringsverhalen bewaren, delen en samen betekenis geven."""


@cli.command()
@db_option
@click.option("--force", is_flag=True, help="Voeg de voorbeelden ook toe als de database al bestaat.")
def demo(db: str, force: bool) -> None:
    """Schrijf de voorbeeldcollectie (verzonnen verhalen) in een database."""
    from narratief.example import create_demo_store, load_example

    def act() -> None:
        if create_demo_store(db):
            with open_store(db) as store:
                count = len(store.story_ids())
            click.echo(f"{count} voorbeeldverhalen geschreven in {db}.")
        elif force:
            with open_store(db) as store:
                report = load_example(store)
            click.echo(f"{report.imported} voorbeeldverhalen toegevoegd aan {db}.")
        else:
            click.echo(f"{db} bestaat al; er is niets veranderd (gebruik --force om de voorbeelden toe te voegen).")

    run(act)


@cli.command(name="import")
@click.argument("file", type=click.Path(exists=True))
@db_option
@click.option("--text-column", help="Kolom met de verhaaltekst.")
@click.option("--participant-column", help="Kolom met het pseudoniem van de deelnemer.")
@click.option("--participant", help="Eén deelnemer voor alle verhalen zonder deelnemer.")
@click.option("--session", help="Sessie voor alle verhalen zonder sessie.")
def import_command(file: str, db: str, text_column, participant_column, participant, session) -> None:
    """Importeer verhalen uit CSV, XLSX, JSON, JSONL of een map met .txt/.md/.docx."""
    from narratief.importing import import_stories

    def act() -> None:
        with open_store(db, must_exist=False) as store:
            report = import_stories(
                store, file, text_column=text_column, participant_column=participant_column,
                participant=participant, session=session,
            )
        for warning in report.warnings:
            click.echo(f"Let op: {warning}", err=True)
        if report.ignored_columns:
            click.echo(f"Niet gebruikte kolommen: {', '.join(report.ignored_columns)}", err=True)
        skipped = f" ({report.skipped_empty} lege overgeslagen)" if report.skipped_empty else ""
        click.echo(f"{report.imported} verhalen geïmporteerd{skipped}.")

    run(act)


@cli.command(name="list")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--session")
@click.option("--participant")
@click.option("--level", type=click.Choice(LEVELS))
@click.option("--perspective", type=click.Choice(PERSPECTIVES))
@click.option("--kind", type=click.Choice(KINDS))
@click.option("--purpose", type=click.Choice(PURPOSES), help="Alleen verhalen met toestemming voor dit doel.")
def list_command(db: str, fmt: str, purpose, **filters) -> None:
    """Toon de verhalen (zonder tekst) met hun sessie, niveau, perspectief, soort en toestemming."""
    filters = {k: v for k, v in filters.items() if v}

    def act() -> None:
        with open_store(db) as store:
            frame = store.list_stories(purpose=purpose, **filters)[LIST_COLUMNS]
        if fmt == "csv":
            frame.to_csv(sys.stdout, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        elif fmt == "json":
            click.echo(json.dumps(frame.to_dict("records"), ensure_ascii=False, indent=1))
        else:
            click.echo(frame.to_string(index=False) if len(frame) else "Geen verhalen.")

    run(act)


@cli.command()
@db_option
@click.option("--k", "n_themes", type=click.IntRange(1, 200), help="Aantal thema's (standaard: automatisch).")
@click.option("--codebook", help="Codeboek: YAML, CSV, XLSX of QDC, of 'drempels-hefbomen'.")
@click.option("--purpose", default="onderzoek", show_default=True, type=click.Choice(PURPOSES))
@click.option("--seed", default=0, show_default=True, type=int)
@click.option("--out", type=click.Path(dir_okay=False), help="Schrijf per verhaal het thema naar dit CSV-bestand.")
def themes(db: str, n_themes, codebook, purpose: str, seed: int, out) -> None:
    """Zoek gedeelde thema's in de geanonimiseerde verhalen en bewaar ze in de database."""
    from narratief.themes.storage import themes_from_store

    def act() -> None:
        with open_store(db) as store:
            result, stories, run_id = themes_from_store(
                store, purpose=purpose, n_themes=n_themes, seed=seed, codebook=codebook
            )
        table = result.themes[["theme", "label", "n_stories", "n_participants", "scope"]]
        click.echo(table.to_string(index=False))
        click.echo(f"{len(table)} thema's in {len(stories)} verhalen (bewaard als run {run_id}).")
        if out:
            frame = stories[["id", "participant"]].assign(
                theme=result.assignments.to_numpy(), coding=result.coding.to_numpy()
            )
            labels = result.themes.set_index("theme")["label"]
            frame["label"] = frame["theme"].map(labels).fillna("")
            frame.to_csv(out, index=False)
            click.echo(f"Toewijzingen geschreven naar {out}.")

    run(act)


@cli.command()
@db_option
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="HTML- of Markdown-bestand (.html, .md).")
@click.option("--run", "run_id", type=int, help="Welke bewaarde themarun (standaard: de laatste).")
def report(db: str, out: str, run_id) -> None:
    """Maak het onderzoeksrapport (alleen geanonimiseerde verhalen met toestemming voor onderzoek)."""
    from narratief.report import write_report

    def act() -> None:
        with open_store(db) as store:
            write_report(store, out, run_id=run_id)
        click.echo(f"Rapport geschreven naar {out}.")

    run(act)


@cli.command()
@db_option
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="Het .qdc-bestand.")
@click.option("--codebook", help="Een codeboek (bestand of 'drempels-hefbomen'); standaard de bewaarde thema's.")
def codebook(db: str, out: str, codebook) -> None:
    """Exporteer een codeboek als REFI-QDA .qdc (voor NVivo, ATLAS.ti, MAXQDA, QualCoder)."""
    from narratief.refiqda import codebook_from_run, write_qdc
    from narratief.themes.codebook import load_codebook

    def act() -> None:
        if codebook:
            chosen = load_codebook(codebook)
        else:
            with open_store(db) as store:
                chosen = codebook_from_run(store)
        write_qdc(chosen, out)
        click.echo(f"Codeboek met {len(chosen)} thema's geschreven naar {out}.")

    run(act)


@cli.command()
@db_option
@click.option("--purpose", required=True, type=click.Choice(PURPOSES))
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx", "jsonl", "qdpx"]), help="Standaard: volgens --out.")
@click.option("--out", required=True, type=click.Path(dir_okay=False))
@click.option("--participant", help="Bij doel 'eigen': de deelnemer die de eigen verhalen krijgt.")
def export(db: str, purpose: str, fmt, out: str, participant) -> None:
    """Exporteer de verhalen met toestemming voor één doel, alleen deelbare tekst."""
    from narratief.exporting import export_stories

    def act() -> None:
        with open_store(db) as store:
            if fmt == "qdpx" or (fmt is None and out.lower().endswith(".qdpx")):
                from narratief.refiqda import write_qdpx

                count = write_qdpx(store, out, purpose=purpose)
            else:
                count = export_stories(store, out, purpose, format=fmt, viewer=participant)
        click.echo(f"{count} verhalen geëxporteerd naar {out}.")

    run(act)


@cli.command()
@db_option
@click.option("--story", "story_id", required=True)
@click.option("--grant", multiple=True, type=click.Choice(PURPOSES), help="Doel waarvoor toestemming gegeven is.")
@click.option("--withdraw", multiple=True, type=click.Choice(PURPOSES), help="Doel waarvoor toestemming ingetrokken is.")
@click.option("--how", default="cli", show_default=True, help="Hoe de toestemming gegeven of ingetrokken werd.")
def consent(db: str, story_id: str, grant, withdraw, how: str) -> None:
    """Geef of trek toestemming in per doel. Zonder enige toestemming wordt het verhaal gewist."""

    def act() -> None:
        with open_store(db) as store:
            for purpose in grant:
                store.grant_consent(story_id, purpose, method=how)
            erased = False
            for purpose in withdraw:
                erased = store.withdraw_consent(story_id, purpose, method=how) or erased
                if erased:
                    break
            if erased:
                click.echo(f"Verhaal {story_id} heeft geen toestemming meer en is gewist.")
            else:
                granted = store.granted_purposes(story_id)
                click.echo(f"Toestemming voor {story_id}: {', '.join(granted) or 'geen'}.")

    run(act)


@cli.command()
@db_option
@click.option("--story", "story_id")
@click.option("--participant")
def erase(db: str, story_id, participant) -> None:
    """Wis een verhaal, of een deelnemer met al diens verhalen, definitief."""
    from narratief.store import KeyStore, key_store_path

    if bool(story_id) == bool(participant):
        raise Fout("Geef precies één van --story of --participant.")

    def act() -> None:
        with open_store(db) as store:
            if story_id:
                store.erase(story_id)
                click.echo(f"Verhaal {story_id} is gewist.")
                return
            count = store.erase_participant(participant)
        keys = key_store_path(db)
        if keys.exists():
            with KeyStore(keys) as key_store:
                key_store.forget(participant)
        click.echo(f"Deelnemer {participant} en {count} verhalen zijn gewist.")

    run(act)


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--mode", type=click.Choice(["placeholder", "surrogate", "mask"]), default="placeholder", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False), help="Schrijf de geanonimiseerde tekst naar dit bestand.")
def anonymise(file: str, mode: str, out) -> None:
    """Anonimiseer een tekstbestand (UTF-8) en toon of bewaar het resultaat."""
    from narratief.importing import decode_bytes
    from narratief.privacy.anonymiser import Anonymiser

    def act() -> None:
        text, _ = decode_bytes(Path(file).read_bytes())
        result = Anonymiser(mode)(text)
        if out:
            Path(out).write_text(result.text, encoding="utf-8")
            click.echo(f"{len(result.spans)} gegevens vervangen; geschreven naar {out}.")
        else:
            click.echo(result.text)

    run(act)


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def detect(file: str) -> None:
    """Toon welke soorten persoonlijke gegevens waar in een tekstbestand staan (zonder de gegevens zelf)."""
    from narratief.importing import decode_bytes
    from narratief.privacy.detect import detect as find

    def act() -> None:
        text, _ = decode_bytes(Path(file).read_bytes())
        findings = find(text)
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["label", "start", "end", "score", "recognizer", "kind"])
        for f in findings:
            writer.writerow([f.label, f.start, f.end, f"{f.score:.2f}", f.recognizer, f.kind or ""])

    run(act)


@cli.group()
def store() -> None:
    """Onderhoud van de database."""


@store.command()
@db_option
@click.option("--list", "only_list", is_flag=True, help="Toon alleen welke stappen al gedaan zijn en welke nog niet.")
def migrate(db: str, only_list: bool) -> None:
    """Breng de database naar de nieuwste versie."""
    from narratief.store import STORE_MIGRATIONS
    from narratief.store.connection import connect

    def act() -> None:
        if only_list:
            conn = connect(db)
            try:
                for name in STORE_MIGRATIONS.names:
                    mark = "x" if name in STORE_MIGRATIONS.applied(conn) else " "
                    click.echo(f"[{mark}] {name}")
            finally:
                conn.close()
            return
        from narratief.store import StoryStore

        with StoryStore(db, migrate=False) as opened:
            applied = STORE_MIGRATIONS.apply(opened.connection)
        click.echo(f"{len(applied)} stappen uitgevoerd." if applied else "De database is al bij.")

    run(act)


@cli.command()
@click.argument("name", default="start")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Adres om op te luisteren (0.0.0.0 voor het lokale netwerk).")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=int)
@click.option("--no-demo", is_flag=True, help="Maak geen voorbeelddatabase aan als die ontbreekt.")
def app(name: str, db: str, host: str, port: int, no_demo: bool) -> None:
    """Start de app in de browser (Voilà). Stoppen met Ctrl-C."""
    from narratief.example import create_demo_store
    from narratief.resources import notebooks_dir

    notebooks = notebooks_dir()
    page = next((p.name for p in sorted(notebooks.glob("*.ipynb")) if p.stem.split("-", 1)[-1] == name or p.stem == name), None)
    if page is None:
        raise Fout(f"Onbekende app '{name}'. Kies uit: {', '.join(p.stem for p in sorted(notebooks.glob('*.ipynb')))}.")
    db_path = Path(db).resolve()
    if not no_demo and create_demo_store(db_path):
        click.echo(f"Voorbeelddatabase gemaakt: {db_path}")
    env = {**os.environ, ENV_DB: str(db_path)}
    url = f"http://{host}:{port}/voila/render/{page}"
    click.echo(f"narratief draait op http://{host}:{port}/  (start: {url})")
    click.echo("Stoppen met Ctrl-C.")
    command = [
        sys.executable, "-m", "voila", str(notebooks), f"--port={port}", f"--Voila.ip={host}", "--no-browser",
        "--show_tracebacks=False",
    ]
    try:
        raise SystemExit(subprocess.call(command, env=env))
    except KeyboardInterrupt:
        click.echo("Gestopt.")


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
