#!/usr/bin/env python3
"""Variant codes of `review build`, written from the algorithm documented in
Sources/ReviewKit/Handouts/VariantCode.swift (not from its code), so the
codes hand-written in Tests/ReviewKitTests/VariantCodeTests.swift are checked
against a second implementation:

FNV-1a 64 over b"review-variant-code\0<seed>\0<id>", SplitMix64 finaliser,
top 35 bits as 7 Crockford base-32 digits, Damm check digit over
GF(32) = GF(2)[x]/(x^5 + x^2 + 1) with a * b = x*a + b (general field
multiplication here, where the Swift code shifts and reduces).

    scripts/variant-code.py SEED ID...    prints each id and its code
"""
import sys

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
MASK = (1 << 64) - 1

def fnv1a64(data: bytes) -> int:
    h = 0xcbf29ce484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001b3) & MASK
    return h

def finalise(z: int) -> int:
    z = ((z ^ (z >> 30)) * 0xbf58476d1ce4e5b9) & MASK
    z = ((z ^ (z >> 27)) * 0x94d049bb133111eb) & MASK
    return z ^ (z >> 31)

def gf32_mul(a: int, b: int) -> int:
    """Multiplication in GF(2)[x]/(x^5 + x^2 + 1), bit by bit."""
    r = 0
    for i in range(5):
        if (b >> i) & 1:
            r ^= a << i
    for bit in range(9, 4, -1):
        if (r >> bit) & 1:
            r ^= 0b100101 << (bit - 5)
    return r

def damm(digits):
    r = 0
    for d in digits:
        r = gf32_mul(2, r) ^ d
    return r

def code(seed: int, student_id: str) -> str:
    z = finalise(fnv1a64(b"review-variant-code\0" + str(seed).encode() + b"\0" + student_id.encode("utf-8")))
    data = z >> 29
    digits = [(data >> (5 * (6 - i))) & 31 for i in range(7)]
    digits.append(gf32_mul(2, damm(digits)))
    assert damm(digits) == 0
    s = "".join(ALPHABET[d] for d in digits)
    return s[:4] + "-" + s[4:]

if __name__ == "__main__":
    seed = int(sys.argv[1])
    for sid in sys.argv[2:]:
        print(sid, code(seed, sid))
