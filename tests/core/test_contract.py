"""The content contract's version in site.yml: older folders build, newer ones ask for an upgrade."""

import re

import pytest
from packaging.version import Version

from generator import __version__
from generator.core import contract
from generator.core.messages import MESSAGES
from tests.conftest import article
from tests.core.test_load import codes, load

NEWS = {"news/trao-qua.md": article()}


@pytest.mark.parametrize("site_yml", ["name: Phường Hòa Bình\n", "name: Phường Hòa Bình\ncontract: 1\n"])
def test_folder_for_the_first_contract_builds_with_or_without_the_key(tmp_path, site_yml):
    result = load(tmp_path, {"site.yml": site_yml, **NEWS})
    assert codes(result) == []
    assert result.site.ward.name == "Phường Hòa Bình" and len(result.site.articles) == 1


def test_folder_for_a_newer_contract_stops_with_one_problem_that_says_to_upgrade(tmp_path):
    newer = contract.CURRENT + 1
    # An article using a field this release does not know: not reported field by field.
    # A field whose type a newer contract changed, and one it added: neither reported on its own.
    files = {"site.yml": f"name: Phường Hòa Bình\n# quy ước mới\ncontract: {newer}\nhours: 7h30–17h\n"
                         "phone: [024 3766 2018, 0912 345 678]\n",
             "news/trao-qua.md": article(expires="2027-01-01")}
    result = load(tmp_path, files)
    assert codes(result) == [("site.contract.newer", "content/site.yml", 3)]
    (problem,) = result.problems.errors
    assert f"phiên bản {newer}" in problem.message and __version__ in problem.message
    assert "requirements.txt" in problem.hint and f"contract: {contract.CURRENT}" in problem.hint
    assert result.site is None


@pytest.mark.parametrize("value", ["0", "-1", "mới nhất", "1.5", "true", "[1]"])
def test_contract_that_is_not_a_whole_number_from_one_is_an_error_at_its_line(tmp_path, value):
    result = load(tmp_path, {"site.yml": f"name: Phường Hòa Bình\ncontract: {value}\n", **NEWS})
    assert codes(result) == [("site.contract.invalid", "content/site.yml", 2)]


def test_every_contract_up_to_the_current_one_names_its_first_release():
    assert sorted(contract.FIRST_RELEASE) == list(range(1, contract.CURRENT + 1))
    assert Version(contract.FIRST_RELEASE[contract.CURRENT]) <= Version(__version__)
    assert {"site.contract.newer", "site.contract.invalid"} <= set(MESSAGES)


def test_every_problem_code_is_explained_in_the_officers_guide():
    from tests.conftest import REPO

    guide = (REPO / "generator" / "scaffold" / "huong-dan-can-bo.md").read_text("utf-8")
    # A row of the guide's tables names its codes first: `a.b` or `a.b` / `a.c`.
    explained = {code for row in guide.splitlines() if row.startswith("| `")
                 for code in re.findall(r"`([a-z0-9_.]+)`", row.split(" | ")[0])}
    missing = [code for code in MESSAGES if code not in explained]
    assert missing == []
