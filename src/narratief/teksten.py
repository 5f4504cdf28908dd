"""Every Dutch string a user sees: labels, help, warnings and error messages.

Code refers to these by key; nothing user-facing is written elsewhere, so the wording can be reviewed in one place.
"""

from __future__ import annotations

#: Error messages by code (see :mod:`narratief.errors`). Placeholders never receive story text.
FOUTEN: dict[str, str] = {
    "N000": "Er ging iets mis in narratief.",
    "N001": "Er is geen toestemming voor '{doel}' bij verhaal {story_id}.",
    "N002": "Verhaal {story_id} bestaat niet (meer).",
    "N003": "Onbekend doel '{doel}'. Kies uit: {toegestaan}.",
    "N004": "De database kon niet worden bijgewerkt (stap {migratie}). Er is niets veranderd.",
    "N005": "Deelnemer {deelnemer} is niet gevonden.",
    "N006": "Het bestand {pad} is geen narratief-database of is beschadigd.",
    "N010": "Het bestand bevat geen verhalen.",
    "N011": "Geen kolom met de verhaaltekst gevonden. Gevonden kolommen: {kolommen}. "
    "Kies de tekstkolom met --text-column.",
    "N012": "Het bestand kan niet gelezen worden: onleesbare tekens {waar}. "
    "Sla het bestand op als UTF-8 en probeer opnieuw.",
    "N013": "Deze verhaal-id's komen meer dan eens voor: {ids}. Er is niets geïmporteerd.",
    "N014": "Ongeldige waarde '{waarde}' in kolom '{kolom}' (rij {rij}). Toegestaan: {toegestaan}.",
    "N015": "Dit soort bestand kan niet geïmporteerd worden: {pad}. "
    "Gebruik CSV, XLSX, JSON, JSONL of een map met .txt/.md/.docx-bestanden.",
    "N016": "Geen kolom met de deelnemer gevonden. Gevonden kolommen: {kolommen}. "
    "Kies een kolom met --participant-column of geef één deelnemer met --participant.",
    "N017": "De kolom '{kolom}' bestaat niet. Gevonden kolommen: {kolommen}.",
    "N018": "Het bestand kan niet gelezen worden ({waar}): {reden}.",
    "N020": "Dit verhaal kan nog niet gedeeld worden voor '{doel}': "
    "de anonimisering is nog niet beschikbaar. Alleen de verteller kan het lezen.",
    "N021": "Alleen de verteller zelf kan dit verhaal lezen voor eigen reflectie.",
    "N022": "Kies een deelnemer: bij doel 'eigen' krijgt alleen de verteller de eigen verhalen.",
    "N031": "Onbekende manier van vervangen '{modus}'. Kies uit: {toegestaan}.",
    "N030": "Onbekend bestandsformaat '{formaat}'. Kies uit: {toegestaan}.",
    "N040": "Thema's zoeken lukt niet met deze invoer ({kolom}). Geef een tabel met een tekstkolom, of een lijst "
    "verhalen.",
    "N041": "Het codeboek {pad} kan niet gelezen worden: {reden}.",
    "N042": "Thema {thema} bestaat niet (meer) in dit resultaat.",
    "N043": "Verhaal {story_id} zit niet in dit themaresultaat.",
    "N044": "Deze bewerking kan niet: {reden}.",
    "N045": "Er zijn nog geen thema's bewaard in deze verhalenbank. Zoek eerst thema's.",
    "N050": "Deze code klopt niet. Vraag de code aan de gespreksleider.",
    "N051": "Deze sessie is afgesloten: er kan niets meer bij.",
    "N052": "Deze schuilnaam is al in gebruik in deze sessie. Kies een andere, of geef je persoonlijke code.",
    "N053": "Vink eerst aan dat je bijdrage (zonder herkenbare details) met de groep gedeeld mag worden.",
    "N054": "Dit is niet een van jouw bijdragen in deze sessie.",
    "N047": "Geef één woord, zonder spaties.",
    "N046": "Een QDA-project (.qdpx) bevat alleen verhalen met toestemming voor onderzoek. Kies doel 'onderzoek'.",
}

#: Warning messages by code (see :class:`narratief.errors.NarratiefWarning`).
WAARSCHUWINGEN: dict[str, str] = {
    "W001": "Het bestand is geen geldige UTF-8 ({waar}); het is gelezen als Windows-1252. "
    "Controleer letters met accenten.",
    "W002": "{aantal} lege verhalen overgeslagen.",
    "W003": "De database-bestanden konden niet volledig worden opgeschoond omdat ze nog open staan "
    "in een ander venster; dat gebeurt bij de volgende keer afsluiten.",
}

#: How each consent purpose is named to a person.
DOELEN: dict[str, str] = {
    "eigen": "Eigen reflectie (alleen de verteller)",
    "groep": "De groep",
    "begeleider": "De begeleider",
    "onderzoek": "Onderzoek",
    "publicatie": "Citeren in een publicatie",
}

NIVEAUS = {"micro": "Micro", "meso": "Meso", "macro": "Macro"}
PERSPECTIEVEN = {"gebruiker": "Gebruiker", "hulpverlener": "Hulpverlener"}
SOORTEN = {"drempel": "Drempel", "hefboom": "Hefboom"}

#: The notebooks of the toolkit, in the order the start page lists them.
NOTEBOOKS: list[tuple[str, str, str]] = [
    ("00-start.ipynb", "Start en verhalenbank", "Bekijk de verhalen, filter en beheer toestemming."),
    ("01-mijn-verhaal.ipynb", "Mijn verhaal", "Schrijf stap voor stap je ervaringsverhaal, met feedback."),
    ("02-groepssessie.ipynb", "Groepssessie", "Begeleid een dialoogtafel of verhalenronde met veel deelnemers."),
    ("02-deelnemen.ipynb", "Deelnemen", "Doe mee aan een groepssessie met de sessiecode (ook op je telefoon)."),
    ("03-verhalen-analyseren.ipynb", "Verhalen analyseren", "Importeer, anonimiseer en vind gedeelde thema's."),
]

UI: dict[str, str] = {
    "app_titel": "narratief",
    "app_ondertitel": "Ervaringsverhalen schrijven, delen en samen betekenis geven.",
    "notebooks_kop": "Onderdelen",
    "verhalenbank_kop": "Verhalenbank",
    "alle_sessies": "Alle sessies",
    "alle_deelnemers": "Alle deelnemers",
    "alle_niveaus": "Alle niveaus",
    "alle_perspectieven": "Alle perspectieven",
    "alle_soorten": "Alle soorten",
    "filter_sessie": "Sessie",
    "filter_deelnemer": "Deelnemer",
    "filter_niveau": "Niveau",
    "filter_perspectief": "Perspectief",
    "filter_soort": "Soort",
    "aantal_verhalen": "{aantal} verhalen",
    "geen_verhalen": "Geen verhalen voor deze keuze.",
    "kies_verhaal": "Kies een verhaal in de lijst om het te lezen.",
    "toestemming_kop": "Toestemming",
    "toestemming_uitleg": "Wie mag dit verhaal lezen? Alleen wat aangevinkt is, is toegestaan.",
    "toestemming_opgeslagen": "Toestemming opgeslagen.",
    "wissen": "Verhaal wissen",
    "wissen_bevestig_vraag": "Dit verhaal en alles wat ervan afgeleid is, wordt definitief gewist. "
    "Dit kan niet ongedaan worden gemaakt.",
    "intrekken_bevestig_vraag": "Zonder enige toestemming wordt dit verhaal definitief gewist, met alles wat "
    "ervan afgeleid is. Dit kan niet ongedaan worden gemaakt.",
    "ja_wissen": "Ja, definitief wissen",
    "annuleren": "Annuleren",
    "gewist": "Het verhaal is gewist.",
    "metadata": "Deelnemer: {participant} · Sessie: {session} · Niveau: {level} · Perspectief: {perspective}"
    " · Soort: {kind} · Versie: {version}",
    "onbekend": "—",
    "controleer": "Controleer anonimisering",
    "review_uitleg": "Gemarkeerd is wat verborgen wordt. Vink uit wat geen persoonlijk gegeven is; voeg toe wat gemist werd.",
    "review_geen": "Er zijn geen persoonlijke gegevens gevonden.",
    "review_toevoegen": "Gemist gegeven toevoegen",
    "review_tekst": "Tekst",
    "review_soort": "Soort",
    "review_bewaar": "Beslissingen bewaren",
    "review_bewaard": "Beslissingen bewaard; de gedeelde tekst is bijgewerkt.",
    "review_alleen_begeleider": "Controleren kan alleen bij verhalen met toestemming voor de begeleider.",
    "review_waarschuwing": "Let op: dit verhaal bevat {aantal} persoonlijke gegevens (namen, plaatsen, nummers). "
    "Ze worden verborgen voor iedereen behalve jezelf.",
    "lijsten_kop": "Privacy-instellingen van deze verzameling",
    "lijst_toelaten": "Nooit verbergen (één per regel), bv. de organisatie die de sessie organiseert",
    "lijst_verbergen": "Altijd verbergen (één per regel)",
    "lijsten_bewaar": "Lijsten bewaren",
    "lijsten_bewaard": "Lijsten bewaard; alle gedeelde teksten worden opnieuw berekend.",
}

#: How each kind of identifying detail is named to a person.
LABELS: dict[str, str] = {
    "PERSOON": "Persoon",
    "LOCATIE": "Plaats",
    "ADRES": "Adres",
    "ORGANISATIE": "Organisatie",
    "DATUM": "Datum",
    "LEEFTIJD": "Leeftijd",
    "TELEFOON": "Telefoon",
    "EMAIL": "E-mail",
    "URL": "Website",
    "ID": "Nummer of account",
}
