"""One rule for every file the generator reads: its real path must lie inside content/.

A symlink inside content/ that points inside content/ may be followed; one that leaves it (to
the system's password file, to another project) is refused, whatever the file is: Markdown,
YAML, photo or attachment. `Containment` remembers the real path of each folder it has seen,
so checking 5,000 articles costs one lstat each, not a realpath of every path component.
"""

from __future__ import annotations

import errno
import os
import stat

_READ_REASONS = {
    errno.ENOENT: "tệp không còn ở đó (có thể là liên kết trỏ tới tệp đã bị xóa)",
    errno.ELOOP: "liên kết (symlink) trỏ vòng quanh, không dẫn tới tệp nào",
    errno.EACCES: "không có quyền đọc",
    errno.EPERM: "không có quyền đọc",
    errno.EISDIR: "đây là một thư mục, không phải tệp",
    errno.ENAMETOOLONG: "tên tệp hoặc đường dẫn quá dài",
    errno.EIO: "lỗi đọc ổ đĩa",
}


def read_reason(exc: OSError) -> str:
    """Why a file could not be read, in Vietnamese."""
    return _READ_REASONS.get(exc.errno, exc.strerror or str(exc))


def is_inside(real_root: str, real_path: str) -> bool:
    """Whether `real_path` is `real_root` or lies under it (both already real paths)."""
    return real_path == real_root or real_path.startswith(real_root.rstrip(os.sep) + os.sep)


class Containment:
    def __init__(self, root: str | os.PathLike):
        self.root = os.fspath(root)
        self.real_root = os.path.realpath(self.root)
        self._folders: dict[str, str] = {}

    def real_path(self, path: str) -> str:
        """The real path of `path` (a file under root): its folder's real path, cached, joined to
        its name, resolved again only when the file itself is a link."""
        folder, name = os.path.split(path)
        real_folder = self._folders.get(folder)
        if real_folder is None:
            real_folder = self._folders[folder] = os.path.realpath(folder)
        joined = os.path.join(real_folder, name)
        try:
            if stat.S_ISLNK(os.lstat(joined).st_mode):
                return os.path.realpath(joined)
        except (OSError, ValueError):
            pass
        return joined

    def allows(self, path: str) -> bool:
        """Whether the file at `path` (under root, as listed) really lies inside root."""
        return is_inside(self.real_root, self.real_path(path))
