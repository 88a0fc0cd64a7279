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


def test_the_core_modules_import_each_other_without_a_cycle():
    """A cycle (images -> load -> rules -> rules/images -> images) was held together by imports
    inside functions; imports inside functions count here too (they run as well)."""
    import os
    from pathlib import Path

    from generator.core.fingerprint import PACKAGE_ROOT, _imports

    modules = {}
    for folder, _, names in os.walk(PACKAGE_ROOT / "core"):
        for name in names:
            if name.endswith(".py"):
                dotted = os.path.relpath(os.path.join(folder, name), PACKAGE_ROOT.parent)[:-3].replace(os.sep, ".")
                modules[dotted.removesuffix(".__init__")] = Path(folder) / name
    graph = {m: {i for i in _imports(m, path) if i in modules and i != m} for m, path in modules.items()}
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for imported in sorted(graph[module]):
            assert state.get(imported) != 1, " -> ".join([*path, module, imported])
            if imported not in state:
                visit(imported, [*path, module])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [])
