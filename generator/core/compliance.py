"""What Decree 42/2022/NĐ-CP asks of a state body's website, as warnings `ward-news check` prints.

A ward's Mặt trận committee and People's Committee are agencies: their site should carry the
organisation's functions, structure and contacts, a page in English, and its documents. None of
this stops a build (a new ward starts with news); the warnings say what is still missing, and
disappear as soon as the content has it.
"""

from __future__ import annotations

from .model import Site
from .problems import ProblemLog


def check_compliance(site: Site, site_file: str, log: ProblemLog) -> None:
    """Warnings against `site_file` (content/site.yml as officers see it) for each missing part."""
    about = site.ward.about
    if about is None or not (about.duties or about.members or about.groups):
        log.add("compliance.organisation", site_file, None)
    if about is None or not about.contacts:
        log.add("compliance.contacts", site_file, None)
    if about is None or not (about.english_name or about.english_summary):
        log.add("compliance.english", site_file, None)
    if not site.documents:
        log.add("compliance.documents", site_file, None)
