"""The content contract's version: which rules a content folder was written for.

A folder names its contract with `contract: N` in site.yml; without it, it is read as contract 1,
the first published one (every folder written before the key existed). Each ward-news release reads
every contract up to CURRENT: additions raise the number and older folders keep building as they
are. A folder written for a newer contract than this ward-news knows is stopped with a problem that
says to upgrade, rather than having its new fields reported one by one as unknown. If a later contract
ever renames or drops a field, the rule that reads the field reports it at its line with what to
write instead, and CHANGELOG.md lists it under that release.
"""

from __future__ import annotations

from .. import __version__

#: The newest contract this ward-news reads (../shared/CONTENT.md as implemented here).
CURRENT = 3  # 2 (0.3.0): documents/, `expires:`, site.yml `about:`; 3 (0.4.0): site.yml `synonyms:`

#: contract -> the first ward-news release that reads it, for the upgrade hint.
FIRST_RELEASE = {1: "0.1.0", 2: "0.3.0", 3: "0.4.0"}

GENERATOR_VERSION = __version__
