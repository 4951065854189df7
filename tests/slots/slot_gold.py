"""Small gold files for the training tests: stories of (text, [(figure, slot value), ...])."""
import json

PUB = "2021-03-01"


def write_gold(path, stories, slot: str, id_prefix: str):
    """One gold document per story, each figure a claim carrying only its span and the one slot under test."""
    with open(path, "w", encoding="utf-8") as out:
        for i, (text, figures) in enumerate(stories):
            claims = []
            for figure, answer in figures:
                start = text.index(figure)
                claims.append({"span": [start, start + len(figure)], "text": figure, "value": None, slot: answer})
            out.write(json.dumps({"id": f"{id_prefix}{i}", "text": text, "meta": {"published": PUB}, "claims": claims}) + "\n")
    return path
