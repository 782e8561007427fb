#!/usr/bin/env python3
"""Hubnet's matchmaking search side by side with two real peers, in one run.

On one generated corpus and one list of queries (both exported by the Swift side) this
script compares

* hubnet  — `hubnet bench match` (its own in-memory index, its own timings),
* tantivy — the Rust search library through its Python package (BM25),
* FTS5    — SQLite's full-text search through Python's sqlite3 (bm25()),

and prints build times, query latency percentiles (p50/p95/p99, nearest rank), the p50
ratios, and how far Hubnet's top 20 agrees with tantivy's BM25 top 20.

    python3 benchmarks/match_peers.py --organisations 1000000 --queries 300 --seed 1

Needs `swift build -c release` (for .build/release/hubnet) and `pip install tantivy`.
Python 3 standard library plus tantivy only. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

TOP_K = 20
WARMUP = 20
FIELDS = ("name", "description", "offers", "seeks")
FTS5_TOKENIZER = "unicode61 remove_diacritics 2"
TANTIVY_ANALYZER = "hubnet_fold"
TANTIVY_HEAP_BYTES = 1_000_000_000
# Two cores: Python feeds documents on one, tantivy indexes on the other. Measured on this
# machine, one indexing thread is faster than two and leaves fewer segments.
TANTIVY_THREADS = 1

# The words Hubnet never scores: Snowball's German and English stop words and the filler of
# requests, from the lexicon its TextAnalyzer reads (Sources/HubnetCore/Resources/lexicon.json),
# folded. Both peers drop them from queries too (tantivy also at indexing), so no peer pays for
# scanning "und"/"and" postings that Hubnet never looks at. Single letters are dropped as Hubnet
# does (single digits are kept).
def _lexicon_stop_words() -> set[str]:
    path = Path(__file__).resolve().parent.parent / "Sources" / "HubnetCore" / "Resources" / "lexicon.json"
    lexicon = json.loads(path.read_text(encoding="utf-8"))
    words = [w for lists in (lexicon["stopWords"], lexicon["filler"]) for ws in lists.values() for w in ws]
    return {fold(w) for w in words}


STOP_WORDS: list[str] = []  # filled once fold() is defined, below
_STOP: frozenset[str] = frozenset()
_WORD = re.compile(r"[^\W_]+")

REQUIRED_HUBNET_KEYS = ("build_s", "memory_mb", "p50_ms", "p95_ms", "p99_ms", "organisations", "queries")

TIMED = {
    "hubnet": "as reported by `hubnet bench match` (its own in-process timer per query)",
    "tantivy": "analysing the query text + building the BooleanQuery + searcher.search(top 20, no count) "
               "+ reading the 20 ids' ordinals from a fast field (Python binding overhead included)",
    "fts5": "SELECT rowid ... MATCH <OR of quoted terms> ORDER BY bm25() LIMIT 20, including fetching "
            "the 20 rows (Python sqlite3 overhead included)",
}


class Failure(Exception):
    """A problem that ends the run with a message and exit status 1."""


def log(message: str = "") -> None:
    print(message, flush=True)


# --------------------------------------------------------------------------------------------
# small helpers


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest rank, as Hubnet's Latencies.swift: the smallest value with at least p of all
    values at or below it."""
    if not sorted_values:
        return 0.0
    rank = math.ceil(len(sorted_values) * p)
    return sorted_values[min(max(rank - 1, 0), len(sorted_values) - 1)]


def summary(latencies_ms: list[float]) -> dict[str, float]:
    values = sorted(latencies_ms)
    return {"p50_ms": percentile(values, 0.50), "p95_ms": percentile(values, 0.95),
            "p99_ms": percentile(values, 0.99), "mean_ms": sum(values) / len(values) if values else 0.0}


def rss_mb(field: str = "VmRSS") -> float | None:
    """Resident (VmRSS) or peak resident (VmHWM) memory of this process in MB, Linux only."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return None


def fold(word: str) -> str:
    """Lower case without diacritics, ß as ss: only to compare query words with STOP_WORDS."""
    decomposed = unicodedata.normalize("NFKD", word.lower().replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


STOP_WORDS = sorted(_lexicon_stop_words() | set("abcdefghijklmnopqrstuvwxyz"))
_STOP = frozenset(STOP_WORDS)


def query_words(text: str) -> list[str]:
    """The query's words (letters and digits), without Hubnet's stop words, first occurrence
    kept, order kept."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(text):
        folded = fold(word)
        if folded in _STOP or not folded:
            continue
        seen.setdefault(word, None)
    return list(seen)


def fts5_match_expression(text: str) -> str:
    """An FTS5 MATCH expression that cannot be a syntax error: each word as a quoted string
    (inner double quotes doubled), joined with OR. Empty when the query has no words."""
    return " OR ".join('"' + word.replace('"', '""') + '"' for word in query_words(text))


def fmt(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def ratio_text(ratio: float | None) -> str:
    if ratio is None:
        return "n/a"
    if ratio >= 1:
        return f"{ratio:.2f}× faster"
    return f"{1 / ratio:.2f}× slower" if ratio > 0 else "n/a"


# --------------------------------------------------------------------------------------------
# the Swift side


def run_export(hubnet: str, args: argparse.Namespace, workdir: Path) -> float:
    command = [hubnet, "bench", "export-corpus", "--organisations", str(args.organisations),
               "--queries", str(args.queries), "--seed", str(args.seed), "--out", str(workdir)]
    log("$ " + " ".join(command))
    started = time.perf_counter()
    # stdout goes to our stderr so that, with --json, our stdout stays ours.
    result = subprocess.run(command, stdout=sys.stderr, stderr=None)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise Failure(f"`hubnet bench export-corpus` exited with status {result.returncode}")
    for name in ("corpus.jsonl", "queries.jsonl"):
        if not (workdir / name).is_file():
            raise Failure(f"`hubnet bench export-corpus` wrote no {workdir / name}")
    return elapsed


def run_match(hubnet: str, args: argparse.Namespace, results_file: Path) -> tuple[dict, float]:
    command = [hubnet, "bench", "match", "--organisations", str(args.organisations),
               "--queries", str(args.queries), "--seed", str(args.seed),
               "--results", str(results_file), "--json"]
    log("$ " + " ".join(command))
    started = time.perf_counter()
    last = ""
    # stderr (progress) passes straight through; stdout is echoed line by line as it comes.
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=None, text=True,
                          encoding="utf-8", errors="replace", bufsize=1) as process:
        try:
            assert process.stdout is not None
            for line in process.stdout:
                print("  hubnet | " + line.rstrip("\n"), flush=True)
                if line.strip():
                    last = line.strip()
            status = process.wait()
        except BaseException:
            process.kill()
            raise
    elapsed = time.perf_counter() - started
    if status != 0:
        raise Failure(f"`hubnet bench match` exited with status {status}")
    try:
        figures = json.loads(last)
        if not isinstance(figures, dict):
            raise ValueError("not an object")
    except ValueError as error:
        raise Failure(f"the last line of `hubnet bench match --json` is not a JSON object ({error}): {last[:200]!r}")
    missing = [key for key in REQUIRED_HUBNET_KEYS if key not in figures]
    if missing:
        raise Failure("`hubnet bench match --json` lacks " + ", ".join(missing))
    if not results_file.is_file():
        raise Failure(f"`hubnet bench match` wrote no results file {results_file}")
    return figures, elapsed


def read_corpus(path: Path) -> tuple[list[str], list[tuple[str, str, str, str]]]:
    ids: list[str] = []
    rows: list[tuple[str, str, str, str]] = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                ids.append(str(record["id"]).lower())
                rows.append(tuple(str(record.get(field) or "") for field in FIELDS))  # type: ignore[misc]
            except (ValueError, KeyError, TypeError) as error:
                raise Failure(f"{path}:{number}: not a corpus record ({error})")
    return ids, rows


def read_queries(path: Path) -> list[tuple[int, str]]:
    queries: list[tuple[int, str]] = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                queries.append((int(record["query"]), str(record["text"])))
            except (ValueError, KeyError, TypeError) as error:
                raise Failure(f"{path}:{number}: not a query record ({error})")
    return queries


def read_results(path: Path) -> dict[int, list[str]]:
    results: dict[int, list[str]] = {}
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                results[int(record["query"])] = [str(i).lower() for i in record["ids"]][:TOP_K]
            except (ValueError, KeyError, TypeError) as error:
                raise Failure(f"{path}:{number}: not a result record ({error})")
    return results


# --------------------------------------------------------------------------------------------
# tantivy


def run_tantivy(tantivy, ids: list[str], rows: list, queries: list[tuple[int, str]]) -> dict:
    schema_builder = tantivy.SchemaBuilder()
    schema_builder.add_text_field("id", stored=True, tokenizer_name="raw")
    schema_builder.add_unsigned_field("ord", fast=True)  # position in the corpus → id, cheaply
    for field in FIELDS:
        schema_builder.add_text_field(field, tokenizer_name=TANTIVY_ANALYZER, index_option="freq")
    schema = schema_builder.build()
    analyzer = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
                .filter(tantivy.Filter.remove_long(40))
                .filter(tantivy.Filter.lowercase())
                .filter(tantivy.Filter.ascii_fold())
                .filter(tantivy.Filter.custom_stopword(STOP_WORDS))
                .build())

    gc.collect()
    rss_before, hwm_before = rss_mb("VmRSS"), rss_mb("VmHWM")
    started = time.perf_counter()
    index = tantivy.Index(schema)  # in RAM, as Hubnet's index
    index.register_tokenizer(TANTIVY_ANALYZER, analyzer)
    writer = index.writer(heap_size=TANTIVY_HEAP_BYTES, num_threads=TANTIVY_THREADS)
    Document = tantivy.Document
    for ordinal, (doc_id, row) in enumerate(zip(ids, rows)):
        document = Document()
        document.add_text("id", doc_id)
        document.add_unsigned("ord", ordinal)
        document.add_text("name", row[0])
        document.add_text("description", row[1])
        document.add_text("offers", row[2])
        document.add_text("seeks", row[3])
        writer.add_document(document)
    writer.commit()
    writer.wait_merging_threads()
    del writer
    index.reload()
    searcher = index.searcher()
    build_s = time.perf_counter() - started
    gc.collect()
    rss_after, hwm_after = rss_mb("VmRSS"), rss_mb("VmHWM")
    if searcher.num_docs != len(ids):
        raise Failure(f"tantivy indexed {searcher.num_docs} documents of {len(ids)}")

    Query, Should = tantivy.Query, tantivy.Occur.Should
    term_query, boolean_query = Query.term_query, Query.boolean_query
    analyze, search, fast_values = analyzer.analyze, searcher.search, searcher.fast_field_values
    errors = 0

    def make_query(text: str):
        """OR of every (field, term) pair, with the terms analysed as the fields were: what
        index.parse_query would build for plain words, but nothing in the text can be a syntax
        error."""
        terms = dict.fromkeys(analyze(text))
        if not terms:
            return None
        return boolean_query([(Should, term_query(schema, field, term, index_option="freq"))
                              for term in terms for field in FIELDS])

    def run(text: str) -> tuple[list, list[int]]:
        nonlocal errors
        try:
            query = make_query(text)
            if query is None:
                return [], []
            hits = search(query, TOP_K, count=False).hits
            return hits, fast_values("ord", [address for _, address in hits])
        except (ValueError, RuntimeError):
            errors += 1
            return [], []

    # Untimed check: the ordinal fast field names the document whose stored id it came with.
    for _, text in queries[:WARMUP]:
        query = make_query(text)
        for _, address in (search(query, 3, count=False).hits if query is not None else []):
            stored = searcher.doc(address).get_first("id")
            ordinal = fast_values("ord", [address])[0]
            if stored != ids[ordinal]:
                raise Failure(f"tantivy: ordinal {ordinal} names {ids[ordinal]} but the stored id is {stored}")

    for _, text in queries[:WARMUP]:
        run(text)
    latencies: list[float] = []
    results: dict[int, list[str]] = {}
    cutoff: dict[int, float] = {}  # score of the 20th hit, where there are 20
    clock = time.perf_counter
    gc.disable()
    try:
        for number, text in queries:
            started = clock()
            hits, ordinals = run(text)
            latencies.append((clock() - started) * 1000.0)
            results[number] = [ids[o] for o in ordinals]
            if len(hits) == TOP_K:
                cutoff[number] = hits[-1][0]
    finally:
        gc.enable()

    texts = dict(queries)

    def ties_top(number: int, doc_id: str) -> bool:
        """Untimed: whether BM25 scores doc_id at least as high as tantivy's 20th hit for the
        query, i.e. it is tied with the top 20 (generated corpora tie a lot: which of the tied
        documents make the cut is arbitrary, in every engine)."""
        if number not in cutoff:
            return False  # fewer than 20 hits: tantivy returned every match
        query = make_query(texts[number])
        found = search(term_query(schema, "id", doc_id), 1, count=False).hits
        if query is None or not found:
            return False
        try:
            score = float(json.loads(query.explain(searcher, found[0][1]).to_json())["value"])
        except (ValueError, KeyError, TypeError):
            return False  # the document does not match the query
        return score >= cutoff[number] * (1 - 1e-5)

    figures = {"build_s": build_s, "segments": searcher.num_segments, "errors": errors, **summary(latencies)}
    if rss_before is not None and rss_after is not None:
        figures["memory_mb"] = rss_after - rss_before
    if hwm_before is not None and hwm_after is not None:
        figures["peak_growth_mb"] = max(0.0, hwm_after - hwm_before)
    return {"figures": figures, "results": results, "ties_top": ties_top}


# --------------------------------------------------------------------------------------------
# SQLite FTS5


def run_fts5(path: Path, ids: list[str], rows: list, queries: list[tuple[int, str]]) -> dict:
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA cache_size = -1048576")  # up to 1 GiB of page cache
        connection.execute("PRAGMA temp_store = MEMORY")
        try:
            connection.execute(f"CREATE VIRTUAL TABLE docs USING fts5({', '.join(FIELDS)}, "
                               f"tokenize = '{FTS5_TOKENIZER}')")
        except sqlite3.OperationalError as error:
            raise Failure(f"this Python's SQLite has no FTS5 ({error})")

        started = time.perf_counter()
        connection.execute("BEGIN")
        connection.executemany(f"INSERT INTO docs(rowid, {', '.join(FIELDS)}) VALUES (?, ?, ?, ?, ?)",
                               ((ordinal + 1, *row) for ordinal, row in enumerate(rows)))
        connection.execute("COMMIT")
        connection.execute("INSERT INTO docs(docs) VALUES ('optimize')")  # one b-tree per term
        build_s = time.perf_counter() - started
        size_mb = path.stat().st_size / (1024.0 * 1024.0)

        sql = "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 20"
        execute = connection.execute
        errors = 0

        def run(text: str) -> list[int]:
            nonlocal errors
            expression = fts5_match_expression(text)
            if not expression:
                return []
            try:
                return [rowid for (rowid,) in execute(sql, (expression,)).fetchall()]
            except sqlite3.Error:
                errors += 1
                return []

        for _, text in queries[:WARMUP]:
            run(text)
        latencies: list[float] = []
        results: dict[int, list[str]] = {}
        clock = time.perf_counter
        gc.disable()
        try:
            for number, text in queries:
                started = clock()
                rowids = run(text)
                latencies.append((clock() - started) * 1000.0)
                results[number] = [ids[rowid - 1] for rowid in rowids]
        finally:
            gc.enable()
    finally:
        connection.close()
    figures = {"build_s": build_s, "db_mb": size_mb, "errors": errors, **summary(latencies)}
    return {"figures": figures, "results": results}


# --------------------------------------------------------------------------------------------
# agreement


def overlap(mine: dict[int, list[str]], reference: dict[int, list[str]], numbers: list[int],
            ties_top=None) -> float | None:
    """Mean over queries of |top20 ∩ reference top20| / max(1, min(20, |reference top20|)).

    With ties_top(number, id), an id outside the reference top 20 also counts when the
    reference scores it as high as its own 20th hit (a tie at the cut); capped at 1 a query."""
    if not numbers:
        return None
    total = 0.0
    for number in numbers:
        theirs = reference.get(number, [])[:TOP_K]
        ours = list(dict.fromkeys(mine.get(number, [])[:TOP_K]))
        denominator = max(1, min(TOP_K, len(theirs)))
        common = set(ours).intersection(theirs)
        hits = len(common)
        if ties_top is not None:
            hits += sum(1 for doc_id in ours if doc_id not in common and ties_top(number, doc_id))
        total += min(hits, denominator) / denominator
    return total / len(numbers)


# --------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    repo_root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(
        description="Compare Hubnet's matchmaking search with tantivy (BM25) and SQLite FTS5 "
                    "on the same generated corpus and queries.")
    parser.add_argument("--hubnet", default=str(repo_root / ".build" / "release" / "hubnet"),
                        help="the hubnet executable (default: .build/release/hubnet in the repository)")
    parser.add_argument("--organisations", type=int, default=1_000_000, help="corpus size (default 1000000)")
    parser.add_argument("--queries", type=int, default=300, help="number of queries (default 300)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--workdir", help="folder for the exported corpus, results and the FTS5 database "
                                          "(default: a temporary folder, removed at the end)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--json", action="store_true", help="end standard output with one JSON object of all figures")
    args = parser.parse_args(argv)
    if args.organisations < 1 or args.queries < 1:
        parser.error("--organisations and --queries must be at least 1")

    try:
        import tantivy  # noqa: PLC0415
    except ImportError:
        print("match_peers.py needs the Python package tantivy: pip install tantivy\n"
              "(on a system Python managed by Debian: pip install --break-system-packages tantivy)",
              file=sys.stderr)
        return 2
    try:
        from importlib.metadata import version
        tantivy_version = version("tantivy")
    except Exception:  # noqa: BLE001
        tantivy_version = getattr(tantivy, "__version__", "unknown")

    hubnet = args.hubnet
    if not (os.path.isfile(hubnet) and os.access(hubnet, os.X_OK)):
        print(f"no hubnet executable at {hubnet}: build it with `swift build -c release` "
              "or name it with --hubnet PATH", file=sys.stderr)
        return 1

    temporary = args.workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="hubnet-peers-") if temporary else args.workdir).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        report = compare(args, hubnet, workdir, tantivy, tantivy_version)
    except Failure as failure:
        print(f"match_peers.py: {failure}", file=sys.stderr)
        return 1
    finally:
        if temporary and not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        elif temporary:
            print(f"kept {workdir}", file=sys.stderr)
    if args.json:
        print(json.dumps(report, ensure_ascii=False), flush=True)
    return 0


def compare(args: argparse.Namespace, hubnet: str, workdir: Path, tantivy, tantivy_version: str) -> dict:
    log(f"Hubnet vs tantivy {tantivy_version} vs SQLite {sqlite3.sqlite_version} FTS5 — "
        f"{args.organisations:,} organisations, {args.queries} queries, seed {args.seed}, top {TOP_K}")
    log(f"work folder: {workdir}")

    export_s = run_export(hubnet, args, workdir)
    log(f"exported in {export_s:.1f} s")
    results_file = workdir / "hubnet-results.jsonl"
    hubnet_figures, match_s = run_match(hubnet, args, results_file)
    log(f"hubnet bench match took {match_s:.1f} s")

    started = time.perf_counter()
    ids, rows = read_corpus(workdir / "corpus.jsonl")
    queries = read_queries(workdir / "queries.jsonl")
    hubnet_results = read_results(results_file)
    gc.collect()
    gc.freeze()  # the corpus is long-lived: keep it out of collections during timings
    log(f"read {len(ids):,} documents and {len(queries)} queries in {time.perf_counter() - started:.1f} s")

    warnings: list[str] = []
    if len(ids) != args.organisations:
        warnings.append(f"corpus.jsonl holds {len(ids)} documents, not {args.organisations}")
    if len(set(ids)) != len(ids):
        warnings.append("corpus.jsonl repeats ids")
    if len(queries) != args.queries:
        warnings.append(f"queries.jsonl holds {len(queries)} queries, not {args.queries}")
    if hubnet_figures.get("organisations") != args.organisations:
        warnings.append(f"hubnet reports {hubnet_figures.get('organisations')} organisations, not {args.organisations}")
    if hubnet_figures.get("queries") != args.queries:
        warnings.append(f"hubnet reports {hubnet_figures.get('queries')} queries, not {args.queries}")
    numbers = [number for number, _ in queries]
    missing = [number for number in numbers if number not in hubnet_results]
    if missing:
        warnings.append(f"hubnet results lack {len(missing)} of the queries (first: {missing[:5]})")
    known = set(ids)
    returned = [doc_id for number in numbers for doc_id in hubnet_results.get(number, [])]
    unknown = sum(1 for doc_id in returned if doc_id not in known)
    if unknown:
        warnings.append(f"{unknown} of {len(returned)} ids hubnet returned are not in corpus.jsonl: "
                        "is `bench match` indexing the same documents as `export-corpus`?")
    del known
    for warning in warnings:
        log(f"WARNING: {warning}")

    log(f"tantivy: indexing {len(ids):,} documents in RAM ({TANTIVY_THREADS} indexing thread, "
        f"{TANTIVY_HEAP_BYTES // 1_000_000} MB heap) ...")
    tantivy_run = run_tantivy(tantivy, ids, rows, queries)
    tf = tantivy_run["figures"]
    log(f"tantivy: built in {tf['build_s']:.2f} s ({tf['segments']} segments); p50 {tf['p50_ms']:.3f} ms")

    log(f"FTS5: indexing {len(ids):,} documents into {workdir / 'fts5.sqlite'} ...")
    fts5_run = run_fts5(workdir / "fts5.sqlite", ids, rows, queries)
    ff = fts5_run["figures"]
    log(f"FTS5: built in {ff['build_s']:.2f} s ({ff['db_mb']:.0f} MB); p50 {ff['p50_ms']:.3f} ms")

    tantivy_results, fts5_results = tantivy_run["results"], fts5_run["results"]
    overlap_hubnet_tantivy = overlap(hubnet_results, tantivy_results, numbers)
    overlap_fts5_tantivy = overlap(fts5_results, tantivy_results, numbers)
    overlap_hubnet_fts5 = overlap(hubnet_results, fts5_results, numbers)
    ties_top = tantivy_run["ties_top"]
    tied_hubnet_tantivy = overlap(hubnet_results, tantivy_results, numbers, ties_top)
    tied_fts5_tantivy = overlap(fts5_results, tantivy_results, numbers, ties_top)
    tantivy_empty = sum(1 for number in numbers if not tantivy_results.get(number))

    hubnet_p50 = float(hubnet_figures["p50_ms"])

    def ratio(peer_p50: float) -> float | None:
        return peer_p50 / hubnet_p50 if hubnet_p50 > 0 else None

    ratio_tantivy, ratio_fts5 = ratio(tf["p50_ms"]), ratio(ff["p50_ms"])
    engines = [
        ("hubnet", float(hubnet_figures["build_s"]), hubnet_p50, float(hubnet_figures["p95_ms"]),
         float(hubnet_figures["p99_ms"]), 1.0 if hubnet_p50 > 0 else None),
        (f"tantivy {tantivy_version}", tf["build_s"], tf["p50_ms"], tf["p95_ms"], tf["p99_ms"], ratio_tantivy),
        (f"SQLite {sqlite3.sqlite_version} FTS5", ff["build_s"], ff["p50_ms"], ff["p95_ms"], ff["p99_ms"], ratio_fts5),
    ]
    header = ("engine", "build s", "p50 ms", "p95 ms", "p99 ms", "p50 ratio vs hubnet")
    table = [header] + [(name, fmt(build, 2), fmt(p50), fmt(p95), fmt(p99), fmt(r, 2))
                        for name, build, p50, p95, p99, r in engines]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    log()
    log(f"{args.organisations:,} organisations, {len(queries)} queries (each timed after {WARMUP} warm-up "
        f"queries), top {TOP_K}; percentiles by nearest rank; ratio = peer p50 / hubnet p50")
    for i, row in enumerate(table):
        log(" | ".join(cell.ljust(widths[c]) if c == 0 else cell.rjust(widths[c]) for c, cell in enumerate(row)))
        if i == 0:
            log("-+-".join("-" * w for w in widths))
    log()
    log(f"hubnet p50 vs tantivy: {ratio_text(ratio_tantivy)}")
    log(f"hubnet p50 vs FTS5: {ratio_text(ratio_fts5)}")
    goal_tantivy = ratio_tantivy is not None and ratio_tantivy >= 1.0
    # Issue 8: on the realistic vocabulary, at most half of tantivy's p50.
    goal_half = ratio_tantivy is not None and ratio_tantivy >= 2.0
    goal_fts5 = ratio_fts5 is not None and ratio_fts5 >= 20.0
    log(f"goal p50 no slower than tantivy: {'met' if goal_tantivy else 'NOT met'}; "
        f"goal p50 at most half of tantivy's: {'met' if goal_half else 'NOT met'}; "
        f"goal p50 at least 20× faster than FTS5: {'met' if goal_fts5 else 'NOT met'}")
    log(f"top-{TOP_K} overlap with BM25 (tantivy): hubnet {fmt(overlap_hubnet_tantivy)}, "
        f"FTS5 {fmt(overlap_fts5_tantivy)} (reference); hubnet vs FTS5 {fmt(overlap_hubnet_fts5)}"
        + (f"; tantivy found nothing for {tantivy_empty} queries" if tantivy_empty else ""))
    log(f"top-{TOP_K} overlap with BM25 (tantivy) counting ties at the cut as hits: hubnet "
        f"{fmt(tied_hubnet_tantivy)}, FTS5 {fmt(tied_fts5_tantivy)} (reference)")
    memory = [f"hubnet {fmt(hubnet_figures.get('memory_mb'), 0)} MB (as reported)"]
    if "memory_mb" in tf:
        memory.append(f"tantivy {tf['memory_mb']:.0f} MB RSS growth after build"
                      + (f" (peak +{tf['peak_growth_mb']:.0f} MB while building)" if "peak_growth_mb" in tf else ""))
    memory.append(f"FTS5 database file {ff['db_mb']:.0f} MB")
    log("memory: " + "; ".join(memory))
    for engine in ("hubnet", "tantivy", "fts5"):
        log(f"timed for {engine}: {TIMED[engine]}")
    log("build times: hubnet as reported; tantivy = creating the Python documents, adding, commit, "
        "merges, reload; FTS5 = executemany in one transaction + 'optimize' (reading corpus.jsonl not included)")
    if tf["errors"] or ff["errors"]:
        log(f"WARNING: queries that raised: tantivy {tf['errors']}, FTS5 {ff['errors']} (counted as empty results)")

    def rounded(value, digits=4):
        return None if value is None else round(float(value), digits)

    report = {
        "organisations": args.organisations, "queries": len(queries), "seed": args.seed, "top_k": TOP_K,
        "warmup_queries": WARMUP, "percentiles": "nearest rank",
        "hubnet_build_s": rounded(hubnet_figures["build_s"]), "hubnet_p50_ms": rounded(hubnet_p50),
        "hubnet_p95_ms": rounded(hubnet_figures["p95_ms"]), "hubnet_p99_ms": rounded(hubnet_figures["p99_ms"]),
        "hubnet_memory_mb": rounded(hubnet_figures.get("memory_mb"), 1),
        "tantivy_version": tantivy_version, "tantivy_build_s": rounded(tf["build_s"]),
        "tantivy_p50_ms": rounded(tf["p50_ms"]), "tantivy_p95_ms": rounded(tf["p95_ms"]),
        "tantivy_p99_ms": rounded(tf["p99_ms"]), "tantivy_mean_ms": rounded(tf["mean_ms"]),
        "tantivy_memory_mb": rounded(tf.get("memory_mb"), 1),
        "tantivy_peak_growth_mb": rounded(tf.get("peak_growth_mb"), 1),
        "tantivy_segments": tf["segments"], "tantivy_errors": tf["errors"],
        "sqlite_version": sqlite3.sqlite_version, "fts5_build_s": rounded(ff["build_s"]),
        "fts5_p50_ms": rounded(ff["p50_ms"]), "fts5_p95_ms": rounded(ff["p95_ms"]),
        "fts5_p99_ms": rounded(ff["p99_ms"]), "fts5_mean_ms": rounded(ff["mean_ms"]),
        "fts5_db_mb": rounded(ff["db_mb"], 1), "fts5_errors": ff["errors"],
        "ratio_p50_tantivy_over_hubnet": rounded(ratio_tantivy),
        "ratio_p50_fts5_over_hubnet": rounded(ratio_fts5),
        "goal_p50_not_slower_than_tantivy": goal_tantivy, "goal_p50_at_most_half_of_tantivy": goal_half, "goal_p50_20x_faster_than_fts5": goal_fts5,
        "overlap@20_hubnet_tantivy": rounded(overlap_hubnet_tantivy),
        "overlap@20_fts5_tantivy": rounded(overlap_fts5_tantivy),
        "overlap@20_hubnet_fts5": rounded(overlap_hubnet_fts5),
        "overlap@20_ties_hubnet_tantivy": rounded(tied_hubnet_tantivy),
        "overlap@20_ties_fts5_tantivy": rounded(tied_fts5_tantivy),
        "tantivy_empty_queries": tantivy_empty,
        "export_s": rounded(export_s, 2), "hubnet_match_wall_s": rounded(match_s, 2),
        "timed": TIMED, "warnings": warnings, "hubnet": hubnet_figures,
    }
    return report


if __name__ == "__main__":
    sys.exit(main())
