import subprocess
import sys


def test_core_never_imports_mkdocs():
    code = (
        "import pkgutil, importlib, sys, generator.core as core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'generator.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n == 'mkdocs' or n.startswith('mkdocs.'))\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
