"""Structured data (JSON-LD) that search engines read: a NewsArticle per article, the ward's
organisation on the home page. Officer text goes through json.dumps and then `<`, `>` and `&`
become \\u escapes, so nothing an officer writes can close the <script> element around it."""

from __future__ import annotations

import json

from . import urls
from .model import Article, WardInfo


def json_ld(kind: str, data, *, url: str, title: str, description: str, card_url: str, ward: WardInfo,
            site_url: str) -> str:
    """The JSON-LD text for a page, or "" for kinds that have none."""
    publisher = _organisation(ward, site_url)
    if kind == "article" and isinstance(data, Article):
        images = [card_url] if card_url else []
        if data.image:
            images.append(urls.absolute(site_url, urls.asset_url(data.image.src_uri)))
        doc = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "description": description,
            "datePublished": data.date.isoformat(),
            "dateModified": (data.updated or data.date).isoformat(),
            "inLanguage": "vi",
            "mainEntityOfPage": url,
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
    elif kind == "home":
        doc = {"@context": "https://schema.org", "@type": "WebSite", "name": ward.name, "url": url,
               "description": description, "inLanguage": "vi", "publisher": publisher}
    else:
        return ""
    return dumps_for_script(doc)


def dumps_for_script(doc) -> str:
    """JSON safe inside an HTML <script> element."""
    text = json.dumps(doc, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _organisation(ward: WardInfo, site_url: str) -> dict:
    org = {"@type": "GovernmentOrganization", "name": ward.organisation or ward.name}
    if site_url:
        org["url"] = urls.absolute(site_url, "")
    if ward.logo:
        org["logo"] = urls.absolute(site_url, urls.asset_url(ward.logo))
    if ward.address:
        org["address"] = ward.address
    if ward.phone:
        org["telephone"] = ward.phone
    if ward.email:
        org["email"] = ward.email
    return org
