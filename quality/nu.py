"""The Nu Html Checker (vnu.jar from the pinned npm package vnu-jar) over HTML files: its errors."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

VNU = Path(__file__).resolve().parent.parent / "audit" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_errors(files: list[Path]) -> dict[str, list[str]]:
    """File → its errors ("line N: message"); files without errors are left out."""
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, files)],
                            capture_output=True, text=True)
    report = json.loads(result.stderr or '{"messages": []}')
    errors: dict[str, list[str]] = {}
    for message in report["messages"]:
        name = message.get("url", "").removeprefix("file:")
        errors.setdefault(name, []).append(f"line {message.get('lastLine', '?')}: {message['message']}")
    return errors
