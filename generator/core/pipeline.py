"""What `check` and `build` both do before anything is written: load and validate every file,
check a ward's template copies, make the photos web-ready, and plan the site.

One function, so the two commands can never disagree about what is accepted; the MkDocs
adapter and the command line only report what it returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .buildcache import BuildCache
from .compliance import check_compliance
from .images import ImageSet, make_icons, prepare_images
from .load import LoadResult, load_site
from .memo import ContentMemo
from .overrides import check_override_copies
from .plan import SitePlan, build_plan
from .problems import ProblemLog
from .rules.images import image_references
from .rules.site_address import check_site_url
from .settings import Settings, display_path


@dataclass
class Prepared:
    result: LoadResult
    plan: SitePlan | None  # None when anything is wrong: nothing may be written

    @property
    def problems(self) -> ProblemLog:
        return self.result.problems

    @property
    def ok(self) -> bool:
        return self.plan is not None


def prepare_site(settings: Settings, now: datetime, cache: BuildCache, *, custom_dir: Path | None = None,
                 progress=None, advice: bool = False, plan: bool = True) -> Prepared:
    """Load, validate, photos, plan. `advice`: add the warnings about what a state body's site
    should carry (core/compliance.py; `check` prints them). Photos are decoded only once the
    text is right; the plan is made only when there is no error."""
    result = load_site(settings, now, cache.articles)
    check_site_url(settings, result.problems)  # the address every link and card is built on
    if custom_dir is not None:  # untouched copies of our templates would hide every upgrade
        check_override_copies(Path(custom_dir), settings.display_root, result.problems)
    if not result.ok:
        return Prepared(result, None)
    images = prepare_site_images(result.site, settings, result.problems, cache, progress)
    if advice:
        check_compliance(result.site, display_path(settings, "site.yml"), result.problems)
    if result.problems.has_errors or not plan:
        return Prepared(result, None)
    return Prepared(result, build_plan(result.site, settings, images, cache.memo))


def prepare_site_images(site, settings: Settings, log: ProblemLog, cache: BuildCache, progress=None) -> ImageSet:
    """Every photo the site shows made web-ready, and the logo's icons: what a build publishes
    instead of officers' original files. Problems (a photo that cannot be decoded) go to `log`."""
    memo: ContentMemo = cache.memo
    references = image_references(site, display_path(settings, "site.yml"), memo)
    result = prepare_images(references, Path(settings.content_dir), cache.images, log, workers=settings.workers,
                            progress=progress, memo=memo)
    if site.ward.logo and site.ward.logo in result.images:
        made = make_icons(Path(settings.content_dir) / site.ward.logo, cache.images)
        if made is not None:
            result.icons, files = made
            result.files.update(files)
    return result
