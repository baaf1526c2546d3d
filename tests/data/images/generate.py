"""Writes the hostile-image fixtures of tests/engine/image/HostileImageTest.cpp (Pillow, Debian's python3-pil).

Each input comes with <name>_expected.png: np.array(Image.open(input).convert('RGB')), PIL's reading, which
PatchBank matches (EXIF orientation is not applied, as PIL's Image.open does not apply it).

    /usr/bin/python3 generate.py                 # the small fixtures, here
    /usr/bin/python3 generate.py --bomb FILE     # also a valid 30,000 x 30,000 1-bit PNG (about 110 KB; 2.7 GB as RGB)
"""
import struct
import sys
import zlib
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent


def gradient(mode, size):
    w, h = size
    img = Image.new("RGB", size)
    img.putdata([((x * 255) // (w - 1), (y * 255) // (h - 1), ((x + y) * 7) % 256) for y in range(h) for x in range(w)])
    return img.convert(mode)


def save(img, name, **kwargs):
    img.save(HERE / name, **kwargs)
    Image.open(HERE / name).convert("RGB").save(HERE / (Path(name).stem + "_expected.png"))


def bomb_png(path, side=30000):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\0" * (1 + (side + 7) // 8)  # filter byte + 1-bit pixels
    z = zlib.compressobj(9)
    parts = [z.compress(row) for _ in range(side)]
    parts.append(z.flush())
    ihdr = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    Path(path).write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", b"".join(parts)) +
                          chunk(b"IEND", b""))


def main():
    save(gradient("CMYK", (40, 24)), "cmyk.jpg", quality=95)
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90 degrees clockwise to display
    save(gradient("RGB", (40, 24)), "exif_rotated.jpg", quality=95, exif=exif.tobytes())
    save(gradient("L", (40, 24)), "grey.png")
    rgba = gradient("RGB", (40, 24))
    rgba.putalpha(gradient("L", (40, 24)))
    save(rgba, "rgba.png")
    save(Image.frombytes("I;16", (40, 24), bytes((i * 37) % 256 for i in range(40 * 24 * 2))), "grey16.png")
    if len(sys.argv) == 3 and sys.argv[1] == "--bomb":
        bomb_png(sys.argv[2])


if __name__ == "__main__":
    main()
