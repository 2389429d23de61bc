#!/usr/bin/env python3
"""Writes vectors.json from an implementation of the token format that shares
no code with core/protocol/token.cpp (Python's hmac and base64), so the C++
signer and verifier are checked against an independent reading of the spec in
core/protocol/token.h. Deterministic: keys and ids are fixed below."""
import base64, hashlib, hmac, json, os, struct

def sign(key_id, key, kind, delivery_hex, link, issued, url):
    url_b = url.encode()
    msg = struct.pack(">BIB", 1, key_id, kind) + bytes.fromhex(delivery_hex) \
        + struct.pack(">Iq", link, issued) + struct.pack(">H", len(url_b)) + url_b
    tag = hmac.new(key, msg, hashlib.sha256).digest()[:16]
    return base64.urlsafe_b64encode(msg + tag).decode().rstrip("=")

KIND = {"open": 1, "click": 2, "unsubscribe": 3, "decoy": 4}


def main():
    key1 = bytes(range(32))
    key7 = hashlib.sha256(b"leadtrail test key 7").digest() + b"\x00\xff" * 8
    cases = [
        (1, key1, "open", "00112233445566778899aabbccddeeff", 0, 1700000000, ""),
        (1, key1, "click", "00112233445566778899aabbccddeeff", 3, 1700000000, "https://example.com/pricing?plan=pro&x=1#top"),
        (1, key1, "unsubscribe", "ffffffffffffffffffffffffffffffff", 0, 1763820000, ""),
        (1, key1, "decoy", "0123456789abcdef0123456789abcdef", 99, 1763820000, "https://example.com/.well-known/lt-decoy"),
        (7, key7, "click", "a0b1c2d3e4f5061728394a5b6c7d8e9f", 4294967295, 0, "http://example.org/caf%C3%A9"),
        (7, key7, "open", "00000000000000000000000000000000", 0, -1, ""),
        (4294967295, key7, "click", "5555aaaa5555aaaa5555aaaa5555aaaa", 1, 4102444800, "https://example.net/" + "a" * 300),
    ]
    vectors = []
    for key_id, key, kind, delivery, link, issued, url in cases:
        vectors.append({
            "keyId": key_id, "keyHex": key.hex(), "kind": kind, "delivery": delivery,
            "linkIndex": link, "issuedAt": issued, "url": url,
            "token": sign(key_id, key, KIND[kind], delivery, link, issued, url),
        })
    out = {
        "format": "leadtrail token v1: see core/protocol/token.h; regenerate with make_vectors.py",
        "vectors": vectors,
    }
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "vectors.json"), "w") as f:
        json.dump(out, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
