"""A TCP forwarder that a test can cut, freeze and restore: a database server going away,
for real.

Connections through it reach the real server. `cut()` closes the listening socket and every
open connection, so the app sees exactly what it would see if the network or server dropped;
`start()` again listens on the same port. `pause()` freezes the path: bytes are no longer
passed on in either direction and no error is seen (packets dropped, not refused) until
`resume()`. `drop_next_commit_reply()` lets the next COMMIT reach the server and then cuts
the connections before its reply reaches the app: the write is saved, the app never hears.
"""

from __future__ import annotations

import contextlib
import socket
import threading

# PostgreSQL's CommandComplete message for a COMMIT: 'C', length 11, "COMMIT\0".
COMMIT_REPLY = b"C\x00\x00\x00\x0bCOMMIT\x00"


class TcpProxy:
    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.port = 0
        self._listener: socket.socket | None = None
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._flowing = threading.Event()
        self._flowing.set()
        self._drop_commit_reply = False
        self.commit_replies_dropped = 0

    def start(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self) -> None:
        """The server is gone: new connections are refused, open ones are closed."""
        with self._lock:
            if self._listener is not None:
                # shutdown wakes the thread blocked in accept(); close() alone would not
                with contextlib.suppress(OSError):
                    self._listener.shutdown(socket.SHUT_RDWR)
                self._listener.close()
                self._listener = None
            self._close_connections()

    def pause(self) -> None:
        """The network freezes: nothing passes, nothing fails."""
        self._flowing.clear()

    def resume(self) -> None:
        self._flowing.set()

    def drop_next_commit_reply(self) -> None:
        self._drop_commit_reply = True

    def _close_connections(self) -> None:
        for sock in list(self._sockets):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self._sockets.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.target, timeout=5)
                server.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets.update((client, server))
            threading.Thread(target=self._pipe, args=(client, server, False), daemon=True).start()
            threading.Thread(target=self._pipe, args=(server, client, True), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket, replies: bool) -> None:
        try:
            while data := source.recv(65536):
                self._flowing.wait()
                if replies and self._drop_commit_reply and COMMIT_REPLY in data:
                    self._drop_commit_reply = False
                    self.commit_replies_dropped += 1
                    with self._lock:
                        self._close_connections()
                    return
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.close()
