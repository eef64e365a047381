"""Every command has help with an example and is named in the README."""

from pathlib import Path

import pytest
from conftest import run_cli

from pipeline import cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_command_has_help_with_example(command):
    result = run_cli(command, "--help")
    assert result.exit_code == 0 and "Example:" in result.output


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_command_is_in_the_readme(command):
    assert f"pipeline.py {command}" in README
