#!/usr/bin/env python3
"""Parses one message from stdin with Python's email package and prints what
a mail reader would see, as JSON, so C++ tests can check MIME output against
an independent parser.

    python3 mimecheck.py < message.eml

Output: {"headers": [[name, decoded value], ...], "defects": [text, ...],
"content_type", "parts": [{"content_type", "charset", "cte", "content" (decoded, line ends as "\n")}],
"max_line": longest line in bytes without CRLF, "bare_lf": true when a LF is
not preceded by CR, "bare_cr": likewise for CR}.
"""
import email
import email.policy
import json
import sys


def main():
    data = sys.stdin.buffer.read()
    msg = email.message_from_bytes(data, policy=email.policy.default)
    defects = []
    headers = []
    for part in msg.walk():
        defects += [type(d).__name__ + ": " + str(d) for d in part.defects]
        for name, value in part.items():
            defects += [name + ": " + type(d).__name__ + ": " + str(d)
                        for d in getattr(value, "defects", ())]
    for name, value in msg.items():
        headers.append([name, str(value)])
    parts = []
    if msg.is_multipart():
        for part in msg.iter_parts():
            parts.append({
                "content_type": part.get_content_type(),
                "charset": part.get_content_charset(),
                "cte": part.get("Content-Transfer-Encoding", ""),
                # Canonical CRLF line ends as "\n", as a mail reader shows them.
                "content": part.get_content().replace("\r\n", "\n"),
            })
    lines = data.split(b"\r\n")
    result = {
        "headers": headers,
        "defects": defects,
        "content_type": msg.get_content_type(),
        "parts": parts,
        "max_line": max(len(line) for line in lines),
        "bare_lf": b"\n" in data.replace(b"\r\n", b""),
        "bare_cr": b"\r" in data.replace(b"\r\n", b""),
    }
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
