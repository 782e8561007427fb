"""Security regression test: attacks a live Hubnet server and checks that each one is turned away.

Usage: python3 Tests/Security/attack_test.py BASE_URL MAIL_DIR

BASE_URL is a running `hubnet serve` whose HUBNET_SMTP_URL points at
`python3 Tests/Support/smtp_sink.py PORT MAIL_DIR`, which stores every mail as MAIL_DIR/*.eml.
Members are made through the pages with Tests/Support/hubnet_member.py (sign-up, the mailed
confirmation link, sign-in, a token from the account page), so the run needs nothing but the
server and the sink.

Sign-in failures are counted per client address (20 in 15 minutes). When the server listens on
127.0.0.1, each run talks from its own random loopback source addresses (127.x.y.z), one for the
sign-in race and one for everything else, so neither a previous run nor the race throttles the
other sign-ins.

Prints `ok   …` or `FAIL …` per check, then `N passed, M failed`; exits 1 if anything failed.
"""
import datetime
import email
import email.policy
import glob
import html
import json
import os
import random
import re
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

import requests
from requests.adapters import HTTPAdapter

BASE = sys.argv[1].rstrip("/").replace("://localhost", "://127.0.0.1")
MAIL_DIR = sys.argv[2]
RUN = uuid.uuid4().hex[:8]
TIMEOUT = 30

passed, failed = 0, 0
print_lock = threading.Lock()


ADMIN_TOKEN = os.environ.get("HUBNET_ADMIN_TOKEN", "")


def check(condition, what, saw=None):
    global passed, failed
    with print_lock:
        if condition:
            passed += 1
            print(f"ok   {what}", flush=True)
        else:
            failed += 1
            print(f"FAIL {what}" + (f" (saw {saw})" if saw is not None else ""), flush=True)
    return condition


def short(text, limit=160):
    text = repr(text)
    return text if len(text) <= limit else text[:limit] + "…"


# MARK: Connections from our own loopback addresses

class SourceAddressAdapter(HTTPAdapter):
    def __init__(self, source, **kwargs):
        self.source = source
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.source, 0)
        super().init_poolmanager(*args, **kwargs)


def random_loopback():
    return f"127.{random.randint(1, 254)}.{random.randint(0, 255)}.{random.randint(1, 254)}"


SERVER_HOST = urlsplit(BASE).hostname or ""
OWN_ADDRESSES = SERVER_HOST.startswith("127.")
MAIN_ADDRESS = random_loopback() if OWN_ADDRESSES else None
RACE_ADDRESS = random_loopback() if OWN_ADDRESSES else None


def session(address=None):
    s = requests.Session()
    address = address or MAIN_ADDRESS
    if address:
        adapter = SourceAddressAdapter(address, pool_maxsize=4)
        s.mount("http://", adapter)
    return s


ANONYMOUS = session()


# MARK: HTML

CSRF = re.compile(r'name="_csrf"\s+value="([^"]*)"')


def csrf_of(page):
    match = CSRF.search(page)
    if not match:
        raise AssertionError("no _csrf field in the page")
    return html.unescape(match.group(1))


class Document(HTMLParser):
    """Every start tag with its (unescaped) attributes, and the text inside each script."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.scripts = []
        self._in_script = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def injected(page):
    """What an injection left in the markup: event-handler attributes or scripts that call alert(1)."""
    found = []
    document = Document(page)
    for tag, attrs in document.tags:
        for name, value in attrs:
            if name.startswith("on") and "alert" in (value or ""):
                found.append(f"<{tag} {name}={value!r}>")
        if tag == "img" and any(name == "src" and value == "x" for name, value in attrs):
            found.append("<img src=x>")
    found += [f"<script>{text.strip()[:40]}</script>" for text in document.scripts if "alert(1)" in text]
    return found


def meta_content(page, prop):
    for tag, attrs in Document(page).tags:
        values = dict(attrs)
        if tag == "meta" and values.get("property") == prop:
            return values.get("content")
    return None


# MARK: Mail

def mail_text(message):
    parts = []
    for part in message.walk():
        if part.get_content_maintype() == "text":
            try:
                parts.append(part.get_content())
            except Exception:
                parts.append(part.get_payload(decode=True).decode("utf-8", "replace"))
    return "\n".join(parts)


def wait_for_link(recipient, path_pattern, timeout=25):
    """The path and query of the first link matching path_pattern in a mail to recipient."""
    deadline = time.time() + timeout
    pattern = re.compile(r"(/(?:en|de)/" + path_pattern + r"[^\s\"'<>]*)")
    while time.time() < deadline:
        for name in glob.glob(os.path.join(MAIL_DIR, "*.eml")):
            try:
                with open(name, "rb") as handle:
                    message = email.message_from_bytes(handle.read(), policy=email.policy.default)
            except OSError:
                continue
            to = f"{message.get('X-Envelope-To', '')},{message.get('To', '')}".lower()
            if recipient.lower() not in to:
                continue
            match = pattern.search(mail_text(message))
            if match:
                return match.group(1)
        time.sleep(0.2)
    raise AssertionError(f"no mail with /{path_pattern} to {recipient} within {timeout}s")


# MARK: Members through the pages (Tests/Support/hubnet_member.py)

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "Support"))
import hubnet_member  # noqa: E402


class Member:
    """A confirmed member made through the pages, with a write token; signs in again on demand."""

    def __init__(self, tag):
        self.tag = tag
        self.account = None
        self.token = None

    @property
    def email(self):
        return self.account.email

    @property
    def password(self):
        return self.account.password

    @property
    def session(self):
        return self.account.session

    def ready(self):
        self.account = hubnet_member.new_member(BASE, MAIL_DIR, name=f"Security {self.tag.title()}")
        self.token = self.new_token()
        return self

    def sign_in(self):
        s = session()
        page = s.get(f"{BASE}/en/sign-in", timeout=TIMEOUT).text
        answer = s.post(f"{BASE}/en/sign-in", data={"_csrf": csrf_of(page), "email": self.email, "password": self.password},
                        allow_redirects=False, timeout=TIMEOUT)
        if answer.status_code not in (302, 303):
            raise AssertionError(f"sign-in answered {answer.status_code}")
        self.account.session = s
        return s

    def new_token(self, scope="write"):
        return hubnet_member.create_token(self.account, scope=scope, name=f"attack {uuid.uuid4().hex[:6]}")


def bearer(token, **headers):
    return {"Authorization": f"Bearer {token}", **headers}


def organisation_body(name, **changes):
    body = {"name": name, "kind": "startup", "hub": "hamburg", "city": "Hamburg", "topics": ["logistics"],
            "description": {"de": "Lastendrohnen für den Hafen", "en": ""}}
    body.update(changes)
    return body


def create_organisation(token, name, client=None, **changes):
    return (client or ANONYMOUS).post(f"{BASE}/api/v1/organisations", json=organisation_body(name, **changes),
                                      headers=bearer(token), timeout=TIMEOUT)


# MARK: The checks

XSS_PAYLOADS = ['"><script>alert(1)</script>', '" autofocus onfocus="alert(1)']


def check_reflected(path, parameter, payload):
    answer = ANONYMOUS.get(f"{BASE}{path}", params={parameter: payload}, timeout=TIMEOUT)
    page = answer.text
    what = f"1 XSS {path}?{parameter}={payload!r} comes back escaped"
    left = injected(page)
    raw = [piece for piece in ('"><script>', 'onfocus="alert', "<script>alert(1)") if piece in page]
    reflected = "alert(1)" in html.unescape(page)
    escaped = "&quot;" in page or "&#34;" in page or "&#x22;" in page
    check(not left and not raw and (not reflected or escaped), what,
          saw=f"HTTP {answer.status_code}, markup {left + raw}" if left or raw else "no &quot; around the reflected value")


def check_xss(member):
    for payload in XSS_PAYLOADS:
        check_reflected("/en/directory", "q", payload)
        check_reflected("/en/matches", "q", payload)
        # The return address is only kept when it is a path, so the attack starts with "/".
        check_reflected("/en/sign-in", "return", "/" + payload)
        check_reflected("/en/password/reset", "token", payload)

    evil = 'Evil"><img src=x onerror=alert(1)> ' + RUN
    answer = create_organisation(member.token, evil, website="javascript:alert(1)")
    check(answer.status_code == 422, "1 a javascript: website is refused with 422", saw=f"HTTP {answer.status_code}")
    if answer.status_code == 201:
        ANONYMOUS.delete(f"{BASE}/api/v1/organisations/{answer.json()['id']}", headers=bearer(member.token), timeout=TIMEOUT)
    for website in ("data:text/html,<script>alert(1)</script>", "JaVaScRiPt://evil.example/%0aalert(1)"):
        answer = create_organisation(member.token, f"Website check {RUN}", website=website)
        check(answer.status_code == 422, f"1 the website {website!r} is refused with 422", saw=f"HTTP {answer.status_code}")

    answer = create_organisation(member.token, evil, website="https://evil.example")
    if not check(answer.status_code == 201, "1 an organisation with markup in its name can be stored (escaped later)",
                 saw=f"HTTP {answer.status_code} {short(answer.text)}"):
        return
    page = ANONYMOUS.get(f"{BASE}/en/organisations/{answer.json()['id']}", timeout=TIMEOUT).text
    left = injected(page)
    check(not left and "<img src=x onerror" not in page, "1 stored XSS: the name is escaped on the profile page", saw=left or "raw <img")
    title = meta_content(page, "og:title")
    # Parsed, the attribute holds the whole name only if its quote was escaped.
    check(title is not None and evil in title, "1 stored XSS: og:title holds the whole name (its quote escaped)", saw=short(title))
    check("&lt;img src=x onerror=alert(1)" in page, "1 stored XSS: the name shows as text with <img escaped",
          saw=short(page[page.find("Evil"):page.find("Evil") + 60]) if "Evil" in page else "name missing")


def check_mailbox(member):
    answer = ANONYMOUS.get(f"{BASE}/dev/mailbox", allow_redirects=False, timeout=TIMEOUT)
    location = answer.headers.get("Location", "")
    check(answer.status_code == 404 or (answer.status_code in (302, 303, 307) and "/sign-in" in location),
          "2 an anonymous visitor cannot read /dev/mailbox", saw=f"HTTP {answer.status_code} {location}")
    answer = member.session.get(f"{BASE}/dev/mailbox", allow_redirects=False, timeout=TIMEOUT)
    check(answer.status_code in (403, 404) or (answer.status_code in (302, 303, 307) and "token=" not in answer.text),
          "2 an ordinary member cannot read /dev/mailbox", saw=f"HTTP {answer.status_code}")


def same_site_path(location):
    return (location.startswith("/") and not location.startswith("//") and "\\" not in location
            and not any(ord(c) < 0x20 or ord(c) == 0x7f for c in location))


def sign_in_with_return(member, value, raw_body=False):
    s = session()
    page = s.get(f"{BASE}/en/sign-in", timeout=TIMEOUT).text
    token = csrf_of(page)
    if raw_body:
        # The value goes into the body as typed, so the server's form decoder turns %0d%0a into CR LF.
        body = f"_csrf={requests.utils.quote(token, safe='')}&email={requests.utils.quote(member.email, safe='')}" \
               f"&password={requests.utils.quote(member.password, safe='')}&return={value}"
        answer = s.post(f"{BASE}/en/sign-in", data=body.encode(), allow_redirects=False, timeout=TIMEOUT,
                        headers={"Content-Type": "application/x-www-form-urlencoded"})
    else:
        answer = s.post(f"{BASE}/en/sign-in", data={"_csrf": token, "email": member.email, "password": member.password, "return": value},
                        allow_redirects=False, timeout=TIMEOUT)
    return answer


def check_return(member):
    cases = [("/\t/evil.example", False), ("//evil.example", False), ("https://evil.example", False),
             ("/%0d%0aSet-Cookie:x=1", False), ("/%0d%0aSet-Cookie:x=1", True), ("/foo\r\nX-Injected: 1", False),
             ("/%0aX-Injected:%201", True)]

    def one(case):
        value, raw = case
        what = f"3 sign-in return={value!r}{' (raw in body)' if raw else ''} stays on the site"
        try:
            answer = sign_in_with_return(member, value, raw)
        except requests.RequestException as error:
            return what, False, f"broken answer: {type(error).__name__}"
        location = answer.headers.get("Location", "")
        bad_headers = [name for name in answer.headers if name.lower() in ("x-injected",)]
        cookie_x = "x" in answer.cookies or re.search(r"(^|,)\s*x=1", answer.headers.get("Set-Cookie", "")) is not None
        ok = answer.status_code in (302, 303) and same_site_path(location) and not bad_headers and not cookie_x
        return what, ok, f"HTTP {answer.status_code} Location {location!r}{' injected header' if bad_headers or cookie_x else ''}"

    with ThreadPoolExecutor(max_workers=4) as pool:
        for what, ok, saw in pool.map(one, cases):
            check(ok, what, saw=saw)
    answer = sign_in_with_return(member, "/en/directory")
    check(answer.status_code in (302, 303) and answer.headers.get("Location") == "/en/directory",
          "3 a same-site return=/en/directory is honoured", saw=f"HTTP {answer.status_code} {answer.headers.get('Location')!r}")


def check_concurrent_creates(member):
    prefix = f"Burst{RUN}"
    count = 200
    barrier = threading.Barrier(count)

    def one(index):
        client = session()
        try:
            barrier.wait(timeout=20)
        except threading.BrokenBarrierError:
            pass
        try:
            return create_organisation(member.token, f"{prefix} {index:03d}", client=client).status_code
        except requests.RequestException as error:
            return type(error).__name__
        finally:
            client.close()

    with ThreadPoolExecutor(max_workers=count) as pool:
        statuses = list(pool.map(one, range(count)))
    created = statuses.count(201)
    errors = [s for s in statuses if not isinstance(s, int) or s >= 500]
    summary = {s: statuses.count(s) for s in set(statuses)}
    check(created == count, f"4 {count} concurrent POST /api/v1/organisations all answer 201", saw=summary)
    check(not errors, "4 no 5xx or broken connection among them", saw=f"{len(errors)} ({summary})")
    total = None
    deadline = time.time() + 5
    while time.time() < deadline:
        answer = ANONYMOUS.get(f"{BASE}/api/v1/organisations", params={"q": prefix.lower(), "per": 100}, timeout=TIMEOUT)
        total = answer.json().get("total") if answer.status_code == 200 else f"HTTP {answer.status_code}"
        if total == created:
            break
        time.sleep(0.5)
    check(total == count, f"4 the directory then holds all {count} (total)", saw=total)


def check_long_form(member):
    s = member.session
    page = s.get(f"{BASE}/en/organisations/new", timeout=TIMEOUT).text
    names = set(re.findall(r'name="([^"]+)"', page))
    # 4,900 characters of text within the per-language limits (description 2,000, offers 1,000),
    # mostly umlauts, so the form is about 27 KB once encoded.
    text = lambda n: ("Größe äöüß ÄÖÜ " * 400)[:n]
    form = {"_csrf": csrf_of(page), "name": f"Longform {RUN}", "kind": "startup", "hub": "hamburg", "city": "Hamburg",
            "topics[]": "logistics", "description_de": text(2000), "description_en": text(2000), "offers_de": text(450),
            "offers_en": text(450), "seeks_de": "", "seeks_en": "", "website": "", "foundedYear": ""}
    form = {k: v for k, v in form.items() if k in names or k == "_csrf"}
    length = sum(len(form.get(k, "")) for k in ("description_de", "description_en", "offers_de", "offers_en"))
    answer = s.post(f"{BASE}/en/organisations/new", data=form, allow_redirects=False, timeout=TIMEOUT)
    location = answer.headers.get("Location", "")
    # A new organisation lands on its new profile.
    check(answer.status_code in (302, 303) and "/organisations/" in location and "notice=created" in location,
          f"5 a page form with {length:,} characters of text ({len(urlencode(form)) // 1024} KB) is saved",
          saw=f"HTTP {answer.status_code} {short(location or answer.text, 120)}")


def check_sign_in_race(member):
    attempts = 60
    prepared = []
    for index in range(attempts):
        s = session(RACE_ADDRESS)
        prepared.append((s, csrf_of(s.get(f"{BASE}/en/sign-in", timeout=TIMEOUT).text)))
    outcomes = [None] * attempts
    refused_seen = threading.Semaphore(0)
    barrier = threading.Barrier(attempts - 1)

    def classify(answer):
        if answer.status_code in (302, 303):
            return "signed-in"
        if answer.status_code >= 500:
            return f"HTTP {answer.status_code}"
        if re.search(r"too many", answer.text, re.IGNORECASE):
            return "throttled"
        if answer.status_code == 401:
            return "refused"
        return f"HTTP {answer.status_code}"

    def attempt(index):
        s, token = prepared[index]
        right = index == attempts - 1
        if right:
            # The 60th, with the right password, goes once at least five wrong ones have been refused
            # (or all came back): by then the account must be locked.
            for _ in range(5):
                refused_seen.acquire(timeout=30)
        else:
            try:
                barrier.wait(timeout=20)
            except threading.BrokenBarrierError:
                pass
        try:
            answer = s.post(f"{BASE}/en/sign-in", data={"_csrf": token, "email": member.email,
                                                         "password": member.password if right else f"wrong password {index}"},
                            allow_redirects=False, timeout=TIMEOUT)
            outcomes[index] = classify(answer)
        except requests.RequestException as error:
            outcomes[index] = type(error).__name__
        finally:
            if not right:
                refused_seen.release()

    with ThreadPoolExecutor(max_workers=attempts) as pool:
        list(pool.map(attempt, range(attempts)))
    wrong = outcomes[:-1]
    summary = {o: wrong.count(o) for o in set(wrong)}
    refused = wrong.count("refused")
    check(refused <= 5, f"6 of 59 parallel wrong passwords at most 5 are evaluated: {refused} refused, "
          f"{wrong.count('throttled')} throttled", saw=summary)
    check(all(o in ("refused", "throttled") for o in wrong), "6 no 5xx among the parallel sign-ins", saw=summary)
    check(outcomes[-1] != "signed-in", "6 the right password after 5 failures in the burst does not sign in",
          saw=outcomes[-1])


def check_headers(member):
    page = ANONYMOUS.get(f"{BASE}/en/directory", timeout=TIMEOUT)
    api = ANONYMOUS.get(f"{BASE}/api/v1/hubs", timeout=TIMEOUT)
    for label, answer in (("page /en/directory", page), ("API /api/v1/hubs", api)):
        csp = answer.headers.get("Content-Security-Policy", "")
        directives = {}
        for part in csp.split(";"):
            words = part.strip().split()
            if words:
                directives[words[0].lower()] = [w.lower() for w in words[1:]]
        frames = directives.get("frame-ancestors", [])
        scripts = directives.get("script-src", directives.get("default-src"))
        check(bool(csp) and frames in (["'none'"], ["'self'"]) and scripts is not None and "'unsafe-inline'" not in scripts,
              f"7 {label}: Content-Security-Policy with frame-ancestors and no unsafe-inline scripts", saw=short(csp or None))
        check(answer.headers.get("X-Frame-Options", "").upper() == "DENY", f"7 {label}: X-Frame-Options: DENY",
              saw=answer.headers.get("X-Frame-Options"))
        check(answer.headers.get("X-Content-Type-Options", "").lower() == "nosniff", f"7 {label}: X-Content-Type-Options: nosniff",
              saw=answer.headers.get("X-Content-Type-Options"))
        check(bool(answer.headers.get("Referrer-Policy")), f"7 {label}: Referrer-Policy", saw=answer.headers.get("Referrer-Policy"))
    for path in ("/api/v1/me", "/api/v1/me/tokens", "/api/v1/me/export"):
        answer = ANONYMOUS.get(f"{BASE}{path}", headers=bearer(member.token), timeout=TIMEOUT)
        cache = answer.headers.get("Cache-Control", "")
        check(answer.status_code == 200 and "no-store" in cache.lower(), f"7 {path}: Cache-Control: no-store",
              saw=f"HTTP {answer.status_code} {cache!r}")


def check_reset_and_erasure(member):
    # A token from before the reset.
    old_token = member.token
    answer = ANONYMOUS.get(f"{BASE}/api/v1/me", headers=bearer(old_token), timeout=TIMEOUT)
    check(answer.status_code == 200, "8 the token works before the reset", saw=f"HTTP {answer.status_code}")
    s = session()
    page = s.get(f"{BASE}/en/password/forgot", timeout=TIMEOUT).text
    answer = s.post(f"{BASE}/en/password/forgot", data={"_csrf": csrf_of(page), "email": member.email}, timeout=TIMEOUT)
    link = wait_for_link(member.email, r"password/reset\?token=")
    page = s.get(BASE + link, timeout=TIMEOUT).text
    token = re.search(r'name="token"\s+value="([^"]*)"', page)
    new_password = "another long password 2"
    answer = s.post(f"{BASE}/en/password/reset", data={"_csrf": csrf_of(page), "token": html.unescape(token.group(1)) if token else "",
                                                        "password": new_password}, allow_redirects=False, timeout=TIMEOUT)
    if not check(answer.status_code in (200, 302, 303), "8 the mailed reset link sets a new password", saw=f"HTTP {answer.status_code}"):
        return
    member.account.password = new_password
    answer = ANONYMOUS.get(f"{BASE}/api/v1/me", headers=bearer(old_token), timeout=TIMEOUT)
    check(answer.status_code == 401, "8 an API token made before a password reset answers 401 afterwards", saw=f"HTTP {answer.status_code}")

    member.sign_in()
    fresh = member.new_token()
    answer = ANONYMOUS.delete(f"{BASE}/api/v1/me", headers=bearer(fresh), timeout=TIMEOUT)
    check(answer.status_code in (200, 204), "8 DELETE /api/v1/me erases the account", saw=f"HTTP {answer.status_code}")
    answer = ANONYMOUS.get(f"{BASE}/api/v1/me", headers=bearer(fresh), timeout=TIMEOUT)
    check(answer.status_code == 401, "8 after erasure the token answers 401", saw=f"HTTP {answer.status_code}")


def check_log_forging():
    answer = ANONYMOUS.get(f"{BASE}/en/nothing%0AINJECTED", timeout=TIMEOUT)
    check(answer.status_code == 404, "9 /en/nothing%0AINJECTED answers 404", saw=f"HTTP {answer.status_code}")


def check_claims_and_names(member):
    listing = ANONYMOUS.get(f"{BASE}/api/v1/organisations", params={"per": 5}, timeout=TIMEOUT).json()
    target = listing["items"][0]["id"]
    answer = ANONYMOUS.post(f"{BASE}/api/v1/organisations/{target}/claims", data=b"hello",
                            headers=bearer(member.token, **{"Content-Type": "text/plain"}), timeout=TIMEOUT)
    check(answer.status_code in (400, 415), "10 a claim with a text/plain body is refused (415/400)", saw=f"HTTP {answer.status_code}")
    for name in ("Bad\u0000Name", "\u001b[31mRed", "\ufeff", "\u202eevil"):
        answer = create_organisation(member.token, name)
        check(answer.status_code == 422, f"10 the name {name!r} is refused with 422", saw=f"HTTP {answer.status_code}")


def make_agency(agency):
    """The network admin, appointed with the bootstrap token (HUBNET_ADMIN_TOKEN) as an operator would."""
    answer = ANONYMOUS.post(f"{BASE}/api/v1/bootstrap", json={"email": agency.email}, timeout=TIMEOUT,
                            headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})
    check(answer.status_code == 204, "setup: the agency's member becomes the network admin", saw=f"HTTP {answer.status_code} {short(answer.text)}")


def check_anonymous_post(member, agency):
    poster_name = f"Anonposter {RUN}"
    answer = create_organisation(member.token, poster_name)
    if not check(answer.status_code == 201, "11 setup: an organisation for the anonymous post", saw=f"HTTP {answer.status_code}"):
        return
    organisation = answer.json()["id"]
    deadline = (datetime.date.today() + datetime.timedelta(days=120)).isoformat()
    answer = ANONYMOUS.post(f"{BASE}/api/v1/opportunities", headers=bearer(member.token), timeout=TIMEOUT, json={
        "organisation": organisation, "kind": "challenge", "title": f"Secret search {RUN}", "text": "We look for robots for the port.",
        "language": "en", "topics": ["logistics"], "visibility": "anonymous", "deadline": deadline})
    if not check(answer.status_code == 201, "11 setup: an anonymous post", saw=f"HTTP {answer.status_code} {short(answer.text)}"):
        return
    post = answer.json()["id"]
    # Before its hub has vetted it, nobody else sees the post, not even that it exists.
    answer = ANONYMOUS.get(f"{BASE}/api/v1/opportunities/{post}", timeout=TIMEOUT)
    check(answer.status_code == 404, "11 an unvetted post is hidden from visitors", saw=f"HTTP {answer.status_code}")
    answer = ANONYMOUS.post(f"{BASE}/api/v1/opportunities/{post}/steps", headers=bearer(member.token), timeout=TIMEOUT, json={"event": "accept"})
    check(answer.status_code == 403, "11 the poster cannot vet its own post", saw=f"HTTP {answer.status_code}")
    if not check(agency is not None, "11 setup: the agency (HUBNET_ADMIN_TOKEN) vets the post"):
        return
    answer = ANONYMOUS.post(f"{BASE}/api/v1/opportunities/{post}/steps", headers=bearer(agency.token), timeout=TIMEOUT, json={"event": "accept"})
    if not check(answer.status_code == 200, "11 the agency vets and publishes it", saw=f"HTTP {answer.status_code} {short(answer.text)}"):
        return
    answer = ANONYMOUS.get(f"{BASE}/api/v1/opportunities", params={"organisation": organisation}, timeout=TIMEOUT)
    listed = [item.get("id") for item in answer.json()] if answer.status_code == 200 else []
    check(post not in listed, "11 ?organisation=<poster> does not list the anonymous post", saw=f"HTTP {answer.status_code}, listed {post in listed}")
    answer = ANONYMOUS.get(f"{BASE}/api/v1/opportunities", timeout=TIMEOUT)
    entries = [item for item in answer.json() if item.get("id") == post] if answer.status_code == 200 else []
    text = json.dumps(entries)
    check(bool(entries) and organisation not in text and poster_name not in text,
          "11 the public list shows the anonymous post without its poster", saw=short(text))
    answer = ANONYMOUS.get(f"{BASE}/api/v1/opportunities/{post}", timeout=TIMEOUT)
    check(answer.status_code == 200 and organisation not in answer.text and poster_name not in answer.text,
          "11 the post itself does not name its poster", saw=f"HTTP {answer.status_code} {short(answer.text)}")


def check_calls(member, agency, other):
    """14: a call's texts and answers with markup and CR/LF; another member, a read token and
    two applications at once."""
    if not check(agency is not None, "14 setup: the agency (HUBNET_ADMIN_TOKEN) runs a call"):
        return
    agency_session = agency.sign_in()
    form = agency_session.get(f"{BASE}/en/calls/new", timeout=TIMEOUT).text
    evil = 'Call"><img src=x onerror=alert(1)> ' + RUN
    now = datetime.datetime.now()
    fields = {"_csrf": csrf_of(form), "titleDe": "Hafen-Pitch\r\nX-Injected: 1", "titleEn": evil,
              "descriptionDe": "Startups pitchen im Hafen.", "descriptionEn": "Startups pitch in the port.", "kind": "pitch_night", "hub": "",
              "opens1": (now - datetime.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"),
              "closes1": (now + datetime.timedelta(days=30)).strftime("%Y-%m-%dT%H:%M"),
              "field1De": "Vorhaben", "field1En": "Venture", "field1Kind": "long_text", "field1Required": "on",
              "criterion1De": "Idee", "criterion1En": "Idea", "reviewersPerApplication": "1", "jurorLoad": "5", "disagreement": "0.3"}
    answer = agency_session.post(f"{BASE}/en/calls/new", data=fields, allow_redirects=False, timeout=TIMEOUT)
    check(answer.status_code == 422, "14 a call title with CR/LF is refused with 422", saw=f"HTTP {answer.status_code}")
    fields["titleDe"] = "Hafen-Pitch " + RUN
    answer = agency_session.post(f"{BASE}/en/calls/new", data=fields, allow_redirects=False, timeout=TIMEOUT)
    location = answer.headers.get("Location", "")
    if not check(answer.status_code in (302, 303) and "/en/calls/" in location, "14 the agency creates a call with markup in its title",
                 saw=f"HTTP {answer.status_code} {location}"):
        return
    call = location.rsplit("/", 1)[-1]
    page = ANONYMOUS.get(f"{BASE}/en/calls/{call}", timeout=TIMEOUT).text
    check(not injected(page) and "<img src=x onerror" not in page, "14 stored XSS: the call's title is escaped on its page", saw=injected(page))

    answer = create_organisation(member.token, f"Applicant {RUN}")
    if not check(answer.status_code == 201, "14 setup: the applicant's organisation", saw=f"HTTP {answer.status_code}"):
        return
    organisation = answer.json()["id"]
    text = evil + "\r\nX-Injected: 1"
    answer = ANONYMOUS.post(f"{BASE}/api/v1/calls/{call}/applications", headers=bearer(member.token), timeout=TIMEOUT,
                            json={"organisation": organisation, "answers": {"f1": text}, "submit": True})
    if not check(answer.status_code == 201 and answer.json().get("state") == "submitted", "14 an application with markup and CR/LF in its answer is submitted",
                 saw=f"HTTP {answer.status_code} {short(answer.text)}"):
        return
    application = answer.json()["id"]
    page = member.session.get(f"{BASE}/en/applications/{application}", timeout=TIMEOUT).text
    check(not injected(page) and "<img src=x onerror" not in page, "14 stored XSS: the answer is escaped on the application page", saw=injected(page))
    if other is not None:
        answer = ANONYMOUS.get(f"{BASE}/api/v1/applications/{application}", headers=bearer(other.token), timeout=TIMEOUT)
        check(answer.status_code == 404, "14 another member cannot read the application", saw=f"HTTP {answer.status_code}")
        answer = ANONYMOUS.post(f"{BASE}/api/v1/applications/{application}/review", headers=bearer(other.token), timeout=TIMEOUT,
                                json={"scores": {"c1": 5}})
        check(answer.status_code in (403, 404), "14 a member who is not on the jury cannot review it", saw=f"HTTP {answer.status_code}")
        answer = ANONYMOUS.get(f"{BASE}/api/v1/calls/{call}/ranking", headers=bearer(other.token), timeout=TIMEOUT)
        check(answer.status_code == 403, "14 another member cannot read the ranking", saw=f"HTTP {answer.status_code}")
    reader = member.new_token(scope="read")
    answer = ANONYMOUS.post(f"{BASE}/api/v1/applications/{application}/withdraw", headers=bearer(reader), timeout=TIMEOUT)
    check(answer.status_code == 403, "14 a read-scope token cannot withdraw the application", saw=f"HTTP {answer.status_code}")
    answer = ANONYMOUS.get(f"{BASE}/api/v1/calls/{call}/ranking", headers=bearer(agency.token), timeout=TIMEOUT)
    entries = answer.json().get("entries", []) if answer.status_code == 200 else []
    check(any(entry.get("application") == application for entry in entries), "14 the organiser's ranking lists it",
          saw=f"HTTP {answer.status_code} {short(answer.text)}")

    # Two applications for one organisation at once: one application.
    answer = create_organisation(member.token, f"Twin applicant {RUN}")
    if not check(answer.status_code == 201, "14 setup: a second organisation", saw=f"HTTP {answer.status_code}"):
        return
    twin = answer.json()["id"]

    def one(_):
        return ANONYMOUS.post(f"{BASE}/api/v1/calls/{call}/applications", headers=bearer(member.token), timeout=TIMEOUT,
                              json={"organisation": twin, "answers": {"f1": "Zwei Tabs"}})

    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(one, range(6)))
    ids = {answer.json().get("id") for answer in answers if answer.status_code == 201}
    statuses = sorted(answer.status_code for answer in answers)
    check(len(ids) == 1 and all(code in (201, 409) for code in statuses), "14 six applications at once make one application",
          saw=f"{statuses}, {len(ids)} ids")


def check_method():
    answer = ANONYMOUS.put(f"{BASE}/api/v1/hubs", json={}, timeout=TIMEOUT)
    kind = answer.headers.get("Content-Type", "")
    check(answer.status_code == 405 and kind.startswith("application/problem+json"),
          "12 PUT /api/v1/hubs answers 405 as application/problem+json", saw=f"HTTP {answer.status_code} {kind}")


def check_dates(member):
    answer = ANONYMOUS.get(f"{BASE}/api/v1/me/tokens", headers=bearer(member.token), timeout=TIMEOUT)
    tokens = answer.json() if answer.status_code == 200 else []
    values = [t.get("createdAt") for t in tokens]

    def iso(value):
        if not isinstance(value, str):
            return False
        try:
            datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
            return True
        except ValueError:
            return False

    check(bool(values) and all(iso(v) for v in values), "13 /api/v1/me/tokens: createdAt is an ISO 8601 string", saw=values[:2])


# MARK: Run

def guarded(label, function, *arguments):
    try:
        function(*arguments)
    except Exception as error:  # a check that cannot even run fails
        check(False, f"{label} could run", saw=f"{type(error).__name__}: {error}")


def main():
    started = time.time()
    print(f"run {RUN}: {BASE}, mails in {MAIL_DIR}, from {MAIN_ADDRESS or 'the default address'}"
          f" (race from {RACE_ADDRESS or 'the same'})", flush=True)
    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = {"main": pool.submit(lambda: Member("main").ready()),
                   "reset": pool.submit(lambda: Member("reset").ready()),
                   "race": pool.submit(lambda: Member("race").ready())}
        if ADMIN_TOKEN:
            futures["agency"] = pool.submit(lambda: Member("agency").ready())
    members = {}
    for key, future in futures.items():
        try:
            members[key] = future.result()
        except Exception as error:
            check(False, f"setup: member '{key}' through sign-up, mail, sign-in and token", saw=f"{type(error).__name__}: {error}")
    print(f"     (members ready after {time.time() - started:.1f}s)", flush=True)

    if "agency" in members:
        guarded("agency setup", make_agency, members["agency"])
    guarded("9 log forging", check_log_forging)
    guarded("12 method", check_method)
    main_member = members.get("main")
    if main_member:
        guarded("1 XSS checks", check_xss, main_member)
        guarded("2 mailbox checks", check_mailbox, main_member)
        guarded("3 return checks", check_return, main_member)
        guarded("4 concurrent creates", check_concurrent_creates, main_member)
        guarded("5 long form", check_long_form, main_member)
        guarded("7 header checks", check_headers, main_member)
        guarded("10 claim and name checks", check_claims_and_names, main_member)
        guarded("11 anonymous post checks", check_anonymous_post, main_member, members.get("agency"))
        guarded("13 date checks", check_dates, main_member)
        guarded("14 call checks", check_calls, main_member, members.get("agency"), members.get("race"))
    if "reset" in members:
        guarded("8 reset and erasure", check_reset_and_erasure, members["reset"])
    if "race" in members:
        guarded("6 sign-in race", check_sign_in_race, members["race"])
    print(f"     (took {time.time() - started:.1f}s)")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
