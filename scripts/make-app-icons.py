#!/usr/bin/env python3
"""Draws the installable app's icons into wwwroot/icons with the standard library only (zlib PNG).

A rising red and a falling blue candle on the app's dark blue (Korean convention: red up, blue down).
The "any" icons fill a rounded square; the maskable one fills the square edge to edge and keeps the mark
inside the central 80 % safe zone, so a phone's circle or squircle mask never cuts it. Re-run after a change
and commit the PNGs; the build does not run this.
"""
import os
import struct
import zlib

BACKGROUND = (0x1A, 0x2B, 0x4C, 255)
RED = (0xE5, 0x39, 0x35, 255)
BLUE = (0x1E, 0x88, 0xE5, 255)
CLEAR = (0, 0, 0, 0)


def draw(size, mark_scale, radius):
    pixels = [[CLEAR] * size for _ in range(size)]

    def inside_rounded(x, y):
        r = radius
        cx = min(max(x, r), size - 1 - r)
        cy = min(max(y, r), size - 1 - r)
        return (x - cx) ** 2 + (y - cy) ** 2 <= r * r

    for y in range(size):
        for x in range(size):
            if radius == 0 or inside_rounded(x, y):
                pixels[y][x] = BACKGROUND

    u = size * mark_scale / 10  # one unit of the mark; the mark spans 8 units
    c = size / 2

    def rect(x0, y0, x1, y1, colour):
        for y in range(int(c + y0 * u), int(c + y1 * u)):
            for x in range(int(c + x0 * u), int(c + x1 * u)):
                pixels[y][x] = colour

    wick = 0.25
    rect(-2 - wick, -3.5, -2 + wick, 2.5, RED)   # up candle's wick
    rect(-3, -2.5, -1, 1.5, RED)                  # up candle's body
    rect(2 - wick, -2, 2 + wick, 3.5, BLUE)       # down candle's wick
    rect(1, -1, 3, 3, BLUE)                       # down candle's body
    return pixels


def png(pixels):
    size = len(pixels)
    raw = b"".join(b"\x00" + b"".join(struct.pack("4B", *p) for p in row) for row in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "wwwroot", "icons")
    os.makedirs(out, exist_ok=True)
    for name, size, scale, radius in (
        ("icon-192.png", 192, 1.0, 36),
        ("icon-512.png", 512, 1.0, 96),
        ("icon-maskable-512.png", 512, 0.7, 0),
    ):
        with open(os.path.join(out, name), "wb") as f:
            f.write(png(draw(size, scale, radius)))
    print("icons written to", os.path.normpath(out))


if __name__ == "__main__":
    main()
