# SPDX-License-Identifier: Apache-2.0
"""What the ctypes test scripts share: the paths ctest passes in, a client in a fresh temporary
folder, and the unittest entry point.

Usage of a test script: python3 <script>.py --library <libselfcare.so> [--server <selfcare-server>]
"""

import argparse
import json
import sys
import tempfile
import unittest

import selfcare_ctypes

LIBRARY = None  # the loaded libselfcare (selfcare_ctypes.load), set by main()
SERVER = None   # path of selfcare-server, when given


def config(data_dir, **extra):
    """A client config for `data_dir`, with extra top-level fields (server=..., key=...)."""
    doc = {"data_dir": data_dir}
    doc.update(extra)
    return json.dumps(doc)


class TempClient:
    """A client in a new temporary folder; the folder is removed after the client is closed."""

    def __init__(self, **extra):
        self.folder = tempfile.TemporaryDirectory(prefix="selfcare-py-client-")
        try:
            self.client = selfcare_ctypes.Client(LIBRARY, config(self.folder.name, **extra))
        except BaseException:
            self.folder.cleanup()
            raise

    def __enter__(self):
        return self.client

    def __exit__(self, *exc):
        self.client.close()
        self.folder.cleanup()
        return False


def main():
    global LIBRARY, SERVER
    parser = argparse.ArgumentParser()
    parser.add_argument("--library", required=True, help="path of libselfcare.so")
    parser.add_argument("--server", help="path of selfcare-server")
    args, rest = parser.parse_known_args()
    LIBRARY = selfcare_ctypes.load(args.library)
    SERVER = args.server
    unittest.main(module="__main__", argv=[sys.argv[0]] + rest, verbosity=2)
