"""Crash safety of the routing desk, measured: requests walked through their steps while the
server is killed (SIGKILL) at random moments and restarted.

Starts a throwaway server (SQLite by default; --database postgres starts a throwaway
PostgreSQL, --database-url uses a given one) with a small demo network and a local SMTP sink,
signs up a member (through the sink's confirmation mail) whom the bootstrap token makes the
network admin, and adds a posting and a receiving organisation. Then it submits N
opportunities through the API, each with its own Idempotency-Key, and walks each through
vetting (accept), routing (to the receiving organisation) and interest — every call with an
Idempotency-Key, retried with the same key when the connection breaks or the server answers
5xx, and now and then sent twice on purpose. A killer thread SIGKILLs the server every
0.3-2.5 s and starts it again.

Afterwards, with the server up and its outbox drained, it counts:
  acknowledged      submissions the server answered 201 for
  lost              acknowledged submissions that are missing, or miss a step the server
                    acknowledged (200) in their history
  duplicates        opportunities beyond the first for one Idempotency-Key
  duplicate_mails   mails the sink received more than once (same Message-ID: the outbox key)

Usage: python3 benchmarks/routing_crash.py [--submissions 1000] [--database sqlite|postgres]
       [--database-url URL] [--binary PATH] [--seed 1] [--json]
The last line with --json is one JSON object with every figure.
"""
from __future__ import annotations

import argparse
import email
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "Tests" / "Support"))
from hubnet_member import create_token, new_member  # noqa: E402

TIMEOUT = 15
STEP_PATIENCE = 120  # seconds a call is retried before the walk of that request gives up


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def default_binary() -> Path:
    for configuration in ("release", "debug"):
        candidate = ROOT / ".build" / configuration / "hubnet"
        if candidate.exists():
            return candidate
    sys.exit("no hubnet binary: run `swift build` (or pass --binary)")


class ThrowawayPostgres:
    """A PostgreSQL server in a temporary folder, as scripts/postgres.sh starts one."""

    def __init__(self):
        output = subprocess.run(["bash", "-c", "source scripts/postgres.sh; start_postgres >&2; echo \"$PG_DIR $POSTGRES_URL\""],
                                cwd=ROOT, check=True, capture_output=True, text=True).stdout.split()
        self.directory, self.url = output[0], output[1]

    def stop(self):
        pg_ctl = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
        command = [str(pg_ctl[-1]) if pg_ctl else "pg_ctl", "-D", f"{self.directory}/data", "-m", "immediate", "stop"]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--"] + command
        subprocess.run(command, capture_output=True)
        subprocess.run(["rm", "-rf", self.directory])


class Server:
    """The hubnet server, killed and restarted at will."""

    def __init__(self, binary: Path, directory: Path, environment: dict[str, str], port: int):
        self.binary, self.directory, self.environment, self.port = binary, directory, environment, port
        self.process: subprocess.Popen | None = None
        self.lock = threading.Lock()
        self.kills = 0
        self.log = open(directory / "server.log", "ab")

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self.process = subprocess.Popen([str(self.binary), "serve"], cwd=self.directory, env=self.environment,
                                        stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited with {self.process.returncode}; see {self.directory / 'server.log'}")
            try:
                if requests.get(f"{self.base}/health", timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise RuntimeError("the server did not answer /health within 120 s")

    def kill_and_restart(self):
        with self.lock:
            if self.process:
                self.process.send_signal(signal.SIGKILL)
                self.process.wait()
                self.kills += 1
            self.start()

    def stop(self):
        with self.lock:
            if self.process and self.process.poll() is None:
                self.process.terminate()
                try:
                    self.process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    self.process.kill()


class Walker:
    """Sends each call until the server answers it, with the same Idempotency-Key."""

    def __init__(self, server: Server, token: str, seed: int):
        self.server, self.token = server, token
        self.random = random.Random(seed)
        self.retries = 0
        self.repeats = 0
        self.lock = threading.Lock()

    def call(self, path: str, body: dict, key: str, expected: int) -> dict | None:
        headers = {"Authorization": f"Bearer {self.token}", "Idempotency-Key": key}
        deadline = time.monotonic() + STEP_PATIENCE
        while time.monotonic() < deadline:
            try:
                answer = requests.post(self.server.base + path, json=body, headers=headers, timeout=TIMEOUT)
            except requests.RequestException:
                answer = None
            if answer is not None and answer.status_code == expected:
                with self.lock:
                    repeat = self.random.random() < 0.1
                if repeat:
                    # A client that did not hear the answer sends the call again: it must change nothing.
                    try:
                        again = requests.post(self.server.base + path, json=body, headers=headers, timeout=TIMEOUT)
                        with self.lock:
                            self.repeats += 1
                        if again.status_code == expected and again.headers.get("Idempotency-Replayed") != "true":
                            print(f"a repeated call to {path} was not answered as a replay", flush=True)
                    except requests.RequestException:
                        pass
                return answer.json()
            if answer is not None and answer.status_code < 500:
                print(f"{path} answered {answer.status_code}: {answer.text[:200]}", flush=True)
                return None
            with self.lock:
                self.retries += 1
            time.sleep(0.2)
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--submissions", type=int, default=1000)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--database-url", help="use this PostgreSQL database instead of starting one")
    parser.add_argument("--binary", type=Path, default=None)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    binary = (args.binary or default_binary()).resolve()
    started = time.monotonic()
    rng = random.Random(args.seed)

    work = Path(tempfile.mkdtemp(prefix="hubnet-crash-"))
    mail_dir = work / "mail"
    mail_dir.mkdir()
    smtp_port = free_port()
    sink = subprocess.Popen([sys.executable, str(ROOT / "Tests" / "Support" / "smtp_sink.py"), str(smtp_port), str(mail_dir)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    postgres = None
    database = args.database
    if args.database_url:
        database_url, database = args.database_url, "postgres"
    elif args.database == "postgres":
        postgres = ThrowawayPostgres()
        database_url = postgres.url
    else:
        database_url = f"sqlite://{work / 'crash.sqlite'}"
    admin_token = uuid.uuid4().hex
    environment = {**os.environ, "DATABASE_URL": database_url, "HUBNET_PORT": str(free_port()), "HUBNET_DEMO_ORGANISATIONS": "30",
                   "HUBNET_SMTP_URL": f"smtp://127.0.0.1:{smtp_port}", "HUBNET_ADMIN_TOKEN": admin_token}
    server = Server(binary, work, environment, int(environment["HUBNET_PORT"]))
    killer_stop = threading.Event()
    try:
        time.sleep(0.5)
        server.start()
        # The agency (network admin, who also acts for the receiving organisation) and a poster:
        # two people, so that each step mails someone who did not take it.
        agency_member = new_member(server.base, mail_dir, name="Crash Agentur", language="de")
        agency_token = create_token(agency_member, scope="write", name="crash")
        answer = requests.post(f"{server.base}/api/v1/bootstrap", json={"email": agency_member.email},
                               headers={"Authorization": f"Bearer {admin_token}"}, timeout=TIMEOUT)
        if answer.status_code >= 300:
            sys.exit(f"bootstrap answered {answer.status_code}: {answer.text}")
        poster_member = new_member(server.base, mail_dir, name="Crash Poster", language="en")
        poster_token = create_token(poster_member, scope="write", name="crash")
        auth = {"Authorization": f"Bearer {agency_token}"}
        organisations = []
        for name, hub, city, token in (("Crash Logistik GmbH", "hamburg", "Hamburg", poster_token),
                                       ("Crash Robotics", "berlin", "Berlin", agency_token)):
            answer = requests.post(f"{server.base}/api/v1/organisations", headers={"Authorization": f"Bearer {token}"}, timeout=TIMEOUT, json={
                "name": f"{name} {uuid.uuid4().hex[:6]}", "kind": "startup", "hub": hub, "city": city, "topics": ["logistics"],
                "description": {"de": "Roboter für Lager und Häfen.", "en": "Robots for warehouses and ports."}})
            if answer.status_code != 201:
                sys.exit(f"creating an organisation answered {answer.status_code}: {answer.text}")
            organisations.append(answer.json()["id"])
        poster, recipient = organisations
        requests.post(f"{server.base}/api/v1/organisations/{poster}/approve", headers=auth, timeout=TIMEOUT)

        posting = Walker(server, poster_token, args.seed)
        walker = Walker(server, agency_token, args.seed + 1)
        acknowledged: dict[str, str] = {}  # key -> opportunity id
        steps_done: dict[str, list[str]] = {}
        run = uuid.uuid4().hex[:8]

        def killer():
            while not killer_stop.wait(rng.uniform(0.3, 2.5)):
                server.kill_and_restart()

        def walk(index: int):
            key = f"crash-{run}-{index}"
            created = posting.call("/api/v1/opportunities", {
                "organisation": poster, "kind": "challenge", "title": f"Anfrage {key}",
                "text": "Wir suchen Roboter für das Lager, geprüft im Absturztest.", "topics": ["logistics"]}, key, 201)
            if not created:
                return
            acknowledged[key] = created["id"]
            steps_done[key] = ["submit"]
            path = f"/api/v1/opportunities/{created['id']}/steps"
            for name, body in (("accept", {"event": "accept"}),
                               ("route", {"event": "route", "recipients": [recipient]}),
                               ("express-interest", {"event": "express-interest", "organisation": recipient, "message": "Gern"})):
                if walker.call(path, body, f"{key}-{name}", 200) is None:
                    return
                steps_done[key].append(name)

        threading.Thread(target=killer, daemon=True).start()
        with ThreadPoolExecutor(max_workers=args.workers) as pool:
            list(pool.map(walk, range(args.submissions)))
        killer_stop.set()
        with server.lock:
            pass
        # Let the outbox deliver what is due, then count.
        time.sleep(1)
        if server.process is None or server.process.poll() is not None:
            server.start()
        # A message leased by a killed server waits out its lease (120 s) before it is sent again.
        deadline = time.monotonic() + 200
        while unsent_mails(database, database_url) > 0 and time.monotonic() < deadline:
            time.sleep(1)
        time.sleep(1)

        lost = 0
        for key, opportunity in acknowledged.items():
            answer = requests.get(f"{server.base}/api/v1/opportunities/{opportunity}/routing", headers=auth, timeout=TIMEOUT)
            events = [step["event"] for step in answer.json().get("history", [])] if answer.status_code == 200 else []
            if answer.status_code != 200 or any(step not in events for step in steps_done[key]):
                lost += 1
                print(f"lost: {key} ({opportunity}) acknowledged {steps_done[key]}, stored {events}", flush=True)

        titles = stored_titles(database, database_url, work)
        per_key = Counter(title.removeprefix("Anfrage ") for title in titles if title.startswith(f"Anfrage crash-{run}-"))
        duplicates = sum(count - 1 for count in per_key.values() if count > 1)
        message_ids = Counter()
        for path in mail_dir.glob("*.eml"):
            message = email.message_from_bytes(path.read_bytes())
            message_ids[message.get("Message-ID", path.name)] += 1
        duplicate_mails = sum(count - 1 for count in message_ids.values() if count > 1)
        undelivered = unsent_mails(database, database_url)
        figures = {
            "database": database, "submissions": args.submissions, "acknowledged": len(acknowledged),
            "steps_acknowledged": sum(len(steps) for steps in steps_done.values()),
            "lost": lost, "duplicates": duplicates, "mails": sum(message_ids.values()), "duplicate_mails": duplicate_mails,
            "undelivered_mails": undelivered,
            "kills": server.kills, "retries": walker.retries + posting.retries, "repeats": walker.repeats + posting.repeats,
            "seconds": round(time.monotonic() - started, 1),
        }
        for name, value in figures.items():
            print(f"{name}: {value}")
        if args.json:
            print(json.dumps(figures))
        return 0 if lost == 0 and duplicates == 0 and len(acknowledged) > 0 else 1
    finally:
        killer_stop.set()
        server.stop()
        sink.terminate()
        if postgres:
            postgres.stop()


def query(database: str, url: str, sql: str) -> list[str]:
    """One column, read from the database itself (the API lists only what it shows)."""
    if database == "sqlite":
        with sqlite3.connect(url.removeprefix("sqlite://")) as connection:
            return [str(row[0]) for row in connection.execute(sql)]
    output = subprocess.run(["psql", url, "-At", "-c", sql], check=True, capture_output=True, text=True)
    return output.stdout.splitlines()


def stored_titles(database: str, url: str, work: Path) -> list[str]:
    return query(database, url, "SELECT title FROM opportunities")


def unsent_mails(database: str, url: str) -> int:
    return int(query(database, url, "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL")[0])


if __name__ == "__main__":
    sys.exit(main())
