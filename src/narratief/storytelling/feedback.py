"""Supportive feedback on a story in a narrative format: what is there, what could be added. Pure Python.

``feedback(text, format="drie-lagen")`` returns a :class:`Feedback` whose ``steps`` maps every step of the format to
``aanwezig``, ``dun`` or ``ontbreekt`` and whose ``messages`` are Dutch sentences for the trainee. It never gives a
score that judges the person: readability describes the text, and every remark comes with a way forward.

``text`` is one string (steps are recognised by cue words of ``data/lexicons/feedback.yaml``) or a mapping
step id → text (as the notebook writes it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from narratief.storytelling.formats import Format, load_format

PRESENT, THIN, MISSING = "aanwezig", "dun", "ontbreekt"
_WORD = re.compile(r"[\wÀ-ÿ'’-]+")
_VOWELS = re.compile(r"[aeiouyàáâäèéêëìíîïòóôöùúûü]+", re.IGNORECASE)
_I_WORDS = {"ik", "mij", "me", "mijn", "m'n", "'k", "k", "mezelf", "mijne"}
_WE_WORDS = {"wij", "we", "ons", "onze", "onszelf"}


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The cue lexicons and jargon list (``data/lexicons/feedback.yaml``)."""
    import yaml

    from narratief.resources import data_dir

    return yaml.safe_load((data_dir() / "lexicons" / "feedback.yaml").read_text(encoding="utf-8"))


def _cue_list(name: str) -> list[str]:
    cues = lexicon()["cues"]
    for part in name.split("."):
        cues = cues.get(part, []) if isinstance(cues, dict) else []
    return [c.lower() for c in cues]


@lru_cache(maxsize=64)
def _cue_pattern(name: str) -> re.Pattern | None:
    cues = _cue_list(name)
    if not cues:
        return None
    alternatives = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<![\wÀ-ÿ])(?:{alternatives})(?![\wÀ-ÿ])", re.IGNORECASE)


def has_cue(sentence: str, name: str) -> bool:
    pattern = _cue_pattern(name)
    return bool(pattern and pattern.search(sentence))


def sentences(text: str) -> list[str]:
    """Sentences of ``text`` (spaCy's sentencizer on a blank Dutch pipeline)."""
    from narratief.nlp.pipeline import build_sentence_pipeline

    doc = build_sentence_pipeline()(text)
    return [s.text.strip() for s in doc.sents if s.text.strip()]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def syllables(word: str) -> int:
    return max(1, len(_VOWELS.findall(word)))


def readability(text: str) -> dict[str, float]:
    """Flesch-Douma reading ease (Dutch adaptation of Flesch; higher = easier), words per sentence."""
    said = sentences(text)
    tokens = [w for w in words(text) if any(c.isalpha() for c in w)]
    if not said or not tokens:
        return {"flesch_douma": 0.0, "woorden_per_zin": 0.0, "lettergrepen_per_woord": 0.0}
    per_sentence = len(tokens) / len(said)
    per_word = sum(syllables(w) for w in tokens) / len(tokens)
    score = 206.835 - 0.93 * per_sentence - 77 * per_word
    return {"flesch_douma": round(score, 1), "woorden_per_zin": round(per_sentence, 1),
            "lettergrepen_per_woord": round(per_word, 2)}


def _level_text(score: float) -> str:
    if score >= 70:
        return "vlot leesbaar"
    if score >= 50:
        return "redelijk leesbaar"
    return "vrij moeilijk leesbaar"


@dataclass
class Feedback:
    """The feedback on one story. ``steps``: step id → aanwezig/dun/ontbreekt; ``messages``: Dutch sentences."""

    format: str
    steps: dict[str, str]
    messages: list[str]
    warnings: list[str] = field(default_factory=list)
    readability: dict[str, float] = field(default_factory=dict)
    perspective: dict[str, int] = field(default_factory=dict)
    third_parties: list[str] = field(default_factory=list)
    jargon: list[tuple[str, str]] = field(default_factory=list)
    details: dict[str, int] = field(default_factory=dict)

    def __repr__(self) -> str:
        return f"Feedback(format={self.format!r}, steps={self.steps!r})"


def _step_texts(text: str, fmt: Format) -> dict[str, str]:
    """Assign the sentences of one text to the steps of ``fmt`` by their cue words."""
    said = sentences(text)
    found: dict[str, list[str]] = {step.id: [] for step in fmt.steps}
    if fmt.id == "herstelverhaal":
        current = fmt.steps[0].id
        for sentence in said:
            for step in fmt.steps:
                if has_cue(sentence, f"fasen.{step.id}"):
                    current = step.id
                    break
            found[current].append(sentence)
        return {k: " ".join(v) for k, v in found.items()}
    narrative = fmt.steps[0].id if fmt.id == "drie-lagen" else None
    for sentence in said:
        placed = False
        for step in reversed(fmt.steps):  # later steps (lesson, why) win over earlier ones
            if any(has_cue(sentence, cue) for cue in step.cues):
                found[step.id].append(sentence)
                placed = True
                break
        if not placed and narrative:
            found[narrative].append(sentence)
        elif not placed and fmt.id == "msc":
            found["verandering"].append(sentence)
    return {k: " ".join(v) for k, v in found.items()}


def _status(text: str, minimum: int) -> str:
    count = len(words(text))
    if count == 0:
        return MISSING
    return PRESENT if count >= minimum else THIN


def _third_parties(text: str) -> list[str]:
    roles = _cue_list("derden")
    found = []
    lowered = text.lower()
    for role in roles:
        match = re.search(rf"(?<![\wÀ-ÿ])(mijn|m'n|de|het|onze|mijne|ne|nen|een)\s+{re.escape(role)}(?![\wÀ-ÿ])", lowered)
        if match and match.group(0) not in found:
            found.append(match.group(0))
    return found


def _jargon(text: str) -> list[tuple[str, str]]:
    lowered = text.lower()
    hits = []
    for entry in lexicon().get("jargon", []):
        term = str(entry["term"]).lower()
        if re.search(rf"(?<![\wÀ-ÿ]){re.escape(term)}(?![\wÀ-ÿ])", lowered):
            hits.append((entry["term"], entry["eenvoudig"]))
    return hits


def feedback(text: str | Mapping[str, str], format: str = "drie-lagen") -> Feedback:
    """Supportive feedback on ``text`` written in ``format`` (``herstelverhaal``, ``drie-lagen``, ``msc``)."""
    fmt = load_format(format)
    if isinstance(text, Mapping):
        parts = {step.id: str(text.get(step.id, "") or "") for step in fmt.steps}
        whole = "\n\n".join(p for p in parts.values() if p.strip())
    else:
        whole = str(text or "")
        parts = _step_texts(whole, fmt)
    steps = {step.id: _status(parts[step.id], step.min_words) for step in fmt.steps}
    messages: list[str] = []
    present = [step.name for step in fmt.steps if steps[step.id] == PRESENT]
    if present:
        messages.append("Wat er al staat: " + ", ".join(present).lower() + ". Dat is de basis van je verhaal.")
    for step in fmt.steps:
        if steps[step.id] == THIN:
            messages.append(f"Bij '{step.name}' staat al een begin. Je kunt het verder uitdiepen: {step.question}")
        elif steps[step.id] == MISSING:
            messages.append(f"'{step.name}' ontbreekt nog. Een vraag die kan helpen: {step.question}")
    if whole.strip() and not any(has_cue(s, "reflectie") for s in sentences(whole)):
        messages.append("Je vertelt wat er gebeurde. Je kunt ook vertellen wat het voor jou betekende, bijvoorbeeld "
                        "met 'achteraf besef ik…' of 'nu weet ik…'.")

    if fmt.id == "herstelverhaal" and whole.strip():
        said = sentences(whole)
        for cue, question in (("hulp", "Wat hielp je?"), ("drempel", "Wat hinderde je?"),
                              ("had_kunnen_helpen", "Wat had je kunnen helpen?")):
            if not any(has_cue(s, cue) for s in said):
                messages.append(f"Een vraag die je verhaal rijker kan maken: {question}")

    lowered = [w.lower() for w in words(whole)]
    perspective = {"ik": sum(w in _I_WORDS for w in lowered), "wij": sum(w in _WE_WORDS for w in lowered)}
    if perspective["wij"]:
        messages.append("Je maakt de stap van 'ik' naar 'wij': zo wordt je ervaring herkenbaar voor anderen.")
    elif perspective["ik"]:
        messages.append("Je vertelt vanuit 'ik'. Als je wil, kun je ook zeggen wat je herkent bij lotgenoten ('wij').")

    third = _third_parties(whole)
    warnings: list[str] = []
    if third:
        messages.append("Je noemt andere mensen (" + ", ".join(third) + "). In de deelbare versie kun je hen algemener "
                        "beschrijven, zodat niemand herkenbaar is.")

    measured = readability(whole) if whole.strip() else {}
    if measured:
        line = (f"Je tekst is {_level_text(measured['flesch_douma'])} (Flesch-Douma {measured['flesch_douma']:.0f}); "
                f"de zinnen tellen gemiddeld {measured['woorden_per_zin']:.0f} woorden.")
        if measured["woorden_per_zin"] > 20:
            line += " Kortere zinnen maken het makkelijker voor je lezers."
        messages.append(line)

    jargon = _jargon(whole)
    for term, plain in jargon:
        messages.append(f"'{term}' is vakjargon. Eenvoudiger gezegd: {plain}.")

    details: dict[str, int] = {}
    if whole.strip():
        from narratief.privacy.detect import detect

        for finding in detect(whole):
            details[finding.label] = details.get(finding.label, 0) + 1
    if details:
        from narratief import teksten

        kinds = ", ".join(teksten.LABELS.get(label, label).lower() for label in sorted(details))
        warnings.append(f"Let op voor je deelt: je verhaal bevat herkenbare details ({kinds}). Anderen lezen een "
                        "versie waarin die vervangen zijn; kijk na of dat klopt.")
    return Feedback(fmt.id, steps, messages, warnings, measured, perspective, third, jargon, details)
