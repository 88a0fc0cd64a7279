"""What each ward-news option in mkdocs.yml accepts, with the Vietnamese message when it does not.

One rule per option, shared by the MkDocs config (`build`, `serve`, `mkdocs build`) and by `check`
and `new`, which read mkdocs.yml without MkDocs. A reader returns the clean value or raises
OptionError; its message names the option, quotes what was written and says what would do.
These are the developer's settings, not content: no Problems, no lines.
"""

from __future__ import annotations

import difflib
import re
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo, available_timezones

from .rules.fields import did_you_mean, parse_date, suggest
from .text import fold

VIETNAM = "Asia/Ho_Chi_Minh"

#: What developers may write instead of an option's name (folded, "_" and "-" as spaces).
OPTION_ALIASES = {
    "mui gio": "timezone", "time zone": "timezone", "tz": "timezone",
    "per page": "pagination_per_page", "page size": "pagination_per_page",
    "so bai moi trang": "pagination_per_page", "cache": "cache_dir", "cache path": "cache_dir",
    "jobs": "workers", "processes": "workers",
}


class OptionError(ValueError):
    """An option that cannot be used; str() is the whole Vietnamese message."""


def where(name: str) -> str:
    return f"mkdocs.yml, tùy chọn “{name}” của ward-news"


def shown(value: object) -> str:
    """What the developer wrote, as YAML would show it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "một danh sách"
    if isinstance(value, dict):
        return "một nhóm tùy chọn"
    return f"“{value}”"


def read_timezone(name: str, value: object) -> str:
    """An IANA time zone name (Asia/Ho_Chi_Minh); a near miss gets the zone it probably meant."""
    if not isinstance(value, str) or not value.strip():
        raise OptionError(f"{where(name)}: cần tên một múi giờ, ví dụ {VIETNAM}, không phải {shown(value)}.")
    try:
        ZoneInfo(value.strip())
        return value.strip()
    except (ValueError, LookupError, OSError):
        pass
    nearest = _nearest_zone(value)
    hint = did_you_mean(nearest) if nearest else f"Ở Việt Nam dùng {VIETNAM}."
    raise OptionError(f"{where(name)}: không có múi giờ {shown(value)}. {hint}")


def _nearest_zone(value: str) -> str | None:
    compact = re.sub(r"[\s_\-/.]", "", fold(value))
    if any(word in compact for word in ("hanoi", "vietnam", "saigon", "hochiminh", "hcm")) or re.fullmatch(
        r"(gmt|utc|ict)?\+?0?7(:?00)?|ict", compact
    ):
        return VIETNAM
    zones = {zone.casefold(): zone for zone in available_timezones()}
    if value.strip().casefold() in zones:
        return zones[value.strip().casefold()]
    match = difflib.get_close_matches(value.strip().casefold(), list(zones), n=1, cutoff=0.75)
    return zones[match[0]] if match else None


#: The whole-number options: the smallest value each allows, and what the number is.
COUNTS = {
    "pagination_per_page": (1, "số bài trên mỗi trang danh sách"),
    "home_latest_count": (0, "số tin mới nhất trên trang chủ"),
    "home_featured_max": (0, "số bài nổi bật tối đa trên trang chủ"),
    "workers": (1, "số tiến trình vẽ ảnh chia sẻ"),
}


def read_count(name: str, value: object) -> int:
    """A whole number, no smaller than COUNTS allows; digits in quotes (from `!ENV`) count too."""
    minimum, meaning = COUNTS[name]
    number = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d+\s*", value):
        number = int(value)
    if number is None or number < minimum:
        raise OptionError(
            f"{where(name)}: cần một số nguyên từ {minimum} trở lên ({meaning}), không phải {shown(value)}."
        )
    return number


def read_folder(name: str, value: object) -> str:
    """A folder relative to mkdocs.yml; "" means none."""
    if not isinstance(value, str):
        raise OptionError(
            f"{where(name)}: cần đường dẫn một thư mục, ví dụ .cache/ward-news (hoặc \"\" để không dùng), "
            f"không phải {shown(value)}."
        )
    return value.strip()


_REPO = re.compile(r"^(?:https://github\.com/)?([A-Za-z0-9-]+)/([A-Za-z0-9._-]+?)(?:\.git)?/?$")
_BRANCH = re.compile(r"^[A-Za-z0-9._/-]+$")


def read_repo(name: str, value: object) -> str:
    """The ward's GitHub repository as `owner/name` (a github.com address is accepted); "" means none."""
    if isinstance(value, str):
        if not value.strip():
            return ""
        match = _REPO.match(value.strip())
        if match:
            return f"{match[1]}/{match[2]}"
    raise OptionError(
        f"{where(name)}: cần tên kho GitHub dạng tài-khoản/tên-kho, ví dụ mttq-hoabinh/trang-tin, "
        f"không phải {shown(value)}."
    )


def read_branch(name: str, value: object) -> str:
    if isinstance(value, str) and _BRANCH.match(value.strip()) and ".." not in value:
        return value.strip()
    raise OptionError(f"{where(name)}: cần tên một nhánh git, ví dụ main, không phải {shown(value)}.")


def read_moment(name: str, value: object) -> str:
    """`YYYY-MM-DD HH:MM` (as article dates), or a date YAML already read; "" means the real clock."""
    if isinstance(value, datetime):
        value = value.strftime("%Y-%m-%d %H:%M:%S%z")
    elif isinstance(value, date):
        value = value.isoformat()
    if isinstance(value, str):
        if not value.strip():
            return ""
        parsed, reason = parse_date(value, timezone.utc)
        if parsed is not None:
            return value.strip()
    else:
        reason = ""
    raise OptionError(
        f"{where(name)}: {shown(value)} không phải ngày giờ hợp lệ{reason}. Viết dạng YYYY-MM-DD HH:MM, "
        "ví dụ 2026-11-20 12:00, hoặc bỏ dòng này để dùng giờ hiện tại."
    )


def unknown_option(name: str, known: list[str]) -> str:
    """The message for an option ward-news does not have: the closest one, or the whole list."""
    nearest = suggest(name, known, OPTION_ALIASES)
    tail = did_you_mean(nearest) if nearest else "Các tùy chọn có: " + ", ".join(known) + "."
    return f"mkdocs.yml: ward-news không có tùy chọn “{name}”. {tail}"
