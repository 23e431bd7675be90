"""Publishing a build: a fresh folder, one atomic switch of the output link, and removing
what earlier builds left behind, without ever breaking what a running server serves.

For the output link `data/graph` the files are

    data/graph               -> .builds/graph/build-<digest>  (the published build)
    data/.builds/graph.lock  the build lock
    data/.builds/graph/      build-<digest>/ folders and, while a build publishes, staging-*/

* One build publishes at a time. `publish` holds an exclusive `fcntl.flock` on the lock
  file from making its staging folder until old builds are removed. A second build that
  comes to publish meanwhile waits ("waiting for …" on stderr), then publishes its own;
  both succeed and the link always points to a complete build.
* Under the lock no other build is writing, so every `staging-*` folder (and every
  `.graph.new-*` link) there was left by a build that was killed (kill -9, power cut):
  it is removed before the new staging folder is made.
* A build folder is removed only when no one may need it: the build the link now points
  to stays, the KEPT_BUILDS builds published most recently before it stay (a folder's
  modification time is when it was last published), and so does every build a running
  server still uses. `intmk serve` holds a shared `flock` on the `intmk.nq` of each build
  it serves for as long as that generation lives (server/dataset.py), so the build is
  kept as long as the server reads its dumps, sources and diagrams and its query workers
  may be started from it; a build whose `intmk.nq` cannot be locked exclusively without
  waiting is in use and is not touched.
* Each build records, in summary.json, the SHA-256, the size and the quad count of every
  file the server loads (`file_record`); the server checks them before it switches.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from mapping.build_layout import NQUADS_NAME
from mapping.errors import SourceError

KEPT_BUILDS = 2
"""Builds published before the current one that are kept even when no server uses them."""
BUILD_PREFIX = "build-"
STAGING_PREFIX = "staging-"


def builds_folder(output: Path) -> Path:
    """Where the build folders of the output link `output` live."""
    return output.parent / ".builds" / output.name


def lock_path(output: Path) -> Path:
    """The file whose exclusive flock a build holds while it publishes to `output`."""
    return output.parent / ".builds" / f"{output.name}.lock"


def file_record(name: str, data: bytes) -> dict[str, str | int]:
    """What summary.json records of a file the server loads: it checks the file against it.

    The build writes N-Quads one quad per line, so the lines that are not blank are quads.
    """
    return {
        "file": name,
        "bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "quads": sum(1 for line in data.splitlines() if line.strip()),
    }


@contextmanager
def build_lock(output: Path, report: Callable[[str], None]) -> Iterator[None]:
    """Hold the build lock of `output`, waiting for a build that holds it to finish."""
    path = lock_path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            report(f"waiting for another build to finish publishing to {output}")
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def publish(output: Path, write: Callable[[Path], None], report: Callable[[str], None]) -> Path:
    """Let `write` fill a new folder, then switch the output link to it; the build folder.

    If `write` fails, the folder is removed and the link is not touched.
    """
    store = builds_folder(output)
    store.mkdir(parents=True, exist_ok=True)
    with build_lock(output, report):
        remove_leftovers(output, store)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=store))
        try:
            write(staging)
            final = place(staging, store)
            switch_link(output, final)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        remove_old_builds(store, keep=final)
    return final


def place(staging: Path, store: Path) -> Path:
    """Rename the staging folder to its build name; the same files as an intact earlier
    build reuse that folder. Its modification time becomes now: when it was published."""
    digest = directory_digest(staging)
    final = store / f"{BUILD_PREFIX}{digest}"
    if final.is_dir() and directory_digest(final) == digest:
        shutil.rmtree(staging)
    else:
        if final.exists():  # changed after it was built: leave it, it may be in use
            final = store / f"{BUILD_PREFIX}{digest}-{staging.name.removeprefix(STAGING_PREFIX)}"
        staging.rename(final)
    os.utime(final)
    return final


def directory_digest(directory: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        digest.update(path.relative_to(directory).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def remove_leftovers(output: Path, store: Path) -> None:
    """What killed builds left: staging folders and temporary links (under the build lock,
    no running build has any)."""
    for path in store.glob(f"{STAGING_PREFIX}*"):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
    for path in output.parent.glob(f".{output.name}.new-*"):
        if path.is_symlink():
            path.unlink()


def switch_link(output: Path, target: Path) -> None:
    """Point `output` at `target` in one atomic rename."""
    if output.exists() and not output.is_symlink():
        raise SourceError(
            output,
            None,
            "the output path exists and is not a link from a build",
            "no file there, or a link written by an earlier build",
        )
    temporary = output.parent / f".{output.name}.new-{os.getpid()}"
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    temporary.symlink_to(os.path.relpath(target, output.parent))
    os.replace(temporary, output)


def remove_old_builds(store: Path, keep: Path, kept: int = KEPT_BUILDS) -> list[Path]:
    """Remove the build folders nobody needs: not `keep`, not the `kept` published most
    recently before it, not one a server uses. The folders removed."""
    earlier = sorted(
        (
            path
            for path in store.iterdir()
            if path.name.startswith(BUILD_PREFIX)
            and path.is_dir()
            and not path.is_symlink()
            and path != keep
        ),
        key=lambda path: path.stat().st_mtime_ns,
        reverse=True,
    )
    return [path for path in earlier[kept:] if remove_unless_in_use(path)]


def remove_unless_in_use(build: Path) -> bool:
    """Remove `build` unless a server holds a lock on its N-Quads file; whether it did.

    The exclusive lock is held while the folder is removed, so a server that is about to
    load it waits and then finds the file gone, never half of it.
    """
    try:
        descriptor = os.open(build / NQUADS_NAME, os.O_RDONLY)
    except FileNotFoundError:  # no data: nothing a server can serve
        shutil.rmtree(build, ignore_errors=True)
        return True
    except OSError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(descriptor)
        return False
    try:
        shutil.rmtree(build, ignore_errors=True)
    finally:
        os.close(descriptor)
    return True
