"""The outputs folder of a run. One run writes a folder at a time (a lock file beside it); a run builds into a
staging folder beside it and swaps it in by one rename, so the folder holds one whole build at every moment,
even after a SIGKILL. The manifest `.build.json` in the folder records the key of each group of outputs
(report.buildkeys) and its files' digests: a group whose key is unchanged and whose files are intact is kept
(linked into the staging folder), and a run with nothing to redo leaves the folder as it is. Files that are not
ours (docs/rules.md says which are) are carried into the new folder."""
from __future__ import annotations

import ctypes
import errno
import fcntl
import fnmatch
import json
import logging
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

from report.buildkeys import GROUPS, file_digest
from report.errors import UsageError
from report.files import atomic_path, fsync
from report.texts import pair

log = logging.getLogger(__name__)

MANIFEST = ".build.json"
LOCK = ".{name}.lock"          # beside the folder: held by the run writing it
STAGING = ".{name}.staging"    # beside the folder: the next build, then (after the swap) the previous one
RENAME_EXCHANGE = 2            # renameat2 flag: swap two paths in one step (Linux)

# Errors of writing the outputs that are the place's fault, not the program's: their outfolder.* text.
PLACE_ERRORS = {errno.ENOSPC: "outfolder.disk_full", errno.EDQUOT: "outfolder.quota",
                errno.EROFS: "outfolder.read_only", errno.EACCES: "outfolder.permission",
                errno.EPERM: "outfolder.not_permitted", errno.ENOTDIR: "outfolder.file_in_the_way",
                errno.EEXIST: "outfolder.file_in_the_way"}
ANYWHERE = (errno.ENOSPC, errno.EDQUOT, errno.EROFS)  # no read of an input can fail with these


@contextmanager
def place_errors(folder: Path):
    """An OSError of writing into `folder` (full disk, read-only, a file in the way) becomes a one-line usage
    error naming the folder; any other error goes on."""
    folder = Path(folder).absolute()
    try:
        yield
    except OSError as exc:
        if exc.errno not in PLACE_ERRORS or (exc.errno not in ANYWHERE and not _inside(exc, folder.parent)):
            raise
        raise UsageError(f"{pair('outfolder.cannot_write').both()} {folder}: {pair(PLACE_ERRORS[exc.errno]).both()}"
                         f"{f' ({exc.filename})' if exc.filename else ''}; {pair('outfolder.what_to_do').both()}"
                         ) from exc


def _inside(exc: OSError, parent: Path) -> bool:
    names = [n for n in (exc.filename, getattr(exc, "filename2", None)) if n]
    for name in names:
        path = Path(os.fsdecode(name)).absolute()
        if path == parent or parent in path.parents or path in parent.parents:
            return True
    return False


@contextmanager
def locked(folder: Path):
    """Hold the lock of `folder` (a file beside it, fcntl.flock) meanwhile; another run holding it is a usage
    error. The kernel frees the lock when this process and its workers end, however they end."""
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder.parent / LOCK.format(name=folder.name), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UsageError(pair("outfolder.locked").fill(folder=folder.absolute()).both()) from None
        yield
    finally:
        os.close(fd)


def ours(relative: str, groups=GROUPS) -> str | None:
    """The group whose file patterns match `relative` (a path inside the outputs folder), or None."""
    for group, patterns in groups.items():
        if any(fnmatch.fnmatchcase(relative, p) for p in patterns):
            return group
    return None


def files_under(folder: Path) -> set[str]:
    """Relative names of every file and link under `folder` (not the folders themselves)."""
    found = set()
    for root, dirs, files in os.walk(folder):
        for name in files + [d for d in dirs if (Path(root) / d).is_symlink()]:
            found.add((Path(root) / name).relative_to(folder).as_posix())
    return found


class Build:
    """One run's outputs: `keys` ({group: (environment, inputs)}) for the groups this run makes; the folder's
    other groups are kept as they are. Use: if not unchanged(): start(), per group redo()/record(), commit()."""

    def __init__(self, folder: Path, keys: dict[str, tuple[str, str]]):
        self.folder = Path(folder)
        self.staging = self.folder.parent / STAGING.format(name=self.folder.name)
        recover(self.folder)
        self.keys = keys
        self.old = read_manifest(self.folder)
        self.kept = {g for g in keys if self._intact(g)}
        self.files: dict[str, dict[str, str]] = {}   # group -> {relative: sha256} of the new build
        self._before: dict[str, set[str]] = {}

    def _intact(self, group: str) -> bool:
        entry = self.old.get("groups", {}).get(group)
        if not entry or [entry.get("environment"), entry.get("inputs")] != list(self.keys[group]):
            return False
        try:
            return all(file_digest(self.folder / name) == sha for name, sha in entry["files"].items())
        except OSError:
            return False

    def unchanged(self) -> bool:
        """Every group this run makes is in the folder, made from the same keys, its files intact."""
        return self.folder.is_dir() and self.kept == set(self.keys)

    def kept_files(self) -> list[Path]:
        return [self.folder / name for g in self.keys if g in self.kept for name in self.old["groups"][g]["files"]]

    def needs(self, group: str) -> bool:
        """Whether this run makes `group` again."""
        return group in self.keys and group not in self.kept

    def redo(self, group: str) -> bool:
        """Whether `group` must be made again; when it must, its files from here on are recorded as its own."""
        if group in self.kept:
            return False
        self._before[group] = files_under(self.staging)
        return True

    def record(self, group: str) -> None:
        """The files that appeared in the staging folder since redo(group) are that group's."""
        new = files_under(self.staging) - self._before.pop(group)
        reused = set(self.files.get(group, {}))
        self.files[group] = {n: file_digest(self.staging / n) for n in sorted(new | {r for r in reused
                                                                                 if (self.staging / r).exists()})}

    def start(self) -> Path:
        """The staging folder, made anew beside the folder: it starts with the kept groups' files, the groups of
        the folder this run does not make, and the files that are not ours (all linked, not copied). A group
        made again whose environment is unchanged starts with its old files too (its writer's finer keys
        decide which to redo, e.g. one feedback workbook per department)."""
        self.staging.mkdir()
        old_groups = self.old.get("groups", {})
        owner = {name: g for g, entry in old_groups.items() for name in entry.get("files", {})}
        for name in sorted(files_under(self.folder)) if self.folder.is_dir() else ():
            group = owner.get(name) or ours(name)
            if name == MANIFEST:
                continue
            if group in self.keys and group not in self.kept:
                same_environment = old_groups.get(group, {}).get("environment") == self.keys[group][0]
                if not (same_environment and group == "feedback" and name in owner):
                    continue
            _link(self.folder / name, self.staging / name)
            if group is not None:  # ours: kept as recorded (a file of a folder older than the manifest: as it is)
                recorded = old_groups.get(group, {}).get("files", {}).get(name)
                self.files.setdefault(group, {})[name] = recorded or file_digest(self.staging / name)
        return self.staging

    def manifest(self) -> dict:
        groups = dict(self.old.get("groups", {}))
        for group in self.files:
            entry = {"files": self.files[group]}
            if group in self.keys:
                entry.update(environment=self.keys[group][0], inputs=self.keys[group][1])
            else:
                entry.update({k: v for k, v in groups.get(group, {}).items() if k != "files"})
            groups[group] = entry
        for group in list(groups):
            if group not in self.files:
                del groups[group]
        return {"version": 1, "groups": groups}

    def commit(self) -> None:
        """Write the manifest, flush every new file to the disk, carry the files a user added meanwhile, and swap
        the staging folder in: from this instant the folder is the new build. The old one is then removed."""
        with atomic_path(self.staging / MANIFEST) as tmp:
            tmp.write_text(json.dumps(self.manifest(), indent=1, sort_keys=True), encoding="utf-8")
        for root, _dirs, _files in os.walk(self.staging):
            fsync(root)
        self._carry(self.folder, self.staging)
        if self.folder.is_dir():
            _exchange(self.staging, self.folder)
            fsync(self.folder.parent)
            self._carry(self.staging, self.folder)  # a file a user put there in the last instant
            shutil.rmtree(self.staging)
        else:
            os.rename(self.staging, self.folder)
            fsync(self.folder.parent)

    def _carry(self, source: Path, target: Path) -> None:
        """Link the files of `source` that are not ours and not in `target` into `target`."""
        if not source.is_dir():
            return
        recorded = {n for entry in self.old.get("groups", {}).values() for n in entry.get("files", {})}
        recorded |= {n for files in self.files.values() for n in files}
        for name in files_under(source) - files_under(target):
            if name != MANIFEST and name not in recorded and not ours(name):
                _link(source / name, target / name)

    def abandon(self) -> None:
        """Remove the staging folder of a run that failed: the folder is left as it was."""
        shutil.rmtree(self.staging, ignore_errors=True)


def recover(folder: Path) -> None:
    """Clean what a run killed before its end left beside the folder: a staging folder (an unfinished build, or
    the previous build after a swap); when the folder itself is missing after an interrupted fallback swap,
    the previous build is put back."""
    folder = Path(folder)
    staging = folder.parent / STAGING.format(name=folder.name)
    previous = folder.parent / f".{folder.name}.previous"
    if previous.is_dir() and not folder.exists():
        os.rename(previous, folder)
    for leftover in (staging, previous):
        if leftover.is_symlink() or leftover.is_file():
            leftover.unlink()
        elif leftover.exists():
            shutil.rmtree(leftover)


def read_manifest(folder: Path) -> dict:
    try:
        manifest = json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) and isinstance(manifest.get("groups"), dict) else {}


def _link(source: Path, target: Path) -> None:
    """`target` as a hard link of `source` (a copy where links are not possible); a symbolic link as a link."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_symlink():
        os.symlink(os.readlink(source), target)
        return
    try:
        os.link(source, target)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS):
            raise
        shutil.copy2(source, target)


def _exchange(new: Path, current: Path) -> None:
    """Swap two folders in one step (renameat2 RENAME_EXCHANGE). Where the system cannot, the current folder is
    renamed aside and the new one put in its place: for an instant the folder is missing, and recover() puts
    the previous one back if the run is killed then."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        renameat2 = None
    if renameat2 is not None:
        at_cwd = -100
        if renameat2(at_cwd, os.fsencode(new), at_cwd, os.fsencode(current), RENAME_EXCHANGE) == 0:
            return
        code = ctypes.get_errno()
        if code not in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
            raise OSError(code, os.strerror(code), str(current), None, str(new))
    previous = current.parent / f".{current.name}.previous"
    os.rename(current, previous)
    os.rename(new, current)
    os.rename(previous, new)
