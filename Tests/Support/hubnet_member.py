"""A new Hubnet member, made through the HTML pages as a visitor would: sign-up, the
confirmation mail, sign-in, and a personal API token from the account page.

Needs `requests` and a live server whose mails reach MAIL_DIR as `*.eml` files (the server
started with HUBNET_SMTP_URL pointing at Tests/Support/smtp_sink.py).

    from hubnet_member import signed_in_session, write_token
    token = write_token("http://127.0.0.1:8080", "/tmp/mails")        # "hubnet_…"
    session = signed_in_session("http://127.0.0.1:8080", "/tmp/mails")  # cookie of a confirmed member

Every call signs up a new member with a unique address (`…@example.org`), so calls never
interfere with each other or with what is already in the database.
"""
from __future__ import annotations

import email
import email.policy
import html
import os
import re
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests

__all__ = ["Member", "MemberError", "new_member", "signed_in_session", "create_token", "write_token", "read_token"]

PASSWORD = "schemathesis-Passw0rd"
TIMEOUT = 10  # seconds, per request
MAIL_WAIT = 10.0  # seconds the outbox worker has to deliver the confirmation mail

_CSRF = re.compile(r"""<input\b[^>]*\bname=["']_csrf["'][^>]*>""", re.IGNORECASE)
_VALUE = re.compile(r"""\bvalue=["']([^"']*)["']""", re.IGNORECASE)
_CONFIRM = re.compile(r"""https?://[^\s"'<>]*/(?:de|en)/confirm\?token=[A-Za-z0-9_\-%.~]+""")
_TOKEN = re.compile(r"hubnet_[A-Za-z0-9_\-]{20,}")
_NEW_TOKEN = re.compile(r"""id=["']new-token["'][^>]*>\s*(hubnet_[A-Za-z0-9_\-]{20,})""")


class MemberError(RuntimeError):
    """A step of the sign-up or token flow did not answer as expected."""


@dataclass
class Member:
    """A confirmed, signed-in member; `session` carries their session cookie."""

    base_url: str
    email: str
    password: str
    name: str
    session: requests.Session


def csrf_token(page: str) -> str:
    """The value of the hidden `_csrf` input of an HTML page."""
    for tag in _CSRF.findall(page):
        found = _VALUE.search(tag)
        if found:
            return html.unescape(found.group(1))
    raise MemberError("the page has no _csrf input")


def _get(session: requests.Session, url: str, what: str) -> requests.Response:
    response = session.get(url, timeout=TIMEOUT)
    if response.status_code != 200:
        raise MemberError(f"GET {url} ({what}) answered {response.status_code}")
    return response


def _post_form(session: requests.Session, url: str, fields: dict[str, str], what: str) -> requests.Response:
    response = session.post(url, data=fields, timeout=TIMEOUT)  # follows the redirect after success
    if response.status_code != 200:
        raise MemberError(f"POST {url} ({what}) answered {response.status_code}: {response.text[:300]}")
    return response


def _mail_text(path: Path) -> tuple[str, str]:
    """(recipients, decoded text body) of one stored mail; quoted-printable and base64 are decoded."""
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    recipients = " ".join(str(message.get(header, "")) for header in ("X-Envelope-To", "To"))
    parts = message.walk() if message.is_multipart() else [message]
    text = []
    for part in parts:
        if part.get_content_maintype() == "text":
            try:
                text.append(part.get_content())
            except (LookupError, ValueError):
                text.append(part.get_payload(decode=True).decode("utf-8", "replace"))
    return recipients, "\n".join(text)


def confirmation_link(mail_dir: str | os.PathLike, address: str, wait: float = MAIL_WAIT) -> str:
    """The confirmation link mailed to `address`, polling MAIL_DIR for up to `wait` seconds."""
    deadline = time.monotonic() + wait
    while True:
        for path in sorted(Path(mail_dir).glob("*.eml")):
            recipients, text = _mail_text(path)
            if address.lower() not in recipients.lower():
                continue
            found = _CONFIRM.search(text)
            if found:
                return found.group(0)
        if time.monotonic() >= deadline:
            raise MemberError(f"no confirmation mail to {address} in {mail_dir} after {wait:.0f} s")
        time.sleep(0.2)


def new_member(base_url: str, mail_dir: str | os.PathLike, *, name: str = "Schemathesis Tester",
               language: str = "en", session: requests.Session | None = None) -> Member:
    """Signs up a new member, confirms the address through the mailed link and signs in.

    `session` may bring its own connection setup (e.g. a source address); a new one otherwise."""
    base = base_url.rstrip("/")
    address = f"member-{uuid.uuid4().hex[:12]}@example.org"
    session = session or requests.Session()

    page = _get(session, f"{base}/{language}/sign-up", "sign-up form").text
    _post_form(session, f"{base}/{language}/sign-up",
               {"name": name, "email": address, "password": PASSWORD, "privacy": "on", "_csrf": csrf_token(page)}, "sign-up")

    # The link starts with HUBNET_PUBLIC_URL; follow its path on the server we were given.
    link = urlsplit(confirmation_link(mail_dir, address))
    _get(session, urljoin(base + "/", link.path.lstrip("/")) + (f"?{link.query}" if link.query else ""), "confirmation link")

    page = _get(session, f"{base}/{language}/sign-in", "sign-in form").text
    answer = session.post(f"{base}/{language}/sign-in", data={"email": address, "password": PASSWORD, "_csrf": csrf_token(page)},
                          timeout=TIMEOUT)
    if answer.status_code != 200 or urlsplit(answer.url).path != f"/{language}/account":
        # The server refuses sign-ins from a client address after 20 failures in 15 minutes.
        raise MemberError(f"sign-in answered {answer.status_code} at {answer.url}, not the account page "
                          "(throttled after too many failed sign-ins from this address?)")
    return Member(base_url=base, email=address, password=PASSWORD, name=name, session=session)


def signed_in_session(base_url: str, mail_dir: str | os.PathLike, **options) -> requests.Session:
    """A `requests.Session` signed in as a new, confirmed member (for the HTML pages)."""
    return new_member(base_url, mail_dir, **options).session


def create_token(member: Member, scope: str = "write", name: str = "schemathesis", language: str = "en") -> str:
    """A new personal API token of `member` ("read" or "write" scope), from the account page."""
    page = _get(member.session, f"{member.base_url}/{language}/account", "account page").text
    answer = _post_form(member.session, f"{member.base_url}/{language}/account/tokens",
                        {"name": name, "scope": scope, "_csrf": csrf_token(page)}, "token form")
    found = _NEW_TOKEN.search(answer.text) or _TOKEN.search(answer.text)
    if not found:
        raise MemberError("the account page shows no new token")
    return found.group(found.lastindex or 0)


def write_token(base_url: str, mail_dir: str | os.PathLike, name: str = "schemathesis") -> str:
    """A personal API token with the write scope, of a new member."""
    return create_token(new_member(base_url, mail_dir), scope="write", name=name)


def read_token(base_url: str, mail_dir: str | os.PathLike, name: str = "schemathesis") -> str:
    """A personal API token with the read scope only, of a new member."""
    return create_token(new_member(base_url, mail_dir), scope="read", name=name)


if __name__ == "__main__":
    import sys

    if len(sys.argv) != 3:
        sys.exit("usage: python3 Tests/Support/hubnet_member.py BASE_URL MAIL_DIR   (prints a new write token)")
    print(write_token(sys.argv[1], sys.argv[2]))
