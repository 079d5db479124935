# SPDX-License-Identifier: Apache-2.0
"""The real selfcare-server on a free loopback port, with demo data and the sandbox SMS code,
started like tests/abi/c/scenario_support.c does and always stopped (use it as a context
manager). Its folder (database, port file, log) is temporary and removed afterwards."""

import os
import subprocess
import tempfile
import time

SANDBOX_OTP = "246810"


class Server:
    def __init__(self, binary):
        self.binary = binary
        self.url = None
        self._folder = None
        self._process = None
        self._log = None

    def __enter__(self):
        self._folder = tempfile.TemporaryDirectory(prefix="selfcare-py-server-")
        try:
            self._start()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _start(self):
        folder = self._folder.name
        port_file = os.path.join(folder, "port")
        self._log = open(os.path.join(folder, "server.log"), "ab")
        self._process = subprocess.Popen(
            [self.binary, "--listen", "127.0.0.1:0", "--db", "sqlite:" + os.path.join(folder, "server.db"),
             "--seed", "demo", "--sandbox-otp", SANDBOX_OTP, "--port-file", port_file],
            stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT)
        # The port file appears once the server listens; give a slow shared machine a minute.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError("selfcare-server exited with %d before listening" % self._process.returncode)
            try:
                with open(port_file) as f:
                    port = int(f.read().strip() or 0)
            except (OSError, ValueError):
                port = 0
            if port > 0:
                self.url = "http://127.0.0.1:%d" % port
                return
            time.sleep(0.02)
        raise RuntimeError("selfcare-server did not write its port within a minute")

    def __exit__(self, *exc):
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if self._log is not None:
            self._log.close()
        if self._folder is not None:
            self._folder.cleanup()
        return False
