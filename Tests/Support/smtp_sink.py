"""A real SMTP server for the tests (aiosmtpd): stores every message it accepts as a file.

Usage: python3 Tests/Support/smtp_sink.py PORT DIRECTORY
Started and stopped by scripts/test; HubnetServerTests send to it through SMTPMailer.
"""
import asyncio
import os
import sys
import uuid

from aiosmtpd.controller import Controller


class Store:
    def __init__(self, directory):
        self.directory = directory

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        # A recipient at refuse.test is turned away, so tests can watch a failed delivery.
        if address.endswith("@refuse.test"):
            return "550 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = os.path.join(self.directory, f"{uuid.uuid4().hex}.eml")
        with open(name + ".part", "wb") as handle:
            handle.write(f"X-Envelope-To: {','.join(envelope.rcpt_tos)}\r\n".encode())
            handle.write(envelope.content)
        os.rename(name + ".part", name)
        return "250 Message accepted"


controller = Controller(Store(sys.argv[2]), hostname="127.0.0.1", port=int(sys.argv[1]))
controller.start()
print(f"SMTP sink on 127.0.0.1:{sys.argv[1]}", flush=True)
try:
    asyncio.get_event_loop().run_forever()
finally:
    controller.stop()
