#!/usr/bin/python3
"""Plays a few recipients of the demo campaign, with real HTTP requests.

Reads the messages the demo's mail catcher stored (a Maildir), finds the
relay's tracking links in each, and acts like people and machines do: some
open, some click (one of them the pricing link), one link scanner clicks
everything, one recipient converts through the postback. Nothing here is
faked: the relay records what it receives, and `leadtrail-cli sync` brings
it into the workspace.
"""

import argparse
import email
import email.policy
import mailbox
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

BROWSER_UA = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
              "(KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36")
MAIL_CLIENT_UA = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:115.0) "
                  "Gecko/20100101 Thunderbird/115.10.1")
SCANNER_UA = "Mozilla/5.0 (compatible; Barracuda Sentinel (EE))"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def request(url, user_agent, method="GET", data=None):
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"User-Agent": user_agent})
    try:
        with OPENER.open(req, timeout=10) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:  # 302 lands here with NoRedirect
        return error.code, error.headers


def tracked_links(message, relay):
    html = message.get_body(preferencelist=("html",))
    if html is None:
        return [], [], None
    body = html.get_content()
    base = re.escape(relay.rstrip("/"))
    clicks = []
    for tag in re.findall(r"<a\b[^>]*>", body, re.IGNORECASE):
        if 'aria-hidden="true"' in tag:
            continue  # the hidden decoy: only machines follow it
        clicks += re.findall(base + r"/c/[A-Za-z0-9_-]+", tag)
    every = re.findall(base + r"/c/[A-Za-z0-9_-]+", body)
    opens = re.findall(base + r"/o/[A-Za-z0-9_-]+", body)
    return list(dict.fromkeys(clicks)), list(dict.fromkeys(every)), (opens[0] if opens else None)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--relay", required=True, help="the relay's public URL")
    parser.add_argument("--postback-key", required=True)
    parser.add_argument("--wait", type=float, default=0,
                        help="seconds to wait first, so clicks are not 'too soon after sending'")
    args = parser.parse_args()

    messages = []
    for key, raw in mailbox.Maildir(args.maildir, factory=None, create=False).iteritems():
        msg = email.message_from_bytes(raw.as_bytes(), policy=email.policy.default)
        messages.append((str(msg["To"]), msg))
    messages.sort(key=lambda item: item[0])
    if len(messages) < 8:
        print(f"demo: only {len(messages)} messages in {args.maildir}; nothing played", file=sys.stderr)
        return 1
    if args.wait:
        time.sleep(args.wait)

    # Who does what, by the recipients' order: six people open (three of them
    # click the listings, one the pricing guide, and the first books a
    # viewing), and a link scanner in front of the seventh clicks everything.
    # Each line printed says what the relay answered, so it is only printed
    # when that really happened.
    played = 0
    for index, (to, msg) in enumerate(messages[:7]):
        clicks, every_link, pixel = tracked_links(msg, args.relay)
        if not pixel or len(clicks) < 3:
            print(f"demo: no tracking links in the message to {to}", file=sys.stderr)
            continue
        done = []
        if index < 6:
            status, _ = request(pixel, MAIL_CLIENT_UA)
            if status == 200:
                done.append("opened")
        if index in (0, 1, 2):
            status, headers = request(clicks[0], BROWSER_UA)
            if status == 302:
                done.append("clicked the listings")
            if index == 0 and status == 302:
                location = headers.get("Location", "")
                cid = urllib.parse.parse_qs(urllib.parse.urlsplit(location).query).get("lt_cid", [""])[0]
                if cid:
                    query = urllib.parse.urlencode({"cid": cid, "value": "49.00", "currency": "EUR",
                                                    "event": "viewing_booked", "key": args.postback_key})
                    status, _ = request(args.relay.rstrip("/") + "/p?" + query, "demo-landing-page/1.0")
                    if status in (200, 204):
                        done.append("booked a viewing worth 49.00 EUR")
        elif index == 3:
            status, _ = request(clicks[1], BROWSER_UA)
            if status == 302:
                done.append("clicked the pricing guide")
        elif index == 6:
            # The hidden decoy too: scanners follow what people cannot see.
            answered = sum(1 for link in every_link if request(link, SCANNER_UA)[0] == 302)
            if answered:
                done.append(f"a link scanner clicked all {answered} links")
        if done:
            print(f"  {to}: " + ", ".join(done))
            played += 1
        else:
            print(f"demo: the relay did not answer as expected for {to}", file=sys.stderr)
    return 0 if played else 1


if __name__ == "__main__":
    sys.exit(main())
