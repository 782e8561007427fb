"""Property-based tests of API v1 against its OpenAPI document, with Schemathesis.

Usage:
    python3 Tests/API/schemathesis_run.py BASE_URL MAIL_DIR [--json] [--strict] [--report-dir DIR]

BASE_URL is a live Hubnet server (e.g. http://127.0.0.1:8080) started with HUBNET_SMTP_URL
pointing at Tests/Support/smtp_sink.py, which stores every mail in MAIL_DIR; the sign-up mail
gives this script a member and a personal API token with the write scope.

Four runs of `schemathesis run` on /api/v1/openapi.json, each with seed 1 and one worker, so a
run is repeatable: anonymous over every operation; with the member's token over every operation
but DELETE /api/v1/me/tokens/{tokenID} and DELETE /api/v1/me; then, each with a fresh token,
POST + DELETE /api/v1/me/tokens (Schemathesis reuses ids it has seen, so beside the others it
would revoke its own token) and DELETE /api/v1/me (it closes the account). The anonymous and the
main token run each must generate at least MIN_CASES test cases (examples, coverage, fuzzing and
stateful phases; valid and invalid data). Every run applies CHECKS. Exit status 1 on any failure
(a 5xx, an undocumented status, a wrong Content-Type, a missing documented header, a body that
breaks its schema, a secured operation answering without a token, a wrong 405, a deleted resource
still there or a created one missing), on too few cases, or when the main run killed its token.
Operations on one resource, event or matchmaking day get a real id of the demo network in about
half their generated cases (see REAL_IDS), so they answer 2xx too, not only 404.
About 2 minutes against a debug build on two cores.

--json     the last line of output is one JSON object: {"anonymous_cases": …, "token_cases": …,
           "failures": …, "server_errors": …, "errors": …, "seconds": …, "runs": {…}, "passed": …}
--strict   also apply STRICT_CHECKS (informative, not for CI: see there)
--report-dir DIR   keep Schemathesis's JSON and JUnit reports there (default: a temporary folder)

Requirements (not installed by this script):
    pip install schemathesis      # 4.x; developed with 4.32.5; brings requests along
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

try:
    import schemathesis
except ImportError:
    sys.exit("schemathesis is not installed: run `pip install schemathesis` (version 4.x) first.")
try:
    import requests
    from requests.adapters import HTTPAdapter
except ImportError:
    sys.exit("requests is not installed: run `pip install schemathesis` (it brings requests) first.")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "Support"))
from hubnet_member import MemberError, create_token, new_member  # noqa: E402

SEED = 1
MIN_CASES = 1000
# Per operation and phase; with 73 operations each of the two big runs makes about 5,000 cases.
MAX_EXAMPLES = 25
CHECKS = [
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "ignored_auth",
    "unsupported_method",
    "allow_header_conformance",
    "use_after_free",
    "ensure_resource_availability",
]
# With --strict also these, which hold the server to every rule of the document: they report
# rules no schema can state (a deadline in the future, "words or a topic") and leniencies
# (`null` taken as "not sent"), so they inform and do not gate CI.
STRICT_CHECKS = ["negative_data_rejection", "positive_data_acceptance"]
SERVER_ERROR_CODES = {"ST101", "ST102"}  # server error; server error with a wrong content type
SCHEMA_PATH = "/api/v1/openapi.json"
PHASES = "examples,coverage,fuzzing,stateful"
# Operations that end the token they run with (Schemathesis reuses ids it has seen, so it would
# revoke its own token): left out of the main token run; each gets a run of its own afterwards,
# with a fresh token: (label, operations, phases). Revoking runs with creating tokens, so the
# stateful phase revokes tokens it made; erasing closes the account, so it comes last.
DESTRUCTIVE = [
    ("token-revoke", ["createToken", "revokeToken"], PHASES),
    ("token-erase", ["eraseMe"], "examples,coverage,fuzzing"),
]


# Random UUIDs find nothing, so these operations would only ever answer 404: Schemathesis loads
# this file as its hooks module (SCHEMATHESIS_HOOKS) and swaps a generated UUID for a real id of
# the kind named here in about half the cases (ids that are not UUIDs stay, for the 400s). The
# ids are read from the server before the runs and passed in REAL_IDS_ENV.
REAL_IDS = {
    "getResource": "resource", "getResourceAvailability": "resource", "bookResource": "resource",
    "getEvent": "event", "cancelEvent": "event", "registerForEvent": "event", "cancelRegistration": "event",
    "getMatchmaking": "matchmaking", "getAgenda": "matchmaking", "joinMatchmaking": "matchmaking",
    "requestMeeting": "matchmaking", "scheduleMatchmaking": "matchmaking",
}
REAL_IDS_ENV = "HUBNET_SCHEMATHESIS_REAL_IDS"


def real_ids(base_url: str) -> dict[str, str]:
    """A resource, an event that is not a matchmaking day, and a matchmaking day of the demo network."""
    resources = requests.get(f"{base_url}/api/v1/resources", timeout=30).json()
    events = [event for event in requests.get(f"{base_url}/api/v1/events", timeout=30).json() if not event["cancelled"]]
    found = {
        "resource": next((resource["id"] for resource in resources), None),
        "event": next((event["id"] for event in events if event["kind"] != "matchmaking_day"), None),
        "matchmaking": next((event["id"] for event in events if event["kind"] == "matchmaking_day"), None),
    }
    return {kind: id for kind, id in found.items() if id}


if os.environ.get(REAL_IDS_ENV):
    import re

    from hypothesis import strategies as st

    _REAL_IDS = json.loads(os.environ[REAL_IDS_ENV])
    _UUID = re.compile(r"[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}")

    @schemathesis.hook
    def flatmap_path_parameters(context, path_parameters):
        operation_id = context.operation.definition.raw.get("operationId") if context.operation else None
        real = _REAL_IDS.get(REAL_IDS.get(operation_id, ""))
        generated = (path_parameters or {}).get("id")  # None for operations without path parameters
        if not real or not isinstance(generated, str) or not _UUID.fullmatch(generated):
            return st.just(path_parameters)
        return st.sampled_from([path_parameters, {**path_parameters, "id": real}])


def schemathesis_version() -> str:
    try:
        from importlib.metadata import version

        return version("schemathesis")
    except Exception:  # pragma: no cover - metadata missing
        return getattr(schemathesis, "__version__", "unknown")


def wait_for_server(base_url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            if requests.get(f"{base_url}/api/v1/openapi.json", timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        if time.monotonic() >= deadline:
            sys.exit(f"no Hubnet server answers at {base_url}")
        time.sleep(0.5)


class SourceAddressAdapter(HTTPAdapter):
    """Connects from a given local address."""

    def __init__(self, source: str, **kwargs):
        self.source = source
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.source, 0)
        super().init_poolmanager(*args, **kwargs)


def page_session(base_url: str) -> requests.Session:
    """A session for the sign-up pages. Against a loopback server it talks from a loopback
    address of its own, so failed sign-ins of other tests (counted per client address) cannot
    throttle it."""
    session = requests.Session()
    if (urlsplit(base_url).hostname or "").startswith("127."):
        address = f"127.{random.randint(1, 254)}.{random.randint(0, 255)}.{random.randint(1, 254)}"
        session.mount("http://", SourceAddressAdapter(address))
    return session


def run_schemathesis(label: str, base_url: str, report_dir: Path, checks: list[str], extra: list[str],
                     phases: str = PHASES, ids: dict[str, str] | None = None) -> dict:
    """One `schemathesis run`; returns its JSON run report plus the exit code and the time taken."""
    report = report_dir / f"{label}.json"
    command = [
        sys.executable, "-m", "schemathesis.cli", "run", f"{base_url}{SCHEMA_PATH}",
        "--url", base_url,
        "--checks", ",".join(checks),
        "--mode", "all",
        "--phases", phases,
        "--max-examples", str(MAX_EXAMPLES),
        "--seed", str(SEED),
        "--generation-database", "none",
        "--generation-with-security-parameters", "false",
        "--continue-on-failure",
        "--suppress-health-check", "all",
        "--request-timeout", "30",
        "--workers", "1",
        "--report", "json,junit",
        "--report-json-path", str(report),
        "--report-junit-path", str(report_dir / f"{label}.junit.xml"),
        "--no-color",
        *extra,
    ]
    printable = [("Authorization: Bearer hubnet_…" if part.startswith("Authorization:") else part) for part in command]
    print(f"\n=== {label} run: {' '.join(printable[2:])}", flush=True)
    started = time.monotonic()
    # In the report directory, so Schemathesis's cache (.schemathesis/) stays out of the repository.
    hooks = {"SCHEMATHESIS_HOOKS": str(Path(__file__).resolve()), REAL_IDS_ENV: json.dumps(ids)} if ids else {}
    completed = subprocess.run(command, env={**os.environ, "NO_COLOR": "1", **hooks}, cwd=report_dir)
    seconds = time.monotonic() - started
    if not report.exists():
        sys.exit(f"schemathesis wrote no report for the {label} run (exit status {completed.returncode})")
    result = json.loads(report.read_text())
    result["_exit_code"] = completed.returncode
    result["_seconds"] = round(seconds, 1)
    return result


def figures(label: str, result: dict) -> dict:
    cases = result.get("test_cases") or {}
    failures = result.get("failures") or []
    return {
        "label": label,
        "cases": cases.get("generated", 0),
        "unique_failures": cases.get("unique_failures", 0),
        "failures": sum(group.get("count", 0) for group in failures),
        "server_errors": sum(group.get("count", 0) for group in failures if group.get("code") in SERVER_ERROR_CODES),
        "errors": sum(group.get("count", 0) for group in result.get("errors") or []),
        "failure_groups": [
            {"title": group.get("title"), "code": group.get("code"), "count": group.get("count"),
             "operations": group.get("operations")} for group in failures],
        "exit_code": result["_exit_code"],
        "seconds": result["_seconds"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base_url")
    parser.add_argument("mail_dir")
    parser.add_argument("--json", action="store_true", help="end the output with one line of JSON figures")
    parser.add_argument("--strict", action="store_true", help=f"also apply {', '.join(STRICT_CHECKS)} (informative)")
    parser.add_argument("--report-dir", type=Path, help="keep the JSON and JUnit reports of the runs here")
    args = parser.parse_args()
    base_url = args.base_url.rstrip("/")
    started = time.monotonic()

    wait_for_server(base_url)
    try:
        member = new_member(base_url, args.mail_dir, name="Schemathesis", session=page_session(base_url))
        token = create_token(member, scope="write", name="schemathesis")
    except MemberError as error:
        sys.exit(f"could not get a write token through the pages: {error}")

    def bearer(value: str) -> list[str]:
        return ["-H", f"Authorization: Bearer {value}"]

    ids = real_ids(base_url)

    with tempfile.TemporaryDirectory(prefix="hubnet-schemathesis-") as directory:
        report_dir = args.report_dir.resolve() if args.report_dir else Path(directory)
        report_dir.mkdir(parents=True, exist_ok=True)
        checks = CHECKS + (STRICT_CHECKS if args.strict else [])
        anonymous = figures("anonymous", run_schemathesis("anonymous", base_url, report_dir, checks, [], ids=ids))
        excluded = [part for _, names, _ in DESTRUCTIVE for name in names if name != "createToken"
                    for part in ("--exclude-operation-id", name)]
        main_run = figures("token", run_schemathesis("token", base_url, report_dir, checks, bearer(token) + excluded, ids=ids))
        # The token must have lasted the whole run, or the token run tested mostly 401s.
        token_alive = requests.get(f"{base_url}/api/v1/me", headers={"Authorization": f"Bearer {token}"},
                                   timeout=10).status_code == 200
        destructive = []
        for label, names, phases in DESTRUCTIVE:
            try:
                fresh = create_token(member, scope="write", name=f"schemathesis {label}")
            except MemberError as error:
                sys.exit(f"could not get another write token through the pages: {error}")
            included = [part for name in names for part in ("--include-operation-id", name)]
            destructive.append(figures(label, run_schemathesis(label, base_url, report_dir, checks, bearer(fresh) + included, phases)))
    runs = {"anonymous": [anonymous], "token": [main_run, *destructive]}
    totals = {label: {key: sum(run[key] for run in group)
                      for key in ("cases", "unique_failures", "failures", "server_errors", "errors")}
              for label, group in runs.items()}

    problems = []
    for label, run in (("anonymous", anonymous), ("main token", main_run)):
        if run["cases"] < MIN_CASES:
            problems.append(f"the {label} run generated {run['cases']} cases, fewer than {MIN_CASES}")
    for label, group in runs.items():
        for run in group:
            if run["failures"] or run["errors"]:
                problems.append(f"the {run['label']} run found {run['failures']} failures and {run['errors']} errors")
            elif run["exit_code"] != 0:
                problems.append(f"schemathesis ended the {run['label']} run with exit status {run['exit_code']}")
    if not token_alive:
        problems.append("the write token no longer works after the main token run")

    summary = {
        "schemathesis": schemathesis_version(),
        "seed": SEED,
        "anonymous_cases": totals["anonymous"]["cases"],
        "token_cases": totals["token"]["cases"],
        "failures": sum(total["failures"] for total in totals.values()),
        "unique_failures": sum(total["unique_failures"] for total in totals.values()),
        "server_errors": sum(total["server_errors"] for total in totals.values()),
        "errors": sum(total["errors"] for total in totals.values()),
        "seconds": round(time.monotonic() - started, 1),
        "runs": {run["label"]: {key: run[key] for key in ("cases", "failures", "server_errors", "errors", "seconds", "failure_groups")}
                 for group in runs.values() for run in group},
        "passed": not problems,
    }
    print("\n=== Schemathesis summary")
    print(f"schemathesis {summary['schemathesis']}, seed {SEED}, checks: {', '.join(checks)}")
    for group in runs.values():
        for run in group:
            print(f"{run['label']:>17}: {run['cases']:>6,} cases, {run['failures']:>4} failures ({run['unique_failures']} unique), "
                  f"{run['server_errors']:>3} server errors, {run['errors']} errors, {run['seconds']:6.1f} s")
            for failure in run["failure_groups"]:
                print(f"{'':>19}- {failure['title']} ({failure['code']}): {failure['count']} in {', '.join(failure['operations'] or [])}")
    print(f"{'total':>17}: {summary['anonymous_cases']:,} anonymous and {summary['token_cases']:,} token cases, "
          f"{summary['failures']} failures, {summary['server_errors']} server errors, {summary['seconds']:.1f} s")
    for problem in problems:
        print(f"FAILED: {problem}")
    if not problems:
        print("PASSED")
    if args.json:
        print(json.dumps(summary, separators=(",", ":")))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
