#!/usr/bin/python3
"""The demo, as `scripts/run` plays it (scripts/demo on the built programs,
without the window): a newcomer's first look must tell the demo's real story,
and every line the script prints must be true.

Checks, against the workspace the demo leaves behind (leadtrail-cli, --json):
- every recipient line ("Name <email>: opened, clicked the listings, ...")
  is in that lead's timeline: an open badge for "opened", a click on the
  listings or the pricing link, the conversion, machine clicks for the scanner;
- the campaign's figures, what the stats panel shows first, are the story's:
  as many openers and clickers as lines that say so, one conversion, machine
  clicks set apart (events still being checked would be in none of them);
- no line is a prompt followed by nothing (the relay's "Paste this pairing
  code" did that), and the banner names the demo's own folders.
"""

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--bin", required=True, help="the build's app/ folder (cli/, relay/)")
    args = parser.parse_args()

    demo = tempfile.mkdtemp(prefix="leadtrail-demo-")
    command = ["bash", os.path.join(args.source_dir, "scripts/demo"), "--bin", args.bin, "--dir", demo,
               "--relay-port", str(free_port()), "--smtp-port", str(free_port()), "--no-window"]
    run = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=240)
    out = run.stdout
    print(out)
    if run.returncode != 0:
        fail("scripts/demo exited %d" % run.returncode)

    lines = out.splitlines()
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if re.search(r":\s*$", line) and not following[:1].isspace():
            fail("a line announces something that never comes: %r" % line)
    if "Paste this pairing code" in out:
        fail("the relay's pairing prompt is shown although the demo pairs by itself")
    if demo not in out:
        fail("the banner does not name the demo's folder")

    cli = os.path.join(args.bin, "cli/leadtrail-cli")
    workspace = os.path.join(demo, "workspace")

    def cli_json(*words):
        result = subprocess.run([cli, "--workspace", workspace] + list(words) + ["--json"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=60)
        if result.returncode != 0:
            fail("leadtrail-cli %s: %s" % (" ".join(words), result.stderr))
        return json.loads(result.stdout)

    played = re.findall(r"^  .*<([^>]+)>: (.+)$", out, re.MULTILINE)
    if len(played) < 6:
        fail("only %d recipients played" % len(played))
    openers = clickers = converters = scanned = 0
    for email, actions in played:
        timeline = cli_json("lead", "timeline", email)
        delivered = [i for i in timeline if i["kind"] == "delivered"]
        if not delivered:
            fail("%s: no delivery on the timeline" % email)
        badges = delivered[0].get("badges", {})
        said = [a.strip() for a in actions.split(",")]
        if "opened" in said:
            openers += 1
            if "opened" not in badges:
                fail("%s: the demo said 'opened' but the timeline shows no open" % email)
        elif "opened" in badges:
            fail("%s: opened, but the demo did not say so" % email)
        clicked = [a for a in said if a.startswith("clicked")]
        if clicked:
            clickers += 1
            urls = [c["url"] for c in badges.get("clicked", [])]
            wanted = "/pricing" if "pricing" in clicked[0] else "listings.example.com"
            if not any(wanted in url for url in urls):
                fail("%s: the demo said %r but the timeline's clicks are %r" % (email, clicked[0], urls))
        if any(a.startswith("booked a viewing") for a in said):
            converters += 1
            if not any(i["kind"] == "converted" for i in timeline):
                fail("%s: the demo said it booked a viewing; the timeline has no conversion" % email)
        if any("link scanner" in a for a in said):
            scanned += 1
            if badges.get("clicked"):
                fail("%s: a scanner's clicks are shown as the person's" % email)

    campaigns = cli_json("campaign", "list")
    stats = cli_json("campaign", "stats", str(campaigns[0]["id"]))
    checks = [("opened", stats["opened"], openers), ("clicked", stats["clicked"], clickers),
              ("conversions", stats["conversions"], converters)]
    for name, shown, told in checks:
        if shown != told:
            fail("the stats panel would show %s %d; the demo told %d" % (name, shown, told))
    if scanned and stats["machine_clicks"] == 0:
        fail("the scanner's clicks are not set apart as machine activity")
    print("demo: %d recipients played; stats panel: opened %d, clicked %d, conversions %d, machine clicks %d"
          % (len(played), stats["opened"], stats["clicked"], stats["conversions"], stats["machine_clicks"]))
    print("1 passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
