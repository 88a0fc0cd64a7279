"""`ward-news hub`: a city's or district's index site, made from the wards' built Atom feeds.

The hub reads only what each ward published (`site/<ward>/atom.xml` and the logo it names), never
the wards' content, so it needs no second validation and takes a second for a hundred wards. It
writes, around the wards' folders in `site/`: the home page (latest news of every ward, then every
ward with its logo), `don-vi/<ward>/` (a page per ward), one combined RSS and Atom feed, a share
card, a sitemap and a 404 page. Pages are plain HTML and one stylesheet: no script, no other host.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from feedgen.feed import FeedGenerator
from jinja2 import Environment, FileSystemLoader, select_autoescape
from lxml import etree

from .. import __version__
from . import publish, urls, vi
from .cache import DiskCache
from .cards.render import render_card
from .cards.spec import CardSpec
from .city import HUB_WARD_PAGES, HubInfo, WardFolder, ward_site_url
from .csp import with_csp
from .feeds import restore_entry_link_attributes
from .problems import ProblemLog
from .text import fold

#: Not under theme/: MkDocs copies a theme folder's static files (the hub's CSS) into every ward's site.
TEMPLATES = Path(__file__).resolve().parent.parent / "hub_templates"
_ATOM = "{http://www.w3.org/2005/Atom}"
_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
HUB_SITEMAP = "sitemaps/trang.xml"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
HOME_LATEST = 24  # news on the hub's home page, all wards together
WARD_LATEST = 10  # news on a ward's page in the hub
FEED_LATEST = 50  # entries in the combined feeds


@dataclass(frozen=True)
class HubItem:
    """One article as the ward's feed tells it."""

    ward: str  # the ward's slug
    ward_name: str
    title: str
    url: str  # as linked from the hub's root: `<ward>/tin-tuc/x/`, or absolute for a ward on another host
    guid: str  # the ward feed's id for it: its permanent address
    published: datetime
    updated: datetime
    summary: str
    category: str
    author: str
    enclosure: dict | None = None  # the lead photo: href, type, length

    @property
    def date_text(self) -> str:
        return vi.format_date_short(self.published)


@dataclass(frozen=True)
class HubWard:
    slug: str
    name: str
    organisation: str
    description: str
    url: str  # the ward's own site, from the hub's root
    logo_url: str  # from the hub's root, or ""
    logo_file: Path | None  # for the share card
    items: tuple[HubItem, ...] = field(default=(), repr=False)
    sitemaps: tuple[str, ...] = ()  # the ward's own page sitemaps, listed in the hub's sitemap index

    @property
    def page_url(self) -> str:
        return f"{HUB_WARD_PAGES}/{self.slug}/"

    @property
    def latest(self) -> HubItem | None:
        return self.items[0] if self.items else None


@dataclass(frozen=True)
class HubPlan:
    hub: HubInfo
    wards: tuple[HubWard, ...]  # by name, Vietnamese order
    latest: tuple[HubItem, ...]  # every ward's news, newest first

    @property
    def description(self) -> str:
        if self.hub.description:
            return self.hub.description
        return f"Tin tức, hoạt động của Mặt trận Tổ quốc {len(self.wards)} phường, xã, mới nhất trước."


def read_ward_feed(site_dir: Path, ward: WardFolder, hub: HubInfo, log: ProblemLog) -> HubWard | None:
    """The ward as its built Atom feed describes it; None with a problem when it is not built.
    A ward published at the hub's address plus its folder (or built with no address at all) is
    linked inside the hub; a ward on a domain of its own keeps its absolute addresses."""
    feed_path = site_dir / ward.slug / "atom.xml"
    display = f"site/{ward.slug}/atom.xml"
    where = f"wards/{ward.slug}/"
    if not feed_path.is_file():
        log.add("hub.ward.unbuilt", where, None, feed=display, slug=ward.slug)
        return None
    try:
        root = etree.parse(str(feed_path), _PARSER).getroot()
        if root.tag != f"{_ATOM}feed":
            raise ValueError("không phải bản tin Atom")
        alternate = _alternate(root)
        base = alternate if alternate in ("/", ward_site_url(hub, ward.slug)) else ""
        name = _text(root, "title") or ward.slug
        items = tuple(_item(entry, ward.slug, name, base, hub.site_url) for entry in root.iterfind(f"{_ATOM}entry"))
    except (etree.XMLSyntaxError, ValueError, OSError) as exc:
        log.add("hub.ward.feed_invalid", where, None, feed=display, reason=str(exc) or type(exc).__name__,
                slug=ward.slug)
        return None
    logo_url, logo_file = "", None
    logo = _text(root, "logo")
    if logo:
        local = _local(logo, base, ward.slug)
        candidate = (site_dir / local).resolve() if not _is_absolute(local) else None
        if candidate is not None and site_dir.resolve() in candidate.parents and candidate.is_file():
            logo_url, logo_file = local, candidate
    author = root.find(f"{_ATOM}author/{_ATOM}name")
    sitemaps = _ward_sitemaps(site_dir / ward.slug / "sitemap.xml") if base else ()
    return HubWard(
        slug=ward.slug, name=name, organisation=(author.text or "").strip() if author is not None else "",
        description=_text(root, "subtitle"), url=_local(alternate, base, ward.slug), logo_url=logo_url,
        logo_file=logo_file, items=tuple(sorted(items, key=lambda i: i.published, reverse=True)),
        sitemaps=sitemaps,
    )


def plan_hub(hub: HubInfo, wards: list[HubWard]) -> HubPlan:
    latest = sorted((item for ward in wards for item in ward.items), key=lambda i: (i.published, i.guid), reverse=True)
    ordered = sorted(wards, key=lambda w: (_collate(w.name), w.slug))
    return HubPlan(hub=hub, wards=tuple(ordered), latest=tuple(latest))


def build_hub(plan: HubPlan, repo: Path, site_dir: Path, cache_dir: Path | None = None) -> list[str]:
    """Write the hub into `site_dir` around the wards' folders: every file is made in a staging
    folder first, then each of the hub's own entries is swapped in. Returns the hub's files."""
    publish.sweep_stale(site_dir)  # staged beside site/, never inside what is published
    staged = publish.staging_dir(site_dir)
    try:
        written = _write_hub(plan, repo, staged, cache_dir)
    except BaseException:
        publish.discard(staged)
        raise
    publish.publish_entries(staged, site_dir)
    return written


def _write_hub(plan: HubPlan, repo: Path, out: Path, cache_dir: Path | None) -> list[str]:
    hub = plan.hub
    files: dict[str, bytes] = {}
    css = (TEMPLATES / "hub.css").read_bytes()
    css_url = f"assets/hub-{hashlib.sha256(css).hexdigest()[:10]}.css"
    files[css_url] = css
    logo_url = ""
    logo_file = (repo / hub.logo) if hub.logo else None
    if logo_file is not None:
        logo_url = f"assets/logo-{hashlib.sha256(logo_file.read_bytes()).hexdigest()[:10]}{logo_file.suffix.lower()}"
        files[logo_url] = logo_file.read_bytes()
    card = CardSpec(title=hub.name, kicker=f"{len(plan.wards)} phường, xã", ward_name=hub.name,
                    organisation=hub.organisation, logo=str(logo_file.resolve()) if logo_file else None)
    card_url = urls.card_url("trang-chu", card.key())
    files[card_url] = _card_png(card, cache_dir)

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    common = {"hub": hub, "plan": plan, "css_url": css_url, "logo_url": logo_url, "card_url": card_url,
              "site_url": hub.site_url, "absolute": urls.absolute, "version": __version__}

    def page(url: str, template: str, **values) -> None:
        html = env.get_template(template).render(page_url=url, link=_linker(url, hub.site_url), **common, **values)
        files[urls.dest_path(url)] = with_csp(html).encode("utf-8")

    page("", "home.html", title=hub.name, description=plan.description, latest=plan.latest[:HOME_LATEST])
    for ward in plan.wards:
        description = ward.description or f"Tin tức, hoạt động của {ward.organisation or ward.name}."
        page(ward.page_url, "ward.html", title=ward.name, description=description, ward=ward,
             latest=ward.items[:WARD_LATEST])
    page("404.html", "404.html", title="Không tìm thấy trang", description=plan.description)
    files["feed.xml"], files["atom.xml"] = render_hub_feeds(plan)
    files["sitemap.xml"], files[HUB_SITEMAP] = _sitemaps(plan)
    robots = "User-agent: *\nAllow: /\n"
    if hub.site_url:
        robots += f"Sitemap: {urls.absolute(hub.site_url, 'sitemap.xml')}\n"
    files["robots.txt"] = robots.encode()
    for name, data in files.items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return sorted(files)


def render_hub_feeds(plan: HubPlan) -> tuple[bytes, bytes]:
    """One RSS and one Atom feed of every ward's latest news. Each entry keeps the ward's own id
    (the article's permanent address) and names its ward as category and as Atom/RSS `source`."""
    hub = plan.hub
    feeds = []
    for fmt, name in (("rss", "feed.xml"), ("atom", "atom.xml")):
        feed = FeedGenerator()
        feed.load_extension("dc")
        self_url = urls.absolute(hub.site_url, name)
        feed.id(self_url)
        feed.title(hub.name)
        feed.subtitle(plan.description)
        feed.link(href=self_url, rel="self", type="application/rss+xml" if fmt == "rss" else "application/atom+xml")
        feed.link(href=urls.absolute(hub.site_url, ""), rel="alternate", type="text/html")
        feed.language("vi")
        feed.author(name=hub.organisation or hub.name)
        feed.generator("ward-news", version=__version__)
        entries = plan.latest[:FEED_LATEST]
        newest = max((i.updated for i in entries), default=datetime(2000, 1, 1).astimezone())
        feed.updated(newest)
        feed.lastBuildDate(newest)
        wards = {w.slug: w for w in plan.wards}
        for item in entries:
            ward = wards[item.ward]
            link = _absolute(hub.site_url, item.url)
            entry = feed.add_entry(order="append")
            entry.id(item.guid)
            entry.guid(item.guid, permalink=item.guid == link)
            entry.title(item.title)
            entry.link(href=link, rel="alternate", type="text/html")
            entry.summary(item.summary or item.title)
            entry.published(item.published)
            entry.updated(item.updated)
            entry.pubDate(item.published)
            entry.author(name=item.author or ward.organisation or ward.name)
            entry.dc.dc_creator(item.author or ward.organisation or ward.name)
            entry.category(term=ward.slug, label=ward.name, scheme=urls.absolute(hub.site_url, ward.page_url))
            if item.category:
                entry.category(term=item.category, label=item.category)
            entry.source(url=_absolute(hub.site_url, f"{ward.slug}/atom.xml"), title=ward.name)
            if item.enclosure:
                entry.enclosure(url=item.enclosure["href"], length=item.enclosure.get("length") or "0",
                                type=item.enclosure.get("type") or "image/jpeg")
        feeds.append(feed.rss_str(pretty=True) if fmt == "rss" else
                     restore_entry_link_attributes(feed.atom_str(pretty=True), feed))
    return feeds[0], feeds[1]


def _linker(page_url: str, site_url: str):
    """How a page links a hub URL: relative, so the hub works under any path and from disk; from
    the site's root on the 404 page, which the server shows at whatever address was missing (the
    path only: the same host wherever it is served, as the Content-Security-Policy requires)."""
    root = urlsplit(site_url).path or "/"  # the hub's path on its host: "/" or "/thanh-pho/"

    def link(url: str) -> str:
        if _is_absolute(url):
            return url
        return root + url if page_url == "404.html" else urls.relative(url, page_url)
    return link


def _card_png(card: CardSpec, cache_dir: Path | None) -> bytes:
    """The hub's card, through the same cache as the wards' cards (core/cache.py)."""
    if cache_dir is None:
        return render_card(card)
    cache = DiskCache(cache_dir, "cards")
    cached = cache.get(card.key(), ".png") or cache.put(card.key(), ".png", render_card(card))
    return cached.read_bytes()


def _sitemaps(plan: HubPlan) -> tuple[bytes, bytes]:
    """sitemap.xml, an index of the hub's own pages (sitemaps/trang.xml) and every ward's page
    sitemaps: crawlers read robots.txt and the sitemap at the host's root only."""
    hub_url = plan.hub.site_url
    rows = []
    newest = plan.latest[0].updated.isoformat() if plan.latest else ""
    for url, when in [("", newest)] + [(w.page_url, w.latest.updated.isoformat() if w.latest else "")
                                       for w in plan.wards]:
        lastmod = f"<lastmod>{when}</lastmod>" if when else ""
        rows.append(f"<url><loc>{escape(urls.absolute(hub_url, url))}</loc>{lastmod}</url>")
    pages = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
             + "\n".join(rows) + "\n</urlset>\n")
    children = [urls.absolute(hub_url, HUB_SITEMAP)] + [loc for ward in plan.wards for loc in ward.sitemaps]
    index = ('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
             + "\n".join(f"<sitemap><loc>{escape(loc)}</loc></sitemap>" for loc in children) + "\n</sitemapindex>\n")
    return index.encode("utf-8"), pages.encode("utf-8")


def _ward_sitemaps(path: Path) -> tuple[str, ...]:
    """The page sitemaps a ward's sitemap.xml names (it is an index), or itself when it lists pages."""
    try:
        root = etree.parse(str(path), _PARSER).getroot()
    except (OSError, etree.XMLSyntaxError):
        return ()
    if root.tag == f"{_SITEMAP_NS}sitemapindex":
        return tuple(loc.text.strip() for loc in root.iterfind(f"{_SITEMAP_NS}sitemap/{_SITEMAP_NS}loc") if loc.text)
    return ()


def _item(entry, slug: str, ward_name: str, base: str, hub_url: str) -> HubItem:
    link = next((l.get("href") for l in entry.iterfind(f"{_ATOM}link") if l.get("rel", "alternate") == "alternate"),
                None) or _text(entry, "id")
    guid = _text(entry, "id") or link
    published = _date(_text(entry, "published") or _text(entry, "updated"))
    updated = _date(_text(entry, "updated")) if _text(entry, "updated") else published
    enclosure = next(({"href": _absolute(hub_url, _local(l.get("href") or "", base, slug)), "type": l.get("type"),
                       "length": l.get("length")}
                      for l in entry.iterfind(f"{_ATOM}link") if l.get("rel") == "enclosure" and l.get("href")), None)
    category = next((c.get("label") or c.get("term") for c in entry.iterfind(f"{_ATOM}category")
                     if "/chuyen-muc/" in (c.get("scheme") or "")), "")
    author = entry.find(f"{_ATOM}author/{_ATOM}name")
    return HubItem(
        ward=slug, ward_name=ward_name, title=_text(entry, "title") or link, url=_local(link, base, slug),
        # The ward's own id, made absolute under the hub when the ward has no address of its own
        # (root-relative ids would be the same in every ward).
        guid=_absolute(hub_url, _local(guid, base, slug)), published=published, updated=updated,
        summary=_text(entry, "summary"), category=category,
        author=(author.text or "").strip() if author is not None else "", enclosure=enclosure,
    )


def _alternate(root) -> str:
    for link in root.iterfind(f"{_ATOM}link"):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href")
    return "/"


def _local(link: str, base: str, slug: str) -> str:
    """A ward's address as the hub links it: under the ward's folder when the ward is published
    there (`base`: its address, or "/" when it was built without one), else as it is."""
    if not base or not link.startswith(base) or link.startswith("//"):
        return link
    rest = link[len(base):]
    if ".." in rest.split("/") or rest.startswith(("/", "\\")):
        return link
    return f"{slug}/{rest}"


def _is_absolute(url: str) -> bool:
    return "://" in url or url.startswith("//")


def _absolute(site_url: str, url: str) -> str:
    return url if _is_absolute(url) else urls.absolute(site_url, url)


def _text(element, name: str) -> str:
    child = element.find(f"{_ATOM}{name}")
    return " ".join((child.text or "").split()) if child is not None else ""


def _date(value: str) -> datetime:
    if not value:
        raise ValueError("một tin bài không có ngày đăng")
    return datetime.fromisoformat(value)


def _collate(name: str) -> str:
    """Ward names in alphabetical order, diacritics aside ("Phường Ba Đình", "Phường Bạch Mai")."""
    return fold(name)


