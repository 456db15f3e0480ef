"""The registry of rule names (pipeline/clean/rules.py), the README's rule table, and the rule names in the cleaner's code."""

import ast
import re
from pathlib import Path

import pytest

from pipeline.clean import rules

ROOT = Path(__file__).resolve().parent.parent.parent
README = ROOT / "README.md"
CLEAN = ROOT / "pipeline" / "clean"
_ROW = re.compile(r"^\| `(\w+)` \| (.+) \|$")


def readme_rule_rows() -> list[str]:
    """The rows of the table in the README's "Rules" section."""
    section = README.read_text(encoding="utf-8").split("\n## Rules\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if _ROW.match(line)]


def readme_rules() -> dict[str, str]:
    """The README's rule table: rule -> description."""
    return {m.group(1): m.group(2).replace("&#124;", "|") for m in map(_ROW.match, readme_rule_rows())}


def test_the_readme_lists_every_rule_with_its_description_in_registry_order():
    listed = readme_rules()
    missing, unknown = rules.RULES.keys() - listed.keys(), listed.keys() - rules.RULES.keys()
    assert not missing, f"README.md lacks rules {sorted(missing)}: paste pipeline.clean.rules.markdown_table() into it"
    assert not unknown, f"README.md lists rules the registry lacks: {sorted(unknown)}"
    assert list(listed) == list(rules.RULES)
    assert listed == {name: rule.description for name, rule in rules.RULES.items()}


def test_the_module_prints_the_readme_table():
    assert rules.markdown_table().splitlines()[2:] == readme_rule_rows()


def test_every_constant_names_a_registered_rule_and_every_rule_has_one():
    constants = {name: value for name, value in vars(rules).items() if name.isupper() and isinstance(value, str)}
    assert set(constants.values()) == rules.RULES.keys()
    assert all(name == value.upper() for name, value in constants.items())


def test_a_rule_is_registered_once():
    with pytest.raises(ValueError, match="rule 'spam' registered twice"):
        rules._rule("spam", "again")


def test_an_unknown_rule_is_described_as_such():
    assert rules.describe("outside_core").startswith("a block of a text dump outside the article's core")
    assert rules.describe("from_the_future") == "a rule this release does not know (from_the_future)"


# Strings that are a rule's name but name something else.
NOT_RULES = {
    ("linemodel.py", "repeated"),  # a feature of the line model: the page holds the line more than once
    ("blockfeatures.py", "section_heading"),  # a feature of the block model: a heading that opens other content
}


@pytest.mark.parametrize("path", sorted(p for p in CLEAN.glob("*.py") if p.name != "rules.py"), ids=lambda p: p.name)
def test_the_cleaner_names_rules_by_their_constants(path):
    """No rule name as a bare string outside rules.py; docstrings and step names (Step(name, ...)) aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body and isinstance(node.body[0], ast.Expr)
    }
    skipped |= {
        id(node.args[0]) for node in ast.walk(tree) if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Step" and node.args
    }
    literals = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skipped
        and node.value in rules.RULES
        and (path.name, node.value) not in NOT_RULES
    ]
    assert not literals, f"{path.name} names rules as strings: {literals}"
