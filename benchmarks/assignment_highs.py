#!/usr/bin/env python3
"""Hubnet's reviewer assignment against the HiGHS solver, on the same instances.

Hubnet assigns reviewers (jurors) to papers (applications) with a min-cost flow: every paper
gets exactly the number of reviewers it requires, no reviewer gets more than their maximum,
conflicting pairs are never assigned, and the total affinity of the assigned pairs is as high
as possible. This script checks that Hubnet's total is the optimum and compares its time with
HiGHS (through scipy), which solves the same problem as an integer program:

    maximise    sum  s[r,p] x[r,p]        over the allowed pairs (r, p), x[r,p] in {0, 1}
    subject to  sum_r x[r,p]  = k[p]      for every paper p
                sum_p x[r,p] <= max[r]    for every reviewer r

The constraint matrix is totally unimodular (a bipartite transportation problem), so the LP
relaxation already has an integral optimum: by default HiGHS solves the LP (`linprog`, its
simplex) and the script checks that the solution is integral; `--method milp` solves it with
binary variables instead (`milp`, the same optimum, several times slower).

It runs `hubnet eval assignment --scores DIR --generated RxP --seed S --export OUT --json`,
which solves the MIDL affinity data and one generated instance and writes both to OUT/midl/
and OUT/generated/; then it solves each exported instance with HiGHS, checks the solution
(coverage, loads, conflicts) and prints totals, the gap (hubnet − HiGHS, goal 0) and times.

    python3 benchmarks/assignment_highs.py --generated 200x2000 --seed 1
    python3 benchmarks/assignment_highs.py --instances DIR --json    # HiGHS only, no hubnet

An instance is a folder as /work/shared/data/midl_reviewer_affinity: scores.csv (a row per
reviewer, a column per paper, header `reviewer,p0,p1,…`), paper_coverage.csv
(`paper,reviewers_required`), reviewer_loads.csv (`reviewer,max_papers,…`; other columns such as
min_papers_lb_variant are ignored) and optionally conflicts.csv (`reviewer,paper`).

Timed for HiGHS: building the model from the loaded arrays (sparse matrix, bounds) and, apart
from that, the solve (the scipy call, including its hand-over to HiGHS); reading the CSV files
is not timed. Hubnet's seconds are the ones it reports (`midl_seconds`, `generated_seconds`).
Exit status 1 when a run fails, a gap is not 0 or the numbers of assigned pairs differ.
Needs numpy and scipy (pip install scipy). See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

INSTANCES = ("midl", "generated")
HUBNET_KEYS = ("total", "seconds", "assigned")
INTEGRALITY_TOLERANCE = 1e-6


class Failure(Exception):
    """A problem that ends the run with a message and exit status 1."""


def log(message: str = "") -> None:
    print(message, flush=True)


def require(condition: bool, message: str) -> None:
    """An assertion that `python -O` does not remove."""
    if not condition:
        raise Failure(message)


def is_zero_gap(gap: float, total: float) -> bool:
    return abs(gap) < 1e-6 * max(1.0, abs(total))


# --------------------------------------------------------------------------------------------
# instances


@dataclass
class Instance:
    name: str
    reviewers: list[str]
    papers: list[str]
    scores: np.ndarray      # reviewers × papers, float64
    required: np.ndarray    # per paper, int64
    max_load: np.ndarray    # per reviewer, int64
    conflicts: np.ndarray   # pairs (reviewer index, paper index), shape (n, 2), without repeats


def read_csv(path: Path, header: tuple[str, ...]) -> tuple[list[str], list[list[str]]]:
    """The header and the (non-empty) data rows of a CSV file whose header begins with `header`."""
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    require(bool(rows) and tuple(rows[0][:len(header)]) == header,
            f"{path}: the header must begin with {','.join(header)}")
    return rows[0], [row for row in rows[1:] if row]


def index_of(names: list[str], what: str, path: Path) -> dict[str, int]:
    index = {name: i for i, name in enumerate(names)}
    require(len(index) == len(names), f"{path}: a {what} is named twice")
    return index


def read_counts(path: Path, header: tuple[str, str], names: dict[str, int], what: str) -> np.ndarray:
    """Column 2 of a `name,count,…` file as an array in the order of `names`; every name once."""
    counts = np.full(len(names), -1, dtype=np.int64)
    for number, row in enumerate(read_csv(path, header)[1], start=2):
        require(row[0] in names, f"{path}:{number}: {row[0]!r} is no {what} of scores.csv")
        require(counts[names[row[0]]] < 0, f"{path}:{number}: {row[0]!r} is listed twice")
        try:
            counts[names[row[0]]] = int(row[1])
        except (IndexError, ValueError):
            raise Failure(f"{path}:{number}: {header[1]} is not a whole number") from None
        require(counts[names[row[0]]] >= 0, f"{path}:{number}: {header[1]} is negative")
    missing = [name for name, i in names.items() if counts[i] < 0]
    require(not missing, f"{path} lacks {len(missing)} {what}(s) of scores.csv, e.g. {missing[:3]}")
    return counts


def load_instance(name: str, folder: Path) -> Instance:
    header, rows = read_csv(folder / "scores.csv", ("reviewer",))
    papers = header[1:]
    reviewers = [row[0] for row in rows]
    require(all(len(row) == len(papers) + 1 for row in rows),
            f"{folder / 'scores.csv'}: every row needs one score per paper")
    try:
        scores = np.array([row[1:] for row in rows], dtype=np.float64).reshape(len(rows), len(papers))
    except ValueError as error:
        raise Failure(f"{folder / 'scores.csv'}: a score is not a number ({error})") from None
    require(bool(np.isfinite(scores).all()), f"{folder / 'scores.csv'}: a score is not finite")

    reviewer_index = index_of(reviewers, "reviewer", folder / "scores.csv")
    paper_index = index_of(papers, "paper", folder / "scores.csv")
    required = read_counts(folder / "paper_coverage.csv", ("paper", "reviewers_required"), paper_index, "paper")
    max_load = read_counts(folder / "reviewer_loads.csv", ("reviewer", "max_papers"), reviewer_index, "reviewer")

    pairs: set[tuple[int, int]] = set()
    if (folder / "conflicts.csv").is_file() and (folder / "conflicts.csv").stat().st_size > 0:
        for number, row in enumerate(read_csv(folder / "conflicts.csv", ("reviewer", "paper"))[1], start=2):
            require(len(row) >= 2 and row[0] in reviewer_index and row[1] in paper_index,
                    f"{folder / 'conflicts.csv'}:{number}: unknown reviewer or paper {row[:2]}")
            pairs.add((reviewer_index[row[0]], paper_index[row[1]]))
    conflicts = np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    return Instance(name, reviewers, papers, scores, required, max_load, conflicts)


def explain_infeasibility(instance: Instance, allowed: np.ndarray) -> str | None:
    """A reason why no assignment exists that is visible without solving, or None."""
    needed, capacity = int(instance.required.sum()), int(instance.max_load.sum())
    if needed > capacity:
        return f"the papers need {needed} reviews but the reviewers can give at most {capacity}"
    short = np.flatnonzero(allowed.sum(axis=0) < instance.required)
    if short.size:
        return (f"{short.size} paper(s) have fewer allowed reviewers than they require, "
                f"e.g. {instance.papers[short[0]]}")
    return None


# --------------------------------------------------------------------------------------------
# HiGHS


@dataclass
class Solution:
    total: float
    assigned: int
    build_seconds: float
    solve_seconds: float


def solve_with_highs(instance: Instance, method: str) -> Solution:
    """Solves the instance with HiGHS, checks the solution and returns its total and times."""
    started = time.perf_counter()
    allowed = np.ones(instance.scores.shape, dtype=bool)
    allowed[instance.conflicts[:, 0], instance.conflicts[:, 1]] = False
    rows, cols = np.nonzero(allowed)             # variable j is the pair (rows[j], cols[j])
    variables = np.arange(rows.size)
    ones = np.ones(rows.size)
    cost = -instance.scores[rows, cols]          # HiGHS minimises
    coverage = sparse.csr_array((ones, (cols, variables)), shape=(len(instance.papers), rows.size))
    load = sparse.csr_array((ones, (rows, variables)), shape=(len(instance.reviewers), rows.size))
    required, max_load = instance.required.astype(np.float64), instance.max_load.astype(np.float64)
    if method == "milp":
        constraints = LinearConstraint(sparse.vstack([coverage, load], format="csr"),
                                       np.concatenate([required, np.full(max_load.size, -np.inf)]),
                                       np.concatenate([required, max_load]))
    build_seconds = time.perf_counter() - started

    reason = explain_infeasibility(instance, allowed)
    if reason:
        raise Failure(f"{instance.name}: no assignment exists: {reason}")

    started = time.perf_counter()
    if method == "milp":
        result = milp(cost, constraints=constraints, integrality=ones, bounds=Bounds(0, 1),
                      options={"mip_rel_gap": 0.0})
    else:
        result = linprog(cost, A_ub=load, b_ub=max_load, A_eq=coverage, b_eq=required, bounds=(0, 1),
                         method="highs")
    solve_seconds = time.perf_counter() - started
    if result.status == 2:
        raise Failure(f"{instance.name}: HiGHS finds no assignment (infeasible): {result.message}")
    require(result.status == 0 and result.x is not None,
            f"{instance.name}: HiGHS did not solve the problem (status {result.status}): {result.message}")

    x = np.rint(result.x)
    require(bool(np.all(np.abs(result.x - x) <= INTEGRALITY_TOLERANCE)),
            f"{instance.name}: the HiGHS solution is not integral (max deviation "
            f"{np.max(np.abs(result.x - x)):.2e}); use --method milp")
    chosen = x > 0.5
    assignment = np.zeros(instance.scores.shape, dtype=bool)
    assignment[rows[chosen], cols[chosen]] = True
    verify(instance, assignment)
    total = math.fsum(instance.scores[assignment])
    require(is_zero_gap(total - (-result.fun), total),
            f"{instance.name}: HiGHS's objective {-result.fun} differs from the assignment's total {total}")
    return Solution(total, int(assignment.sum()), build_seconds, solve_seconds)


def verify(instance: Instance, assignment: np.ndarray) -> None:
    """Every paper has exactly its reviewers, no reviewer is over their load, no conflict is assigned."""
    coverage = assignment.sum(axis=0)
    wrong = np.flatnonzero(coverage != instance.required)
    if wrong.size:
        p = wrong[0]
        raise Failure(f"{instance.name}: paper {instance.papers[p]} has {coverage[p]} reviewers, "
                      f"not {instance.required[p]}")
    loads = assignment.sum(axis=1)
    over = np.flatnonzero(loads > instance.max_load)
    if over.size:
        r = over[0]
        raise Failure(f"{instance.name}: reviewer {instance.reviewers[r]} has {loads[r]} papers, "
                      f"more than {instance.max_load[r]}")
    require(not assignment[instance.conflicts[:, 0], instance.conflicts[:, 1]].any(),
            f"{instance.name}: a conflicting pair is assigned")


# --------------------------------------------------------------------------------------------
# the Swift side


def run_hubnet(hubnet: str, scores: str, generated: str, seed: int, export: Path) -> tuple[dict, float]:
    """Runs `hubnet eval assignment` (its stdout echoed, stderr passed through) and returns the
    JSON object of its last stdout line and the wall time of the whole command."""
    command = [hubnet, "eval", "assignment", "--scores", scores, "--generated", generated,
               "--seed", str(seed), "--export", str(export), "--json"]
    log("$ " + " ".join(command))
    started = time.perf_counter()
    last = ""
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
    require(status == 0, f"`hubnet eval assignment` exited with status {status}")
    try:
        figures = json.loads(last)
        require(isinstance(figures, dict), "not an object")
    except (ValueError, Failure) as error:
        raise Failure(f"the last line of `hubnet eval assignment --json` is not a JSON object "
                      f"({error}): {last[:200]!r}") from None
    missing = [f"{name}_{key}" for name in INSTANCES for key in HUBNET_KEYS if f"{name}_{key}" not in figures]
    require(not missing, "`hubnet eval assignment --json` lacks " + ", ".join(missing))
    not_numbers = [f"{name}_{key}" for name in INSTANCES for key in HUBNET_KEYS
                   if isinstance(figures[f"{name}_{key}"], bool)
                   or not isinstance(figures[f"{name}_{key}"], (int, float))]
    require(not not_numbers, "in `hubnet eval assignment --json`, these are not numbers: " + ", ".join(not_numbers))
    return figures, elapsed


# --------------------------------------------------------------------------------------------


def fmt(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def compare(folder: Path, hubnet: dict | None, method: str) -> tuple[dict, bool]:
    """Solves the instances in `folder` with HiGHS, prints the table, and returns all figures and
    whether Hubnet agrees with HiGHS (every gap 0, as many pairs assigned). Without Hubnet's
    figures, only HiGHS is reported."""
    names = [name for name in INSTANCES if (folder / name / "scores.csv").is_file()]
    if hubnet is not None:
        missing = [name for name in INSTANCES if name not in names]
        require(not missing, "hubnet exported no " + ", ".join(f"{folder / n / 'scores.csv'}" for n in missing))
    require(bool(names), f"{folder} holds neither midl/scores.csv nor generated/scores.csv")

    what = "the LP relaxation (linprog), checked integral" if method == "lp" else "binary variables (milp)"
    report: dict = {"highs_method": method, "scipy_version": scipy.__version__}
    table = [("instance", "reviewers×papers", "hubnet total", "HiGHS total", "gap",
              "hubnet s", "HiGHS s", "HiGHS build s", "HiGHS s / hubnet s")]
    agrees = True
    for name in names:
        instance = load_instance(name, folder / name)
        log(f"{name}: {len(instance.reviewers)} reviewers × {len(instance.papers)} papers, "
            f"{len(instance.conflicts)} conflicts — HiGHS on {what} …")
        highs = solve_with_highs(instance, method)
        total = seconds = assigned = gap = ratio = None
        if hubnet is not None:
            total, seconds = float(hubnet[f"{name}_total"]), float(hubnet[f"{name}_seconds"])
            assigned = int(hubnet[f"{name}_assigned"])
            gap = 0.0 if is_zero_gap(total - highs.total, highs.total) else total - highs.total
            agrees = agrees and gap == 0.0 and assigned == highs.assigned
            ratio = highs.solve_seconds / seconds if seconds > 0 else None
        report.update({
            f"{name}_reviewers": len(instance.reviewers), f"{name}_papers": len(instance.papers),
            f"{name}_conflicts": len(instance.conflicts),
            f"{name}_variables": instance.scores.size - len(instance.conflicts),
            f"{name}_total_hubnet": total, f"{name}_total_highs": highs.total, f"{name}_gap": gap,
            f"{name}_assigned_hubnet": assigned, f"{name}_assigned_highs": highs.assigned,
            f"{name}_seconds_hubnet": seconds, f"{name}_seconds_highs": round(highs.solve_seconds, 4),
            f"{name}_build_seconds_highs": round(highs.build_seconds, 4),
            f"{name}_ratio_highs_over_hubnet": None if ratio is None else round(ratio, 3),
        })
        table.append((name, f"{len(instance.reviewers)}×{len(instance.papers)}", fmt(total, 6),
                      fmt(highs.total, 6), "n/a" if gap is None else f"{gap:.3g}", fmt(seconds),
                      fmt(highs.solve_seconds), fmt(highs.build_seconds),
                      "n/a" if ratio is None else f"{ratio:.2f}×"))

    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    log()
    for row in table:
        log("  ".join(cell.ljust(w) if i < 2 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))))
    log()
    log(f"HiGHS through scipy {scipy.__version__} on {what}. HiGHS s is the solve alone, "
        "HiGHS build s building the model.")
    if hubnet is not None:
        log("Every gap is 0: Hubnet's totals are optimal." if agrees else
            "A gap is not 0, or Hubnet assigned another number of pairs: Hubnet's assignment is not optimal.")
    return report, agrees


def main(argv: list[str] | None = None) -> int:
    repo_root = Path(__file__).resolve().parent.parent
    release, debug = repo_root / ".build" / "release" / "hubnet", repo_root / ".build" / "debug" / "hubnet"
    parser = argparse.ArgumentParser(
        description="Check Hubnet's reviewer assignment against HiGHS (optimal total, time) "
                    "on the same instances.")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--hubnet", default=str(release if release.exists() else debug),
                        help="the hubnet executable (default: .build/release/hubnet, else .build/debug/hubnet)")
    source.add_argument("--instances", metavar="DIR",
                        help="solve DIR/midl and/or DIR/generated with HiGHS only, without running hubnet")
    parser.add_argument("--scores", default="/work/shared/data/midl_reviewer_affinity",
                        help="the MIDL affinity folder handed to hubnet (default: %(default)s)")
    parser.add_argument("--generated", default="200x2000",
                        help="REVIEWERSxPAPERS of the generated instance (default 200x2000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated instance (default 1)")
    parser.add_argument("--method", choices=("lp", "milp"), default="lp",
                        help="lp (default): the LP relaxation, whose optimum is integral because the constraint "
                             "matrix is totally unimodular (checked on every solution); milp: binary variables")
    parser.add_argument("--keep", action="store_true", help="keep the folder of the instances hubnet exported")
    parser.add_argument("--json", action="store_true",
                        help="end standard output with one JSON object of all figures")
    args = parser.parse_args(argv)
    if not re.fullmatch(r"[1-9][0-9]*x[1-9][0-9]*", args.generated):
        parser.error("--generated must look like 200x2000")

    try:
        if args.instances is not None:
            report, agrees = compare(Path(args.instances), None, args.method)
        else:
            if not (os.path.isfile(args.hubnet) and os.access(args.hubnet, os.X_OK)):
                print(f"no hubnet executable at {args.hubnet}: build it with `swift build -c release`, "
                      "name it with --hubnet PATH, or solve exported instances with --instances DIR",
                      file=sys.stderr)
                return 1
            workdir = Path(tempfile.mkdtemp(prefix="hubnet-assignment-"))
            try:
                figures, wall = run_hubnet(args.hubnet, args.scores, args.generated, args.seed, workdir)
                report, agrees = compare(workdir, figures, args.method)
                report.update({"generated": args.generated, "seed": args.seed,
                               "hubnet_wall_seconds": round(wall, 3), "hubnet": figures})
            finally:
                if args.keep:
                    print(f"kept {workdir}", file=sys.stderr)
                else:
                    shutil.rmtree(workdir, ignore_errors=True)
    except Failure as failure:
        print(f"assignment_highs.py: {failure}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report, ensure_ascii=False), flush=True)
    return 0 if agrees else 1


if __name__ == "__main__":
    sys.exit(main())
