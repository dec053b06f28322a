"""The plugins that replace private Rasa internals were written for one Rasa version; on any other they refuse to
load with a clear message instead of patching code they were never checked against."""

from __future__ import annotations

SUPPORTED_RASA_VERSION = "3.6.21"  # requirements/rasa.txt pins the same version


class UnsupportedRasaVersion(RuntimeError):
    pass


def require_supported_rasa(module: str) -> None:
    """Raise `UnsupportedRasaVersion` unless the installed Rasa is the version `module` was written for."""
    import rasa

    installed = getattr(rasa, "__version__", "unknown")
    if installed != SUPPORTED_RASA_VERSION:
        raise UnsupportedRasaVersion(
            f"{module} patches private Rasa {SUPPORTED_RASA_VERSION} internals, but Rasa {installed} is installed. "
            f"Check the patched code against this version and update SUPPORTED_RASA_VERSION in "
            f"rasa_plugins/version_guard.py and requirements/rasa.txt together, "
            f"or install rasa=={SUPPORTED_RASA_VERSION}."
        )
