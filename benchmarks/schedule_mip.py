#!/usr/bin/env python3
"""Hubnet's meeting scheduler against the exact optimum (HiGHS), on the same instances.

A matchmaking day: participants have requested 1:1 meetings; the organiser has S time slots
and T tables; every participant is available in some of the slots and takes part in at most C
meetings. A schedule gives each scheduled meeting one slot in which both are available, no
participant has two meetings in one slot, no slot holds more than T meetings and nobody more
than C. Hubnet schedules heuristically and wants as many meetings as possible; this script
measures how close it comes to the optimum, which HiGHS (through scipy) finds as an integer
program with a binary x[m,s] for every meeting m and every slot s in which both are available:

    maximise    sum x[m,s]
    subject to  sum_s x[m,s]               <= 1    for every meeting m
                sum_{m ∋ p} x[m,s]          <= 1    for every participant p and slot s
                sum_m x[m,s]               <= T    for every slot s
                sum_{m ∋ p} sum_s x[m,s]    <= C    for every participant p

For every seed it runs `hubnet bench schedule --participants P --requests R --slots S
--tables T --seed N --export FILE --json`, which schedules a generated day and writes the
instance to FILE; then HiGHS solves that instance (`milp`, `mip_rel_gap` 0, a time limit) and
the script checks the schedule HiGHS found. It prints per seed the meetings requested, Hubnet's
scheduled count and its own upper bound, the optimum, Hubnet's share of it (goal ≥ 0.97) and
both times, then the medians.

    python3 benchmarks/schedule_mip.py --participants 200 --requests 1500 --seeds 1,2,3
    python3 benchmarks/schedule_mip.py --instance FILE --json    # HiGHS only, no hubnet

An instance file is one JSON object: {"participants": P, "slots": S, "tables": T, "cap": C,
"availability": [[the 0-based slots participant i is available in], … one list per
participant], "meetings": [[a, b], … 0-based participants, a ≠ b, each pair once]}.

When HiGHS stops at the time limit, its best schedule and its bound enclose the optimum; the
ratio is then taken to the bound, so it is a lower bound of the true ratio, and the goal counts
as met only if that lower bound reaches it. Timed for HiGHS: building the model (sparse matrix,
bounds) and, apart from that, the solve (the scipy call); Hubnet's seconds are the ones it
reports. Hubnet does not export its schedule, so its count is checked against what is possible:
exit status 1 when a run fails, Hubnet schedules more than the optimum or claims a bound below
a schedule HiGHS found (a bug on one side), or its ratio is below the goal.
Needs numpy and scipy (pip install scipy). See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

GOAL = 0.97
HUBNET_KEYS = ("scheduled", "bound", "ratio", "idle_gaps_per_participant", "seconds", "meetings")
HUBNET_COUNTS = ("scheduled", "bound", "meetings")
INTEGRALITY_TOLERANCE = 1e-6


class Failure(Exception):
    """A problem that ends the run with a message and exit status 1."""


def log(message: str = "") -> None:
    print(message, flush=True)


def require(condition: bool, message: str) -> None:
    """An assertion that `python -O` does not remove."""
    if not condition:
        raise Failure(message)


# --------------------------------------------------------------------------------------------
# instances


@dataclass
class Instance:
    name: str
    participants: int
    slots: int
    tables: int
    cap: int
    available: np.ndarray   # participants × slots, bool
    meetings: np.ndarray    # shape (meetings, 2), int64: the two participants of each meeting


def whole_number(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def load_instance(path: Path) -> Instance:
    """Reads and checks an instance file (the format is in the docstring at the top)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise Failure(f"{path}: cannot read the instance: {error}") from None
    require(isinstance(data, dict), f"{path}: the instance is not a JSON object")
    missing = [key for key in ("participants", "slots", "tables", "cap", "availability", "meetings")
               if key not in data]
    require(not missing, f"{path}: the instance lacks " + ", ".join(missing))
    for key in ("participants", "slots", "tables", "cap"):
        require(whole_number(data[key]) and data[key] >= 0, f"{path}: {key} is not a whole number ≥ 0")
    participants, slots = data["participants"], data["slots"]

    availability = data["availability"]
    require(isinstance(availability, list) and len(availability) == participants,
            f"{path}: availability must hold one list per participant ({participants})")
    available = np.zeros((participants, slots), dtype=bool)
    for p, listed in enumerate(availability):
        require(isinstance(listed, list) and all(whole_number(s) and 0 <= s < slots for s in listed),
                f"{path}: availability[{p}] must be a list of slots 0…{slots - 1}")
        require(len(set(listed)) == len(listed), f"{path}: availability[{p}] lists a slot twice")
        available[p, listed] = True

    meetings = data["meetings"]
    require(isinstance(meetings, list), f"{path}: meetings is not a list")
    for i, pair in enumerate(meetings):
        require(isinstance(pair, list) and len(pair) == 2
                and all(whole_number(q) and 0 <= q < participants for q in pair),
                f"{path}: meetings[{i}] is not a pair of participants 0…{participants - 1}")
        require(pair[0] != pair[1], f"{path}: meetings[{i}] pairs participant {pair[0]} with themselves")
    pairs = np.array(meetings, dtype=np.int64).reshape(-1, 2)
    unordered = np.sort(pairs, axis=1)
    require(len(np.unique(unordered, axis=0)) == len(pairs), f"{path}: a pair of participants is listed twice")
    return Instance(path.name, participants, slots, data["tables"], data["cap"], available, pairs)


def describe(instance: Instance) -> str:
    return (f"{instance.participants} participants, {len(instance.meetings)} meetings, "
            f"{instance.slots} slots × {instance.tables} tables, cap {instance.cap}")


# --------------------------------------------------------------------------------------------
# HiGHS


@dataclass
class Solution:
    best: int               # meetings in the best schedule HiGHS found (checked)
    bound: int              # HiGHS's proven upper bound; equals best when optimal
    optimal: bool
    variables: int
    constraints: int
    build_seconds: float
    solve_seconds: float

    @property
    def optimum(self) -> int | None:
        return self.best if self.optimal else None


def solve_with_highs(instance: Instance, time_limit: float) -> Solution:
    """Solves the instance exactly with HiGHS (or until the time limit), checks the schedule it
    found and returns its size, HiGHS's bound and the times."""
    started = time.perf_counter()
    first, second = instance.meetings[:, 0], instance.meetings[:, 1]
    meeting, slot = np.nonzero(instance.available[first] & instance.available[second])
    # variable j: meeting[j] takes place in slot[j]
    j = np.arange(meeting.size)
    a, b = first[meeting], second[meeting]
    twice = np.concatenate([j, j])
    S, P = instance.slots, instance.participants
    blocks = [  # (row of each entry, column of each entry, rows, upper bound of each row)
        (meeting, j, len(instance.meetings), 1),                                     # once per meeting
        (np.concatenate([a * S + slot, b * S + slot]), twice, P * S, 1),            # one per participant and slot
        (slot, j, S, instance.tables),                                               # tables per slot
        (np.concatenate([a, b]), twice, P, instance.cap),                            # cap per participant
    ]
    matrix = sparse.vstack([sparse.csr_array((np.ones(rows.size), (rows, cols)), shape=(height, j.size))
                            for rows, cols, height, _ in blocks], format="csr")
    upper = np.concatenate([np.full(height, float(limit)) for _, _, height, limit in blocks])
    constraints = LinearConstraint(matrix, np.full(upper.size, -np.inf), upper)
    build_seconds = time.perf_counter() - started
    if j.size == 0:             # no meeting has a common slot: nothing to solve
        return Solution(0, 0, True, 0, matrix.shape[0], build_seconds, 0.0)

    started = time.perf_counter()
    result = milp(-np.ones(j.size), constraints=constraints, integrality=np.ones(j.size),
                  bounds=Bounds(0, 1), options={"time_limit": time_limit, "mip_rel_gap": 0.0})
    solve_seconds = time.perf_counter() - started
    require(result.status in (0, 1),
            f"{instance.name}: HiGHS did not solve the problem (status {result.status}): {result.message}")
    optimal = result.status == 0

    if result.x is None:        # stopped before any schedule was found: the empty one is feasible
        require(not optimal, f"{instance.name}: HiGHS reports an optimum without a solution")
        best = 0
    else:
        x = np.rint(result.x)
        require(bool(np.all(np.abs(result.x - x) <= INTEGRALITY_TOLERANCE)),
                f"{instance.name}: the HiGHS solution is not integral (max deviation "
                f"{np.max(np.abs(result.x - x)):.2e})")
        chosen = x > 0.5
        slot_of = np.full(len(instance.meetings), -1, dtype=np.int64)
        require(len(np.unique(meeting[chosen])) == int(chosen.sum()),
                f"{instance.name}: HiGHS scheduled a meeting twice")
        slot_of[meeting[chosen]] = slot[chosen]
        verify(instance, slot_of)
        best = int(chosen.sum())
        require(best == round(-result.fun),
                f"{instance.name}: HiGHS's objective {-result.fun} differs from its schedule's {best} meetings")
    if optimal:
        bound = best
    elif result.mip_dual_bound is not None and math.isfinite(result.mip_dual_bound):
        bound = math.floor(-result.mip_dual_bound + INTEGRALITY_TOLERANCE)
    else:                       # no bound yet: every meeting that has a common slot, within the tables
        bound = min(len(np.unique(meeting)), instance.slots * instance.tables)
    require(bound >= best, f"{instance.name}: HiGHS's bound {bound} is below its schedule's {best} meetings")
    return Solution(best, bound, optimal, j.size, matrix.shape[0], build_seconds, solve_seconds)


def verify(instance: Instance, slot_of: np.ndarray) -> None:
    """slot_of[m] is the slot of meeting m, or -1. Checks every rule of a schedule."""
    held = np.flatnonzero(slot_of >= 0)
    slot = slot_of[held]
    a, b = instance.meetings[held, 0], instance.meetings[held, 1]
    absent = ~(instance.available[a, slot] & instance.available[b, slot])
    require(not absent.any(), f"{instance.name}: a meeting is in a slot one of its pair is not available in")
    who = np.concatenate([a, b])
    per_participant_slot = np.bincount(who * instance.slots + np.concatenate([slot, slot]),
                                       minlength=instance.participants * instance.slots)
    require(bool(np.all(per_participant_slot <= 1)), f"{instance.name}: a participant has two meetings in one slot")
    require(bool(np.all(np.bincount(slot, minlength=instance.slots) <= instance.tables)),
            f"{instance.name}: a slot holds more meetings than there are tables")
    require(bool(np.all(np.bincount(who, minlength=instance.participants) <= instance.cap)),
            f"{instance.name}: a participant has more meetings than the cap")


# --------------------------------------------------------------------------------------------
# the Swift side


def run_hubnet(hubnet: str, args: argparse.Namespace, seed: int, export: Path) -> dict:
    """Runs `hubnet bench schedule` (its stdout echoed, stderr passed through) and returns the
    JSON object of its last stdout line."""
    cap = [] if args.cap is None else ["--cap", str(args.cap)]
    command = [hubnet, "bench", "schedule", "--participants", str(args.participants),
               "--requests", str(args.requests), "--slots", str(args.slots), "--tables", str(args.tables),
               *cap, "--seed", str(seed), "--export", str(export), "--json"]
    log("$ " + " ".join(command))
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
    require(status == 0, f"`hubnet bench schedule` exited with status {status}")
    try:
        figures = json.loads(last)
        require(isinstance(figures, dict), "not an object")
    except (ValueError, Failure) as error:
        raise Failure(f"the last line of `hubnet bench schedule --json` is not a JSON object "
                      f"({error}): {last[:200]!r}") from None
    missing = [key for key in HUBNET_KEYS if key not in figures]
    require(not missing, "`hubnet bench schedule --json` lacks " + ", ".join(missing))
    not_numbers = [key for key in HUBNET_KEYS
                   if isinstance(figures[key], bool) or not isinstance(figures[key], (int, float))
                   or (key in HUBNET_COUNTS and not float(figures[key]).is_integer())]
    require(not not_numbers, "in `hubnet bench schedule --json`, these are not numbers (counts whole): "
            + ", ".join(not_numbers))
    require(export.is_file(), f"`hubnet bench schedule` wrote no instance to {export}")
    return figures


def contradictions(figures: dict, instance: Instance, highs: Solution, args: argparse.Namespace) -> list[str]:
    """What cannot be true of Hubnet's result on this instance. Hubnet does not export its
    schedule, so its figures are checked against the instance and against HiGHS."""
    scheduled, bound, meetings = (int(figures[key]) for key in HUBNET_COUNTS)
    problems = []
    for key, wanted, got in (("participants", args.participants, instance.participants),
                             ("slots", args.slots, instance.slots), ("tables", args.tables, instance.tables),
                             ("cap", args.cap, instance.cap)):
        if wanted is not None and wanted != got:
            problems.append(f"the exported instance has {key} {got}, not {wanted} as asked")
    if meetings != len(instance.meetings):
        problems.append(f"hubnet reports {meetings} meetings but exported {len(instance.meetings)}")
    if not 0 <= scheduled <= min(meetings, bound):
        problems.append(f"hubnet scheduled {scheduled}, outside 0…min(meetings {meetings}, its bound {bound})")
    if bound > 0 and abs(figures["ratio"] - scheduled / bound) > 1e-3:
        problems.append(f"hubnet's ratio {figures['ratio']} is not scheduled/bound = {scheduled / bound:.4f}")
    if scheduled > highs.bound:
        what = "the optimum" if highs.optimal else "HiGHS's upper bound"
        problems.append(f"hubnet scheduled {scheduled} meetings, more than {what} {highs.bound}: "
                        "its schedule breaks a rule, or the instance is not the one it solved")
    if bound < highs.best:
        problems.append(f"hubnet's bound {bound} is below a schedule of {highs.best} meetings HiGHS found: "
                        "the bound is wrong")
    return problems


# --------------------------------------------------------------------------------------------
# the report


COLUMNS = ("seed", "meetings", "hubnet scheduled", "hubnet bound", "MIP optimum", "ratio to optimum",
           "hubnet seconds", "MIP seconds")


def json_key(column: str) -> str:
    return column.lower().replace(" ", "_")


def ratio(scheduled: int, solution: Solution) -> float:
    """Scheduled / optimum; after a time limit scheduled / HiGHS's bound, a lower bound of it."""
    return scheduled / solution.bound if solution.bound > 0 else 1.0


def median(values: list) -> float | None:
    return None if not values or any(v is None for v in values) else statistics.median(values)


def cell(column: str, value: float | None) -> str:
    if value is None:
        return "n/a"
    if column.startswith("ratio"):
        return f"{value:.4f}"
    return f"{value:.3f}" if column.endswith("seconds") else f"{value:g}"


def print_table(rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    log()
    for row in rows:
        log("  ".join(text.ljust(w) if i == 0 else text.rjust(w) for i, (text, w) in enumerate(zip(row, widths))))
    log()


def compare(hubnet: str, args: argparse.Namespace, workdir: Path) -> tuple[dict, list[str]]:
    """Runs hubnet and HiGHS for every seed, prints the table and returns all figures and the
    failures (empty when every check and the goal pass)."""
    figures: dict = {json_key(column): [] for column in COLUMNS[1:]}
    figures.update({"mip_best": [], "mip_bound": [], "mip_optimal": [], "mip_build_seconds": [],
                    "mip_variables": [], "hubnet_idle_gaps_per_participant": [], "hubnet": []})
    failures: list[str] = []
    rows = [COLUMNS]
    for seed in args.seeds:
        export = workdir / f"schedule-seed-{seed}.json"
        reported = run_hubnet(hubnet, args, seed, export)
        instance = load_instance(export)
        log(f"seed {seed}: {describe(instance)} — HiGHS (time limit {args.time_limit:g} s) …")
        highs = solve_with_highs(instance, args.time_limit)
        scheduled = int(reported["scheduled"])
        share = ratio(scheduled, highs)
        values = (int(reported["meetings"]), scheduled, int(reported["bound"]), highs.optimum,
                  round(share, 4), reported["seconds"], round(highs.solve_seconds, 3))
        for column, value in zip(COLUMNS[1:], values):
            figures[json_key(column)].append(value)
        figures["mip_best"].append(highs.best)
        figures["mip_bound"].append(highs.bound)
        figures["mip_optimal"].append(highs.optimal)
        figures["mip_build_seconds"].append(round(highs.build_seconds, 4))
        figures["mip_variables"].append(highs.variables)
        figures["hubnet_idle_gaps_per_participant"].append(reported["idle_gaps_per_participant"])
        figures["hubnet"].append(reported)
        optimum = str(highs.best) if highs.optimal else f"{highs.best}–{highs.bound}*"
        rows.append((str(seed),) + tuple(optimum if column == "MIP optimum" else cell(column, value)
                                         for column, value in zip(COLUMNS[1:], values)))

        failures += [f"seed {seed}: {problem}" for problem in contradictions(reported, instance, highs, args)]
        if share < GOAL:
            if highs.optimal:
                failures.append(f"seed {seed}: hubnet scheduled {scheduled} of the optimum {highs.best} "
                                f"(ratio {share:.4f} < {GOAL})")
            else:
                failures.append(f"seed {seed}: hubnet scheduled {scheduled}, ratio {share:.4f} < {GOAL} to "
                                f"HiGHS's bound {highs.bound}; HiGHS stopped at the time limit, so the true "
                                f"ratio lies in {share:.4f}…{scheduled / max(1, highs.best, scheduled):.4f} "
                                "(a longer --time-limit may settle it)")

    for column in COLUMNS[1:]:
        figures["median_" + json_key(column)] = median(figures[json_key(column)])
    figures["min_ratio_to_optimum"] = min(figures["ratio_to_optimum"])
    rows.append(("median",) + tuple(cell(column, figures["median_" + json_key(column)]) for column in COLUMNS[1:]))
    print_table(rows)
    log(f"HiGHS through scipy {scipy.__version__}, binary variables (milp, mip_rel_gap 0). MIP seconds is the "
        "solve alone; ratio to optimum is hubnet scheduled / MIP optimum.")
    if not all(figures["mip_optimal"]):
        log("* HiGHS stopped at the time limit: its best schedule–its bound. The ratio is taken to the bound, "
            "and the median of MIP optimum is n/a.")
    if any(best == args.slots * args.tables for best in figures["mip_best"]):
        log(f"Note: where the optimum is slots × tables = {args.slots * args.tables}, the tables are the bottleneck "
            "and any schedule that fills them is optimal; more --tables make a harder test.")
    figures["hubnet"] = figures.pop("hubnet")     # Hubnet's own figures last
    return figures, failures


def solve_only(path: Path, time_limit: float) -> dict:
    instance = load_instance(path)
    log(f"{path}: {describe(instance)}")
    highs = solve_with_highs(instance, time_limit)
    log(f"{highs.variables} variables, {highs.constraints} constraints, model built in {highs.build_seconds:.3f} s")
    if highs.optimal:
        log(f"HiGHS: optimum {highs.best} meetings, proven, in {highs.solve_seconds:.2f} s")
    else:
        log(f"HiGHS stopped at the time limit ({time_limit:g} s) after {highs.solve_seconds:.2f} s: best schedule "
            f"{highs.best} meetings, bound {highs.bound} — the optimum lies in {highs.best}…{highs.bound}")
    return {"instance": str(path), "participants": instance.participants, "meetings": len(instance.meetings),
            "slots": instance.slots, "tables": instance.tables, "cap": instance.cap,
            "mip_optimum": highs.optimum, "mip_best": highs.best, "mip_bound": highs.bound,
            "mip_optimal": highs.optimal, "mip_seconds": round(highs.solve_seconds, 3),
            "mip_build_seconds": round(highs.build_seconds, 4), "mip_variables": highs.variables,
            "mip_constraints": highs.constraints, "time_limit": time_limit, "scipy_version": scipy.__version__}


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a whole number ≥ 1")
    return value


def seed_list(text: str) -> list[int]:
    try:
        seeds = [int(part) for part in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a comma-separated list of whole numbers") from None
    return seeds


def main(argv: list[str] | None = None) -> int:
    repo_root = Path(__file__).resolve().parent.parent
    release, debug = repo_root / ".build" / "release" / "hubnet", repo_root / ".build" / "debug" / "hubnet"
    parser = argparse.ArgumentParser(
        description="Compare Hubnet's meeting schedules with the optimum HiGHS finds on the same instances.")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--hubnet", metavar="PATH", default=str(release if release.exists() else debug),
                        help="the hubnet executable (default: .build/release/hubnet, else .build/debug/hubnet)")
    source.add_argument("--instance", metavar="FILE",
                        help="solve this instance file with HiGHS only, without running hubnet")
    parser.add_argument("--participants", type=positive, metavar="P", default=200, help="default 200")
    parser.add_argument("--requests", type=positive, metavar="R", default=1500, help="meetings requested (default 1500)")
    parser.add_argument("--slots", type=positive, metavar="S", default=8, help="default 8")
    parser.add_argument("--tables", type=positive, metavar="T", default=30, help="default 30")
    parser.add_argument("--cap", type=positive, metavar="C",
                        help="meetings per participant, passed on as --cap (default: hubnet's own)")
    parser.add_argument("--seeds", type=seed_list, metavar="N,N,…", default=[1, 2, 3], help="comma-separated (default 1,2,3)")
    parser.add_argument("--time-limit", type=float, metavar="SECONDS", default=120.0,
                        help="seconds HiGHS may take per instance (default 120)")
    parser.add_argument("--keep", action="store_true", help="keep the folder of the instances hubnet exported")
    parser.add_argument("--json", action="store_true",
                        help="end standard output with one JSON object of all figures")
    args = parser.parse_args(argv)
    if not args.time_limit > 0:
        parser.error("--time-limit must be positive")

    failures: list[str] = []
    try:
        if args.instance is not None:
            report = solve_only(Path(args.instance), args.time_limit)
        else:
            if not (os.path.isfile(args.hubnet) and os.access(args.hubnet, os.X_OK)):
                print(f"no hubnet executable at {args.hubnet}: build it with `swift build -c release`, "
                      "name it with --hubnet PATH, or solve an instance with --instance FILE", file=sys.stderr)
                return 1
            workdir = Path(tempfile.mkdtemp(prefix="hubnet-schedule-"))
            try:
                report, failures = compare(args.hubnet, args, workdir)
            finally:
                if args.keep:
                    print(f"kept {workdir}", file=sys.stderr)
                else:
                    shutil.rmtree(workdir, ignore_errors=True)
            report = {"participants": args.participants, "requests": args.requests, "slots": args.slots,
                      "tables": args.tables, "cap": args.cap, "seeds": args.seeds, "time_limit": args.time_limit,
                      "goal_ratio": GOAL, "scipy_version": scipy.__version__, **report,
                      "passed": not failures, "failures": failures}
            for failure in failures:
                log(f"FAIL: {failure}")
            if not failures:
                log(f"PASS: hubnet schedules at least {GOAL:.0%} of the optimum on every seed "
                    f"(median {report['median_ratio_to_optimum']:.4f}, min {report['min_ratio_to_optimum']:.4f}).")
    except Failure as failure:
        print(f"schedule_mip.py: {failure}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report, ensure_ascii=False), flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
