"""Every subcommand and every option says what it does, and every subcommand's --help ends with an example."""
from __future__ import annotations

import argparse

import pytest

from newsclaims.cli import build_parser, main


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(actions[0].choices)


def test_the_top_level_options_have_help():
    for action in build_parser()._actions:
        if not isinstance(action, argparse._SubParsersAction):
            assert action.help and action.help != argparse.SUPPRESS, action.option_strings


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_every_option_of_a_subcommand_has_help(name):
    missing = [a.option_strings or a.dest for a in subcommands()[name]._actions if not a.help]
    assert missing == []


@pytest.mark.parametrize("name", sorted(subcommands()))
def test_every_subcommand_help_ends_with_an_example_of_itself(name, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([name, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    examples = out.split("examples:\n", 1)[1].splitlines()
    assert any(line.strip().split("#")[0].count(f"newsclaims {name}") for line in examples), out
