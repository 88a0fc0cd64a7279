"""Structured data (JSON-LD) that search engines read: a NewsArticle per article (with the
page's BreadcrumbList), the ward's organisation on the home page. Officer text goes through
json.dumps and then `<`, `>` and `&` become \\u escapes, so nothing an officer writes can close
the <script> element around it."""

from __future__ import annotations

import json
from typing import Callable

from . import urls
from .kinds import PageKind
from .model import WardInfo
from .plan import Breadcrumb


def json_ld(kind: PageKind, data, *, url: str, title: str, description: str, card_url: str, ward: WardInfo,
            site_url: str, image_url: Callable[[str], str | None] = lambda src_uri: None) -> str:
    """The JSON-LD text for a page, or "" for kinds that have none."""
    publisher = _organisation(ward, site_url, image_url)
    if kind.json_ld == "news-article":
        view, data = data, data.article
        images = [card_url] if card_url else []
        photo = image_url(data.image.src_uri) if data.image else None
        if photo:
            images.append(urls.absolute(site_url, photo))
        doc = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            # No "description": the page's meta description and og:description carry it twice
            # already, and Google's article data does not read it (300 bytes on every article).
            "datePublished": data.date.isoformat(),
            "dateModified": (data.updated or data.date).isoformat(),
            "inLanguage": "vi",
            # The page as a WebPage carrying its breadcrumbs (schema.org WebPage.breadcrumb):
            # the page keeps a single JSON-LD <script>, with the NewsArticle at its top.
            "mainEntityOfPage": {"@type": "WebPage", "@id": url,
                                 "breadcrumb": breadcrumb_list(view.breadcrumbs, site_url)},
            "url": url,
            "articleSection": data.category.name,
            "author": {"@type": "Person", "name": data.author} if data.author else publisher,
            "publisher": publisher,
        }
        if images:
            doc["image"] = images
        if data.tags:
            doc["keywords"] = ", ".join(t.name for t in data.tags)
        if data.source:
            doc["isBasedOn"] = data.source_url or data.source
    elif kind.json_ld == "organisation":
        # The organisation itself, and the site it publishes with its search (a search engine
        # may offer a search box for the site in its results).
        organisation = {**publisher, "@id": url + "#to-chuc"}
        website = {"@type": "WebSite", "@id": url + "#trang-web", "name": ward.name, "url": url,
                   "description": description, "inLanguage": "vi", "publisher": {"@id": organisation["@id"]},
                   "potentialAction": {"@type": "SearchAction",
                                       "target": urls.absolute(site_url, urls.search_url()) + "?q={search_term_string}",
                                       "query-input": "required name=search_term_string"}}
        doc = {"@context": "https://schema.org", "@graph": [organisation, website]}
    else:
        return ""
    return dumps_for_script(doc)


def breadcrumb_list(crumbs: tuple[Breadcrumb, ...], site_url: str) -> dict:
    """schema.org BreadcrumbList: the same names and addresses as the visible breadcrumbs."""
    return {"@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": n, "name": crumb.name, "item": urls.absolute(site_url, crumb.url)}
        for n, crumb in enumerate(crumbs, start=1)]}


def dumps_for_script(doc) -> str:
    """JSON safe inside an HTML <script> element, without the spaces after "," and ":"."""
    text = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _organisation(ward: WardInfo, site_url: str, image_url: Callable[[str], str | None]) -> dict:
    org = {"@type": "GovernmentOrganization", "name": ward.organisation or ward.name}
    if site_url:
        org["url"] = urls.absolute(site_url, "")
    logo = image_url(ward.logo) if ward.logo else None
    if logo:
        org["logo"] = urls.absolute(site_url, logo)
    if ward.address:
        org["address"] = ward.address
    if ward.phone:
        org["telephone"] = ward.phone
    if ward.email:
        org["email"] = ward.email
    return org
