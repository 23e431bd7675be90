"""Query workers cannot reach the network: a seccomp filter refuses every new socket.

The query engine would send a SPARQL `SERVICE` clause to any address a query names, and
pyoxigraph has no option to turn its HTTP client off. The endpoint refuses federated
queries before a worker sees them (server/query_text.py); this is the second wall: once a
worker has its pipe to the server (made before the filter, and the only channel it
needs), the kernel answers `socket()` (any family) and `io_uring_setup` (which could open
sockets past the filter) with EACCES. The filter is installed with no_new_privs, is
inherited by anything the worker might start, and cannot be lifted by the worker.
"""

from __future__ import annotations

import errno
import sys

BLOCKED_CALLS = ("socket", "io_uring_setup")


class NetworkNotForbidden(Exception):
    """The filter could not be installed (not Linux, or libseccomp missing)."""


def forbid_network() -> None:
    """Refuse every new socket in this process and its children; NetworkNotForbidden if not
    possible (the worker then refuses to start rather than run unprotected)."""
    if not sys.platform.startswith("linux"):
        raise NetworkNotForbidden(f"a seccomp filter needs Linux, not {sys.platform}")
    try:
        import pyseccomp as seccomp
    except (ImportError, OSError) as error:
        raise NetworkNotForbidden(
            f"pyseccomp could not load libseccomp ({error}); install the Debian package libseccomp2"
        ) from None
    try:
        rules = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
        for call in BLOCKED_CALLS:
            rules.add_rule(seccomp.ERRNO(errno.EACCES), call)
        rules.load()
    except (OSError, RuntimeError, ValueError) as error:
        raise NetworkNotForbidden(f"the seccomp filter was refused ({error})") from None
