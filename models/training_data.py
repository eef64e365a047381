"""Generated training rows from data files: `python -m models.training_data` (repo root).

Stage 0 of training, before `models/train.py`. Writes all three generated files, seeded and
byte for byte reproducible, in the one slot language of `models/templating.py`:

* `events_templated.jsonl` from `templates/events.jsonl` (one clause template a line) and
  `relevance_templated.jsonl` from `templates/relevance.jsonl` (one subtheme a line, with
  story variants of titles, leads and bodies), both filled from `templates/slots.json`
  (per state: agencies as gazetteer ids with the name used and its grammatical gender,
  laws, cities, ports; shared lists; the ordered draws of one slot set). An agency entry
  with an `id` must name that body of `data/gazetteers/agencies.jsonl` by one of its names.
* `agencies_ner.jsonl` (sentences with AGENCY spans): `models/agencies_ner_data.py`.

Seeds, sizes and file names: `templates/generate.json`. Hand-written rows stay in their own
files (`*_handwritten*.jsonl`, `src/agencies_handwritten.txt`); the trainer reads the
first as they are, the agency file holds both parts.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from core.paths import GAZETTEERS, TRAINING
from core.vocabulary import EVENT_TYPES
from models.agencies_ner_data import agency_rows
from models.templating import (
    TEMPLATES,
    check,
    check_gazetteer_name,
    gazetteer_names,
    read_json,
    read_jsonl,
    render,
    write_jsonl,
)

GAZETTEER = GAZETTEERS / "agencies.jsonl"

EVENT_LABELS = EVENT_TYPES + ("none",)  # the spec's types, and clauses that report none
TOPICS = ("trafficking", "smuggling_migrants", "drugs", "goods_smuggling", "labour",
          "residency", "diplomacy", "human_rights", "cybercrime", "other")
RELEVANT_TOPICS = ("trafficking", "smuggling_migrants")
LAW_YEAR = re.compile(r"(?:لسنة|/)\s*(\d{4})")


class Slots:
    """Draws one consistent set of slot values for a state (`draw`), as the ordered
    draws of `slots.json` say; every agency pool is checked against the gazetteer."""

    def __init__(self, slots: dict, gazetteer: list[dict]):
        self.data = slots
        self._check_agencies(gazetteer)

    def _check_agencies(self, gazetteer: list[dict]) -> None:
        names = gazetteer_names(gazetteer)
        pools = [p for c in self.data["countries"].values() for p in c["agencies"].values()]
        for entry in [e for pool in pools + [self.data["intl"]] for e in pool if "id" in e]:
            check_gazetteer_name(names, entry["id"], entry["name"], TEMPLATES / "slots.json")

    def weighted_country(self, rng: random.Random, allowed=None) -> str:
        codes = [c for c in self.data["countries"] if allowed is None or c in allowed]
        weights = [self.data["countries"][c]["weight"] for c in codes]
        return rng.choices(codes, weights=weights, k=1)[0]

    def draw(self, rng: random.Random, cc: str, draws: list[dict]) -> tuple[dict, dict]:
        """(values, genders) for state `cc` after the given ordered draws."""
        country = self.data["countries"][cc]
        values = {k: country[k] for k in ("name", "state", "adj", "currency", "decree", "capital")}
        values["country"] = values.pop("name")
        genders = {}
        for slot in ("ppo", "labour", "moi"):
            values[f"{slot}0"] = country["agencies"][slot][0]["name"]
        parl = country["agencies"]["parl"][0]
        values["parl"], genders["parl"] = parl["name"], parl["gender"]
        for spec in draws:
            self._draw_one(rng, spec, country, values, genders)
        values["prev_year"] = values["year"] - 1
        return values, genders

    def _draw_one(self, rng, spec: dict, country: dict, values: dict, genders: dict) -> None:
        slot = spec["slot"]
        if "agency" in spec:
            pool = self.data["intl"] if spec["agency"] == "@intl" else country["agencies"][spec["agency"]]
            entry = rng.choice(pool)
            values[slot], genders[slot] = entry["name"], entry["gender"]
        elif "from" in spec:
            values[slot] = rng.choice(country[spec["from"]])
        elif "year" in spec:
            low, high = spec["year"]
            cited = " ".join(values[s] for s in spec["after_laws"])
            values[slot] = rng.randint(max([low] + [int(y) + 1 for y in LAW_YEAR.findall(cited)]), high)
        elif "offset_of" in spec:
            values[slot] = values[spec["offset_of"]] + rng.choice(spec["choices"])
        elif "date" in spec:
            values[slot] = self.date(rng, values["year"])
        else:
            values[slot] = self.choose(rng, spec, values)

    def choose(self, rng, spec: dict, values: dict):
        choices = spec["choices"]
        choices = self.data[choices[1:]] if isinstance(choices, str) else choices
        n = rng.choice(choices)
        if "count" in spec:
            return count(n, self.data["nouns"][spec["count"]])
        if "span_of" in spec:
            start = values[spec["span_of"]]
            return spec["pattern"].format(start=start, end=start + n)
        if "pattern" in spec:
            return spec["pattern"].format(n=n, currency=values["currency"])
        return n

    def date(self, rng: random.Random, year: int) -> str:
        """A date expression: relative, day month year, month year, or a year."""
        kind = rng.random()
        forms = next(d["forms"] for d in self.data["dates"] if kind < d["below"])
        filled = [self._fill_date(rng, form, year) for form in forms]
        return filled[0] if len(filled) == 1 else rng.choice(filled)

    def _fill_date(self, rng, form: str, year: int) -> str:
        def part(match):
            name = match.group(1)
            if name == "day":
                return str(rng.randint(1, 28))
            return str(year) if name == "year" else rng.choice(self.data[name + "s"])
        return re.sub(r"\{(day|month|weekday|year)\}", part, form)


def count(n: int, forms: list[str]) -> str:
    """`n` with its counted noun in the form Arabic number agreement asks for."""
    accusative, genitive, plural = forms
    rest = n % 100
    if n >= 100 and rest in (0, 1, 2):
        return f"{n} {genitive}"
    return f"{n} {plural}" if 3 <= rest <= 10 else f"{n} {accusative}"


def event_rows(slots: Slots, config: dict) -> list[dict]:
    """`per_template` distinct rows of every clause template, its group its line's `group`."""
    templates = read_jsonl(TEMPLATES / config["templates"])
    check(len({t["template"] for t in templates}) == len(templates), "events templates", "duplicate template")
    rng, rows, seen = random.Random(config["seed"]), [], set()
    for template in templates:
        check(template["label"] in EVENT_LABELS, template["group"], f"bad label {template['label']!r}")
        check(not template["planned"] or template["label"] == "none", template["group"],
               "a planned row must have label 'none'")
        made = tries = 0
        while made < config["per_template"] and tries < config["tries"]:
            tries += 1
            cc = slots.weighted_country(rng, template["countries"])
            text = render(template["template"], *slots.draw(rng, cc, slots.data["draws"]))
            if text in seen:
                continue
            seen.add(text)
            rows.append({"text": text, "label": template["label"], "planned": template["planned"],
                         "style": rng.choice(slots.data["countries"][cc]["styles"]),
                         "group": template["group"]})
            made += 1
    return rows


def relevance_rows(slots: Slots, config: dict) -> list[dict]:
    """`n` distinct composed documents of every subtheme; group = the subtheme."""
    rng, rows, seen = random.Random(config["seed"]), [], set()
    for spec in read_jsonl(TEMPLATES / config["templates"]):
        check(spec["topic"] in TOPICS, spec["subtheme"], f"bad topic {spec['topic']!r}")
        made = tries = 0
        while made < spec["n"] and tries < config["tries_per_document"] * spec["n"]:
            tries += 1
            row = compose(rng, slots, spec, config)
            if row["text"] not in seen:
                seen.add(row["text"])
                rows.append(row)
                made += 1
        check(made == spec["n"], spec["subtheme"], f"only {made} distinct documents")
    return rows


def compose(rng: random.Random, slots: Slots, spec: dict, config: dict) -> dict:
    """One document: a title, a lead, 2-5 bodies and maybe a closer of ONE story variant,
    all filled from one set of slot values so that state, agencies and numbers agree."""
    regional = spec["countries"] == "GCC"
    cc = slots.weighted_country(rng, None if spec["countries"] in (None, "GCC") else spec["countries"])
    extra = {}
    for draw in config["extra_draws"]:
        extra[draw["slot"]] = slots.choose(rng, draw, extra)
    values, genders = slots.draw(rng, cc, slots.data["draws"])
    values.update(extra)
    variant = rng.choice(spec["variants"])
    title = render(rng.choice(variant["titles"]), values, genders)
    sentences = [render(rng.choice(variant["leads"]), values, genders)]
    pool = variant["bodies"] + spec["bodies"]
    low, high = config["body_sentences"]
    sentences += [render(t, values, genders) for t in rng.sample(pool, rng.randint(low, min(high, len(pool))))]
    if spec["closers"] and rng.random() < config["closer_share"]:
        sentences.append(render(rng.choice(spec["closers"]), values, genders))
    styles = config["regional_styles"] if regional else slots.data["countries"][cc]["styles"]
    return {"title": title, "text": " ".join(sentences), "relevant": spec["topic"] in RELEVANT_TOPICS,
            "topic": spec["topic"], "country": None if regional else cc,
            "style": rng.choice(styles), "group": f"s-{spec['subtheme']}"}


def generate(out_dir: Path = TRAINING) -> dict[str, Path]:
    """Write the three generated files into `out_dir`; returns {name: path}."""
    config = read_json(TEMPLATES / "generate.json")
    gazetteer = read_jsonl(GAZETTEER)
    slots = Slots(read_json(TEMPLATES / "slots.json"), gazetteer)
    makers = {"events": lambda c: event_rows(slots, c), "relevance": lambda c: relevance_rows(slots, c),
              "agencies_ner": lambda c: agency_rows(gazetteer, c)}
    written = {}
    for name, make in makers.items():
        written[name] = out_dir / config[name]["out"]
        write_jsonl(written[name], make(config[name]))
    return written


if __name__ == "__main__":
    for name, path in generate(Path(sys.argv[1]) if len(sys.argv) > 1 else TRAINING).items():
        print(f"{name}: {path}")
