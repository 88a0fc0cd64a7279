"""Photos made web-ready: upright, stripped of every tag, WebP in a few widths, one JPEG fallback.

An officer's phone photo is 4032×3024, carries the GPS position where it was taken and may be
stored sideways with an EXIF orientation. No original is ever published: each referenced image
is decoded once, turned upright (EXIF orientation), converted to sRGB, and re-encoded from bare
pixels at the widths in WIDTHS (never wider than the original), so nothing of the original file's
metadata survives. Browsers read the WebPs (every browser since 2020); one JPEG (PNG with
transparency) at FALLBACK_WIDTH serves the rest, feed readers and structured data: a fallback at
every width cost 45 % of the site's photo bytes and a third of a photo's encoding for files
almost no one fetched, and one at 960 px still a third (77 KB a photo against 46 KB for the 960 px
WebP); at 480 px it fills a phone's column or a feed reader's at 25 KB. Files are named by a hash of the original's bytes (`anh/<hash>-960.webp`), so
a browser may cache them forever and two articles sharing a photo share its files.

Results live in the on-disk cache (`cache.DiskCache`, namespace "images") keyed by that hash: a
second build decodes nothing. Missing ones are made on every core (one process per core).

The ward's logo gets the same treatment plus the icons phones use for "Add to home screen".
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import math
import multiprocessing
import posixpath
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Callable, Mapping

import PIL

from . import urls
from .cache import DiskCache
from .heif import heif_version, register_heif
from .fingerprint import code_fingerprint
from .memo import ContentMemo, memo_or_new
from .problems import ProblemLog

WIDTHS = (480, 960, 1600)
FALLBACK_WIDTH = 480  # the one JPEG/PNG: a phone's column, what a feed reader shows
WEBP_QUALITY = 75
#: libwebp's effort. On the bench's 3264×2448 phone photos, method 2 at quality 75 took half the
#: time of method 4 at quality 78 (55 against 115 ms at 1,600 px) for 3 % fewer bytes.
WEBP_METHOD = 2
JPEG_QUALITY = 80
WEBP_MAX_SIDE = 16383  # WebP cannot be taller or wider: a long phone screenshot needs narrower files
REDUCING_GAP = 1.25  # bicubic does at least this last step after reduce(), as after a JPEG's draft (2000 to 1600 px)


#: Everything besides the original's bytes that decides the files made: bump the first part when
#: the code that makes them changes what it makes.
_VERSION = (f"images-6|{FALLBACK_WIDTH}|{'-'.join(map(str, WIDTHS))}|q{WEBP_QUALITY}m{WEBP_METHOD}/{JPEG_QUALITY}|pillow-{PIL.__version__}"
            f"|heif-{heif_version()}")

#: Icons made from the logo: (file name, size in px, opaque background?). Apple draws a
#: transparent icon on black, so its icon gets the ward's white background.
ICONS = (("favicon-32.png", 32, False), ("icon-192.png", 192, False), ("icon-512.png", 512, False),
         ("apple-touch-icon.png", 180, True))
THEME_COLOR = "#a3151a"  # the header's red (generator/theme/assets/stylesheets/ward-news.css)
HEADER_LOGO_HEIGHT = 96  # the header shows it at 48 CSS px: 2× for phone screens

@dataclass(frozen=True)
class Rendition:
    width: int
    height: int
    url: str  # relative to the site root


@dataclass(frozen=True)
class WebImage:
    """A photo as published: its WebP renditions, smallest first, its one JPEG/PNG fallback and
    its upright size."""

    src_uri: str
    width: int
    height: int
    renditions: tuple[Rendition, ...]
    fallback: Rendition
    fallback_type: str  # "image/jpeg", or "image/png" when the photo has transparency

    @property
    def largest(self) -> Rendition:
        return self.renditions[-1]

    def srcset(self, href: Callable[[str], str]) -> str:
        return ", ".join(f"{href(r.url)} {r.width}w" for r in self.renditions)

    def files(self) -> list[str]:
        return [r.url for r in self.renditions] + [self.fallback.url]


@dataclass
class ImageSet:
    """Every published photo by src_uri, plus what the build made and reused (for its summary)."""

    images: dict[str, WebImage] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)  # site URL -> cached file to place there
    made: int = 0
    reused: int = 0
    icons: "SiteIcons | None" = None  # header logo, favicon, home-screen icons

    def get(self, src_uri: str) -> WebImage | None:
        return self.images.get(src_uri)

    def url(self, src_uri: str) -> str | None:
        """A photo's JPEG/PNG: for feeds and structured data, read by programs that may not read WebP."""
        image = self.images.get(src_uri)
        return image.fallback.url if image else None

    def covering(self, src_uri: str, width: int, height: int) -> Path | None:
        """The cached file of the smallest rendition that fills `width` × `height` without
        enlarging (a share card's photo panel): upright, in sRGB, and a tenth of the original's
        decoding (an 8 MP JPEG 40 ms, a HEIC 200 ms; its 960 px WebP 5). None if not made."""
        image = self.images.get(src_uri)
        if image is None:
            return None
        fitting = [r for r in image.renditions if r.width >= width and r.height >= height]
        return self.files.get((fitting[0] if fitting else image.largest).url)

    def size(self, url: str) -> int:
        path = self.files.get(url)
        try:
            return path.stat().st_size if path else 0
        except OSError:
            return 0


# --- making renditions (runs in worker processes) -----------------------------------------------

def _upright_srgb(path: str):
    """The decoded photo, upright, in sRGB, with no metadata attached; or a problem code."""
    decoded = _decode(path)
    if isinstance(decoded, str):
        return decoded
    return _bare(_to_srgb(*decoded))


def _decode(path: str):
    """The photo decoded (a JPEG at its draft scale), upright and 8-bit, in its own colour space:
    (image, ICC profile still to apply or None, "RGB"/"RGBA" wanted), or a problem code. Turning
    it to sRGB is left to the caller, to do after resizing: on 2 million pixels, not 12."""
    from PIL import Image, ImageOps

    register_heif()
    try:
        with Image.open(path) as source:
            source.seek(0)  # animated GIF/WebP: the first frame (check warned about it)
            _decode_no_larger_than_needed(source)
            source.load()
            image = ImageOps.exif_transpose(source)  # a copy even when upright: `source` closes here
            icc = source.info.get("icc_profile")
            has_alpha = image.has_transparency_data  # alpha bands, and a transparent colour (tRNS)
            if image.mode.startswith("I"):  # 16-bit greyscale: scale to 8 bits, not clip to white
                image = image.convert("I").point(lambda value: value / 256).convert("L")
            wanted = "RGBA" if has_alpha else "RGB"
            if not icc or image.mode not in ("RGB", "RGBA", "CMYK", "L"):
                # A profile is applied in the file's own mode (a CMYK or grey profile needs CMYK
                # or grey pixels); without one, or in another mode, the pixels are taken as sRGB.
                icc = None
                image = image if image.mode == wanted else image.convert(wanted)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return "image.broken"
    return image, icc, wanted


def _decode_no_larger_than_needed(source) -> None:
    """A JPEG decodes at 1/2, 1/4 or 1/8 scale in a fraction of the time: ask for the smallest
    scale whose upright width still reaches 90 % of the widest rendition. A 12 MP portrait
    (3024 px wide upright) then decodes at 1512 px instead of 3024: its widest file is 1512 px."""
    if source.format != "JPEG":
        return
    turned = source.getexif().get(0x0112, 1) in (5, 6, 7, 8)
    upright_width = source.height if turned else source.width
    enough = WIDTHS[-1] * 0.9
    if upright_width <= enough:
        return
    factor = enough / upright_width
    source.draft("RGB", (math.ceil(source.width * factor), math.ceil(source.height * factor)))


def _to_srgb(image, icc: bytes | None, wanted: str):
    """`image` converted from its ICC profile to sRGB, in the `wanted` mode."""
    from PIL import ImageCms

    if icc:
        try:
            transform = _srgb_transform(icc, image.mode)
            if transform is not None:
                image = ImageCms.applyTransform(image, transform)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: the pixels as they are are still the best guess
    return image if image.mode == wanted else image.convert(wanted)


@functools.lru_cache(maxsize=16)
def _srgb_transform(icc: bytes, mode: str):
    """The transform from a profile to sRGB, made once per profile (a ward's photos come from a few
    phones); None when it changes no colour of a 16-level grid: the profile is sRGB already."""
    from PIL import Image, ImageCms

    profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    transform = ImageCms.buildTransform(profile, ImageCms.createProfile("sRGB"), mode,
                                        "RGBA" if mode == "RGBA" else "RGB")
    if mode == "RGB":
        levels = range(0, 256, 17)
        grid = Image.frombytes("RGB", (len(levels) ** 3, 1), bytes(
            v for r in levels for g in levels for b in levels for v in (r, g, b)))
        if ImageCms.applyTransform(grid, transform).tobytes() == grid.tobytes():
            return None
    return transform


def _bare(image):
    """A fresh image from the pixels alone: no EXIF, XMP, ICC, comment or text chunk of the
    original can reach a file saved from it (Pillow's savers read `info`)."""
    from PIL import Image

    bare = Image.new(image.mode, image.size)
    bare.paste(image)
    return bare


def widths_for(original_width: int, original_height: int | None = None) -> list[int]:
    """WIDTHS below the original, plus the original itself when it is narrower than the widest;
    none so narrow-and-tall that WebP could not hold it (a 1080×20000 screenshot of a notice)."""
    widest = original_width
    if original_height:
        widest = min(widest, max(1, WEBP_MAX_SIDE * original_width // original_height))
    chosen = [w for w in WIDTHS if w < widest]
    if widest <= WIDTHS[-1] and widest not in chosen:
        chosen.append(widest)
    return chosen or [min(WIDTHS[-1], widest)]


def fallback_width(widths: list[int]) -> int:
    """The one JPEG/PNG's width: the widest at most FALLBACK_WIDTH, else the narrowest."""
    fitting = [w for w in widths if w <= FALLBACK_WIDTH]
    return fitting[-1] if fitting else widths[0]


def _counted(results, progress):
    for result in results:
        if progress is not None:
            progress.advance("images")
        yield result


def make_renditions(path: str, key: str, cache_root: str) -> dict:
    """Decode `path` once, write its renditions into the cache, return its manifest (or an error)."""
    decoded = _decode(path)
    if isinstance(decoded, str):
        return {"error": decoded}
    try:
        return _encode(*decoded, key, cache_root)
    except (OSError, ValueError):  # an encoder's limit this file still reaches: refused, not a traceback
        return {"error": "image.broken"}


def _resized(image, icc: bytes | None, wanted: str) -> list:
    """The photo at each of its widths, widest first, in sRGB and bare. Only the widest is made
    from the decoded photo (with `reduce()` first when that is 2.5 times as wide or more: a HEIC
    is never decoded smaller), and only it is turned to sRGB; each narrower one is resized from
    the one before, which halves their cost and looks the same. Bicubic, not Lanczos: for these
    steps (1.02× to 2.5×) as sharp by the tests' measure, and 25 % faster (77 to 58 ms a photo)."""
    from PIL import Image

    def resize(source, width: int):
        size = (width, max(1, round(image.height * width / image.width)))
        if size == source.size:
            return source
        return source.resize(size, Image.Resampling.BICUBIC, reducing_gap=REDUCING_GAP)

    widths = widths_for(image.width, image.height)
    made = [_bare(_to_srgb(resize(image, widths[-1]), icc, wanted))]
    for width in reversed(widths[:-1]):
        made.append(resize(made[-1], width))
    return made


def _encode(image, icc: bytes | None, wanted: str, key: str, cache_root: str) -> dict:
    cache = DiskCache(Path(cache_root), "images")
    alpha = wanted == "RGBA"
    made = list(reversed(_resized(image, icc, wanted)))
    renditions = [list(resized.size) for resized in made]
    fallback = fallback_width([w for w, _ in renditions])
    for resized in made:
        width = resized.width
        webp = io.BytesIO()
        resized.save(webp, "WEBP", quality=WEBP_QUALITY, method=WEBP_METHOD)
        cache.put(f"{key}-{width}", ".webp", webp.getvalue())
        if width == fallback:
            other = io.BytesIO()
            if alpha:
                resized.save(other, "PNG", optimize=True)
            else:
                # Baseline: progressive took twice the time for 1.5 % fewer bytes, in a file that
                # only feed readers and browsers without WebP fetch.
                resized.save(other, "JPEG", quality=JPEG_QUALITY, optimize=True)
            cache.put(f"{key}-{width}", ".png" if alpha else ".jpg", other.getvalue())
    manifest = {"width": image.width, "height": image.height, "alpha": alpha, "renditions": renditions,
                "fallback": fallback}
    cache.put(key, ".json", json.dumps(manifest).encode())
    return manifest


def _complete(cache: DiskCache, key: str) -> bool:
    """The manifest and every file it lists are in the cache (another build's prune, or a person
    deleting files, can leave an entry half there: then it is made again, in this build)."""
    manifest_path = cache.get(key, ".json")
    if manifest_path is None:
        return False
    try:
        manifest = json.loads(manifest_path.read_bytes())
        ext = ".png" if manifest["alpha"] else ".jpg"
        return (all(cache.get(f"{key}-{w}", ".webp") is not None for w, _ in manifest["renditions"])
                and cache.get(f"{key}-{manifest['fallback']}", ext) is not None)
    except (OSError, ValueError, KeyError, TypeError):
        return False


def image_key(data: bytes) -> str:
    """What names a photo's web-ready files: its bytes, the code that makes them (this module and
    what it imports, core/fingerprint.py) and the libraries' versions."""
    return hashlib.sha256(_code().encode() + b"\0" + data).hexdigest()


def _code() -> str:
    return f"{_VERSION}|{code_fingerprint(__name__)}"


def _web_image(src_uri: str, key: str, manifest: dict) -> WebImage:
    ext = ".png" if manifest["alpha"] else ".jpg"
    name = key[:20]
    renditions = tuple(Rendition(w, h, urls.image_url(f"{name}-{w}.webp")) for w, h in manifest["renditions"])
    fallback = next(r for r in renditions if r.width == manifest["fallback"])
    fallback = Rendition(fallback.width, fallback.height, urls.image_url(f"{name}-{fallback.width}{ext}"))
    return WebImage(src_uri, manifest["width"], manifest["height"], renditions, fallback,
                    "image/png" if manifest["alpha"] else "image/jpeg")


def prepare_images(references: Mapping[str, list[tuple[str, int | None]]], content_dir: Path, cache: DiskCache,
                   log: ProblemLog, workers: int = 2, progress=None, memo: ContentMemo | None = None) -> ImageSet:
    """Every referenced image made web-ready (from `cache`, the build cache's `images`, when it
    can be); a photo that cannot be decoded is reported at each place that uses it.
    `references` maps src_uri -> (path, line)."""
    result = ImageSet()
    cache_root = cache.directory.parent
    memo = memo_or_new(memo)
    missing: dict[str, tuple[str, str]] = {}  # key -> (src_uri, absolute path)
    keys: dict[str, str] = {}
    for src_uri in sorted(references):
        path = Path(content_dir) / src_uri
        key = memo.file(b"k", path, image_key)  # an 8 MP photo is read again only when it changed
        if key is None:
            continue  # validation already reported it
        keys[src_uri] = key
        if key not in missing and not _complete(cache, key):
            missing[key] = (src_uri, str(path))
    if missing:
        jobs = list(missing.items())
        args = ([p for _, (_, p) in jobs], [k for k, _ in jobs], [str(cache_root)] * len(jobs))
        if progress is not None:
            progress.start("images", len(jobs))
        if workers > 1 and len(jobs) > 1:
            context = multiprocessing.get_context("forkserver")  # see cards/draw.py
            with ProcessPoolExecutor(min(workers, len(jobs)), mp_context=context) as pool:
                manifests = list(_counted(pool.map(make_renditions, *args), progress))
        else:
            manifests = list(_counted(map(make_renditions, *args), progress))
        failed = {key for (key, _), manifest in zip(jobs, manifests) if "error" in manifest}
        result.made = len(jobs) - len(failed)
    else:
        failed = set()
    for src_uri, key in keys.items():
        if key in failed:
            for path, line in references[src_uri]:
                log.add("image.broken", path, line, value=posixpath.basename(src_uri))
            continue
        manifest_path = cache.get(key, ".json")
        if manifest_path is None:
            continue
        manifest = json.loads(manifest_path.read_bytes())
        image = _web_image(src_uri, key, manifest)
        ext = ".png" if manifest["alpha"] else ".jpg"
        for url, name, suffix in ([(r.url, f"{key}-{r.width}", ".webp") for r in image.renditions]
                                  + [(image.fallback.url, f"{key}-{image.fallback.width}", ext)]):
            result.files[url] = cache.get(name, suffix) or cache.path(name, suffix)
        result.images[src_uri] = image
    result.reused = len({keys[s] for s in result.images}) - result.made
    return result


# --- the logo and the icons phones use -------------------------------------------------------------

@dataclass(frozen=True)
class SiteIcons:
    header_logo: str  # site URLs
    header_width: int
    header_height: int
    icons: tuple[tuple[str, int], ...]  # (url, size)


def make_icons(logo_path: Path, cache: DiskCache) -> tuple[SiteIcons, dict[str, Path]] | None:
    """The header logo at 2× and square icons for browsers and home screens, from the ward's logo."""
    from PIL import Image

    try:
        data = logo_path.read_bytes()
    except OSError:
        return None
    key = hashlib.sha256(b"icons-1\0" + _code().encode() + data).hexdigest()
    image = None
    files: dict[str, Path] = {}

    def get_or_make(name: str, render: Callable[[], bytes]) -> Path:
        found = cache.get(f"{key}-{name}", "")
        if found is None:
            found = cache.put(f"{key}-{name}", "", render())
        return found

    def upright():
        nonlocal image
        if image is None:
            image = _upright_srgb(str(logo_path))
            if isinstance(image, str):
                raise ValueError(image)
            image = image.convert("RGBA")
        return image

    def header() -> bytes:
        logo = upright()
        height = min(HEADER_LOGO_HEIGHT, logo.height)
        width = max(1, round(logo.width * height / logo.height))
        out = io.BytesIO()
        # WebP: a third of the PNG's weight, and the header logo is on every page's first view.
        logo.resize((width, height), Image.Resampling.LANCZOS).save(out, "WEBP", quality=90, method=6)
        return out.getvalue()

    def square(size: int, opaque: bool) -> Callable[[], bytes]:
        def render() -> bytes:
            logo = upright()
            canvas = Image.new("RGBA", (size, size), (255, 255, 255, 255 if opaque else 0))
            inner = round(size * (0.86 if opaque else 1.0))
            fitted = logo.copy()
            fitted.thumbnail((inner, inner), Image.Resampling.LANCZOS)
            canvas.alpha_composite(fitted, ((size - fitted.width) // 2, (size - fitted.height) // 2))
            out = io.BytesIO()
            (canvas.convert("RGB") if opaque else canvas).save(out, "PNG", optimize=True)
            return out.getvalue()
        return render

    try:
        short = key[:12]
        header_path = get_or_make("header.webp", header)
        with Image.open(header_path) as opened:
            header_size = opened.size
        header_url = urls.image_url(f"logo-{short}.webp")
        files[header_url] = header_path
        icons = []
        for name, size, opaque in ICONS:
            url = urls.image_url(f"logo-{short}-{name}")
            files[url] = get_or_make(name, square(size, opaque))
            icons.append((url, size))
    except ValueError:
        return None
    return SiteIcons(header_url, header_size[0], header_size[1], tuple(icons)), files


def web_manifest(name: str, short_name: str, icons: SiteIcons, href: Callable[[str], str],
                 theme_color: str, background_color: str = "#ffffff") -> bytes:
    """The web app manifest: what "Add to home screen" shows (name, icon, colours)."""
    manifest = {
        "name": name, "short_name": short_name,
        "lang": "vi", "dir": "ltr", "start_url": href(""), "scope": href(""), "display": "browser",
        "theme_color": theme_color, "background_color": background_color,
        "icons": [{"src": href(url), "sizes": f"{size}x{size}", "type": "image/png",
                   **({"purpose": "any"} if size != 180 else {})}
                  for url, size in icons.icons if size >= 180],
    }
    return json.dumps(manifest, ensure_ascii=False, indent=1).encode()


# --- HTML -------------------------------------------------------------------------------------------

#: The width a photo takes on screen, for `sizes`: the page column (46rem of 20 px, less its
#: padding) on wide screens, nearly the whole width below. In px: `rem` in `sizes` means 16 px.
ARTICLE_SIZES = "(min-width: 60em) 888px, 94vw"
THUMBNAIL_SIZES = "(max-width: 44.9375em) 38vw, 180px"  # the teaser grid's 2fr of 5 / 9rem column
_IMG_TAG = re.compile(r"<img\b([^>]*)>", re.I)
_ATTRIBUTE = re.compile(r'([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*"([^"]*)"')


def picture_html(image: WebImage, href: Callable[[str], str], *, alt: str, sizes: str, eager: bool,
                 extra: str = "") -> str:
    """`<picture>` with the WebP widths, the JPEG/PNG fallback, the size set (no layout shift).
    `alt` and `extra` must already be escaped HTML attribute text."""
    loading = 'fetchpriority="high" decoding="async"' if eager else 'loading="lazy" decoding="async"'
    return (f'<picture><source type="image/webp" srcset="{escape(image.srcset(href))}" sizes="{sizes}">'
            f'<img src="{escape(href(image.fallback.url))}" width="{image.width}" height="{image.height}" '
            f'alt="{alt}" {loading}{extra}></picture>')


def responsive_body(html: str, find: Callable[[str], WebImage | None], href: Callable[[str], str], *,
                    eager_first: bool) -> str:
    """Every `<img>` of a sanitised body whose source is a published photo, as a `<picture>`.

    `find` maps an `src` as written in the body to its WebImage; an image it does not know is
    left out entirely (validation refused it, so only an officer's trick gets here).
    """
    count = 0

    def replace(match: re.Match) -> str:
        nonlocal count
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        image = find(attributes.get("src", ""))
        if image is None:
            return ""
        count += 1
        extra = "".join(f' {name}="{attributes[name]}"' for name in ("title", "class", "id") if name in attributes)
        return picture_html(image, href, alt=attributes.get("alt", ""), sizes=ARTICLE_SIZES,
                            eager=eager_first and count == 1, extra=extra)

    return _IMG_TAG.sub(replace, html)
