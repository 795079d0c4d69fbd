"""An aiosmtpd server (tests/mailbox.py) that can drop the connection during DATA.

``smtp_server()`` yields (mailbox, port) like tests.mailbox.smtp_server; calling
``mailbox.drop_next(n)`` makes the next n messages fail: the server reads the message,
then closes the connection without an answer, so the sender cannot know it arrived.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from aiosmtpd.controller import Controller

from tests.mailbox import Mailbox
from tests.servers import free_port


class DroppingMailbox(Mailbox):
    def __init__(self) -> None:
        super().__init__()
        self.dropped = 0
        self._drop = 0

    def drop_next(self, count: int = 1) -> None:
        self._drop = count

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd hook name)
        if self._drop > 0:
            self._drop -= 1
            self.dropped += 1
            server.transport.close()  # no reply: the client sees the connection vanish
            return "421 closing"  # never reaches the client
        return await super().handle_DATA(server, session, envelope)


@contextmanager
def smtp_server() -> Iterator[tuple[DroppingMailbox, int]]:
    mailbox = DroppingMailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield mailbox, port
    finally:
        controller.stop()
