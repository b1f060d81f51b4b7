"""The real-app collection that docs/accuracy.md measures against: its records
are complete and its splits are the documented ones (the apps themselves are
checked out elsewhere, never committed): the first collection split by a hash
of the repository's name, and the repositories collected later, ``fresh`` to
``fresh6`` (each collected and verified before the linter was run on it)."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

ACCURACY = Path(__file__).parent.parent / "accuracy"
FRESH = ("fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6")


def records(name: str) -> list[dict[str, str]]:
    with (ACCURACY / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def split_of(repo: str) -> str:
    return (
        "holdout" if int(hashlib.sha256(repo.lower().encode()).hexdigest(), 16) % 10 < 3 else "tune"
    )


def test_every_site_has_a_verdict_a_split_and_a_repository_at_a_commit() -> None:
    manifest = {row["repo"]: row for row in records("manifest.tsv")}
    sites = records("truth.tsv")
    assert len(sites) >= 1000
    assert all(len(row["commit"]) == 40 for row in manifest.values())
    seen = set()
    for site in sites:
        key = (site["repo"], site["file"], int(site["line"]))
        assert key not in seen, key
        seen.add(key)
        assert site["repo"] in manifest, site["repo"]
        assert site["verdict"] in {"refused", "pickles", "unknown"}, site
        assert site["sink"] in {"session_state", "cache_data"}, site
        assert site["split"] == manifest[site["repo"]]["split"]
        assert site["split"] in {*FRESH, split_of(site["repo"])}, site
        assert site["verdict"] == "unknown" or site["evidence"], site


def test_every_split_holds_refused_and_picklable_sites() -> None:
    sites = records("truth.tsv")
    for split in ("tune", "holdout", *FRESH):
        verdicts = [site["verdict"] for site in sites if site["split"] == split]
        assert verdicts.count("refused") >= 30
        assert verdicts.count("pickles") >= 300
