"""The README's "Install first" names every system package CI installs for the app."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# docker-compose is CI's own tool for the compose smoke test, not the app's.
CI_ONLY = {"docker-compose"}


def _install_first_packages() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Install first", 1)[1]
    block = section.split("```sh", 1)[1].split("```", 1)[0]
    words = block.replace("\\", " ").split()
    return set(words[words.index("install") + 2 :])


def _ci_packages() -> set[str]:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    match = re.search(r"APT_PACKAGES=\(([^)]*)\)", script)
    assert match is not None
    return set(match.group(1).split()) - CI_ONLY


def test_install_first_lists_every_package_ci_installs() -> None:
    # GIVEN the packages CI installs before the suite runs
    # WHEN a newcomer follows the README's "Install first"
    # THEN they install the same ones: the font subsetter that makes a page render in
    # under a second and gettext, which compilemessages needs, included
    missing = _ci_packages() - _install_first_packages()
    assert not missing, f"README's Install first lacks {sorted(missing)}"
    assert {"libharfbuzz-subset0", "gettext"} <= _install_first_packages()
