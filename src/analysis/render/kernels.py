"""Fresh kernels, started ahead of need.

A report kernel spends most of its life starting: the Python process, ipykernel, then the
imports of the report's first cell (polars, altair, this package). None of that depends on
the report, so a run starts kernels before they are needed, while the seeds are checked and
while other reports execute, and has each one import the modules the notebooks import.

Every report still gets a kernel of its own, used once and then shut down: nothing a report
does can reach another. The warm-up imports run in a function (they bind no names in the
notebook's namespace) and silently (no execution count, no history), so the notebook sees a
kernel whose only difference from a fresh one is that its imports are already in
``sys.modules``: the executed notebook and the page are byte for byte the same. (What the
imports write to stderr, a library's warning on import, is kept and logged with the report.)
"""

from __future__ import annotations

import ast
import asyncio
import collections
import contextlib
import json
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Self

from analysis.errors import KernelStartError, RenderError
from analysis.render._jupyter import pooled_manager_class

if TYPE_CHECKING:
    import concurrent.futures as cf
    from collections.abc import Iterable, Mapping, Sequence

#: What nbclient passes to kernels it starts itself: no history database on disk.
KERNEL_ARGS = ("--HistoryManager.hist_file=:memory:",)
#: How long a kernel may take to start and import the notebooks' modules.
STARTUP_TIMEOUT_S = 120.0


def imported_modules(notebooks: Iterable[Path]) -> list[str]:
    """The modules the notebooks' code cells import at their top level, in first-seen order.

    ``from a import b`` gives ``a`` and ``a.b`` (``b`` may be a submodule). Cells that are not
    plain Python (magics) and relative imports are left out.
    """
    found: dict[str, None] = {}
    for path in notebooks:
        try:
            cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        except (OSError, ValueError):
            continue
        for cell in cells:
            if cell.get("cell_type") != "code":
                continue
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else str(source)
            try:
                tree = ast.parse(source)
            except SyntaxError:
                continue
            for node in tree.body:
                if isinstance(node, ast.Import):
                    found.update(dict.fromkeys(alias.name for alias in node.names))
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    found[node.module] = None
                    found.update(
                        dict.fromkeys(
                            f"{node.module}.{a.name}" for a in node.names if a.name != "*"
                        )
                    )
    return list(found)


def warm_up_code(modules: Sequence[str]) -> str:
    """Code that imports ``modules`` without binding a name or raising; a module that fails
    to import says why on stderr (logged with the report, never on the page)."""
    return (
        "def _analysis_warn(name, exc):\n"
        "    import sys\n"
        "    print(f'warm-up: cannot import {name}: {exc!r}', file=sys.stderr)\n"
        "def _analysis_warm_up(names):\n"
        "    import importlib\n"
        "    for name in names:\n"
        "        try:\n"
        "            importlib.import_module(name)\n"
        "        except ModuleNotFoundError as exc:\n"
        "            if exc.name != name:  # a name that is not a module is no failure\n"
        "                _analysis_warn(name, exc)\n"
        "        except Exception as exc:\n"
        "            _analysis_warn(name, exc)\n"
        f"_analysis_warm_up({json.dumps(list(modules))})\n"
        "del _analysis_warm_up, _analysis_warn\n"
    )


def said(stderr: IO[bytes], lines: int = 15) -> str:
    """The last ``lines`` a kernel wrote to ``stderr``, to append to an error message."""
    stderr.seek(0)
    text = stderr.read().decode("utf-8", "replace").strip().splitlines()[-lines:]
    return ("\n  the kernel said:\n    " + "\n    ".join(text)) if text else ""


@dataclass
class Kernel:
    """A started kernel, leased to one report."""

    manager: Any
    #: What the kernel writes to its stderr (a failed render quotes its last lines).
    stderr: IO[bytes]
    #: What the warm-up imports wrote to the notebook's stderr (warnings), to log.
    warnings: list[str] = field(default_factory=list)


class KernelPool:
    """Starts up to ``ahead`` kernels beyond those in use, ``total`` kernels in all.

    Kernels are started and shut down on an event loop of the pool's own thread; a report's
    thread takes one with :meth:`lease` and hands it back with :meth:`release`.
    """

    def __init__(
        self,
        *,
        total: int,
        ahead: int,
        cwd: Path,
        modules: Sequence[str] = (),
        kernel_name: str = "python3",
        env: Mapping[str, str] | None = None,
    ) -> None:
        self._total = total
        self._env = dict(env) if env is not None else None
        self._cwd = cwd
        self._code = warm_up_code(modules) if modules else ""
        self._kernel_name = kernel_name
        self._manager_class = pooled_manager_class()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="kernel-pool", daemon=True
        )
        self._thread.start()
        self._lock = threading.Lock()
        self._waiting: collections.deque[cf.Future[Kernel]] = collections.deque()
        self._launched = 0
        self._closed = False
        self._sockets = (
            Path(tempfile.mkdtemp(prefix="analysis-kernels-")) if os.name == "posix" else None
        )
        for _ in range(min(ahead, total)):
            self._launch()

    def _launch(self) -> None:
        self._launched += 1
        start = self._start(self._launched)
        self._waiting.append(asyncio.run_coroutine_threadsafe(start, self._loop))

    def _connection(self, number: int) -> dict[str, Any]:
        """Where the next kernel listens: Unix sockets in the pool's own folder (POSIX).

        Over TCP, jupyter_client picks free ports and gives them up until the kernel binds
        them, seconds later; an outgoing connection of any process (this one's clients to the
        other kernels included) can take one meanwhile, and the kernel dies on start
        (jupyter/jupyter_client#487). Sockets named by path cannot be taken that way, and
        never leave the machine.
        """
        if self._sockets is None:
            return {}
        name = self._sockets / f"k{number}"
        return {"transport": "ipc", "ip": str(name), "connection_file": f"{name}.json"}

    async def _start(self, number: int) -> Kernel:
        sink = tempfile.TemporaryFile()  # noqa: SIM115 - closed on release
        manager = self._manager_class(kernel_name=self._kernel_name, **self._connection(number))
        kernel = Kernel(manager, sink)
        try:
            await manager.start_kernel(
                cwd=str(self._cwd),
                stderr=sink,
                extra_arguments=list(KERNEL_ARGS),
                **({"env": self._env} if self._env is not None else {}),
            )
            client = manager.client()
            client.start_channels()
            try:
                await client.wait_for_ready(timeout=STARTUP_TIMEOUT_S)
                if self._code:
                    kernel.warnings = await self._warm_up(client)
            finally:
                client.stop_channels()
                manager.analysis_clients.clear()
        except Exception as exc:
            await self._shutdown(kernel, close_stderr=False)
            msg = f"the report's kernel did not start: {type(exc).__name__}: {exc}"
            msg += said(kernel.stderr)
            kernel.stderr.close()
            raise KernelStartError(msg) from exc
        except BaseException:
            await self._shutdown(kernel)
            raise
        return kernel

    async def _shutdown(self, kernel: Kernel, *, close_stderr: bool = True) -> None:
        with contextlib.suppress(Exception):
            if kernel.manager.has_kernel:
                await kernel.manager.shutdown_kernel(now=True)
        if close_stderr:
            kernel.stderr.close()

    async def _warm_up(self, client: Any) -> list[str]:
        """Run the warm-up imports; what they wrote to stderr (warnings a module gives when
        imported, which a fresh kernel would have shown in the notebook's first cell)."""
        msg_id = client.execute(self._code, silent=True, store_history=False)
        written: list[str] = []
        while True:  # IOPub carries the output, then the idle status, of the request
            msg = await client.get_iopub_msg(timeout=STARTUP_TIMEOUT_S)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream" and msg["content"].get("name") == "stderr":
                written.append(str(msg["content"].get("text", "")))
            elif msg["msg_type"] == "status" and msg["content"].get("execution_state") == "idle":
                break
        while True:
            reply = await client.get_shell_msg(timeout=STARTUP_TIMEOUT_S)
            if reply["parent_header"].get("msg_id") == msg_id:
                return ["".join(written)] if written else []

    @staticmethod
    async def _settle() -> None:
        """Wait for every other task of the pool's loop: cancelled starts, shutdowns."""
        others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        await asyncio.gather(*others, return_exceptions=True)

    def lease(self) -> Kernel:
        """The next started kernel (waiting for it if need be); starts another in its place.

        Raises
        ------
        RenderError
            When the kernel did not start, with what it wrote to its stderr.
        """
        with self._lock:
            if self._closed or not self._waiting:
                msg = "no kernel left to lease: the pool is closed or all its kernels are in use"
                raise RuntimeError(msg)
            future = self._waiting.popleft()
            if self._launched < self._total:
                self._launch()
        try:
            return future.result()
        except KernelStartError as exc:
            raise RenderError(str(exc)) from exc

    def release(self, kernel: Kernel) -> None:
        """Close the report's clients and shut its kernel down (at once: its work is done).

        The shutdown runs on the pool's thread; :meth:`close` waits for it.
        """
        for client in kernel.manager.analysis_clients:
            with contextlib.suppress(Exception):
                client.stop_channels()
        kernel.manager.analysis_clients.clear()
        asyncio.run_coroutine_threadsafe(self._shutdown(kernel), self._loop)

    def close(self) -> None:
        """Shut down every kernel not leased (a kernel still starting is stopped at once), wait
        for the shutdowns, and end the pool's thread."""
        with self._lock:
            self._closed = True
            waiting, self._waiting = list(self._waiting), collections.deque()
        for future in waiting:
            if future.cancel():  # still starting: its task shuts down what it started
                continue
            with contextlib.suppress(Exception):
                kernel = future.result()
                asyncio.run_coroutine_threadsafe(self._shutdown(kernel), self._loop).result()
        asyncio.run_coroutine_threadsafe(self._settle(), self._loop).result()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()
        if self._sockets is not None:
            shutil.rmtree(self._sockets, ignore_errors=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
