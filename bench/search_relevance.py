"""Search relevance: recall@10 and MRR of the committed relevance set
(tests/search/relevance.toml) against the demo newsroom, per engine and per kind of query.

    .venv/bin/python bench/search_relevance.py [--database-url postgres://.../masthead_search_bench]

Without --database-url it runs on SQLite FTS5 in a temporary MASTHEAD_VAR_DIR; with it, on
PostgreSQL in that (existing, preferably empty) database. It loads the demo (`masthead demo`'s
content, without publishing files) and rebuilds the index first. Target: recall@10 ≥ 0.95.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RELEVANCE_SET = ROOT / "tests" / "search" / "relevance.toml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="a PostgreSQL database to run on")
    options = parser.parse_args()
    os.environ["MASTHEAD_VAR_DIR"] = tempfile.mkdtemp(prefix="masthead-relevance-")
    os.environ.pop("REDIS_URL", None)
    if options.database_url:
        os.environ["DATABASE_URL"] = options.database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.config.settings")

    import django

    django.setup()
    from django.core.management import call_command

    from masthead.demo.loader import load_demo
    from masthead.search.backends import engine
    from masthead.search.relevance import evaluate, load_cases
    from masthead.search.services import rebuild_index

    call_command("migrate", verbosity=0)
    load_demo()
    rebuild_index()
    cases = load_cases(RELEVANCE_SET)
    report = evaluate(cases)
    burmese = sum(any("\u1000" <= c <= "\u109f" for c in case.query) for case in cases)
    print(f"Engine: {engine().name}; {len(cases)} queries ({burmese} in Burmese)")
    print(f"  recall@10 {report.recall_at_10:.3f}   MRR {report.mrr:.3f}")
    by_kind = defaultdict(list)
    for outcome in report.outcomes:
        by_kind[outcome.case.kind].append(outcome)
    for kind, outcomes in sorted(by_kind.items()):
        recall = sum(o.recall for o in outcomes) / len(outcomes)
        mrr = sum(o.reciprocal_rank for o in outcomes) / len(outcomes)
        print(f"    {kind:24} {len(outcomes):3} queries  recall@10 {recall:.3f}  MRR {mrr:.3f}")
    for outcome in report.misses():
        print(
            f"  missed: {outcome.case.query!r} wanted {outcome.case.expected}, got {outcome.found}"
        )


if __name__ == "__main__":
    main()
