#!/usr/bin/env python3
"""Writes N realistic, fictitious leads as CSV (the shape of a CRM export):
quoted companies with commas, tags, a custom column. Deterministic (seeded)."""
import csv
import random
import sys

FIRST = ["Ann", "Bob", "Chloé", "Dario", "Emma", "Farid", "Greta", "Hiro", "Inès", "Jonas", "Keira", "Luis",
         "Maja", "Noah", "Olga", "Pavel", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Vera", "Wen", "Yusuf", "Zoë"]
LAST = ["Archer", "Baker", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Hughes", "Ito", "Jansen",
        "Kowalski", "López", "Müller", "Novak", "O'Brien", "Petrov", "Rossi", "Schmidt", "Tanaka", "Weber"]
COMPANY = ["Harbour Homes", "Acme Realty, Inc.", "Bluebell Lettings", "Cedar & Stone", "Dune Estates",
           "Elm Street Properties", "Fjord Living", "Granite Holdings, LLC", "Hilltop Rentals", "Ivy Lane"]
CATEGORY = ["buyer", "seller", "landlord"]
STAGE = ["New", "Contacted", "Engaged", "Hot", "Customer", "Lost"]
TAGS = ["open-house", "referral", "newsletter", "vip", "spring", "cash-buyer", "investor"]


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    out = open(sys.argv[2], "w", newline="", encoding="utf-8") if len(sys.argv) > 2 else sys.stdout
    rng = random.Random(20240601)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Email", "First Name", "Last Name", "Company", "Phone", "Category", "Stage", "Tags",
                     "Budget"])
    for i in range(rows):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        local = f"{first}.{last}.{i}".lower().replace("'", "").replace("é", "e").replace("ë", "e") \
            .replace("í", "i").replace("ó", "o").replace("ü", "u").replace("è", "e")
        writer.writerow([f"{local}@example.com", first, last, rng.choice(COMPANY),
                         f"+1 555 {rng.randrange(1000000, 9999999)}", rng.choice(CATEGORY), rng.choice(STAGE),
                         ", ".join(rng.sample(TAGS, rng.randrange(0, 3))), f"{rng.randrange(100, 2000)}000"])


if __name__ == "__main__":
    main()
