#!/usr/bin/env python3
"""A real SMTP server for tests, on Debian's aiosmtpd.

It binds 127.0.0.1 on a free port, prints "PORT <n>" on stdout once it
accepts connections, and runs until its stdin closes (so it never outlives
the test that started it). Every accepted message is stored in --maildir as
<n>.eml (the DATA bytes exactly as received, after dot-unstuffing) plus
<n>.json ({"mail_from", "rcpt_tos", "tls", "auth_user", "peer"}); the .json is
written last, atomically, and before the 250 reply leaves the server, so a
client that saw 250 always finds both files.

Options:
  --maildir DIR               where to store messages (created if missing)
  --tls-cert FILE --tls-key FILE
  --starttls                  offer STARTTLS with that certificate
  --require-starttls          refuse MAIL before STARTTLS
  --implicit-tls              speak TLS from the first byte (SMTPS)
  --auth-user U --auth-password P
                              offer AUTH PLAIN and LOGIN; require it for MAIL
  --fault STAGE:ADDRESS:ACTION[:TIMES]
                              STAGE is rcpt or data; ACTION is a reply code
                              (e.g. 451, 550) or "drop" (data only: close the
                              connection after the final dot, before any
                              reply) or "crash" (data only: the handler fails,
                              aiosmtpd answers "500 Error" and keeps the old
                              envelope, so a client that does not RSET gets
                              "503 nested MAIL" next). TIMES limits how often it fires (default:
                              always). Repeatable.
"""
import argparse
import asyncio
import json
import os
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

REPLY_TEXT = {
    421: "4.3.2 Service not available, closing channel",
    450: "4.2.0 Mailbox unavailable, try again later",
    451: "4.3.0 Local error in processing, try again later",
    452: "4.3.1 Insufficient system storage",
    454: "4.7.0 Temporary authentication failure",
    550: "5.1.1 Mailbox unavailable: no such user",
    552: "5.3.4 Message size exceeds fixed limit",
    553: "5.1.3 Mailbox name not allowed",
    554: "5.7.1 Transaction failed: message refused",
}


class Fault:
    def __init__(self, spec):
        parts = spec.split(":")
        if len(parts) not in (3, 4) or parts[0] not in ("rcpt", "data"):
            raise SystemExit("bad --fault %r: want STAGE:ADDRESS:ACTION[:TIMES]" % spec)
        self.stage, self.address, self.action = parts[0], parts[1].lower(), parts[2]
        self.times = int(parts[3]) if len(parts) == 4 else None
        if self.action not in ("drop", "crash") and not (self.action.isdigit() and len(self.action) == 3):
            raise SystemExit("bad --fault action %r" % self.action)
        if self.action in ("drop", "crash") and self.stage != "data":
            raise SystemExit("%s is a data-stage fault" % self.action)

    def fire(self):
        if self.times is not None:
            if self.times <= 0:
                return False
            self.times -= 1
        return True

    def reply(self):
        code = int(self.action)
        return "%d %s" % (code, REPLY_TEXT.get(code, "Fault injected by the test"))


class Handler:
    def __init__(self, maildir, faults):
        self.maildir = maildir
        self.faults = faults
        self.count = 0

    def _fault(self, stage, address):
        for fault in self.faults:
            if fault.stage == stage and fault.address == address.lower() and fault.fire():
                return fault
        return None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        fault = self._fault("rcpt", address)
        if fault:
            return fault.reply()
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        for rcpt in envelope.rcpt_tos:
            fault = self._fault("data", rcpt)
            if fault and fault.action == "drop":
                # The client has sent the final dot; it never gets a reply.
                server.transport.abort()
                return "250 never sent"
            if fault and fault.action == "crash":
                raise RuntimeError("handler failed for %s" % rcpt)
            if fault:
                return fault.reply()
        self.count += 1
        base = os.path.join(self.maildir, "%06d" % self.count)
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.content)
        os.rename(base + ".eml.tmp", base + ".eml")
        tls = session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None
        meta = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": tls,
            "auth_user": session.auth_data.login.decode() if session.authenticated and session.auth_data else None,
            "peer": list(session.peer) if session.peer else None,
        }
        with open(base + ".json.tmp", "w") as f:
            json.dump(meta, f)
        os.rename(base + ".json.tmp", base + ".json")
        return "250 2.0.0 Message accepted as %06d" % self.count


class PipeliningHandler(Handler):
    """Advertises PIPELINING (RFC 2920). aiosmtpd reads one command line at a
    time and answers each in order, which is all a pipelining client needs."""

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        return responses[:-1] + ["250-PIPELINING", responses[-1]]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--starttls", action="store_true")
    parser.add_argument("--require-starttls", action="store_true")
    parser.add_argument("--implicit-tls", action="store_true")
    parser.add_argument("--auth-user")
    parser.add_argument("--auth-password")
    parser.add_argument("--fault", action="append", default=[])
    parser.add_argument("--pipelining", action="store_true")
    args = parser.parse_args()

    os.makedirs(args.maildir, exist_ok=True)
    handler = (PipeliningHandler if args.pipelining else Handler)(args.maildir, [Fault(f) for f in args.fault])

    context = None
    if args.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login.decode() == args.auth_user
              and auth_data.password.decode() == args.auth_password)
        # handled=False: let aiosmtpd answer 535 itself on failure.
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    def factory():
        kwargs = dict(hostname="localhost", ident="leadtrail-test-smtp", decode_data=False)
        if context is not None and args.starttls:
            kwargs.update(tls_context=context, require_starttls=args.require_starttls)
        if args.auth_user is not None:
            kwargs.update(authenticator=authenticator, auth_required=True,
                          auth_require_tls=(context is not None and args.starttls))
        return SMTP(handler, **kwargs)

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    # Aborted connections make asyncio complain on stderr; that is the test's point.
    loop.set_exception_handler(lambda loop, ctx: None)
    server = loop.run_until_complete(loop.create_server(
        factory, host="127.0.0.1", port=0, ssl=context if args.implicit_tls else None))
    port = server.sockets[0].getsockname()[1]
    print("PORT %d" % port, flush=True)

    # Stop when the test closes our stdin (or dies).
    def stdin_closed():
        if not sys.stdin.buffer.read1(4096):
            loop.stop()

    loop.add_reader(sys.stdin.fileno(), stdin_closed)
    try:
        loop.run_forever()
    finally:
        server.close()


if __name__ == "__main__":
    main()
