"""Places and events, end to end against a live Hubnet server: a desk booked by 100 requests at
once, the booking rules, events with their waiting list, the iCalendar feeds and a matchmaking
day, all through HTTP as clients would use them.

Usage: HUBNET_ADMIN_TOKEN=… python3 Tests/Places/places_live_test.py BASE_URL MAIL_DIR [--json]

BASE_URL is a running `hubnet serve` with the demo network (every hub has resources and events)
whose HUBNET_SMTP_URL points at `python3 Tests/Support/smtp_sink.py PORT MAIL_DIR`, which stores
every mail as MAIL_DIR/*.eml. Members are made through the pages with
Tests/Support/hubnet_member.py (sign-up, the mailed confirmation link, sign-in, a token from the
account page). One of them becomes the network admin through POST /api/v1/bootstrap with
HUBNET_ADMIN_TOKEN; the server allows that only while its database has no network admin yet, so
the test needs a server of its own (not one the attack test has already used).

The checks, by number:
  1  100 concurrent bookings of one desk slot: one 201, 99 problem+json 409s
  2  booking rules: hours, grid, Sunday, holiday, read-only token, anonymous, other people's
     organisations, the resource's rule, cancel and book again
  3  events: capacity, the waiting list and its promotion mail, 10 registrations at once
  4  iCalendar: the member's and the hub's feed, their form (RFC 5545), UID, SEQUENCE, STATUS,
     escaping of text
  5  a matchmaking day: participation, requests, answers, "schedule all", agendas, the feed
  0  no 5xx anywhere

Prints `ok   …`, `FAIL …` or `skip …` per check, then `N passed, M failed`; with --json a last
line {"passed": n, "failed": m}. Exits 1 if anything failed.
"""
import argparse
import datetime
import email
import email.policy
import glob
import json
import os
import re
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import requests
from icalendar import Calendar

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "Support"))
import hubnet_member  # noqa: E402

parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("base_url")
parser.add_argument("mail_dir")
parser.add_argument("--json", action="store_true", help="end the output with one line of JSON: passed and failed")
ARGS = parser.parse_args()

BASE = ARGS.base_url.rstrip("/").replace("://localhost", "://127.0.0.1")
MAIL_DIR = ARGS.mail_dir
ADMIN_TOKEN = os.environ.get("HUBNET_ADMIN_TOKEN", "")
RUN = uuid.uuid4().hex[:8]
TIMEOUT = 30
RACERS = 5          # members (each with a startup) in the booking race
RACE_REQUESTS = 100
MEMBERS = 10
BERLIN = ZoneInfo("Europe/Berlin")
UTC = datetime.timezone.utc
NOW = datetime.datetime.now(UTC)

# Hubs for the test's own organisations, with a city of each (German name).
ORGANISATION_HUBS = [("berlin", "Berlin"), ("hamburg", "Hamburg"), ("dortmund", "Dortmund"), ("stuttgart", "Stuttgart"),
                     ("potsdam", "Potsdam"), ("karlsruhe", "Karlsruhe")]
RESOURCE_KINDS = {"desk", "3d_printer", "vr_headset", "lab", "room"}
BOOKING_RULES = {"hub_members", "startup_card", "everyone"}
EVENT_KINDS = {"pitch_night", "workshop", "demo_day", "matchmaking_day"}

passed, failed, skipped = 0, 0, 0
print_lock = threading.Lock()


def check(condition, what, saw=None):
    global passed, failed
    with print_lock:
        if condition:
            passed += 1
            print(f"ok   {what}", flush=True)
        else:
            failed += 1
            print(f"FAIL {what}" + (f" (saw {saw})" if saw is not None else ""), flush=True)
    return bool(condition)


def skip(what, why):
    global skipped
    with print_lock:
        skipped += 1
        print(f"skip {what}: {why}", flush=True)


def short(text, limit=200):
    text = repr(text)
    return text if len(text) <= limit else text[:limit] + "…"


# MARK: HTTP

server_errors = []  # every 5xx or broken connection: (method, path, what)
errors_lock = threading.Lock()
local = threading.local()


def client():
    if not hasattr(local, "session"):
        local.session = requests.Session()
    return local.session


def note_server_error(method, path, what):
    with errors_lock:
        server_errors.append((method, path, what))


def call(method, path, token=None, body=None, params=None, session=None):
    """One request to the server; remembers any 5xx or broken connection for check 0."""
    url = path if path.startswith("http") else BASE + path
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    kwargs = {"headers": headers, "params": params, "timeout": TIMEOUT}
    if body is not None:
        kwargs["json"] = body
    try:
        answer = (session or client()).request(method, url, **kwargs)
    except requests.RequestException as error:
        note_server_error(method, urlsplit(url).path, type(error).__name__)
        raise
    if answer.status_code >= 500:
        note_server_error(method, urlsplit(url).path, f"HTTP {answer.status_code} {short(answer.text, 120)}")
    return answer


def get(path, token=None, params=None):
    return call("GET", path, token, params=params)


def post(path, token=None, body=None):
    return call("POST", path, token, body=body)


def saw(answer):
    return f"HTTP {answer.status_code} {short(answer.text)}"


def json_of(answer):
    try:
        return answer.json()
    except ValueError:
        return None


def is_problem(answer, status):
    """An RFC 9457 problem with this status: the media type and type, title, status, detail."""
    body = json_of(answer)
    return (answer.status_code == status and answer.headers.get("Content-Type", "").startswith("application/problem+json")
            and isinstance(body, dict) and all(key in body for key in ("type", "title", "status", "detail"))
            and body.get("status") == status)


def same(one, other):
    """Two UUIDs as the API writes them, whatever their case."""
    return isinstance(one, str) and isinstance(other, str) and one.lower() == other.lower()


def detail_of(answer):
    body = json_of(answer)
    return body.get("detail") or "" if isinstance(body, dict) else ""


# MARK: Time

ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def iso(moment):
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def berlin(day, hour, minute=0):
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)


def local_day(moment):
    return moment.astimezone(BERLIN).date()


def next_week(weekday):
    """The day of next week (Monday 0) in Berlin."""
    today = NOW.astimezone(BERLIN).date()
    monday = today - datetime.timedelta(days=today.weekday()) + datetime.timedelta(days=7)
    return monday + datetime.timedelta(days=weekday)


def easter_sunday(year):
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return datetime.date(year, month, day)


def national_holidays(year):
    """The public holidays of every German state: (day, German name, English name)."""
    easter = easter_sunday(year)
    moved = lambda days: easter + datetime.timedelta(days=days)  # noqa: E731
    return [(datetime.date(year, 1, 1), "Neujahr", "New Year's Day"), (moved(-2), "Karfreitag", "Good Friday"),
            (moved(1), "Ostermontag", "Easter Monday"), (datetime.date(year, 5, 1), "Tag der Arbeit", "Labour Day"),
            (moved(39), "Christi Himmelfahrt", "Ascension Day"), (moved(50), "Pfingstmontag", "Whit Monday"),
            (datetime.date(year, 10, 3), "Tag der Deutschen Einheit", "German Unity Day"),
            (datetime.date(year, 12, 25), "1. Weihnachtstag", "Christmas Day"),
            (datetime.date(year, 12, 26), "2. Weihnachtstag", "Boxing Day")]


# MARK: Mail

def mails_to(recipient):
    found = []
    for name in glob.glob(os.path.join(MAIL_DIR, "*.eml")):
        try:
            with open(name, "rb") as handle:
                message = email.message_from_bytes(handle.read(), policy=email.policy.default)
        except OSError:
            continue
        to = f"{message.get('X-Envelope-To', '')},{message.get('To', '')}".lower()
        if recipient.lower() in to:
            found.append(str(message.get("Subject", "")))
    return found


def wait_for_mail(recipient, subject_part, count=1, timeout=25):
    """The subjects of the mails to recipient whose subject contains subject_part, once there
    are `count` of them; None after `timeout` seconds."""
    deadline = time.time() + timeout
    while True:
        found = [subject for subject in mails_to(recipient) if subject_part in subject]
        if len(found) >= count:
            return found
        if time.time() >= deadline:
            return None
        time.sleep(0.3)


# MARK: Members

class Member:
    """A confirmed member made through the pages, with a write token and organisations."""

    def __init__(self, tag):
        self.tag = tag
        self.name = f"Places {tag} {RUN}"
        self.account = None
        self.token = None
        self.startup = None        # id of a startup the member acts for
        self.startup_name = None
        self.startup_hub = None

    @property
    def email(self):
        return self.account.email

    def ready(self, hub=None):
        self.account = hubnet_member.new_member(BASE, MAIL_DIR, name=self.name)
        self.token = hubnet_member.create_token(self.account, scope="write", name=f"places {RUN}")
        if hub:
            self.startup_name = f"Placestart {self.tag} {RUN}"
            self.startup_hub = hub[0]
            self.startup = self.organisation(self.startup_name, "startup", hub)
        return self

    def organisation(self, name, kind, hub):
        slug, city = hub
        answer = post("/api/v1/organisations", self.token, {
            "name": name, "kind": kind, "hub": slug, "city": city, "topics": ["logistics"],
            "description": {"de": "Eine Organisation des Orte-Tests.", "en": "An organisation of the places test."}})
        if answer.status_code != 201:
            raise AssertionError(f"POST /api/v1/organisations answered {saw(answer)}")
        return answer.json()["id"]

    def read_token(self):
        return hubnet_member.create_token(self.account, scope="read", name=f"places read {RUN}")


# MARK: iCalendar

def fetch_feed(url):
    """(answer, parsed calendar or None, problems of form) of a feed; the URL's path is fetched
    on BASE, since the server writes HUBNET_PUBLIC_URL into the addresses it gives."""
    parts = urlsplit(url)
    answer = get(BASE + parts.path + (f"?{parts.query}" if parts.query else ""))
    problems = []
    raw = answer.content
    kind = answer.headers.get("Content-Type", "")
    if not kind.startswith("text/calendar"):
        problems.append(f"Content-Type {kind!r}")
    if raw.replace(b"\r\n", b"").count(b"\n") or raw.replace(b"\r\n", b"").count(b"\r") or not raw.endswith(b"\r\n"):
        problems.append("a line not ended by CRLF")
    for number, line in enumerate(raw.split(b"\r\n")[:-1], 1):
        if len(line) > 75:
            problems.append(f"line {number} has {len(line)} octets")
            break
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {number} is folded inside a UTF-8 sequence")
            break
    calendar = None
    if answer.status_code == 200:
        try:
            calendar = Calendar.from_ical(raw)
        except Exception as error:  # noqa: BLE001 — any parse failure is the finding
            problems.append(f"icalendar cannot parse it: {type(error).__name__}: {error}")
    return answer, calendar, problems


def vevents(calendar):
    """UID → VEVENT."""
    if calendar is None:
        return {}
    return {str(component.get("UID")): component for component in calendar.walk("VEVENT")}


def sequence_of(component):
    value = component.get("SEQUENCE") if component is not None else None
    return int(value) if value is not None else None


def status_of(component):
    return str(component.get("STATUS")) if component is not None and component.get("STATUS") is not None else None


def text_of(component, name):
    value = component.get(name) if component is not None else None
    return str(value) if value is not None else None


def check_feed_form(label, answer, calendar, problems):
    """The form every feed must have (RFC 5545): checked once per kind of feed."""
    check(answer.status_code == 200, f"4 {label}: answers 200", saw=f"HTTP {answer.status_code}")
    check(answer.headers.get("Content-Type", "").startswith("text/calendar"), f"4 {label}: Content-Type text/calendar",
          saw=answer.headers.get("Content-Type"))
    check(not [p for p in problems if "CRLF" in p], f"4 {label}: every line ends with CRLF", saw=problems)
    check(not [p for p in problems if "octets" in p or "UTF-8" in p],
          f"4 {label}: every line is at most 75 octets, folded between UTF-8 characters", saw=problems)
    if not check(calendar is not None, f"4 {label}: icalendar.Calendar.from_ical parses it", saw=problems):
        return
    check(str(calendar.get("VERSION")) == "2.0", f"4 {label}: VERSION:2.0", saw=calendar.get("VERSION"))
    check(bool(str(calendar.get("PRODID") or "")), f"4 {label}: has a PRODID", saw=calendar.get("PRODID"))
    events = calendar.walk("VEVENT")
    missing = [str(event.get("UID")) for event in events
               if any(event.get(name) is None for name in ("UID", "DTSTAMP", "DTSTART", "SEQUENCE"))]
    check(bool(events) and not missing, f"4 {label}: each of its {len(events)} VEVENTs has UID, DTSTAMP, DTSTART and SEQUENCE",
          saw=f"{len(events)} events, incomplete: {missing[:5]}")


def member_feed_url(member):
    answer = get("/api/v1/calendar", member.token)
    body = json_of(answer) or {}
    url = body.get("url") if isinstance(body, dict) else None
    if not check(answer.status_code == 200 and isinstance(url, str), f"4 GET /api/v1/calendar gives {member.tag} a feed address",
                 saw=saw(answer)):
        return None
    path = urlsplit(url).path
    secret = path.rsplit("/", 1)[-1].removesuffix(".ics")
    check(url.startswith("http") and path.startswith("/calendar/members/") and path.endswith(".ics") and len(secret) >= 20,
          f"4 the feed address of {member.tag} is http…/calendar/members/<secret>.ics", saw=url)
    return url


# MARK: Resources

def availability(resource_id, day, token=None):
    answer = get(f"/api/v1/resources/{resource_id}/availability", token, params={"week": day.isoformat()})
    if answer.status_code != 200:
        raise AssertionError(f"availability of {resource_id} for {day}: {saw(answer)}")
    return answer.json()


def slot_state(week, start):
    for day in week.get("days", []):
        for slot in day.get("slots", []):
            if slot.get("start") == start:
                return slot.get("state")
    return None


def free_slots(resource, week, not_after):
    for day in week["days"]:
        if day.get("closedBecause"):
            continue
        for slot in day.get("slots", []):
            if slot.get("state") == "free" and parse_time(slot["start"]) > NOW + datetime.timedelta(hours=1) \
                    and parse_time(slot["start"]) <= not_after:
                yield day, slot


def horizon(resource):
    return NOW + datetime.timedelta(days=int(resource.get("bookableDaysAhead") or 1)) - datetime.timedelta(hours=1)


def book(resource_id, token, organisation, start, end):
    return post(f"/api/v1/resources/{resource_id}/bookings", token, {"organisation": organisation, "start": start, "end": end})


def check_resources(state):
    answer = get("/api/v1/resources")
    resources = json_of(answer)
    if not check(answer.status_code == 200 and isinstance(resources, list) and resources,
                 "1 GET /api/v1/resources lists the demo network's resources", saw=saw(answer)):
        raise AssertionError("no resources")
    bad = []
    for resource in resources:
        fields = {"id": str, "hub": str, "city": str, "kind": str, "name": dict, "description": dict, "openingHours": dict,
                  "granularityMinutes": int, "maximumMinutes": int, "rule": str, "bookableDaysAhead": int}
        wrong = [name for name, kind in fields.items() if not isinstance(resource.get(name), kind)]
        wrong += [name for name in ("name", "description", "openingHours")
                  if isinstance(resource.get(name), dict) and not all(isinstance(resource[name].get(lang), str) for lang in ("de", "en"))]
        if "quotaDaysPerMonth" not in resource or not (resource["quotaDaysPerMonth"] is None or isinstance(resource["quotaDaysPerMonth"], int)):
            wrong.append("quotaDaysPerMonth")
        if resource.get("kind") not in RESOURCE_KINDS:
            wrong.append(f"kind={resource.get('kind')}")
        if resource.get("rule") not in BOOKING_RULES:
            wrong.append(f"rule={resource.get('rule')}")
        if wrong:
            bad.append((resource.get("id"), wrong))
    check(not bad, f"1 all {len(resources)} resources have the contract's fields and values", saw=bad[:3])
    hubs = {resource["hub"] for resource in resources}
    answer = get("/api/v1/hubs")
    all_hubs = {hub["slug"] for hub in json_of(answer) or []} if answer.status_code == 200 else set()
    check(all_hubs and all_hubs <= hubs, "1 every hub has resources", saw=sorted(all_hubs - hubs))
    desks = [resource for resource in resources if resource["kind"] == "desk"]
    check(desks and all(desk["rule"] == "startup_card" for desk in desks), "1 every desk has the rule startup_card",
          saw=sorted({desk["rule"] for desk in desks}))
    if not desks:
        raise AssertionError("no desk")
    # A desk of a hub none of the test's startups belongs to: the Start-up Card is what lets them in.
    own_hubs = {slug for slug, _ in ORGANISATION_HUBS}
    desk = next((d for d in desks if d["hub"] not in own_hubs), desks[0])
    answer = get("/api/v1/resources", params={"hub": desk["hub"]})
    listed = json_of(answer) or []
    check(answer.status_code == 200 and any(r.get("id") == desk["id"] for r in listed) and all(r.get("hub") == desk["hub"] for r in listed),
          f"1 GET /api/v1/resources?hub={desk['hub']} lists only that hub's resources, the desk among them", saw=saw(answer))
    answer = get(f"/api/v1/resources/{desk['id']}")
    check(answer.status_code == 200 and (json_of(answer) or {}).get("id") == desk["id"], "1 GET /api/v1/resources/{id} gives the desk",
          saw=saw(answer))
    answer = get(f"/api/v1/resources/{uuid.uuid4()}")
    check(is_problem(answer, 404), "1 an unknown resource answers 404 problem+json", saw=saw(answer))
    answer = get(f"/api/v1/resources/{desk['id']}/availability")
    week = json_of(answer) or {}
    today = NOW.astimezone(BERLIN).date()
    check(answer.status_code == 200 and week.get("monday") == (today - datetime.timedelta(days=today.weekday())).isoformat(),
          "1 availability without ?week= gives this week", saw=saw(answer))
    times = [t for d in week.get("days", []) for s in d.get("slots", []) for t in (s.get("start"), s.get("end"))]
    check(times and all(isinstance(t, str) and ISO_UTC.match(t) for t in times),
          "1 slot times are ISO 8601 in UTC like 2026-12-01T09:00:00Z", saw=[t for t in times if not ISO_UTC.match(str(t))][:3])
    state["resources"] = resources
    state["desk"] = desk


# MARK: 1 The booking race

def check_race(state, racers):
    desk = state["desk"]
    week = availability(desk["id"], next_week(2))
    check(isinstance(week.get("monday"), str) and datetime.date.fromisoformat(week["monday"]).weekday() == 0
          and datetime.date.fromisoformat(week["monday"]) == next_week(0) and len(week.get("days", [])) == 7
          and week.get("resource") == desk["id"],
          "1 availability?week=<a Wednesday> gives that week from its Monday, seven days", saw=short(week, 300))
    slots = list(free_slots(desk, week, horizon(desk)))
    if not check(slots, f"1 the desk '{desk['name']['en']}' at {desk['hub']} has a free slot next week",
                 saw=[(d["day"], d.get("closedBecause"), len(d.get("slots", []))) for d in week.get("days", [])]):
        raise AssertionError("no free slot")
    day, slot = slots[0]
    state["race_day"], state["race_slot"], state["race_week"] = day, slot, week
    target = f"{BASE}/api/v1/resources/{desk['id']}/bookings"
    per = RACE_REQUESTS // len(racers)
    jobs = [member for member in racers for _ in range(per)]
    barrier = threading.Barrier(len(jobs))

    def one(member):
        session = requests.Session()
        try:
            barrier.wait(timeout=60)
        except threading.BrokenBarrierError:
            pass
        try:
            answer = session.post(target, json={"organisation": member.startup, "start": slot["start"], "end": slot["end"]},
                                  headers={"Authorization": f"Bearer {member.token}"}, timeout=60)
            if answer.status_code >= 500:
                note_server_error("POST", urlsplit(target).path, f"HTTP {answer.status_code}")
            return member, answer
        except requests.RequestException as error:
            note_server_error("POST", urlsplit(target).path, type(error).__name__)
            return member, error
        finally:
            session.close()

    started = time.time()
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        outcomes = list(pool.map(one, jobs))
    took = time.time() - started
    codes = [answer.status_code if isinstance(answer, requests.Response) else type(answer).__name__ for _, answer in outcomes]
    summary = {code: codes.count(code) for code in set(codes)}
    winners = [(member, answer) for member, answer in outcomes if isinstance(answer, requests.Response) and answer.status_code == 201]
    losers = [answer for _, answer in outcomes if isinstance(answer, requests.Response) and answer.status_code != 201]
    print(f"     ({len(jobs)} bookings of {slot['start']}–{slot['end']} by {len(racers)} members in {took:.1f}s: {summary})", flush=True)
    check(len(winners) == 1, f"1 of {len(jobs)} concurrent bookings of one slot exactly one answers 201", saw=summary)
    check(codes.count(409) == len(jobs) - 1, f"1 the other {len(jobs) - 1} answer 409", saw=summary)
    not_problems = [saw(answer) for answer in losers if not is_problem(answer, 409)]
    check(not not_problems, "1 every 409 is application/problem+json with type, title, status and detail",
          saw=f"{len(not_problems)}: {not_problems[:2]}")
    check(all(isinstance(code, int) and code < 500 for code in codes), "1 no 5xx or broken connection among them", saw=summary)
    if not winners:
        return
    winner, answer = winners[0]
    booking = answer.json()
    check(same(booking.get("resource"), desk["id"]) and same(booking.get("organisation"), winner.startup) and booking.get("state") == "booked"
          and parse_time(booking.get("start", "")) == parse_time(slot["start"]) and parse_time(booking.get("end", "")) == parse_time(slot["end"])
          and isinstance(booking.get("id"), str),
          "1 the 201 answer is the booking: id, resource, organisation, start, end as asked, state booked", saw=short(booking))
    check(ISO_UTC.match(booking.get("start", "")) and ISO_UTC.match(booking.get("end", "")), "1 the booking's times are ISO 8601 UTC",
          saw=(booking.get("start"), booking.get("end")))
    after = availability(desk["id"], local_day(parse_time(slot["start"])))
    check(slot_state(after, slot["start"]) == "taken", "1 availability then shows the slot taken (to a visitor)",
          saw=slot_state(after, slot["start"]))
    mine = availability(desk["id"], local_day(parse_time(slot["start"])), winner.token)
    check(slot_state(mine, slot["start"]) == "own", "1 … and as own to the winner", saw=slot_state(mine, slot["start"]))
    answer = get("/api/v1/bookings", winner.token)
    listed = [b for b in json_of(answer) or [] if b.get("id") == booking["id"]] if answer.status_code == 200 else []
    check(len(listed) == 1 and listed[0].get("state") == "booked", "1 GET /api/v1/bookings of the winner lists the booking once",
          saw=saw(answer))
    for member in racers:
        if member is winner:
            continue
        answer = get("/api/v1/bookings", member.token)
        clash = [b for b in json_of(answer) or [] if b.get("resource") == desk["id"] and b.get("start") == booking.get("start")] \
            if answer.status_code == 200 else None
        check(clash == [], f"1 GET /api/v1/bookings of loser {member.tag} has no booking of that slot", saw=saw(answer) if clash else None)
    check(booking.get("organisation") == winner.startup and booking.get("id") == booking.get("id", "").lower()
          and booking.get("resource") == desk["id"].lower(),
          "1 ids are written as /api/v1/organisations writes them (lowercase), so clients can compare them",
          saw=f"organisation sent {winner.startup}, answered {booking.get('organisation')}; booking {booking.get('id')}; resource {booking.get('resource')}")
    state["race_booking"] = booking
    state["race_winner"] = winner


def check_overlap_race(state, racers):
    """Bookings that overlap without being equal, all at once: what is granted never overlaps,
    and every refusal lost to a granted booking (no 409 for a time that stayed free)."""
    desk = state["desk"]
    week = availability(desk["id"], next_week(2))
    run = None
    for day in week["days"]:
        if day.get("closedBecause") or day["day"] == state["race_day"]["day"]:
            continue
        free = [slot for _, slot in free_slots(desk, {"days": [day]}, horizon(desk))]
        for index in range(len(free) - 2):
            if free[index]["end"] == free[index + 1]["start"] and free[index + 1]["end"] == free[index + 2]["start"]:
                run = free[index:index + 3]
                break
        if run:
            break
    if not check(run, "1 setup: three free slots in a row on another day of next week"):
        return
    s0, s1, s2 = run
    spans = [(s0["start"], s1["end"]), (s1["start"], s2["end"]), (s0["start"], s0["end"]), (s1["start"], s1["end"]), (s2["start"], s2["end"])]
    jobs = [(member, span) for member in racers for span in spans]
    barrier = threading.Barrier(len(jobs))

    def one(job):
        member, (start, end) = job
        session = requests.Session()
        try:
            barrier.wait(timeout=60)
        except threading.BrokenBarrierError:
            pass
        try:
            return job, call("POST", f"/api/v1/resources/{desk['id']}/bookings", member.token,
                             body={"organisation": member.startup, "start": start, "end": end}, session=session)
        except requests.RequestException as error:
            return job, error
        finally:
            session.close()

    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        outcomes = list(pool.map(one, jobs))
    codes = [answer.status_code if isinstance(answer, requests.Response) else type(answer).__name__ for _, answer in outcomes]
    granted = [(parse_time(span[0]), parse_time(span[1])) for (_, span), answer in outcomes
               if isinstance(answer, requests.Response) and answer.status_code == 201]
    refused = [(parse_time(span[0]), parse_time(span[1])) for (_, span), answer in outcomes
               if isinstance(answer, requests.Response) and answer.status_code == 409]
    overlap = lambda a, b: a[0] < b[1] and b[0] < a[1]  # noqa: E731
    summary = {code: codes.count(code) for code in set(codes)}
    check(granted and len(granted) + len(refused) == len(jobs), f"1 {len(jobs)} overlapping bookings at once answer only 201 or 409",
          saw=summary)
    clashes = [(a, b) for i, a in enumerate(granted) for b in granted[i + 1:] if overlap(a, b)]
    check(not clashes, f"1 … the {len(granted)} granted bookings do not overlap", saw=[(iso(a[0]), iso(a[1]), iso(b[0]), iso(b[1])) for a, b in clashes[:3]])
    lonely = [span for span in refused if not any(overlap(span, other) for other in granted)]
    check(not lonely, "1 … each refused one overlaps a granted one (no 409 for a time that stayed free)",
          saw=[(iso(a), iso(b)) for a, b in lonely[:3]])
    after = availability(desk["id"], local_day(parse_time(s0["start"])))
    states = [slot_state(after, slot["start"]) for slot in run]
    check(states == ["taken"] * 3, "1 … and the three slots show as taken", saw=states)


# MARK: 2 The booking rules

def check_rules(state, member, other):
    desk = state["desk"]
    week = state["race_week"]
    day, race_slot = state["race_day"], state["race_slot"]
    step = datetime.timedelta(minutes=desk["granularityMinutes"])
    slots = [s for d, s in free_slots(desk, availability(desk["id"], next_week(2)), horizon(desk)) if s["start"] != race_slot["start"]]
    if not check(slots, "2 setup: another free slot of the desk next week"):
        return
    slot = slots[-1]

    # Outside the opening hours, the grid, Sunday, a holiday: 422.
    first = parse_time(day["slots"][0]["start"])
    last_end = parse_time(day["slots"][-1]["end"])
    if local_day(first - step) == local_day(first):
        before = book(desk["id"], member.token, member.startup, iso(first - step), iso(first))
        check(is_problem(before, 422), f"2 a booking before opening ({iso(first - step)}) answers 422 problem+json", saw=saw(before))
    elif local_day(last_end + step) == local_day(last_end):
        after = book(desk["id"], member.token, member.startup, iso(last_end), iso(last_end + step))
        check(is_problem(after, 422), f"2 a booking after closing ({iso(last_end)}) answers 422 problem+json", saw=saw(after))
    else:
        skip("2 a booking outside the opening hours", "the desk is open all day")
    if desk["granularityMinutes"] > 15:
        start = parse_time(slot["start"]) + datetime.timedelta(minutes=15)
        answer = book(desk["id"], member.token, member.startup, iso(start), iso(start + step))
        check(is_problem(answer, 422), "2 a booking off the grid (15 minutes late) answers 422", saw=saw(answer))
    longest = datetime.timedelta(minutes=desk["maximumMinutes"])
    if last_end - first > longest:
        answer = book(desk["id"], member.token, member.startup, iso(first), iso(first + longest + step))
        check(is_problem(answer, 422), f"2 a booking longer than maximumMinutes ({desk['maximumMinutes']}) answers 422", saw=saw(answer))

    sunday = next((d for d in week["days"] if datetime.date.fromisoformat(d["day"]).weekday() == 6), None)
    open_at = parse_time(day["slots"][0]["start"]).astimezone(BERLIN)
    if sunday is None or sunday.get("slots"):
        skip("2 a booking on a Sunday", "the desk is open on Sundays")
    else:
        sunday_day = datetime.date.fromisoformat(sunday["day"])
        start = berlin(sunday_day, open_at.hour, open_at.minute)
        check(bool(sunday.get("closedBecause")), "2 availability gives the Sunday a closedBecause", saw=sunday.get("closedBecause"))
        answer = book(desk["id"], member.token, member.startup, iso(start), iso(start + step))
        detail = detail_of(answer)
        check(is_problem(answer, 422) and any(word in detail.lower() for word in ("sun", "sonntag", sunday["day"])),
              f"2 a booking on Sunday {sunday['day']} answers 422 naming the day", saw=saw(answer))
    check_holiday(state, member)

    # Who may book: the token's scope, a member at all, the organisation, the resource's rule.
    reader = member.read_token()
    answer = book(desk["id"], reader, member.startup, slot["start"], slot["end"])
    check(is_problem(answer, 403), "2 a read-only token cannot book (403 problem+json)", saw=saw(answer))
    answer = book(desk["id"], None, member.startup, slot["start"], slot["end"])
    check(is_problem(answer, 401), "2 without a token a booking answers 401 problem+json", saw=saw(answer))
    answer = book(desk["id"], other.token, member.startup, slot["start"], slot["end"])
    check(is_problem(answer, 403), "2 a member cannot book for an organisation they do not act for (403)", saw=saw(answer))
    away = next(hub for hub in ORGANISATION_HUBS if hub[0] != desk["hub"])
    corporate = member.organisation(f"Placecorp {member.tag} {RUN}", "corporate", away)
    answer = book(desk["id"], member.token, corporate, slot["start"], slot["end"])
    check(is_problem(answer, 403), f"2 a corporate of another hub ({away[0]}) may not book a Start-up Card desk (403)", saw=saw(answer))
    check_hub_members_rule(state, member)

    # Book, book again, cancel, book again.
    answer = book(desk["id"], member.token, member.startup, slot["start"], slot["end"])
    if not check(answer.status_code == 201 and answer.json().get("state") == "booked",
                 f"2 a startup of another hub ({member.startup_hub}) books the desk with the Start-up Card (201)", saw=saw(answer)):
        return
    first_booking = answer.json()
    answer = book(desk["id"], member.token, member.startup, slot["start"], slot["end"])
    check(is_problem(answer, 409), "2 booking the same time again answers 409", saw=saw(answer))
    reader_cancel = post(f"/api/v1/bookings/{first_booking['id']}/cancel", reader)
    check(is_problem(reader_cancel, 403), "2 a read-only token cannot cancel (403)", saw=saw(reader_cancel))
    answer = post(f"/api/v1/bookings/{first_booking['id']}/cancel", other.token)
    check(answer.status_code in (403, 404), "2 another member cannot cancel the booking (403/404)", saw=saw(answer))
    answer = post(f"/api/v1/bookings/{first_booking['id']}/cancel", member.token)
    check(answer.status_code == 200 and (json_of(answer) or {}).get("state") == "cancelled" and answer.json().get("id") == first_booking["id"],
          "2 POST /api/v1/bookings/{id}/cancel answers the booking, state cancelled", saw=saw(answer))
    answer = post(f"/api/v1/bookings/{first_booking['id']}/cancel", member.token)
    check(is_problem(answer, 409), "2 cancelling it again answers 409", saw=saw(answer))
    week_after = availability(desk["id"], local_day(parse_time(slot["start"])))
    check(slot_state(week_after, slot["start"]) == "free", "2 the cancelled time is free again in the availability",
          saw=slot_state(week_after, slot["start"]))
    answer = get("/api/v1/bookings", member.token)
    listed = [b for b in json_of(answer) or [] if b.get("id") == first_booking["id"]] if answer.status_code == 200 else []
    check(len(listed) == 1 and listed[0].get("state") == "cancelled", "2 GET /api/v1/bookings shows it cancelled", saw=short(listed))
    answer = book(desk["id"], member.token, member.startup, slot["start"], slot["end"])
    check(answer.status_code == 201 and answer.json().get("id") != first_booking["id"] and answer.json().get("state") == "booked",
          "2 booking the same time again after the cancellation succeeds (201, a new booking)", saw=saw(answer))
    state["cancelled_booking"] = first_booking
    state["rebooked"] = json_of(answer) if answer.status_code == 201 else None


def check_holiday(state, member):
    """A public holiday closes every hub: a booking that day answers 422 and names it."""
    candidates = [r for r in state["resources"] if r["rule"] in ("startup_card", "everyone")]
    candidates.sort(key=lambda r: (r["id"] != state["desk"]["id"], -r["bookableDaysAhead"]))
    today = NOW.astimezone(BERLIN).date()
    holidays = [h for year in (today.year, today.year + 1) for h in national_holidays(year) if h[0] > today + datetime.timedelta(days=1)]
    for resource in candidates:
        for day, name_de, name_en in sorted(h for h in holidays if h[0] <= horizon(resource).astimezone(BERLIN).date()):
            # The holiday's weekday must be one the resource opens on: a normal week shows when.
            normal = None
            for weeks in (1, -1, 2, -2):
                around = day + datetime.timedelta(days=7 * weeks)
                if around <= today:
                    continue
                week = availability(resource["id"], around)
                normal = next((d for d in week["days"] if d["day"] == around.isoformat() and d.get("slots")), None)
                if normal:
                    break
            if not normal:
                continue
            opens = parse_time(normal["slots"][0]["start"]).astimezone(BERLIN)
            start = berlin(day, opens.hour, opens.minute)
            if start > horizon(resource):
                continue
            end = start + datetime.timedelta(minutes=resource["granularityMinutes"])
            week = availability(resource["id"], day)
            listed = next((d for d in week["days"] if d["day"] == day.isoformat()), {})
            reason = listed.get("closedBecause") or {}
            check(isinstance(reason, dict) and (name_en in str(reason.get("en")) or name_de in str(reason.get("de"))) and not listed.get("slots"),
                  f"2 availability of {day} ({name_en}) is closed and names the holiday", saw=short(listed))
            answer = book(resource["id"], member.token, member.startup, iso(start), iso(end))
            detail = detail_of(answer)
            check(is_problem(answer, 422) and (name_en in detail or name_de in detail),
                  f"2 a booking on the holiday {day} ({name_en}) answers 422 naming it", saw=saw(answer))
            return
    skip("2 a booking on a public holiday", "no national holiday on an opening day within any open resource's bookableDaysAhead")


def check_hub_members_rule(state, member):
    """A resource only for its hub's organisations turns away a startup of another hub."""
    resource = next((r for r in state["resources"] if r["rule"] == "hub_members" and r["hub"] != member.startup_hub), None)
    if resource is None:
        skip("2 the rule hub_members", "no resource has it")
        return
    slots = list(free_slots(resource, availability(resource["id"], next_week(2)), horizon(resource)))
    if not slots:
        skip("2 the rule hub_members", f"no free slot of {resource['id']} next week")
        return
    _, slot = slots[0]
    answer = book(resource["id"], member.token, member.startup, slot["start"], slot["end"])
    check(is_problem(answer, 403), f"2 a startup of {member.startup_hub} may not book a {resource['kind']} of {resource['hub']} "
          "whose rule is hub_members (403)", saw=saw(answer))


# MARK: 3 Events and the waiting list

def event_body(hub, title, start, end, capacity, kind="pitch_night", description=None, venue=None):
    return {"hub": hub, "kind": kind, "title": {"de": title, "en": title},
            "description": description or {"de": "Ein Abend des Orte-Tests.", "en": "An evening of the places test."},
            "venue": venue or "Hafenhalle, Raum 1", "start": iso(start), "end": iso(end), "capacity": capacity}


def create_event(admin, body, what):
    answer = post("/api/v1/events", admin.token, body)
    event = json_of(answer) or {}
    ok = answer.status_code == 201 and isinstance(event.get("id"), str)
    check(ok, what, saw=saw(answer))
    if not ok:
        raise AssertionError(f"{what}: {saw(answer)}")
    return event


def register(member, event_id, body=None):
    return post(f"/api/v1/events/{event_id}/registration", member.token, body if body is not None else {})


def check_events(state, admin, members):
    hub = state["desk"]["hub"]
    one, two, three = members[5], members[6], members[7]
    day = next_week(2)
    title = f"Warteliste {RUN}"
    body = event_body(hub, title, berlin(day, 18), berlin(day, 21), 2)
    answer = post("/api/v1/events", one.token, body)
    check(is_problem(answer, 403), "3 a member who runs no hub cannot create an event (403)", saw=saw(answer))
    event = create_event(admin, body, f"3 the network admin creates an event with capacity 2 at {hub}")
    check(event.get("hub") == hub and event.get("kind") == "pitch_night" and event.get("title") == body["title"]
          and event.get("capacity") == 2 and event.get("seatsTaken") == 0 and event.get("cancelled") is False
          and parse_time(event.get("start", "")) == parse_time(body["start"]) and parse_time(event.get("end", "")) == parse_time(body["end"])
          and event.get("venue") == body["venue"] and event.get("description") == body["description"],
          "3 the 201 answer is the event as sent, seatsTaken 0, not cancelled", saw=short(event, 400))
    state["event"] = event
    answer = get("/api/v1/events", params={"hub": hub})
    listed = json_of(answer) or []
    check(answer.status_code == 200 and any(e.get("id") == event["id"] for e in listed) and all(e.get("hub") == hub for e in listed)
          and all(e.get("kind") in EVENT_KINDS for e in listed),
          f"3 GET /api/v1/events?hub={hub} lists it, only that hub's events", saw=saw(answer))
    check(any(e.get("hub") != hub for e in json_of(get("/api/v1/events")) or []) and len(listed) > 1,
          "3 the demo network has upcoming events at this and other hubs", saw=len(listed))

    answer = get(f"/api/v1/events/{uuid.uuid4()}")
    check(is_problem(answer, 404), "3 an unknown event answers 404 problem+json", saw=saw(answer))
    check(ISO_UTC.match(event.get("start", "")) and ISO_UTC.match(event.get("end", "")), "3 the event's times are ISO 8601 UTC",
          saw=(event.get("start"), event.get("end")))
    answer = post("/api/v1/events", admin.token, dict(body, capacity=0))
    check(is_problem(answer, 422), "3 an event with capacity 0 is refused with 422", saw=saw(answer))
    answer = post("/api/v1/events", admin.token, dict(body, start=body["end"], end=body["start"]))
    check(is_problem(answer, 422), "3 an event that ends before it starts is refused with 422", saw=saw(answer))
    answer = register(one, event["id"], {"organisation": two.startup})
    check(is_problem(answer, 403), "3 nobody registers for an organisation they do not act for (403)", saw=saw(answer))
    answer = post(f"/api/v1/events/{event['id']}/registration", None, {})
    check(is_problem(answer, 401), "3 registering without a token answers 401", saw=saw(answer))
    answer = post(f"/api/v1/events/{event['id']}/registration", one.read_token(), {})
    check(is_problem(answer, 403), "3 registering with a read-only token answers 403", saw=saw(answer))
    answer = post(f"/api/v1/events/{event['id']}/cancel", one.token)
    check(is_problem(answer, 403), "3 a member who runs no hub cannot cancel the event (403)", saw=saw(answer))

    first = register(one, event["id"])
    second = register(two, event["id"], {"organisation": two.startup})
    third = register(three, event["id"])
    states = [(json_of(a) or {}).get("state") for a in (first, second, third)]
    check([a.status_code for a in (first, second, third)] == [201, 201, 201] and states == ["registered", "registered", "waitlisted"],
          "3 three members register for two seats: registered, registered, waitlisted", saw=[saw(a) for a in (first, second, third)])
    waiting = json_of(third) or {}
    check(waiting.get("waitlistPosition") == 1 and (json_of(first) or {}).get("waitlistPosition") is None
          and same(waiting.get("event"), event["id"]) and waiting.get("checkedIn") is False,
          "3 the third is first on the waiting list (waitlistPosition 1; null for a seat; checkedIn false)", saw=short(waiting))
    again = register(three, event["id"])
    check(again.status_code in (200, 201) and (json_of(again) or {}).get("id") == waiting.get("id")
          and (json_of(again) or {}).get("state") == "waitlisted",
          "3 registering again gives the same registration", saw=saw(again))
    answer = get(f"/api/v1/events/{event['id']}")
    check(answer.status_code == 200 and (json_of(answer) or {}).get("seatsTaken") == 2, "3 GET /api/v1/events/{id}: seatsTaken 2",
          saw=saw(answer))

    # The waiting member's calendar shows the event as tentative (checked again in 4).
    url = member_feed_url(three)
    state["three_feed_url"] = url
    uid = f"event-{event['id'].lower()}@hubnet"
    if url:
        _, calendar, _ = fetch_feed(url)
        entry = vevents(calendar).get(uid)
        check(status_of(entry) == "TENTATIVE", "4 the waiting member's feed has the event with STATUS:TENTATIVE", saw=status_of(entry))
        state["three_sequence_waiting"] = sequence_of(entry)

    answer = call("DELETE", f"/api/v1/events/{event['id']}/registration", one.token)
    check(answer.status_code == 200 and (json_of(answer) or {}).get("state") == "cancelled" and answer.json().get("id") == (json_of(first) or {}).get("id"),
          "3 DELETE …/registration answers the registration, state cancelled", saw=saw(answer))
    promoted = register(three, event["id"])
    check(promoted.status_code in (200, 201) and (json_of(promoted) or {}).get("id") == waiting.get("id")
          and (json_of(promoted) or {}).get("state") == "registered" and (json_of(promoted) or {}).get("waitlistPosition") is None,
          "3 the first cancels: the waiting member now holds a seat (same registration)", saw=saw(promoted))
    subject = wait_for_mail(three.email, title)
    check(subject is not None, "3 the promoted member gets a mail whose subject names the event", saw=mails_to(three.email))
    answer = get(f"/api/v1/events/{event['id']}")
    check((json_of(answer) or {}).get("seatsTaken") == 2, "3 seatsTaken is 2 again", saw=saw(answer))
    answer = call("DELETE", f"/api/v1/events/{event['id']}/registration", one.token)
    check(answer.status_code in (404, 409), "3 cancelling a cancelled registration answers 404/409", saw=saw(answer))
    answer = call("DELETE", f"/api/v1/events/{event['id']}/registration", None)
    check(is_problem(answer, 401), "3 DELETE …/registration without a token answers 401", saw=saw(answer))

    # Ten at once for three seats.
    crowd = create_event(admin, event_body(hub, f"Ansturm {RUN}", berlin(day, 10), berlin(day, 12), 3, kind="workshop"),
                         "3 the network admin creates a workshop with capacity 3")
    barrier = threading.Barrier(len(members))

    def one_of(member):
        session = requests.Session()
        try:
            barrier.wait(timeout=60)
        except threading.BrokenBarrierError:
            pass
        try:
            return call("POST", f"/api/v1/events/{crowd['id']}/registration", member.token, body={}, session=session)
        except requests.RequestException as error:
            return error
        finally:
            session.close()

    with ThreadPoolExecutor(max_workers=len(members)) as pool:
        answers = list(pool.map(one_of, members))
    codes = [a.status_code if isinstance(a, requests.Response) else type(a).__name__ for a in answers]
    bodies = [json_of(a) or {} if isinstance(a, requests.Response) else {} for a in answers]
    states = [b.get("state") for b in bodies]
    check(codes == [201] * len(members), f"3 {len(members)} members register at once: all answer 201", saw=codes)
    check(states.count("registered") == 3 and states.count("waitlisted") == len(members) - 3,
          f"3 … exactly 3 registered and {len(members) - 3} waitlisted", saw={s: states.count(s) for s in set(states)})
    told = sorted(b.get("waitlistPosition") or 0 for b in bodies if b.get("state") == "waitlisted")
    check(told == list(range(1, len(members) - 2)), f"3 … the waiting places they were told are 1 to {len(members) - 3}, each once", saw=told)
    later = [json_of(register(member, crowd["id"])) or {} for member in members]
    check([b.get("id") for b in later] == [b.get("id") for b in bodies] and [b.get("state") for b in later] == states,
          "3 … registering again, each keeps their registration and state", saw=[(b.get("state"), b.get("waitlistPosition")) for b in later])
    positions = sorted(b.get("waitlistPosition") or 0 for b in later if b.get("state") == "waitlisted")
    check(positions == list(range(1, len(members) - 2)), f"3 … and the waiting list reads 1 to {len(members) - 3}", saw=positions)
    answer = get(f"/api/v1/events/{crowd['id']}")
    check((json_of(answer) or {}).get("seatsTaken") == 3, "3 … seatsTaken 3", saw=saw(answer))


# MARK: 4 iCalendar

def check_calendars(state, admin, members):
    event = state["event"]
    hub = event["hub"]
    three, one = members[7], members[5]
    uid = f"event-{event['id'].lower()}@hubnet"

    answer = get("/api/v1/calendar")
    check(is_problem(answer, 401), "4 GET /api/v1/calendar without a token answers 401", saw=saw(answer))
    answer = get(f"/calendar/members/{'x' * 32}.ics")
    check(answer.status_code == 404, "4 an unknown member feed answers 404", saw=f"HTTP {answer.status_code}")
    answer = get(f"/calendar/hubs/nowhere-{RUN}.ics")
    check(answer.status_code == 404, "4 the feed of an unknown hub answers 404", saw=f"HTTP {answer.status_code}")

    url = state.get("three_feed_url")
    if not url:
        return
    answer, member_calendar, problems = fetch_feed(url)
    check_feed_form("member feed", answer, member_calendar, problems)
    check(answer.headers.get("Cache-Control", "").lower().find("no-store") >= 0 or "private" in answer.headers.get("Cache-Control", "").lower(),
          "4 member feed: not cached by shared caches (private/no-store)", saw=answer.headers.get("Cache-Control"))
    entry = vevents(member_calendar).get(uid)
    member_before = sequence_of(entry)
    check(status_of(entry) == "CONFIRMED" and member_before is not None and state.get("three_sequence_waiting") is not None
          and member_before > state["three_sequence_waiting"],
          "4 after the promotion the member feed shows the event CONFIRMED with a higher SEQUENCE",
          saw=f"{status_of(entry)} SEQUENCE {state.get('three_sequence_waiting')} → {member_before}")
    hub_answer, hub_calendar, hub_problems = fetch_feed(f"{BASE}/calendar/hubs/{hub}.ics")
    check_feed_form(f"hub feed /calendar/hubs/{hub}.ics", hub_answer, hub_calendar, hub_problems)
    hub_entry = vevents(hub_calendar).get(uid)
    hub_before = sequence_of(hub_entry)
    check(status_of(hub_entry) == "CONFIRMED" and hub_before is not None, "4 the hub feed lists the event, CONFIRMED",
          saw=f"{status_of(hub_entry)} {hub_before}")
    check(hub_entry is not None and hub_entry.decoded("DTSTART") == parse_time(event["start"])
          and hub_entry.decoded("DTEND") == parse_time(event["end"]),
          "4 the hub feed's DTSTART and DTEND are the event's start and end",
          saw=hub_entry and (hub_entry.get("DTSTART").to_ical(), hub_entry.get("DTEND").to_ical()))

    # The admin calls the event off: both feeds keep the UID, now CANCELLED with a higher SEQUENCE.
    answer = post(f"/api/v1/events/{event['id']}/cancel", admin.token)
    check(answer.status_code == 200 and (json_of(answer) or {}).get("cancelled") is True, "3 the admin cancels the event: cancelled true",
          saw=saw(answer))
    answer = get(f"/api/v1/events/{event['id']}")
    check((json_of(answer) or {}).get("cancelled") is True, "3 GET /api/v1/events/{id} then says cancelled", saw=saw(answer))
    answer = register(members[8], event["id"])
    check(answer.status_code == 409, "3 registering for a cancelled event answers 409", saw=saw(answer))
    # A second mail naming the event, after the promotion's.
    subjects = wait_for_mail(three.email, event["title"]["en"], count=2, timeout=20)
    check(subjects is not None, "3 the registered member is told of the cancellation by mail", saw=mails_to(three.email))
    _, hub_calendar, _ = fetch_feed(f"{BASE}/calendar/hubs/{hub}.ics")
    hub_entry = vevents(hub_calendar).get(uid)
    check(status_of(hub_entry) == "CANCELLED" and (sequence_of(hub_entry) or -1) > (hub_before if hub_before is not None else 10**9),
          "4 the hub feed then shows the same UID with STATUS:CANCELLED and a higher SEQUENCE",
          saw=f"{status_of(hub_entry)} SEQUENCE {hub_before} → {sequence_of(hub_entry)}")
    _, member_calendar, _ = fetch_feed(url)
    entry = vevents(member_calendar).get(uid)
    check(status_of(entry) == "CANCELLED" and (sequence_of(entry) or -1) > (member_before if member_before is not None else 10**9),
          "4 the member feed shows the same UID with STATUS:CANCELLED and a higher SEQUENCE",
          saw=f"{status_of(entry)} SEQUENCE {member_before} → {sequence_of(entry)}")

    # The member who cancelled the booking and the registration.
    url = member_feed_url(one)
    if url:
        _, calendar, _ = fetch_feed(url)
        entries = vevents(calendar)
        cancelled, rebooked = state.get("cancelled_booking"), state.get("rebooked")
        if cancelled:
            entry = entries.get(f"booking-{cancelled['id'].lower()}@hubnet")
            check(status_of(entry) == "CANCELLED" and (sequence_of(entry) or 0) >= 1,
                  "4 a cancelled booking is in the member feed with STATUS:CANCELLED and SEQUENCE ≥ 1",
                  saw=f"{status_of(entry)} {sequence_of(entry)}; UIDs {sorted(entries)[:6]}")
        if rebooked:
            entry = entries.get(f"booking-{rebooked['id'].lower()}@hubnet")
            check(status_of(entry) == "CONFIRMED" and entry.decoded("DTSTART") == parse_time(rebooked["start"]),
                  "4 the booking made again is in the feed, CONFIRMED, at its start", saw=status_of(entry))
        entry = entries.get(uid)
        check(status_of(entry) == "CANCELLED", "4 a cancelled registration shows as CANCELLED in the member feed", saw=status_of(entry))
    winner, booking = state.get("race_winner"), state.get("race_booking")
    if winner and booking:
        url = member_feed_url(winner)
        _, calendar, _ = fetch_feed(url) if url else (None, None, None)
        entry = vevents(calendar).get(f"booking-{booking['id'].lower()}@hubnet")
        check(status_of(entry) == "CONFIRMED" and entry.decoded("DTSTART") == parse_time(booking["start"])
              and entry.decoded("DTEND") == parse_time(booking["end"]),
              "4 the race winner's feed has the desk booking, CONFIRMED, with its start and end", saw=status_of(entry))

    check_escaping(state, admin, members[8])


def check_escaping(state, admin, member):
    """Text with markup, ; , \\ and line breaks, and a long line of multi-byte characters."""
    hub = state["desk"]["hub"]
    day = next_week(3)
    title = "Pitch; Night, <b>Test</b>\nLine"
    answer = post("/api/v1/events", admin.token, event_body(hub, title, berlin(day, 18), berlin(day, 20), 20))
    if answer.status_code == 201:
        check(True, "4 an event title with ; , <b> and a line break is stored (201)")
        events = [(json_of(answer), title)]
    else:
        fields = [e.get("field") for e in (json_of(answer) or {}).get("errors") or []]
        check(is_problem(answer, 422) and any("title" in str(f) for f in fields),
              "4 an event title with a line break is refused with 422 naming the title (titles are one line)", saw=saw(answer))
        events = []
    long_title = ("Pitch; Night, <b>Test</b> \\ \"Größe\" – Übergänge, Äpfel; Öl & 🚀 " + RUN + " ")
    long_title = (long_title * 3)[:118].strip()
    description = "Zeile eins; mit Komma, <i>Markup</i> und \\ Backslash\nLine two: 🚀 Größe\n\nLast line"
    venue = "Halle 1; Etage 2, Raum <3> \\ Süd"
    answer = post("/api/v1/events", admin.token, event_body(hub, long_title, berlin(day, 18), berlin(day, 20), 20,
                                                            description={"de": description, "en": description}, venue=venue))
    if not check(answer.status_code == 201, "4 an event with ; , \\ markup, umlauts and an emoji in title, description and venue (201)",
                 saw=saw(answer)):
        return
    events.append((answer.json(), long_title))
    for event, _ in events:
        register(member, event["id"])
    _, hub_calendar, hub_problems = fetch_feed(f"{BASE}/calendar/hubs/{hub}.ics")
    check(not hub_problems, "4 the hub feed with these texts still has CRLF lines of ≤ 75 octets, folded between characters",
          saw=hub_problems)
    url = member_feed_url(member)
    _, member_calendar, member_problems = fetch_feed(url) if url else (None, None, ["no feed"])
    check(not member_problems, "4 the member feed with these texts is well formed too", saw=member_problems)
    for label, calendar in (("hub", hub_calendar), ("member", member_calendar)):
        for event, sent in events:
            entry = vevents(calendar).get(f"event-{event['id'].lower()}@hubnet")
            check(text_of(entry, "SUMMARY") == sent, f"4 {label} feed: SUMMARY round-trips exactly ({sent[:30]!r}…)",
                  saw=short(text_of(entry, "SUMMARY")))
        event, _ = events[-1]
        entry = vevents(calendar).get(f"event-{event['id'].lower()}@hubnet")
        check(text_of(entry, "DESCRIPTION") == description, f"4 {label} feed: a DESCRIPTION with line breaks round-trips exactly",
              saw=short(text_of(entry, "DESCRIPTION")))
        check(text_of(entry, "LOCATION") == venue, f"4 {label} feed: LOCATION round-trips exactly", saw=short(text_of(entry, "LOCATION")))


# MARK: 5 A matchmaking day

# Who is there when (slot numbers); every pair of A–D meets once, which fits only one way:
# slot 0 A–B; slot 1 A–C, B–D; slot 2 A–D, B–C; slot 3 C–D. E asks A, who declines.
AVAILABILITY = {"A": [0, 1, 2], "B": [0, 1, 2, 3], "C": [0, 1, 2, 3, 4, 5], "D": [1, 2, 3, 4], "E": [0, 1, 2, 3, 4, 5]}
PAIRS = [("A", "B"), ("A", "C"), ("A", "D"), ("B", "C"), ("B", "D"), ("C", "D")]


def check_matchmaking(state, admin, members):
    hub = state["desk"]["hub"]
    day = next_week(3)
    people = dict(zip("ABCDE", members[:5]))
    event = create_event(admin, event_body(hub, f"Matchmaking {RUN}", berlin(day, 9), berlin(day, 11), 50, kind="matchmaking_day"),
                         "5 the network admin creates a matchmaking day (09:00–11:00)")
    base = f"/api/v1/events/{event['id']}"
    answer = get(f"{base}/matchmaking", admin.token)
    day_view = json_of(answer) or {}
    settings = day_view.get("settings") or {}
    check(answer.status_code == 200 and all(k in settings for k in ("firstSlot", "slotMinutes", "slots", "tables", "capPerPerson"))
          and day_view.get("participants") == [] and day_view.get("requests") == [],
          "5 GET …/matchmaking gives settings, no participants, no requests", saw=saw(answer))
    if not check(settings.get("slots", 0) >= 4 and settings.get("tables", 0) >= 2 and settings.get("capPerPerson", 0) >= 3,
                 "5 the day has at least 4 slots, 2 tables and a cap of 3 meetings", saw=settings):
        return
    first_slot, minutes = parse_time(settings["firstSlot"]), settings["slotMinutes"]
    check(first_slot >= parse_time(event["start"]) and first_slot + datetime.timedelta(minutes=minutes * settings["slots"]) <= parse_time(event["end"]),
          "5 every slot lies within the event", saw=settings)

    participants = {}
    for letter, member in people.items():
        slots = [s for s in AVAILABILITY[letter] if s < settings["slots"]]
        answer = post(f"{base}/matchmaking/participation", member.token,
                      {"organisation": member.startup, "offer": f"Angebot {letter}: Lastendrohnen", "seek": f"Gesuch {letter}: Pilotkunden",
                       "slots": slots})
        body = json_of(answer) or {}
        if not check(answer.status_code in (200, 201) and isinstance(body.get("id"), str) and body.get("offer", "").startswith(f"Angebot {letter}"),
                     f"5 {letter} takes part for their startup with slots {slots}", saw=saw(answer)):
            return
        participants[letter] = body
    check(participants["A"].get("name") == people["A"].name and participants["A"].get("organisation") == people["A"].startup_name,
          "5 a participant shows the member's name and the organisation's name", saw=short(participants["A"]))
    check(all(set(p) >= {"id", "name", "organisation", "offer", "seek"} for p in participants.values()),
          "5 participants have id, name, organisation, offer, seek", saw=short(participants["A"]))
    outsider = members[5]
    answer = post(f"{base}/matchmaking/participation", outsider.token,
                  {"organisation": people["A"].startup, "offer": "x", "seek": "y", "slots": [0]})
    check(answer.status_code == 403, "5 nobody takes part for an organisation they do not act for (403)", saw=saw(answer))

    requests_by_pair = {}
    for asker, invitee in PAIRS + [("E", "A")]:
        answer = post(f"{base}/matchmaking/requests", people[asker].token,
                      {"participant": participants[invitee]["id"], "message": f"{asker} would like to meet {invitee}."})
        body = json_of(answer) or {}
        if not check(answer.status_code in (200, 201) and body.get("state") == "requested" and same(body.get("requester"), participants[asker]["id"])
                     and same(body.get("invitee"), participants[invitee]["id"]), f"5 {asker} asks {invitee} for a meeting", saw=saw(answer)):
            return
        requests_by_pair[(asker, invitee)] = body
    first = next(iter(requests_by_pair.values()))
    check(set(first) >= {"id", "requester", "invitee", "state", "slot", "table", "start"}
          and first["slot"] is None and first["table"] is None and first["start"] is None,
          "5 a new request has id, requester, invitee, state and slot, table, start as null", saw=short(first))
    for (asker, invitee), request in requests_by_pair.items():
        verb = "decline" if asker == "E" else "accept"
        answer = post(f"/api/v1/meeting-requests/{request['id']}/{verb}", people[invitee].token)
        wanted = "declined" if verb == "decline" else "accepted"
        check(answer.status_code == 200 and (json_of(answer) or {}).get("state") == wanted, f"5 {invitee} {verb}s {asker}'s request",
              saw=saw(answer))
    answer = post(f"/api/v1/meeting-requests/{requests_by_pair[('A', 'B')]['id']}/accept", outsider.token)
    check(answer.status_code in (403, 404), "5 someone else cannot answer a request (403/404)", saw=saw(answer))

    answer = get(f"{base}/matchmaking", people["C"].token)
    seen = {r.get("id", "").lower() for r in (json_of(answer) or {}).get("requests", [])}
    own = {r["id"].lower() for pair, r in requests_by_pair.items() if "C" in pair}
    check(seen == own, "5 a participant sees only the requests they are part of", saw=f"{len(seen)} seen, {len(own)} own")
    answer = get(f"{base}/matchmaking")
    view = json_of(answer) or {}
    check(answer.status_code == 200 and view.get("requests") == [], "5 a visitor sees none of the requests", saw=saw(answer))
    answer = post(f"{base}/matchmaking/schedule", people["A"].token, {"keepConfirmed": True})
    check(answer.status_code == 403, "5 a participant cannot schedule the day (403)", saw=saw(answer))

    answer = post(f"{base}/matchmaking/schedule", admin.token, {"keepConfirmed": True})
    outcome = json_of(answer) or {}
    check(answer.status_code == 200 and outcome.get("placed") == len(PAIRS) and outcome.get("unplaced") == 0
          and isinstance(outcome.get("bound"), int) and outcome["bound"] >= outcome["placed"],
          f"5 the organiser schedules: all {len(PAIRS)} accepted meetings placed, 0 unplaced, bound ≥ placed", saw=saw(answer))
    answer = get(f"{base}/matchmaking", admin.token)
    all_requests = (json_of(answer) or {}).get("requests", [])
    check({r.get("id", "").lower() for r in all_requests} == {r["id"].lower() for r in requests_by_pair.values()},
          "5 the organiser sees every request of the day", saw=len(all_requests))
    letter_of = {p["id"].lower(): letter for letter, p in participants.items()}
    placed = [r for r in all_requests if r.get("state") == "accepted"]
    problems = []
    for request in all_requests:
        if request.get("state") != "accepted":
            if request.get("slot") is not None or request.get("table") is not None:
                problems.append(f"a {request.get('state')} request has a slot")
            continue
        slot, table = request.get("slot"), request.get("table")
        if not isinstance(slot, int) or not isinstance(table, int):
            problems.append(f"accepted {letter_of.get(request['requester'].lower())}–{letter_of.get(request['invitee'].lower())} has no slot/table")
            continue
        if parse_time(request.get("start") or "1970-01-01T00:00:00Z") != first_slot + datetime.timedelta(minutes=minutes * slot):
            problems.append(f"start {request.get('start')} is not slot {slot}")
        for side in ("requester", "invitee"):
            if slot not in AVAILABILITY[letter_of[request[side].lower()]]:
                problems.append(f"{letter_of[request[side].lower()]} is not there in slot {slot}")
    by_slot = {}
    for request in placed:
        by_slot.setdefault(request.get("slot"), []).append(request)
    for slot, meetings in by_slot.items():
        tables = [m.get("table") for m in meetings]
        if len(set(tables)) != len(tables):
            problems.append(f"slot {slot} uses a table twice: {tables}")
        people_in_slot = [letter_of[m[side].lower()] for m in meetings for side in ("requester", "invitee")]
        if len(set(people_in_slot)) != len(people_in_slot):
            problems.append(f"someone has two meetings in slot {slot}")
        if any(not (1 <= t <= settings["tables"] or 0 <= t < settings["tables"]) for t in tables if isinstance(t, int)):
            problems.append(f"slot {slot} has a table beyond {settings['tables']}")
    check(len(placed) == len(PAIRS) and not problems,
          "5 the schedule: each accepted meeting placed in a slot both are there, no one twice in a slot, tables distinct per slot",
          saw=problems or f"{len(placed)} accepted")

    agendas = {}
    for letter, member in people.items():
        answer = get(f"{base}/agenda", member.token)
        agendas[letter] = json_of(answer) if answer.status_code == 200 else None
        items = agendas[letter] or []
        expected = sum(letter in pair for pair in PAIRS)
        starts = [item.get("start") for item in items]
        check(answer.status_code == 200 and len(items) == expected and len(set(starts)) == len(starts) and starts == sorted(starts, key=parse_time)
              and all(isinstance(item.get("table"), int) and item.get("end") for item in items),
              f"5 {letter}'s agenda: {expected} meetings, no two in one slot, in time order", saw=saw(answer))
    seats = {}
    for letter, items in agendas.items():
        for item in items or []:
            seats.setdefault((item.get("start"), item.get("table")), []).append((letter, item.get("with"), item.get("organisation")))
    clashes = {key: value for key, value in seats.items() if len(value) != 2 or {v[1] for v in value} != {people[v[0]].name for v in value}}
    check(seats and not clashes, "5 across agendas each table of a slot holds one meeting, its two people naming each other",
          saw=short(clashes, 400))
    named = all(item.get("organisation") in {m.startup_name for m in people.values()} for items in agendas.values() for item in items or [])
    check(named, "5 agenda items name the other organisation")

    url = member_feed_url(people["A"])
    _, calendar, problems = fetch_feed(url) if url else (None, None, ["no feed"])
    entries = vevents(calendar)
    mine = [r for r in placed if "A" in (letter_of[r["requester"].lower()], letter_of[r["invitee"].lower()])]
    found = {r["id"]: entries.get(f"meeting-{r['id'].lower()}@hubnet") for r in mine}
    check(mine and all(status_of(e) == "CONFIRMED" for e in found.values())
          and all(e is not None and e.decoded("DTSTART") == parse_time(r["start"]) for r in mine for e in [found[r["id"]]]),
          f"5 A's feed has a meeting-<id>@hubnet entry per placed meeting ({len(mine)}), CONFIRMED, at its slot",
          saw=f"{[status_of(e) for e in found.values()]}; UIDs {[u for u in entries if u.startswith('meeting-')]}; {problems}")
    declined = requests_by_pair[("E", "A")]
    check(f"meeting-{declined['id'].lower()}@hubnet" not in entries, "5 a declined request that never had a slot is not in the feed")

    # A cancels the meeting with B: it stays in the feed, CANCELLED, with a higher SEQUENCE.
    cancelled = requests_by_pair[("A", "B")]
    before = found.get(cancelled["id"])
    answer = post(f"/api/v1/meeting-requests/{cancelled['id']}/cancel", people["A"].token)
    check(answer.status_code == 200 and (json_of(answer) or {}).get("state") == "cancelled" and answer.json().get("slot") is None,
          "5 A cancels the meeting with B: state cancelled, no slot", saw=saw(answer))
    _, calendar, _ = fetch_feed(url) if url else (None, None, None)
    after = vevents(calendar).get(f"meeting-{cancelled['id'].lower()}@hubnet")
    check(status_of(after) == "CANCELLED" and before is not None and (sequence_of(after) or -1) > sequence_of(before),
          "5 … A's feed keeps its UID with STATUS:CANCELLED and a higher SEQUENCE",
          saw=f"{status_of(after)} SEQUENCE {sequence_of(before)} → {sequence_of(after)}")
    for letter in ("A", "B"):
        answer = get(f"{base}/agenda", people[letter].token)
        check(answer.status_code == 200 and len(json_of(answer) or []) == 2, f"5 … {letter}'s agenda has 2 meetings left", saw=saw(answer))


# MARK: Run

def guarded(label, function, *arguments):
    try:
        function(*arguments)
    except Exception as error:  # noqa: BLE001 — a check that cannot even run fails
        check(False, f"{label} could run to its end", saw=f"{type(error).__name__}: {error}")


def main():
    started = time.time()
    print(f"run {RUN}: {BASE}, mails in {MAIL_DIR}", flush=True)
    state = {}
    guarded("1 resources", check_resources, state)

    members = [Member(chr(ord("A") + index)) for index in range(MEMBERS)]
    admin = Member("Admin")
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(member.ready, ORGANISATION_HUBS[index % len(ORGANISATION_HUBS)]) for index, member in enumerate(members)]
        futures.append(pool.submit(admin.ready))
        for future in futures:
            try:
                future.result()
            except Exception as error:  # noqa: BLE001
                check(False, "setup: a member through sign-up, mail, sign-in, token and a startup", saw=f"{type(error).__name__}: {error}")
    print(f"     ({MEMBERS + 1} members ready after {time.time() - started:.1f}s)", flush=True)
    if any(member.token is None or member.startup is None for member in members) or admin.token is None or "desk" not in state:
        check(False, "setup complete: members, their startups and a desk")
        finish(started)
    answer = call("POST", "/api/v1/bootstrap", ADMIN_TOKEN, body={"email": admin.email})
    if not check(answer.status_code == 204, "setup: a member becomes the network admin through POST /api/v1/bootstrap",
                 saw=saw(answer) + ("" if ADMIN_TOKEN else " (HUBNET_ADMIN_TOKEN is not set)")
                 + (" — the server has a network admin already; this test needs a database of its own" if answer.status_code == 403 else "")):
        admin = None

    guarded("1 booking race", check_race, state, members[:RACERS])
    if "race_day" in state:
        guarded("1 overlapping booking race", check_overlap_race, state, members[:RACERS])
    if "race_slot" in state:
        guarded("2 booking rules", check_rules, state, members[5], members[6])
    if admin:
        guarded("3 events", check_events, state, admin, members)
        if "event" in state:
            guarded("4 calendars", check_calendars, state, admin, members)
        guarded("5 matchmaking", check_matchmaking, state, admin, members)
    check(not server_errors, "0 no 5xx or broken connection in the whole run",
          saw=f"{len(server_errors)}: {server_errors[:5]}")
    finish(started)


def finish(started):
    print(f"     (took {time.time() - started:.1f}s)")
    print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
    if ARGS.json:
        print(json.dumps({"passed": passed, "failed": failed}, separators=(",", ":")))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
