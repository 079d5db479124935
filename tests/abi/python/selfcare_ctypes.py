# SPDX-License-Identifier: Apache-2.0
"""libselfcare.so through ctypes, the way a Python consumer of the C ABI would load it.

Declares the prototypes of selfcare.h, and wraps a client so that every string the SDK hands out
is copied and released with sc_free. Standard library only. Not thread-safe by itself: the
tests call it from one thread (callbacks arrive on SDK threads and only touch their own state).
"""

import ctypes
import json

# Status codes of selfcare.h (append-only there, so fixed here).
SC_OK = 0
SC_E_INVALID_ARGUMENT = 1
SC_E_UNAUTHENTICATED = 2
SC_E_OFFLINE_QUEUED = 6
SC_E_STORAGE = 9

# typedef void (*sc_result_fn)(void *user, int status, const char *result_json);
RESULT_FN = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p)
# typedef void (*sc_event_fn)(void *user, const char *event_json);
EVENT_FN = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_char_p)


def load(path):
    """Loads libselfcare.so from `path` and declares every exported function's prototype."""
    lib = ctypes.CDLL(path)
    lib.sc_version.argtypes = []
    lib.sc_version.restype = ctypes.c_int
    # Out-parameters are void** so the pointer itself comes back for sc_free (a c_char_p would
    # be turned into bytes and the pointer lost).
    lib.sc_client_open.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]
    lib.sc_client_open.restype = ctypes.c_int
    lib.sc_client_close.argtypes = [ctypes.c_void_p]
    lib.sc_client_close.restype = None
    lib.sc_call.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]
    lib.sc_call.restype = ctypes.c_int
    lib.sc_call_async.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, RESULT_FN, ctypes.c_void_p]
    lib.sc_call_async.restype = ctypes.c_int
    lib.sc_set_listener.argtypes = [ctypes.c_void_p, EVENT_FN, ctypes.c_void_p]
    lib.sc_set_listener.restype = ctypes.c_int
    lib.sc_free.argtypes = [ctypes.c_void_p]
    lib.sc_free.restype = None
    return lib


def take_string(lib, pointer):
    """Copies the SDK's string at `pointer` (a c_void_p) and frees it; None for NULL."""
    if not pointer.value:
        return None
    try:
        return ctypes.string_at(pointer.value)
    finally:
        lib.sc_free(pointer)


def encode(value):
    """bytes and None pass through unchanged (hostile input is bytes); str is UTF-8 encoded,
    anything else is dumped as JSON."""
    if value is None or isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    return json.dumps(value).encode("utf-8")


def open_client(lib, config):
    """sc_client_open(config) -> (status, handle or None, parsed error document or None)."""
    handle = ctypes.c_void_p()
    error = ctypes.c_void_p()
    status = lib.sc_client_open(encode(config), ctypes.byref(handle), ctypes.byref(error))
    text = take_string(lib, error)
    return status, (handle if handle.value else None), (json.loads(text) if text is not None else None)


class Client:
    """An open sc_client: call() runs a command and returns (status, parsed answer)."""

    def __init__(self, lib, config):
        status, handle, error = open_client(lib, config)
        if status != SC_OK:
            raise RuntimeError("sc_client_open answered %d: %s" % (status, error))
        self.lib = lib
        self.handle = handle

    def call(self, command, args=None):
        """sc_call; `command` and `args` may be str, bytes (sent as they are), a dict or None."""
        out = ctypes.c_void_p()
        status = self.lib.sc_call(self.handle, encode(command), encode(args), ctypes.byref(out))
        text = take_string(self.lib, out)
        if text is None:
            raise AssertionError("sc_call(%r) answered %d without a document" % (command, status))
        return status, json.loads(text)

    def close(self):
        """sc_client_close: waits for queued async calls and a listener callback in flight."""
        if self.handle is not None:
            self.lib.sc_client_close(self.handle)
            self.handle = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
