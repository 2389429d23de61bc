#!/usr/bin/python3
"""One real campaign through every real part, as separate processes (issue 7).

    e2e_campaign.py --cli PATH --relay PATH --source-dir DIR --shared-dir DIR

What runs, each in its own process, all on 127.0.0.1 with ports the OS picks:
  - leadtrail-relay (init, then run with --port 0; restarted after SIGKILL on
    the port it had, since the links already sent point there),
  - tests/support/smtpserver.py (aiosmtpd; stores every message as .eml),
  - leadtrail-cli on a fresh workspace paired through `relay pair -`,
  - a landing server (http.server, in this process) that records every URL a
    redirect brings a recipient to.

The campaign body is ../shared/corpus/email-html/premailer__test-files-base.html,
a real newsletter that carries the awkward hrefs on purpose (relative paths,
'#relative', 'mailto:', ftp:, gopher:, '{DONOTCONVERT}', '%%RANDOM%%', author
UTM parameters). Its http(s) links point at real hosts, so BEFORE creating the
campaign the test rewrites only the host part of each http(s) href to the
landing server (http://premailer.dialect.ca/x -> http://127.0.0.1:L/premailer.dialect.ca/x),
keeping path, query and entities byte for byte. Everything else in the
template is untouched, and the test checks that the product leaves it so.

Then recipients act with real HTTP requests (open, click and follow the
redirect, a scanner, a HEAD, the decoy, an RFC 8058 unsubscribe, a GET of the
unsubscribe page, a postback conversion), `leadtrail-cli sync` pulls the events,
and `campaign stats --json` / `lead timeline --json` must show exact figures.
Then the relay is killed with SIGKILL in the middle of a burst of clicks,
restarted and synced again: every click that got its 302 is counted once.
Finally a second import and a second campaign skip the unsubscribed lead.

Exit 77 (ctest SKIP_RETURN_CODE) when the shared corpus is absent.
"""
import argparse
import email
import email.policy
import html
import html.parser
import http.client
import http.server
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

SKIP = 77
TEMPLATE = "premailer__test-files-base.html"
BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0"
SCANNER_UA = "Mozilla/5.0 (compatible; Mimecast URL Protect)"  # relay/data/scanners.txt: Mimecast
SUBJECT = "{{first_name|Hello}}, the Premailer newsletter"
CURRENCY, VALUE = "EUR", "49.90"


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def log(message):
    print(message, flush=True)


# --------------------------------------------------------------------------- processes

class Cli:
    """leadtrail-cli on one workspace; every call is a new process."""

    def __init__(self, path, workspace):
        self.path = path
        self.workspace = workspace

    def run(self, *args, stdin=None, ok=True):
        proc = subprocess.run([self.path, "--workspace", self.workspace, *args], input=stdin,
                              capture_output=True, text=True, timeout=120)
        if ok and proc.returncode != 0:
            raise Failure("leadtrail-cli %s exited %d: %s%s" % (" ".join(args), proc.returncode, proc.stderr,
                                                                 proc.stdout))
        return proc

    def json(self, *args):
        out = self.run(*args).stdout
        try:
            return json.loads(out)
        except ValueError as e:
            raise Failure("leadtrail-cli %s printed no JSON (%s): %r" % (" ".join(args), e, out[:500]))


class Relay:
    """The leadtrail-relay program with its own config and store."""

    def __init__(self, path, folder, data_dir):
        self.path = path
        self.config = os.path.join(folder, "relay.conf")
        self.log_path = os.path.join(folder, "relay.log")
        self.proc = None
        self.port = 0
        # The real URL is known only once the relay has bound port 0; init
        # needs one now, and the running relay never reads it (it only goes
        # into the pairing code), so it is set right after the first start.
        subprocess.run([path, "init", "--public-url", "http://127.0.0.1:9", "--config", self.config],
                       check=True, capture_output=True, timeout=30)
        self.set_keys({"relay.store.path": os.path.join(folder, "events.sqlite"),
                       "relay.data_dir": data_dir,
                       "relay.fallback_url": "http://127.0.0.1:9/fallback"})

    def key(self, name):
        with open(self.config, encoding="utf-8") as f:
            for line in f:
                k, sep, v = line.partition("=")
                if sep and k.strip() == name:
                    return v.strip()
        raise Failure("no %s in the relay config" % name)

    def set_keys(self, values):
        with open(self.config, encoding="utf-8") as f:
            lines = f.read().splitlines()
        out = []
        for line in lines:
            k = line.partition("=")[0].strip()
            out.append("%s = %s" % (k, values[k]) if k in values else line)
        with open(self.config, "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")

    def start(self, port=0):
        for attempt in range(50):
            log_file = open(self.log_path, "ab")
            self.proc = subprocess.Popen([self.path, "--config", self.config, "--bind", "127.0.0.1",
                                          "--port", str(port)],
                                         stdout=subprocess.PIPE, stderr=log_file, text=True)
            log_file.close()
            line = self.proc.stdout.readline()
            m = re.match(r"listening on http://127\.0\.0\.1:(\d+)", line)
            if m:
                self.port = int(m.group(1))
                return
            self.proc.wait(timeout=10)
            # Restarting on the old port right after SIGKILL: the OS may hold it a moment.
            if port == 0 or attempt == 49:
                break
            time.sleep(0.2)
        raise Failure("the relay did not start: %s" % self.log_tail())

    @property
    def base(self):
        return "http://127.0.0.1:%d" % self.port

    def log_tail(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read()[-4000:]

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)
        self.proc.stdout.close()

    def stop(self):
        """SIGTERM; the exit status (0 when it finished its requests and flushed its queue)."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc.stdout.close()
        return self.proc.returncode

    def events(self):
        """Every event the relay holds, through its own polling API."""
        out, after = [], 0
        while True:
            status, headers, body = request("GET", self.base + "/api/v1/events?after=%d&limit=1000" % after,
                                            headers={"Authorization": "Bearer " + self.key("relay.api_key")})
            check(status == 200, "events API answered %d" % status)
            page = json.loads(body)
            out.extend(page["events"])
            if not page["events"]:
                return out
            after = page["next"]


class SmtpServer:
    """tests/support/smtpserver.py: stores <n>.eml for each accepted message."""

    def __init__(self, source_dir, maildir):
        self.maildir = maildir
        self.proc = subprocess.Popen(["/usr/bin/python3", os.path.join(source_dir, "tests/support/smtpserver.py"),
                                      "--maildir", maildir],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        m = re.match(r"PORT (\d+)", line)
        if not m:
            self.stop()
            raise Failure("the SMTP server did not start: %r" % line)
        self.port = int(m.group(1))

    def messages(self):
        """Every received message, parsed with the standard MIME parser, with its envelope."""
        out = []
        for name in sorted(os.listdir(self.maildir), key=lambda n: (len(n), n)):
            if not name.endswith(".json"):
                continue
            with open(os.path.join(self.maildir, name), encoding="utf-8") as f:
                envelope = json.load(f)
            with open(os.path.join(self.maildir, name[:-5] + ".eml"), "rb") as f:
                message = email.message_from_binary_file(f, policy=email.policy.default)
            out.append((envelope, message))
        return out

    def stop(self):
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc.stdout.close()


class LandingServer:
    """A local website: records the path and query of every page a recipient lands on."""

    def __init__(self):
        self.landed = []
        landed = self.landed

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                landed.append(self.path)
                body = b"<!doctype html><title>Landed</title><p>Thanks for visiting.</p>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base(self):
        return "http://127.0.0.1:%d" % self.port

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def request(method, url, headers=None, body=None, timeout=10):
    """One HTTP request, redirects not followed; returns (status, headers, body)."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        target = parts.path + ("?" + parts.query if parts.query else "")
        conn.request(method, target, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


# --------------------------------------------------------------------------- the message

class Links(html.parser.HTMLParser):
    """Every <a href> of an HTML document, in order, with its attributes."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.anchors = []
        self.images = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "href" in attrs:
            self.anchors.append(attrs)
        if tag == "img":
            self.images.append(attrs)


def localise(template, landing_base):
    """The template with each http(s) href's scheme and host moved under the landing server."""
    return re.sub(r'href="https?://([^"/?#]+)', lambda m: 'href="%s/%s' % (landing_base, m.group(1)), template)


def landing_path(destination, landing_base):
    check(destination.startswith(landing_base + "/"), "destination %s is not on the landing server" % destination)
    return destination[len(landing_base):]


# --------------------------------------------------------------------------- the test

class EndToEnd:
    def __init__(self, args, tmp):
        self.args = args
        self.tmp = tmp
        self.cli = Cli(args.cli, os.path.join(tmp, "workspace"))
        os.makedirs(os.path.join(tmp, "relay"))
        self.relay = Relay(args.relay, os.path.join(tmp, "relay"), os.path.join(args.source_dir, "relay/data"))
        self.smtp = None
        self.landing = None

    def close(self):
        for part in (self.relay, self.smtp, self.landing):
            if part is not None:
                try:
                    part.stop()
                except Exception as e:  # keep stopping the others
                    log("while stopping: %s" % e)

    # -- setup: relay, SMTP server, workspace paired with the relay's pairing code
    def setup(self):
        self.relay.start()
        self.relay.set_keys({"relay.public_url": self.relay.base})
        self.smtp = SmtpServer(self.args.source_dir, os.path.join(self.tmp, "mail"))
        self.landing = LandingServer()
        log("relay %s, SMTP 127.0.0.1:%d, landing %s" % (self.relay.base, self.smtp.port, self.landing.base))

        self.cli.run("init")
        code = subprocess.run([self.args.relay, "pairing-code", "--config", self.relay.config],
                              capture_output=True, text=True, check=True, timeout=30).stdout
        check(code.startswith("ltpair"), "pairing-code printed %r" % code[:40])
        self.cli.run("relay", "pair", "-", stdin=code)
        check(self.cli.run("config", "get", "relay.url").stdout.strip() == self.relay.base,
              "relay.url is not the relay's address after pairing")
        for key, value in [("sender.name", "Northside Homes"), ("sender.email", "hello@northside.example"),
                           ("smtp.host", "127.0.0.1"), ("smtp.port", str(self.smtp.port)),
                           ("smtp.security", "none"),
                           # Quick classification: settle at the next sync; "too soon" and
                           # "before it could be read" at 1 s instead of 3 s and 10 s.
                           ("insight.settle_seconds", "0"), ("insight.too_soon_seconds", "1"),
                           ("insight.min_read_seconds", "1")]:
            self.cli.run("config", "set", key, value)

    def import_leads(self, name, rows):
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write("Email,First Name,Last Name,Category\r\n")
            for e, first, last, category in rows:
                f.write("%s,%s,%s,%s\r\n" % (e, first, last, category))
        return self.cli.run("leads", "import", path).stdout

    def create_campaign(self, name):
        with open(os.path.join(self.args.shared_dir, "corpus/email-html", TEMPLATE), encoding="utf-8") as f:
            self.template = f.read()
        self.local_template = localise(self.template, self.landing.base)
        path = os.path.join(self.tmp, "campaign.html")
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.local_template)
        out = self.cli.run("campaign", "create", "--name", name, "--subject", SUBJECT, "--html", path,
                           "--utm", "--click-ids").stdout
        return int(out.strip())

    # -- the sent messages
    def check_messages(self, messages):
        original = [a["href"] for a in Links(self.local_template).anchors]
        check(len(original) == 16, "the template has %d hrefs, expected 16" % len(original))
        relay_click = self.relay.base + "/c/"
        by_recipient = {}
        for envelope, message in messages:
            to = message["To"].addresses[0].addr_spec
            check(envelope["rcpt_tos"] == [to], "envelope %s vs To %s" % (envelope["rcpt_tos"], to))
            check(message["Subject"] == "%s, the Premailer newsletter" % self.first_names[to],
                  "subject %r for %s" % (message["Subject"], to))
            unsubscribe = message["List-Unsubscribe"]
            check(message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click",
                  "List-Unsubscribe-Post is %r" % message["List-Unsubscribe-Post"])
            urls = re.findall(r"<([^>]+)>", unsubscribe)
            http_unsub = [u for u in urls if u.startswith(self.relay.base + "/u/")]
            check(len(http_unsub) == 1 and any(u.startswith("mailto:") for u in urls),
                  "List-Unsubscribe is %r" % unsubscribe)
            body = message.get_body(preferencelist=("html",))
            check(body is not None, "no HTML part for %s" % to)
            text_part = message.get_body(preferencelist=("plain",))
            check(text_part is not None, "no text part for %s" % to)
            links = Links(body.get_content())

            decoys = [a for a in links.anchors if a.get("aria-hidden") == "true"]
            check(len(decoys) == 1 and decoys[0]["href"].startswith(relay_click),
                  "%s: expected one hidden decoy relay link, got %r" % (to, decoys))
            footer = [a["href"] for a in links.anchors if a["href"] == http_unsub[0]]
            check(len(footer) == 1, "%s: the footer unsubscribe link is not the List-Unsubscribe URL" % to)
            rest = [a["href"] for a in links.anchors if a not in decoys and a["href"] != http_unsub[0]]
            check(len(rest) == len(original), "%s: %d links, template has %d" % (to, len(rest), len(original)))
            clicks = []
            for sent, orig in zip(rest, original):
                if re.match(r"https?://", orig):
                    check(sent.startswith(relay_click), "%s: http link %s was not rewritten (%s)" % (to, orig, sent))
                    clicks.append((orig, sent))
                else:  # mailto:, '#relative', relative paths, ftp:, gopher:, placeholders stay as written
                    check(sent == orig, "%s: non-http link %r became %r" % (to, orig, sent))
            check("mailto:premailer@example.com" in rest and "#relative" in rest,
                  "%s: the mailto: and # links are missing" % to)
            pixels = [i["src"] for i in links.images if i.get("src", "").startswith(self.relay.base + "/o/")]
            check(len(pixels) == 1, "%s: %d open pixels" % (to, len(pixels)))
            by_recipient[to] = {"clicks": clicks, "decoy": decoys[0]["href"], "unsubscribe": http_unsub[0],
                                "pixel": pixels[0]}
        return by_recipient

    def click(self, link, ua=BROWSER_UA, method="GET"):
        """A recipient clicking: the relay's 302, then (GET) the landing page it points to."""
        status, headers, _ = request(method, link, headers={"User-Agent": ua})
        check(status == 302, "%s %s answered %d" % (method, link, status))
        location = headers["Location"]
        if method == "GET":
            path = landing_path(location, self.landing.base)
            status, _, body = request("GET", location, headers={"User-Agent": ua})
            check(status == 200 and b"Thanks" in body, "landing page answered %d" % status)
            check(self.landing.landed[-1] == path, "landing server recorded %r, expected %r"
                  % (self.landing.landed[-1], path))
        return location

    def open(self, pixel, ua=BROWSER_UA):
        status, headers, body = request("GET", pixel, headers={"User-Agent": ua})
        check(status == 200 and headers["Content-Type"] == "image/gif" and len(body) == 43,
              "open pixel answered %d %s %d bytes" % (status, headers["Content-Type"], len(body)))

    def run(self):
        self.setup()

        leads = [("ada@example.com", "Ada", "Lovelace", "buyer"),     # opens, clicks one link
                 ("ben@example.com", "Ben", "Okafor", "buyer"),       # opens; reads the unsubscribe page
                 ("carla@example.com", "Carla", "Mendes", "seller"),  # her mail scanner clicks
                 ("dan@example.com", "Dan", "Hart", "seller"),        # a link checker sends HEAD
                 ("eve@example.com", "Eve", "Lind", "buyer"),         # a bot follows the decoy
                 ("fay@example.com", "Fay", "Quinn", "landlord"),     # unsubscribes (RFC 8058)
                 ("gus@example.com", "Gus", "Berg", "buyer"),         # opens, clicks, buys
                 ("hal@example.com", "Hal", "Moss", "buyer")]         # does nothing
        self.first_names = {e: f for e, f, _, _ in leads}
        out = self.import_leads("leads.csv", leads)
        check("Imported: 8 new, 0 updated, 0 skipped" in out, "import said: %s" % out)

        name = "Premailer newsletter"
        campaign = self.create_campaign(name)
        self.cli.run("campaign", "send", str(campaign), "--wait")
        sent_at = time.time()
        shown = self.cli.json("campaign", "show", str(campaign), "--json")
        check((shown["total"], shown["sent"], shown["failed"]) == (8, 8, 0), "campaign show: %r" % shown)

        messages = self.smtp.messages()
        check(sorted(m["To"].addresses[0].addr_spec for _, m in messages) == sorted(self.first_names),
              "the SMTP server received %d messages for %s" % (len(messages), [m["To"] for _, m in messages]))
        mail = self.check_messages(messages)
        log("%d messages received, every http(s) link a relay link" % len(messages))

        # Recipients act once "too soon" (1 s) is over.
        time.sleep(max(0.0, 1.5 - (time.time() - sent_at)))
        postback_key = self.relay.key("relay.postback_key")
        landings = {}

        self.open(mail["ada@example.com"]["pixel"])
        time.sleep(0.05)
        landings["ada"] = self.click(mail["ada@example.com"]["clicks"][2][1])   # http://example.com/
        self.open(mail["ben@example.com"]["pixel"])
        status, _, page = request("GET", mail["ben@example.com"]["unsubscribe"], headers={"User-Agent": BROWSER_UA})
        check(status == 200 and b"<form" in page.lower(), "GET /u/ answered %d without a form" % status)
        self.click(mail["carla@example.com"]["clicks"][0][1], ua=SCANNER_UA)
        self.click(mail["dan@example.com"]["clicks"][1][1], method="HEAD")
        status, headers, _ = request("GET", mail["eve@example.com"]["decoy"], headers={"User-Agent": BROWSER_UA})
        check(status == 302 and headers["Location"] == self.relay.key("relay.fallback_url"),
              "decoy answered %d to %s" % (status, headers["Location"]))
        status, _, page = request("POST", mail["fay@example.com"]["unsubscribe"], body=b"List-Unsubscribe=One-Click",
                                  headers={"Content-Type": "application/x-www-form-urlencoded",
                                           "User-Agent": "Mail/1.0"})
        check(status == 200 and b"You are unsubscribed" in page, "RFC 8058 POST answered %d: %r" % (status, page[:200]))
        self.open(mail["gus@example.com"]["pixel"])
        time.sleep(0.05)
        landings["gus"] = self.click(mail["gus@example.com"]["clicks"][3][1])   # the %%RANDOM%% one

        # UTM and click id on the landing URLs; the author's own UTM parameters win.
        for who, index in (("ada", 2), ("gus", 3)):
            url = landings[who]
            orig = mail[who + "@example.com"]["clicks"][index][0]
            query = urllib.parse.urlsplit(url).query
            params = urllib.parse.parse_qs(query, keep_blank_values=True)
            check(url.startswith(html.unescape(orig)), "%s landed on %s, link was %s" % (who, url, orig))
            check(params.get("utm_medium") == ["email"], "%s: utm_medium in %s" % (who, url))
            check("utm_source" in params and "utm_campaign" in params, "%s: utm_source/campaign in %s" % (who, url))
            check(len(params.get("lt_cid", [""])[0]) >= 16, "%s: no click id in %s" % (who, url))
        check("ord=%%RANDOM%%" in landings["gus"], "the %%%%RANDOM%%%% query changed: %s" % landings["gus"])
        # The author's utm_source=Premailer stays; nothing is added where all three are set.
        author = mail["ada@example.com"]["clicks"][4][0]
        check("utm_source=Premailer" in author, "template link 5 is %s" % author)

        cid = urllib.parse.parse_qs(urllib.parse.urlsplit(landings["gus"]).query)["lt_cid"][0]
        status, _, body = request("GET", self.relay.base + "/p?" + urllib.parse.urlencode(
            {"cid": cid, "value": VALUE, "currency": CURRENCY, "event": "purchase", "key": postback_key}))
        check(status == 200 and json.loads(body)["ok"], "postback answered %d: %r" % (status, body))
        # A wrong key is refused and stores nothing (the sync below counts exactly 10 events).
        status, _, _ = request("GET", self.relay.base + "/p?" + urllib.parse.urlencode(
            {"cid": cid, "value": VALUE, "currency": CURRENCY, "event": "purchase", "key": "wrong"}))
        check(status == 403, "a postback with a wrong key answered %d" % status)

        first = self.cli.json("sync", "--json")
        log("sync: %s" % first)
        check(first["ingested"] == 10 and first["duplicates"] == 0 and first["kept_aside"] == 0,
              "first sync: %r" % first)

        stats = self.cli.json("campaign", "stats", str(campaign), "--json")
        log("stats: %s" % json.dumps(stats, sort_keys=True))
        self.check_stats(stats, mail)
        self.check_timelines(campaign, landings)

        # ---- SIGKILL during a burst of clicks
        self.kill_during_burst(campaign, mail)

        # ---- one more import and a second campaign that skips the unsubscribed lead
        # Two new leads, Fay again (importing her must not undo her unsubscribe) and a bad row.
        more = [("ivy@example.com", "Ivy", "Stone", "buyer"), ("jon@example.com", "Jon", "Rahm", "seller"),
                ("fay@example.com", "Fay", "Quinn", "landlord"), ("not-an-address", "Nobody", "", "buyer")]
        out = self.import_leads("more.csv", more)
        check("Imported: 2 new, 1 updated, 1 skipped" in out and 'line 5: invalid email "not-an-address"' in out,
              "second import said: %s" % out)
        self.first_names.update({e: f for e, f, _, _ in more[:2]})
        before = len(self.smtp.messages())
        second = self.create_campaign("Premailer newsletter, part two")
        self.cli.run("campaign", "send", str(second), "--wait")
        shown = self.cli.json("campaign", "show", str(second), "--json")
        check((shown["total"], shown["sent"], shown["failed"]) == (10, 9, 1), "second campaign: %r" % shown)
        check([(p["email"], p["state"], p["reason"]) for p in shown["problems"]]
              == [("fay@example.com", "failed", "unsubscribed")], "second campaign problems: %r" % shown["problems"])
        received = [m["To"].addresses[0].addr_spec for _, m in self.smtp.messages()[before:]]
        check(sorted(received) == sorted(set(self.first_names) - {"fay@example.com"}),
              "second campaign reached %r" % received)
        timeline = self.cli.json("lead", "timeline", "fay@example.com", "--json")
        failed = [i for i in timeline if i["kind"] == "failed"]
        check(len(failed) == 1 and failed[0]["campaign"] == second and "unsubscribed" in failed[0]["detail"],
              "fay's timeline after the second campaign: %r" % timeline)
        log("second campaign: 9 sent, fay skipped as unsubscribed")

        # A clean stop (and, under the sanitizers, no leak or error report on the way out).
        code = self.relay.stop()
        check(code == 0, "the relay exited %s on SIGTERM; its log:\n%s" % (code, self.relay.log_tail()))

    def check_stats(self, stats, mail):
        expect = {"total": 8, "sent": 8, "failed": 0, "unknown": 0, "queued": 0, "opened": 3, "clicked": 2,
                  "human_opens": 3, "human_clicks": 2, "machine_opens": 0, "machine_clicks": 2,
                  "unsubscribed": 1, "conversions": 1, "revenue": {CURRENCY: VALUE},
                  "conversions_by_currency": {CURRENCY: 1}, "earnings_per_click": {CURRENCY: "24.95"},
                  "open_rate": 0.375, "click_rate": 0.25, "failure_reasons": [],
                  "hours": [{"hour": 0, "opens": 3, "clicks": 2, "machine_opens": 0, "machine_clicks": 2}]}
        got = {k: stats.get(k) for k in expect}
        check(got == expect, "stats %r, expected %r" % (got, expect))
        # Per link, in template order: carla's scanner on 0, dan's HEAD on 1, ada on 2, gus on 3;
        # links nobody clicked are not listed.
        clicks = mail["ada@example.com"]["clicks"]
        want = [(0, 0, 0, 1), (1, 0, 0, 1), (2, 1, 1, 0), (3, 1, 1, 0)]
        got = [(l["index"], l["clicks"], l["unique_clicks"], l["machine_clicks"]) for l in stats["links"]]
        check(got == want, "links %r, expected %r" % (got, want))
        for l in stats["links"]:
            orig = html.unescape(clicks[l["index"]][0])
            check(l["url"].startswith(orig) and "utm_medium=email" in l["url"],
                  "link %d is %s, the template's is %s" % (l["index"], l["url"], orig))

    def timeline(self, who):
        return self.cli.json("lead", "timeline", who + "@example.com", "--json")

    @staticmethod
    def items(timeline):
        """A timeline as (kind, campaign, title, detail, badges) with the times left out."""
        out = []
        for i in timeline:
            badges = i.get("badges")
            if badges is not None:
                b = {}
                if "opened" in badges:
                    b["opened"] = badges["opened"]["count"]
                if "clicked" in badges:
                    b["clicked"] = [c["url"] for c in badges["clicked"]]
                if "machine" in badges:
                    b["machine"] = (badges["machine"]["count"], badges["machine"]["reasons"])
                if "pending" in badges:
                    b["pending"] = badges["pending"]
                badges = b
            out.append((i["kind"], i.get("campaign"), i["title"], i["detail"], badges))
        return out

    def check_timelines(self, campaign, landings):
        def delivered(who, badges):
            return ("delivered", campaign, "%s, the Premailer newsletter" % self.first_names[who + "@example.com"],
                    "", badges)
        clicked = {who: [url.split("&lt_cid=")[0]] for who, url in landings.items()}
        expect = {
            "ada": [delivered("ada", {"opened": 1, "clicked": clicked["ada"]})],
            "ben": [delivered("ben", {"opened": 1})],
            "carla": [delivered("carla", {"machine": (1, ["known scanner or prefetcher: Mimecast"])})],
            "dan": [delivered("dan", {"machine": (1, ["HEAD request (a link checker, not a person)"])})],
            "eve": [delivered("eve", {"machine": (1, ["followed the hidden decoy link"])})],
            "fay": [delivered("fay", {}), ("unsubscribed", campaign, "Fay, the Premailer newsletter", "", None)],
            "gus": [delivered("gus", {"opened": 1, "clicked": clicked["gus"]}),
                    ("converted", campaign, "Gus, the Premailer newsletter", "%s %s (purchase)" % (VALUE, CURRENCY),
                     None),
                    # open 1 + click 5 + conversion 20 (default weights) crosses the default threshold 20
                    ("hot_lead", None, "Hot lead", "score 26.0 crossed the hot-lead threshold 20", None)],
            "hal": [delivered("hal", {})],
        }
        for who, want in expect.items():
            timeline = self.timeline(who)
            got = self.items(timeline)
            check(got == want, "%s's timeline:\n  %r\nexpected\n  %r" % (who, got, want))
            times = [i["at"] for i in timeline]
            check(times == sorted(times), "%s's timeline is not in time order: %r" % (who, times))
            badges = timeline[0]["badges"]
            if "opened" in badges and "clicked" in badges:  # opened first, then clicked, as they did
                check(badges["opened"]["first"] <= badges["clicked"][0]["at"], "%s: click before open" % who)
        log("timelines: ada, ben, carla, dan, eve, fay, gus, hal exactly as expected")

    def kill_during_burst(self, campaign, mail):
        """Clicks from 4 clients and a sync in flight; SIGKILL; restart; sync; every answered click once."""
        before = self.relay.events()
        targets = [mail[w + "@example.com"]["clicks"][i][1] for w, i in (("ben", 0), ("hal", 1), ("ben", 0), ("hal", 1))]
        answered, attempted = [], []
        lock = threading.Lock()

        def client(n, link):
            for k in range(1000):
                # Each click is told apart by its User-Agent, so the relay's copy can be matched to it.
                ua = "%s burst/%d.%d" % (BROWSER_UA, n, k)
                with lock:
                    attempted.append(ua)
                try:
                    status, _, _ = request("GET", link, headers={"User-Agent": ua}, timeout=5)
                except (OSError, http.client.HTTPException):
                    return  # the relay is gone: this click got no answer
                if status == 302:
                    with lock:
                        answered.append(ua)

        mid = {}

        def sync_while_clicking():
            # Killed under it or not, a sync that ends must not lose or double anything.
            mid["proc"] = self.cli.run("sync", "--json", ok=False)

        threads = [threading.Thread(target=client, args=(n, link)) for n, link in enumerate(targets)]
        for t in threads:
            t.start()
        syncer = threading.Thread(target=sync_while_clicking)
        while len(answered) < 50:
            time.sleep(0.002)
        syncer.start()
        while len(answered) < 400:
            time.sleep(0.002)
        self.relay.kill()
        killed_at = len(answered)
        for t in threads + [syncer]:
            t.join()
        check(len(attempted) < 4000, "the burst ended before the SIGKILL")
        log("SIGKILL after %d answered clicks; %d attempted, %d answered in all; the sync in flight exited %d"
            % (killed_at, len(attempted), len(answered), mid["proc"].returncode))

        # Restart on the same port: every link already sent points there.
        self.relay.start(self.relay.port)
        after = self.cli.json("sync", "--json")
        check(after["ok"] and after["kept_aside"] == 0, "sync after restart: %r" % after)
        check(self.cli.json("sync", "--json")["ingested"] == 0, "a third sync found more events")

        events = self.relay.events()
        burst = [e for e in events[len(before):] if " burst/" in e["ua"]]
        uas = [e["ua"] for e in burst]
        check(len(events) == len(before) + len(burst), "the relay holds events nobody made")
        check(len(uas) == len(set(uas)), "the relay holds a burst click twice")
        missing = set(answered) - set(uas)
        check(not missing, "%d answered clicks are missing from the relay after SIGKILL: %s"
              % (len(missing), sorted(missing)[:5]))
        check(set(uas) <= set(attempted), "the relay holds clicks nobody made")
        status = self.cli.run("sync", "--status").stdout
        m = re.search(r"ingested (\d+), duplicates (\d+), kept aside (\d+)", status)
        check(m and int(m.group(1)) == len(events) and m.group(3) == "0",
              "the workspace ingested %s of the relay's %d events" % (m and m.group(0), len(events)))

        # Counted once: each link's clicks (human + machine) equal the relay's click events on it.
        stats = self.cli.json("campaign", "stats", str(campaign), "--json")
        links = {l["index"]: l for l in stats["links"]}
        for index in (0, 1):
            on_link = sum(1 for e in events if e["type"] == "click" and e["link"] == index)
            got = links[index]["clicks"] + links[index]["machine_clicks"]
            check(got == on_link, "link %d: stats count %d clicks, the relay holds %d" % (index, got, on_link))
        check((stats["clicked"], stats["opened"], stats["machine_clicks"]) == (4, 4, 2),
              "after the burst: clicked %d opened %d machine clicks %d (ben and hal now clicked)"
              % (stats["clicked"], stats["opened"], stats["machine_clicks"]))
        log("after SIGKILL and restart: %d burst clicks in the relay (%d answered), each counted once; "
            "duplicates skipped by the workspace: %s" % (len(burst), len(answered), m.group(2)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--relay", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--shared-dir", required=True)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder for a closer look")
    args = parser.parse_args()

    template = os.path.join(args.shared_dir, "corpus/email-html", TEMPLATE)
    if not os.path.isfile(template):
        print("SKIP: the shared corpus is absent (%s); it lives in ../shared beside the project root" % template)
        return SKIP

    tmp = tempfile.mkdtemp(prefix="leadtrail-e2e-")
    test = EndToEnd(args, tmp)
    started = time.time()
    try:
        test.run()
    except Failure as e:
        print("FAIL: %s" % e, file=sys.stderr)
        print("(the temporary folder %s is kept)" % tmp, file=sys.stderr)
        args.keep = True
        return 1
    finally:
        test.close()
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    log("PASS in %.1f s" % (time.time() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
