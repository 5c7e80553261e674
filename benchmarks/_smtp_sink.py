"""An SMTP server for the benchmarks, run as its own process (a server thread inside the client's process
would share the client's interpreter and halve the figures).

    python benchmarks/_smtp_sink.py [--log-arrivals]

Prints ``READY <port>``; with ``--log-arrivals`` also one line per message:
``MSG<TAB><time.monotonic()><TAB><In-Reply-To><TAB><recipients>`` (CLOCK_MONOTONIC is system-wide on Linux,
so the parent can compare it with its own clock). Stops on SIGTERM.
"""
from __future__ import annotations

import signal
import socket
import sys
import threading
import time
from email.parser import BytesHeaderParser
from email.policy import compat32


class Handler:
    def __init__(self, log: bool) -> None:
        self.log = log
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        if self.log:
            arrived = time.monotonic()
            headers = BytesHeaderParser(policy=compat32).parsebytes(envelope.content)
            irt = " ".join(str(headers.get("in-reply-to", "")).split())
            sys.stdout.write(f"MSG\t{arrived:.6f}\t{irt}\t{','.join(envelope.rcpt_tos)}\n")
            sys.stdout.flush()
        return "250 Message accepted for delivery"


def main() -> None:
    from aiosmtpd.controller import Controller

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    controller = Controller(Handler("--log-arrivals" in sys.argv), hostname="127.0.0.1", port=port,
                            data_size_limit=0)
    controller.start()
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    print(f"READY {port}", flush=True)
    done.wait()
    controller.stop()


if __name__ == "__main__":
    main()
