"""Every use of jupyter_client's private API, in one place.

jupyter_client gives no public hook for what the renderer needs: to start a kernel with its
stderr in a file of the render's, and to know a kernel is ready without a fixed wait. The
classes here subclass its managers and clients and call these private names, checked against
the jupyter_client release pinned in ``uv.lock`` (``tests/test_jupyter_private.py`` fails if
one of them disappears):

- ``KernelManager._async_start_kernel``
- ``KernelClient._handle_kernel_info_reply``
- ``KernelClient._async_is_alive``
"""

from __future__ import annotations

import contextvars
import queue
import time
from typing import IO, Any

#: The private names used here, for the test that checks they still exist.
PRIVATE_NAMES = {
    "jupyter_client.manager.KernelManager": ("_async_start_kernel",),
    "jupyter_client.asynchronous.client.AsyncKernelClient": (
        "_handle_kernel_info_reply",
        "_async_is_alive",
    ),
}


#: Where a kernel papermill starts for this thread's report writes its stderr.
KERNEL_STDERR: contextvars.ContextVar[IO[bytes] | None] = contextvars.ContextVar(
    "kernel_stderr", default=None
)
#: The whole environment of a kernel papermill starts for this thread's report (papermill
#: passes no ``env`` of its own to the kernel manager): None means this process's.
KERNEL_ENV: contextvars.ContextVar[dict[str, str] | None] = contextvars.ContextVar(
    "kernel_env", default=None
)


def kernel_manager_class() -> type:
    """The kernel manager papermill uses for a kernel it starts itself."""
    from jupyter_client.manager import AsyncKernelManager, KernelManager  # noqa: PLC0415

    class QuietKernelManager(AsyncKernelManager):
        """Starts the kernel with its stderr in a file of the render's, not the terminal's,
        and with the environment of its report.

        ipykernel prints a notice about unencrypted local TCP at every start; a scheduled
        run's log should not carry it, but a failed render should show what the kernel said.
        """

        async def start_kernel(self, **kw: Any) -> None:  # type: ignore[override]
            sink = KERNEL_STDERR.get()
            if sink is not None:
                kw.setdefault("stderr", sink)
            env = KERNEL_ENV.get()
            if env is not None:
                kw.setdefault("env", env)
            await KernelManager._async_start_kernel(self, **kw)

    return QuietKernelManager


def pooled_manager_class() -> type:
    """The kernel manager of :class:`analysis.render.kernels.KernelPool`."""
    from jupyter_client.asynchronous.client import AsyncKernelClient  # noqa: PLC0415
    from jupyter_client.manager import AsyncKernelManager  # noqa: PLC0415

    class ReadyKernelClient(AsyncKernelClient):
        """A client that knows its kernel is ready as soon as the kernel says so.

        jupyter_client's ``wait_for_ready`` confirms that IOPub is connected, then drains
        IOPub until nothing came for 0.2 s: a fixed 0.2 s per report. This one drains it
        until the ``idle`` status of its own ``kernel_info`` request, the last message that
        request causes, and asks again (as jupyter_client does) while IOPub is not connected.
        """

        async def wait_for_ready(self, timeout: float | None = None) -> None:
            deadline = time.monotonic() + (timeout if timeout is not None else float("inf"))
            while time.monotonic() < deadline:
                self.kernel_info()
                try:
                    reply = await self.shell_channel.get_msg(timeout=1)
                except queue.Empty:
                    reply = None
                if reply is not None and reply["msg_type"] == "kernel_info_reply":
                    request = reply["parent_header"].get("msg_id")
                    try:
                        while True:
                            msg = await self.iopub_channel.get_msg(timeout=0.2)
                            if (
                                msg["parent_header"].get("msg_id") == request
                                and msg["msg_type"] == "status"
                                and msg["content"].get("execution_state") == "idle"
                            ):
                                self._handle_kernel_info_reply(reply)
                                return
                    except queue.Empty:
                        pass  # IOPub is not connected yet: ask again
                if not await self._async_is_alive():
                    msg_ = "Kernel died before replying to kernel_info"
                    raise RuntimeError(msg_)
            msg_ = f"Kernel didn't respond in {timeout} seconds"
            raise RuntimeError(msg_)

    class PooledKernelManager(AsyncKernelManager):
        """Remembers the clients made for it, so that their channels can be closed: nbclient
        leaves a client open when it did not start the kernel itself."""

        def __init__(self, **kwargs: Any) -> None:
            super().__init__(client_factory=ReadyKernelClient, **kwargs)
            self.analysis_clients: list[Any] = []

        def client(self, **kwargs: Any) -> Any:
            made = super().client(**kwargs)
            self.analysis_clients.append(made)
            return made

    return PooledKernelManager
