"""Writes the images the imaging tests decode (run once; the files are committed).

Every picture is the same 37 x 23 drawing (odd sizes, so edge blocks and partial bytes are
exercised): four coloured quadrants. Pillow writes most variants; the ones it cannot
(interlaced and 16-bit RGBA PNG) are written by hand below. For each JPEG, Pillow's own
decoding is kept as `<name>.rgb` so the tests compare against libjpeg pixel by pixel.
"""
import struct, zlib
from PIL import Image

W, H = 37, 23
COLOURS = [(200, 30, 40), (30, 160, 60), (40, 60, 200), (240, 240, 240)]


def colour(x, y):
    return COLOURS[(1 if x >= W // 2 else 0) + (2 if y >= H // 2 else 0)]


rgb = Image.new("RGB", (W, H))
rgb.putdata([colour(x, y) for y in range(H) for x in range(W)])
rgba = rgb.convert("RGBA")
rgba.putdata([(*colour(x, y), 0 if (x < 5 and y < 5) else 255) for y in range(H) for x in range(W)])

rgb.save("rgb.png")
rgba.save("rgba.png")
rgb.convert("L").save("grey.png")
rgb.convert("1", dither=Image.Dither.NONE).save("bilevel.png")
palette = rgb.quantize(colors=4)
palette.save("palette.png", transparency=0)

for name, options in {
    "baseline420": dict(subsampling=2, quality=90),
    "baseline444": dict(subsampling=0, quality=90),
    "baseline422": dict(subsampling=1, quality=90),
    "progressive": dict(progressive=True, subsampling=2, quality=90),
    "restarts": dict(subsampling=2, quality=90, restart_marker_blocks=1),
}.items():
    rgb.save(f"{name}.jpg", **options)
    Image.open(f"{name}.jpg").convert("RGB").save(f"{name}.rgb.png")
rgb.convert("L").save("grey.jpg", quality=90)
Image.open("grey.jpg").convert("RGB").save("grey.jpg.rgb.png")
rgb.convert("CMYK").save("cmyk.jpg", quality=90)
Image.open("cmyk.jpg").convert("RGB").save("cmyk.rgb.png")


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def handmade_png(path, pixels, channels, depth, colour_type, interlaced):
    passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)] if interlaced else [(0, 0, 1, 1)]
    raw = b""
    for px, py, dx, dy in passes:
        for y in range(py, H, dy):
            row = b""
            for x in range(px, W, dx):
                for value in pixels(x, y)[:channels]:
                    row += struct.pack(">H", value * 257) if depth == 16 else bytes([value])
            if row:
                raw += b"\x00" + row
    header = struct.pack(">IIBBBBB", W, H, depth, colour_type, 0, 0, 1 if interlaced else 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


handmade_png("interlaced.png", lambda x, y: colour(x, y), 3, 8, 2, True)
handmade_png("grey16.png", lambda x, y: (sum(colour(x, y)) // 3,), 1, 16, 0, False)
handmade_png("rgba16.png", lambda x, y: (*colour(x, y), 0 if (x < 5 and y < 5) else 255), 4, 16, 6, False)
