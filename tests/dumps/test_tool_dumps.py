"""The dumps lynx, w3m, elinks, links, the html2text command and headless Chromium make of the language pages are cleaned right (tests/tool_dumps.py).

The tools are Debian's packages, which `make test` installs (apt-get, as
root or with sudo); a missing tool fails its test and says why
(NEWSCLEAN_SKIP_TOOLS=1 skips them knowingly).
"""

import os

import pytest
from tool_dumps import PACKAGES, TOOLS, command, dumper, pages, what_is_wrong


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_every_language_page_dumped_by_the_tool_is_cleaned_right(tool):
    if command(tool) is None:
        message = f"{TOOLS[tool][0]} is not installed: `make test` installs Debian's {PACKAGES} (apt-get, as root or with sudo)"
        if os.environ.get("NEWSCLEAN_SKIP_TOOLS") == "1":
            pytest.skip(message)
        pytest.fail(message)
    with dumper(tool) as dump:
        wrong = {name: problems for name, page, html in pages() if (problems := what_is_wrong(page, dump(html)))}
    assert not wrong, wrong
