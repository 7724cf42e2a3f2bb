"""The README's examples run as written, in the order given, on a fresh store: the installed
`zipin`, through a shell, in an empty folder (the terminal interface's lines with --no-tui)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from .conftest import ROOT
from .processes import ZIPIN, env

BAD = re.compile(r"程序内部错误|Traceback|Error:")


def examples() -> list[str]:
    """The shell lines of the «Using it» block, continuation lines joined, comments kept."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## Using it", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    return [line.strip() for line in block.replace("\\\n", " ").splitlines() if line.strip()]


def test_the_readme_examples_run_in_order(tmp_path: Path) -> None:
    lines = examples()
    assert lines[0].startswith("export ZIPIN_DB=") and any(line.startswith("zipin draft") for line in lines)
    folder = tmp_path / "work"
    folder.mkdir()
    bin_dir = str(Path(ZIPIN[0]).parent)
    environment = env(tmp_path) | {"PATH": f"{bin_dir}:/usr/bin:/bin"}
    script = []
    for line in lines:
        command = line.split("  #", 1)[0].strip()
        if command == "zipin":
            continue  # the bare interface: the journeys drive it
        if command.startswith("zipin draft"):
            command += " --no-tui"
        allowed = "1" if "exit 1" in line else "0"
        script.append(f'{command}; rc=$?; [ "$rc" = "{allowed}" ] || {{ echo "FAILED rc=$rc: {command}" >&2; exit 9; }}')
    done = subprocess.run(["bash", "-c", "\n".join(script)], cwd=folder, env=environment, capture_output=True,
                          text=True, encoding="utf-8", timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert not BAD.search(done.stdout + done.stderr), done.stderr[-3000:]
    assert (folder / "古籍.docx").is_file() and (folder / "示例.db").is_file()
