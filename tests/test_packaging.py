"""The one-folder build's inputs (fast checks; the real build is packaging/build.sh, not run here)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bundle():
    spec = importlib.util.spec_from_file_location("thidua_bundle", ROOT / "packaging" / "bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_bundled_data_file_exists_under_its_checkout_folder(bundle) -> None:
    pairs = bundle.data_files()
    for source, dest in pairs:
        path = Path(source)
        assert path.is_file(), source
        assert path.parent == ROOT / dest  # the bundle mirrors the checkout's layout
    dests = {Path(s).relative_to(ROOT).as_posix() for s, _ in pairs}
    assert "resources/fonts/OFL.txt" in dests  # the fonts' licence travels with them
    assert "resources/catalogue/awards.toml" in dests
    assert {
        f"app/migrations/versions/{p.name}" for p in (ROOT / "app/migrations/versions").glob("*.py")
    } <= dests
    assert "app/migrations/env.py" in dests


def test_a_pattern_matching_nothing_fails_the_build(bundle, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="resources/catalogue"):
        bundle.data_files(tmp_path)


def test_translations_compile_outside_the_source_tree(bundle, tmp_path: Path) -> None:
    pairs = bundle.compile_translations(tmp_path / "qm")
    assert pairs and all(
        Path(qm).stat().st_size > 0 and dest == "resources/translations" for qm, dest in pairs
    )
    assert {Path(qm).stem for qm, _ in pairs} == {ts.stem for ts in bundle.translation_sources()}


def test_hidden_imports_exist(bundle) -> None:
    for name in bundle.HIDDEN_IMPORTS:
        assert importlib.util.find_spec(name) is not None, name


def test_the_spec_reads_its_lists_from_bundle(bundle) -> None:
    spec = (ROOT / "packaging" / "thidua.spec").read_text(encoding="utf-8")
    for used in (
        "bundle.data_files()",
        "bundle.compile_translations(",
        "bundle.HIDDEN_IMPORTS",
        "bundle.EXCLUDES",
    ):
        assert used in spec
    assert not bundle.build_dir().resolve().is_relative_to(ROOT)


def test_frozen_app_finds_resources_in_the_bundle(monkeypatch, tmp_path: Path) -> None:
    from app.storage import resources

    bundled = tmp_path / "_internal"
    (bundled / "resources" / "catalogue").mkdir(parents=True)
    monkeypatch.delenv("THIDUA_RESOURCES", raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundled), raising=False)
    assert resources.resources_dir() == bundled / "resources"
    monkeypatch.undo()
    assert resources.resources_dir() == ROOT / "resources"  # the checkout case is unchanged


def test_smoke_hook_prints_the_marker_after_first_paint_and_exits_0(db_path: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "THIDUA_SMOKE_QUIT_AFTER_MS": "0",
           "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}  # fmt: skip
    env.pop("THIDUA_DB", None)
    done = subprocess.run([sys.executable, "-m", "app.cli", "--db", str(db_path)], capture_output=True, text=True,
                          env=env, timeout=120, cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "THIDUA_SMOKE_OK first paint after" in done.stdout
