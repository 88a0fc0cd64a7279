"""Photo benchmark: what one photo costs a cold build (core/images.py), and what readers download.

    .venv/bin/python tests/bench/bench_photos.py             # 26 photos, one process
    .venv/bin/python tests/bench/bench_photos.py --json out.json
    git show HEAD:generator/core/images.py > /tmp/images_old.py
    .venv/bin/python tests/bench/bench_photos.py --module /tmp/images_old.py   # another version

The photos are what officers send: 4000×3000 phone JPEGs (quality 92, EXIF with GPS and camera,
an sRGB profile, stored sideways with orientations 6, 8 and 3 as often as upright), iPhone HEICs
of 4032×3024 tagged Display P3, and the build benchmark's 3264×2448 corpus photos
(tests/bench/corpus.py). Drawn once into .cache/bench/phone-photos/ (the sample site's scenes at
phone resolution, with fine texture and sensor grain so that they compress as photos do).

Each photo goes through `make_renditions` in this process, after one untimed photo (a build's
worker loads its codecs once too), timed with time.process_time: core seconds, whatever else
the machine is doing. Printed per kind: core-seconds per photo, bytes per photo (every width,
WebP + JPEG; and the WebPs alone, what browsers fetch), and the largest mean absolute difference
(0-255) of a published file (each WebP, the JPEG) to a reference: the upright photo decoded
whole, in sRGB, resized with LANCZOS straight to that width and not encoded (so the encoder's
own loss is in it, for every version alike).
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

PHONE_CACHE = REPO / ".cache" / "bench" / "phone-photos"
PHONE_SIZE = (4000, 3000)
ORIENTATIONS = (1, 6, 1, 8, 1, 3)  # as stored; half of phone photos are taken upright
JPEGS, HEICS, CORPUS = 14, 6, 6


def _scene(index: int):
    """One of the sample site's drawings, drawn at phone resolution, with photo-like texture."""
    import random

    from PIL import Image

    from tests.fixtures import make_sample_photos as sample

    scenes = list(dict.fromkeys(sample.PHOTOS.values()))
    drawn = {}
    old_scale, old_finish = sample.S, sample.Canvas.finish
    sample.S = 4  # drawn at 4800×3200, sharp edges, then brought to the phone's size
    sample.Canvas.finish = lambda canvas, blur=0, grain=True: drawn.setdefault("image", canvas.img)
    try:
        image = scenes[index % len(scenes)]().resize(PHONE_SIZE, Image.Resampling.BICUBIC)
    finally:
        sample.S, sample.Canvas.finish = old_scale, old_finish
    rng = random.Random(index)
    width, height = PHONE_SIZE
    # Detail at every scale (coarse mottling to single-pixel sensor grain), as real scenes have.
    for step, alpha in ((32, 0.10), (8, 0.07), (2, 0.05), (1, 0.05)):
        size = (width // step, height // step)
        noise = Image.frombytes("RGB", size, rng.randbytes(size[0] * size[1] * 3))
        image = Image.blend(image, noise.resize(PHONE_SIZE, Image.Resampling.BICUBIC), alpha)
    return image


def _exif(orientation: int):
    from PIL import Image

    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F], exif[0x0110] = "samsung", "Galaxy A54 5G"
    exif.get_ifd(0x8825).update({1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 51.0, 10.0)})
    return exif


def _stored(image, orientation: int):
    """The pixels as a phone stores them for `orientation`: always the sensor's 4000×3000, so a
    photo taken upright in portrait (6, 8) is 3000×4000 once turned (exif_transpose undoes this)."""
    from PIL import Image

    if orientation in (6, 8):
        image = image.resize(PHONE_SIZE[::-1], Image.Resampling.BICUBIC)  # the scene, as if framed upright
    turn = {1: None, 3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90, 8: Image.Transpose.ROTATE_270}
    return image.transpose(turn[orientation]) if turn[orientation] else image


def display_p3() -> bytes:
    """An ICC profile for Display P3, the colour space iPhones tag their photos with: lcms' sRGB
    profile with P3's primaries (P3 has sRGB's tone curve and white), enough to make the build
    convert colours as it must for an iPhone's photo."""
    import struct

    from PIL import ImageCms

    icc = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    icc[84:100] = bytes(16)  # profile ID: the checksum of what is changed below
    primaries = {b"rXYZ": (0.515121, 0.241196, -0.001053), b"gXYZ": (0.291977, 0.692245, 0.041885),
                 b"bXYZ": (0.157104, 0.066574, 0.784073)}  # D50-adapted, as Apple's profile has them
    for i in range(struct.unpack(">I", icc[128:132])[0]):
        signature, offset, _ = struct.unpack(">4sII", icc[132 + 12 * i:144 + 12 * i])
        if signature in primaries:
            icc[offset + 8:offset + 20] = struct.pack(">3i", *(round(v * 65536) for v in primaries[signature]))
    return bytes(icc)


def phone_photos() -> list[tuple[str, Path]]:
    """(kind, path) of every photo measured, drawn on first use."""
    from PIL import Image, ImageCms

    from generator.core.heif import register_heif
    from tests.bench.corpus import photo_bytes

    register_heif()
    PHONE_CACHE.mkdir(parents=True, exist_ok=True)
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    photos = []
    for i in range(JPEGS):
        path = PHONE_CACHE / f"phone-{i}.jpg"
        if not path.is_file():
            orientation = ORIENTATIONS[i % len(ORIENTATIONS)]
            _stored(_scene(i), orientation).save(path, "JPEG", quality=92, exif=_exif(orientation), icc_profile=icc)
        photos.append(("jpeg 4000x3000", path))
    for i in range(HEICS):
        path = PHONE_CACHE / f"iphone-{i}.heic"
        if not path.is_file():
            image = _scene(100 + i).resize((4032, 3024), Image.Resampling.BICUBIC)
            image.save(path, "HEIF", quality=55, exif=_exif(1), icc_profile=display_p3())  # about 2 MB
        photos.append(("heic 4032x3024", path))
    for i in range(CORPUS):
        path = PHONE_CACHE / f"corpus-{i}.jpg"
        if not path.is_file():
            path.write_bytes(photo_bytes(i))
        photos.append(("corpus 3264x2448", path))
    return photos


def reference(path: Path, width: int):
    """The photo upright and in sRGB at full size, LANCZOS straight to `width`: what no shortcut
    may drift from."""
    from PIL import Image, ImageCms, ImageOps

    with Image.open(path) as source:
        image = ImageOps.exif_transpose(source).convert("RGB")
        icc = source.info.get("icc_profile")
    if icc:
        image = ImageCms.profileToProfile(image, ImageCms.ImageCmsProfile(io.BytesIO(icc)),
                                          ImageCms.createProfile("sRGB"), outputMode="RGB")
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), Image.Resampling.LANCZOS)


def mean_difference(a, b) -> float:
    """Mean absolute difference per channel, 0-255."""
    from PIL import ImageChops, ImageStat

    return sum(ImageStat.Stat(ImageChops.difference(a.convert("RGB"), b.convert("RGB"))).mean) / 3


def measure(photos: list[tuple[str, Path]], compare: bool = True) -> dict:
    from PIL import Image

    from generator.core.images import image_key, make_renditions

    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        make_renditions(str(photos[0][1]), "warm-up", scratch)
        for kind, path in photos:
            key = image_key(path.read_bytes())
            started = time.process_time()
            manifest = make_renditions(str(path), key, scratch)
            seconds = time.process_time() - started
            assert "error" not in manifest, (path, manifest)
            files = {f.name: f for f in (Path(scratch) / "images").glob(f"{key}-*")}
            row = {"kind": kind, "photo": path.name, "seconds": seconds,
                   "widths": [w for w, _ in manifest["renditions"]],
                   "bytes": sum(f.stat().st_size for f in files.values()),
                   "webp_bytes": sum(f.stat().st_size for n, f in files.items() if n.endswith(".webp"))}
            if compare:
                differences = []
                for name, file in files.items():  # every WebP and the one JPEG
                    if name.endswith((".webp", ".jpg")):
                        width = int(name.rsplit("-", 1)[1].split(".")[0])
                        with Image.open(file) as made:
                            differences.append(mean_difference(made, reference(path, width)))
                row["difference"] = max(differences)
            rows.append(row)
    return {"rows": rows, "summary": summarise(rows)}


def summarise(rows: list[dict]) -> dict:
    summary = {}
    for kind in [*dict.fromkeys(r["kind"] for r in rows), "all"]:
        chosen = [r for r in rows if kind in ("all", r["kind"])]
        summary[kind] = {
            "photos": len(chosen),
            "core_s_per_photo": statistics.mean(r["seconds"] for r in chosen),
            "bytes_per_photo": statistics.mean(r["bytes"] for r in chosen),
            "webp_bytes_per_photo": statistics.mean(r["webp_bytes"] for r in chosen),
            "max_difference": max((r["difference"] for r in chosen if "difference" in r), default=None),
            "widths": sorted({tuple(r["widths"]) for r in chosen}),
        }
    return summary


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write every photo's numbers here")
    parser.add_argument("--no-compare", action="store_true", help="skip the difference to the reference")
    parser.add_argument("--module", type=Path, help="measure this copy of generator/core/images.py instead")
    args = parser.parse_args(argv)
    if args.module:
        import importlib.util

        spec = importlib.util.spec_from_file_location("generator.core.images", args.module)
        sys.modules[spec.name] = module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    result = measure(phone_photos(), compare=not args.no_compare)
    print("| photos | n | core s / photo | KB / photo (WebP + JPEG) | KB WebP | max diff | widths |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for kind, s in result["summary"].items():
        widths = "; ".join("/".join(map(str, w)) for w in s["widths"])
        difference = "-" if s["max_difference"] is None else f"{s['max_difference']:.2f}"
        print(f"| {kind} | {s['photos']} | {s['core_s_per_photo']:.3f} | {s['bytes_per_photo'] / 1024:.0f} "
              f"| {s['webp_bytes_per_photo'] / 1024:.0f} | {difference} | {widths} |")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
