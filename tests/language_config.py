"""Test helper: the project's languages.yml with one recognised-but-unsupported language moved to `supported`, as
docs/i18n.md "Adding a language" describes (one line of configuration)."""

from __future__ import annotations

import re
from pathlib import Path

from assistant.i18n.languages import LANGUAGES_FILE, LanguageConfig, load_languages

_RECOGNISED_SECTION = "\n# Languages the detector also"


def with_supported_language(tmp_path: Path, entry: str) -> LanguageConfig:
    """`entry` is the new `supported` line without its leading "  - " ("{code: so, name: Soomaali, ...}"); the
    language's line among the recognised ones is removed."""
    code = re.match(r"\{code: (\w+),", entry)
    assert code, entry
    text = LANGUAGES_FILE.read_text(encoding="utf-8")
    text, removed = re.subn(rf"^  - \{{code: {code.group(1)}, english:.*\n", "", text, count=1, flags=re.MULTILINE)
    assert removed == 1 and _RECOGNISED_SECTION in text
    text = text.replace(_RECOGNISED_SECTION, f"\n  - {entry}\n{_RECOGNISED_SECTION}", 1)
    path = tmp_path / "languages.yml"
    path.write_text(text, encoding="utf-8")
    return load_languages(path)
