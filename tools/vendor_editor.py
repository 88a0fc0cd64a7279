"""Vendor the officers' web editor (Sveltia CMS) into generator/assets/editor/, served at /quan-tri/.

    python tools/vendor_editor.py            # after changing SVELTIA_VERSION; needs npm and the registry

The editor must load from the ward's own site alone: its bundle names three web fonts on a CDN,
so the script fetches the same font files from their npm packages (fontsource), points the bundle
at the local copies (and at its Vietnamese interface strings, which it would fetch from unpkg),
and adds the Vietnamese and Latin-extended faces of the UI font (the bundle declares only its
Latin subset, so every accented letter would fall back to another font). Every file keeps its
licence beside it. What else the bundle fetches from other hosts (GitHub's
status page, code-highlighting grammars) the editor page's Content-Security-Policy blocks;
its update check reads the shipped version instead, and its viewport lets officers zoom.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

SVELTIA_VERSION = "0.221.1"
OUT = Path(__file__).resolve().parents[1] / "generator" / "assets" / "editor"
LOCALES_URL = re.compile(r"(\w+)=`\$\{\w+\}@\$\{\w+\}/locales`")  # unpkg.com/@sveltia/cms@<version>/locales
LOCALES = ("vi", "en-US")
UPDATE_CHECK_URL = re.compile(r"(\w+)=`\$\{\w+\}/package\.json`")  # unpkg.com/@sveltia/cms/package.json
NO_ZOOM = re.compile(r"`maximum-scale=1`,")  # the interface in Vietnamese; English where a string is missing
FONT_URL = re.compile(r"https://cdn\.jsdelivr\.net/fontsource/fonts/([a-z0-9-]+)(:vf)?@([0-9.]+)/([a-z0-9-]+\.woff2)")
#: Extra faces of the UI font, for Vietnamese text (unicode ranges as fontsource publishes them).
EXTRA_FACES = {
    "vietnamese": "U+0102-0103, U+0110-0111, U+0128-0129, U+0168-0169, U+01A0-01A1, U+01AF-01B0, U+0300-0301, "
                  "U+0303-0304, U+0308-0309, U+0323, U+0329, U+1EA0-1EF9, U+20AB",
    "latin-ext": "U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, "
                 "U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, "
                 "U+A720-A7FF",
}


def npm_package(spec: str, into: Path) -> Path:
    """`npm pack` a package and unpack it; returns its folder."""
    name = subprocess.run(["npm", "pack", "--silent", spec], cwd=into, check=True, capture_output=True,
                          text=True).stdout.strip().splitlines()[-1]
    target = into / name.removesuffix(".tgz")
    with tarfile.open(into / name) as archive:
        archive.extractall(target, filter="data")
    return target / "package"


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        sveltia = npm_package(f"@sveltia/cms@{SVELTIA_VERSION}", work)
        bundle = (sveltia / "dist" / "sveltia-cms.js").read_text(encoding="utf-8")
        if OUT.exists():
            shutil.rmtree(OUT)
        (OUT / "fonts").mkdir(parents=True)
        licences = {"sveltia-cms": sveltia / "LICENSE.txt"}
        ui_font = None
        for url, name, variable, version, file in sorted(set((m[0], *m.groups()) for m in FONT_URL.finditer(bundle))):
            package = npm_package(f"@fontsource{'-variable' if variable else ''}/{name}@{version}", work)
            local = f"{name}-{file}"
            shutil.copy(package / "files" / local, OUT / "fonts" / local)
            bundle = bundle.replace(url, f"fonts/{local}")
            licences[name] = package / "LICENSE"
            if name == "source-sans-3":
                ui_font = package
        if ui_font is None:
            raise SystemExit("the bundle no longer names Source Sans 3: check its fonts by hand")
        faces = []
        for subset, ranges in EXTRA_FACES.items():
            local = f"source-sans-3-{subset}-wght-normal.woff2"
            shutil.copy(ui_font / "files" / local, OUT / "fonts" / local)
            faces.append(f"@font-face{{font-family:'Source Sans 3';font-style:normal;font-display:swap;"
                         f"font-weight:200 900;src:url(fonts/{local}) format('woff2-variations');"
                         f"unicode-range:{ranges};}}")
        if "cdn.jsdelivr.net" in bundle:
            raise SystemExit("the bundle still loads something from cdn.jsdelivr.net")
        # The interface strings are fetched at start-up from unpkg; blocked, the editor retries for
        # ever. They ship beside the bundle (locales/vi.json), relative to the editor's page.
        bundle, found = LOCALES_URL.subn(lambda m: f"{m[1]}=`locales`", bundle)
        if found != 1:
            raise SystemExit(f"expected one locales URL in the bundle, found {found}: check by hand")
        # The update check asks unpkg for the newest version; the answer that holds here is the version
        # shipped (a ward upgrades the editor by upgrading ward-news), so it reads it beside the bundle.
        bundle, found = UPDATE_CHECK_URL.subn(lambda m: f"{m[1]}=`package.json`", bundle)
        if found != 1:
            raise SystemExit(f"expected one update-check URL in the bundle, found {found}: check by hand")
        (OUT / "package.json").write_text(f'{{"name": "@sveltia/cms", "version": "{SVELTIA_VERSION}"}}\n',
                                          encoding="utf-8")
        # Officers, many of them older, must be able to zoom: the bundle's viewport forbids it.
        bundle, found = NO_ZOOM.subn("", bundle)
        if found != 1:
            raise SystemExit(f"expected one maximum-scale in the bundle, found {found}: check by hand")
        (OUT / "locales").mkdir()
        for locale in LOCALES:
            shutil.copy(sveltia / "locales" / f"{locale}.json", OUT / "locales" / f"{locale}.json")
        (OUT / "sveltia-cms.js").write_text(bundle, encoding="utf-8")
        (OUT / "fonts.css").write_text("\n".join(faces) + "\n", encoding="utf-8")
        for name, path in licences.items():
            shutil.copy(path, OUT / f"LICENSE-{name}.txt")
    files = sorted(p.relative_to(OUT).as_posix() for p in OUT.rglob("*") if p.is_file())
    (OUT / "README.md").write_text(
        f"# The officers' web editor, vendored\n\nSveltia CMS {SVELTIA_VERSION} (MIT) from npm, with the web fonts its "
        "bundle names fetched from their fontsource npm packages (SIL Open Font License; Material Symbols: Apache "
        "2.0) and the bundle pointed at these copies. Made by `python tools/vendor_editor.py`; do not edit by "
        "hand.\n\n" + "\n".join(f"- `{f}`" for f in files if f != "README.md") + "\n", encoding="utf-8")
    print(f"{OUT}: {len(files)} files, {sum(p.stat().st_size for p in OUT.rglob('*') if p.is_file()) // 1024} KB")


if __name__ == "__main__":
    main()
