"""axe-core for the accessibility test, fetched from the npm registry into .cache/ (not into the site).

The version and the tarball's integrity are pinned; `make test` fetches it before pytest
(`python -m tests.site.axe`), and the test fetches it itself when run alone. Needs `npm` (Debian
package, installed by the Makefile) and the npm registry the first time only.
"""

from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "4.14.1"
INTEGRITY = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
CACHE = Path(__file__).resolve().parents[2] / ".cache" / f"axe-core-{VERSION}"
SCRIPT = CACHE / "axe.min.js"


class AxeUnavailable(RuntimeError):
    pass


def _integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def ensure_axe() -> Path:
    """The path of axe.min.js, fetched with `npm pack axe-core@VERSION` if not cached yet."""
    if SCRIPT.is_file():
        return SCRIPT
    npm = shutil.which("npm")
    if npm is None:
        raise AxeUnavailable("nav npm (apt-get install npm), ar ko ielādēt axe-core")
    with tempfile.TemporaryDirectory(prefix="axe-") as tmp:
        done = subprocess.run([npm, "pack", f"axe-core@{VERSION}", "--silent"], cwd=tmp, capture_output=True,
                              text=True, timeout=300)
        tarballs = list(Path(tmp).glob("axe-core-*.tgz"))
        if done.returncode != 0 or len(tarballs) != 1:
            raise AxeUnavailable(f"npm pack axe-core@{VERSION} neizdevās: {done.stderr.strip()[:500]}")
        data = tarballs[0].read_bytes()
        if _integrity(data) != INTEGRITY:
            raise AxeUnavailable(f"axe-core-{VERSION}.tgz kontrolsumma neatbilst piesaistītajai")
        with tarfile.open(tarballs[0]) as tar:
            script = tar.extractfile("package/axe.min.js")
            licence = tar.extractfile("package/LICENSE")
            if script is None or licence is None:
                raise AxeUnavailable("axe-core pakotnē nav package/axe.min.js")
            staging = Path(tmp) / "out"
            staging.mkdir()
            (staging / "axe.min.js").write_bytes(script.read())
            (staging / "LICENSE").write_bytes(licence.read())
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(CACHE, ignore_errors=True)
        shutil.move(str(staging), str(CACHE))
    return SCRIPT


if __name__ == "__main__":
    try:
        print(ensure_axe())
    except AxeUnavailable as exc:
        print(f"axe-core: {exc}", file=sys.stderr)
        sys.exit(1)
