#!/usr/bin/env python3
"""Writes the inputs of bench-send: N leads as CSV and a ~20 KB HTML body
with realistic structure (tables, inline styles, a VML button, 24 links,
merge fields, an unsubscribe placeholder).

usage: makeinputs.py OUTDIR LEADS HTML_BYTES
"""
import os
import sys

out, leads, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(os.path.join(out, "leads.csv"), "w") as f:
    f.write("email,first_name,last_name,company,category\n")
    for i in range(leads):
        f.write("bench%05d@example.org,First%d,Last%d,Company %d,%s\n"
                % (i, i, i, i % 97, "buyer" if i % 2 else "seller"))

head = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Offer</title>"
        "<style>td{font-family:Arial,sans-serif}</style></head><body>"
        "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\">")
tail = ("<!--[if mso]><v:roundrect href=\"https://example.com/cta?src=vml\" style=\"width:200px\">"
        "<center>Book</center></v:roundrect><![endif]-->"
        "<p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p></table></body></html>")
rows = []
i = 0
body = head
while len(body) + len(tail) < size:
    row = ("<tr><td style=\"padding:12px;color:#333333;font-size:15px;line-height:22px\">"
           "<p>Hello {{first_name|there}}, paragraph %d of our newsletter for {{company}}: "
           "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
           "incididunt ut labore et dolore magna aliqua.</p>" % i)
    if i % 2 == 0 and i < 48:
        row += ("<a href=\"https://example.com/article/%d?ref=news&amp;x=%d#top\" "
                "style=\"color:#0066cc\">Read article %d</a>" % (i, i, i))
    row += "</td></tr>"
    body += row
    i += 1
with open(os.path.join(out, "body.html"), "w") as f:
    f.write(body + tail)
