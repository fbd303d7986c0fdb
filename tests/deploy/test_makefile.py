"""The Makefile on a bare machine: it says what to install, and upgrades pip only when it
makes the virtual environment. Nothing here creates one (make -n prints, runs nothing)."""

import shutil
import subprocess
import sys

import pytest

from tests.deploy.files import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _make(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", "--no-print-directory", *args], cwd=ROOT, capture_output=True, text=True
    )


def test_a_python_without_venv_is_told_to_install_python3_venv(tmp_path):
    python = tmp_path / "python3"
    # A Python as Debian ships it without python3-venv: ensurepip cannot be imported.
    python.write_text(
        f'#!/bin/sh\ncase "$*" in *ensurepip*) exit 1;; esac\nexec {sys.executable} "$@"\n'
    )
    python.chmod(0o755)
    result = _make("install", f"VENV={tmp_path / 'venv'}", f"PYTHON={python}")
    assert result.returncode != 0
    assert "sudo apt-get install python3-venv" in result.stdout
    assert not (tmp_path / "venv").exists()


def test_a_missing_python_is_named(tmp_path):
    result = _make("install", f"VENV={tmp_path / 'venv'}", f"PYTHON={tmp_path / 'nope'}")
    assert result.returncode != 0
    assert "was not found: install Python 3.11 or newer" in result.stdout


def test_pip_is_upgraded_when_the_environment_is_made(tmp_path):
    result = _make("-n", "install", f"VENV={tmp_path / 'venv'}")
    assert result.returncode == 0
    assert "-m venv" in result.stdout and "--upgrade pip" in result.stdout


def test_a_later_install_does_not_upgrade_pip(tmp_path):
    (tmp_path / "venv" / "bin").mkdir(parents=True)
    (tmp_path / "venv" / "bin" / "python").touch()
    result = _make("-n", "install", f"VENV={tmp_path / 'venv'}")
    assert result.returncode == 0
    assert 'pip install --quiet -e ".[dev]"' in result.stdout
    assert "--upgrade pip" not in result.stdout and "-m venv" not in result.stdout
