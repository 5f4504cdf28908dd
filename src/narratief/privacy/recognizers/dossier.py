"""Dossier, client and reference numbers after the word that names them ("dossiernummer 2023/4471")."""

from __future__ import annotations

from collections.abc import Iterator

from narratief.privacy.findings import Finding
from narratief.privacy.recognizers.base import Recognizer, TextView, regex

_NUMBERISH = regex(r"(?:[A-Za-z]{1,5}[-/.])*[A-Za-z]{0,4}[-/.]?\d[\w/.-]*\d|\d+")  # "RvA-J-230915", "BR.43.L4.004512/21"


#: Reference-like codes anywhere: letters and digits with a dash or slash ("T-48817/K", "2023/4471").
_CODE = regex(
    r"(?<![\w/-])(?:(?=[A-Z0-9/-]*\d{3})(?=[A-Z0-9/-]*[A-Z])[A-Z0-9]+(?:[/-][A-Z0-9]+){1,4}|\d{4}/\d{3,6})(?![\w/-])"
)
#: The value of a form field after its id word: "Cliëntnummer: LdH-DH-20931", "Zaaknummer: C/16/558213 / JE RK 23-1184".
_FIELD_VALUE = regex(r"[ \t]*:[ \t]*([A-Za-z0-9][A-Za-z0-9 /.-]{2,38}[A-Za-z0-9])[ \t]*(?=\n|$|[·|])")
_SKIP = {":", ",", ".", "nr", "nr.", "is", "was", "nummer", "#", "van", "mijn", "zijn", "haar", "toen", "het", "de", "dat",
         "trouwens", "bij", "heette", "heet", "luidt", "luidde", "als", "eigen", "oude"}


class DossierRecognizer(Recognizer):
    name = "dossier"
    labels = ("ID",)

    def find(self, view: TextView) -> Iterator[Finding]:
        cues = view.lexicons.word_set("id_cues")
        tokens = view.tokens
        for index, token in enumerate(tokens):
            cue = token.lower.rstrip(".:")
            if cue not in cues and not (cue.endswith(("nummer", "nr")) and len(cue) > 4):
                continue
            field = _FIELD_VALUE.match(view.text, token.end - (token.text.endswith(":"))) if index + 1 < len(tokens) else None
            if field and sum(c.isdigit() for c in field.group(1)) >= 3 and not any(c.isspace() for c in field.group(1)[:2]):
                yield Finding("ID", field.start(1), field.end(1), 0.75, self.name, "value of an id field", "dossier")
                continue
            # the number may follow after ":", "nr.", "is", "was"
            for follower in tokens[index + 1: index + 7]:
                if follower.lower in _SKIP or follower.text.islower() and follower.i + 1 < len(tokens) and tokens[follower.i + 1].text == ":":
                    continue  # the field's name goes on: "notitienummer parket: BR.43.L4.004512/21"
                match = _NUMBERISH.fullmatch(follower.text.rstrip(".,;:"))
                if match and sum(c.isdigit() for c in follower.text) >= 3:
                    end = follower.start + len(follower.text.rstrip(".,;:"))
                    # digit groups written with spaces: "klantnummer 6003 218 774"
                    k = follower.i + 1
                    while k < len(tokens) and tokens[k].text.isdigit() and tokens[k].start - end <= 1:
                        end = tokens[k].end
                        k += 1
                    yield Finding("ID", follower.start, end, 0.75, self.name, "number after an id word", "dossier")
                break
        for match in _CODE.finditer(view.text):
            yield Finding("ID", match.start(), match.end(), 0.5, self.name, "reference-like code", "dossier")
