# SPDX-License-Identifier: Apache-2.0
"""Hostile input through libselfcare.so from Python (ctypes): every case must be answered with
SC_E_INVALID_ARGUMENT and an error document naming what was wrong, the process must live on,
and the same client must still work afterwards. Also: the SDK does not hold on to 10 MB inputs.

Run by ctest: python3 hostile_input_test.py --library <libselfcare.so>
"""

import ctypes
import json
import os
import tempfile
import threading
import unittest

import harness
import selfcare_ctypes as sc

TEN_MB = 10 * 1000 * 1000
DEPTH = 10000

# Byte strings that are not UTF-8: a lone continuation byte, a bad second byte, an overlong "/",
# a UTF-16 surrogate written as UTF-8, a sequence cut short, and a code point above U+10FFFF.
NOT_UTF8 = [b"\x80", b"\xc3\x28", b"\xc0\xaf", b"\xed\xa0\x80", b"\xe4\xb8", b"\xf4\x90\x80\x80"]

BIG_VALUE = b'{"q":"' + b"a" * TEN_MB + b'"}'
BIG_NOT_UTF8 = b'{"q":"' + b"a" * TEN_MB + b'\xff"}'
BIG_COMMAND = b"s" * TEN_MB
DEEP_ARRAYS = b"[" * DEPTH + b"]" * DEPTH
DEEP_OBJECTS = b'{"a":' * DEPTH + b"1" + b"}" * DEPTH

# (what, JSON text, the error's stable code): each one sent as a command's arguments and as the
# config; the field named is "args" or "config" respectively.
HOSTILE_JSON = [
    ("10 MB string value", BIG_VALUE, "validation.too_long"),
    ("10,000-deep arrays", DEEP_ARRAYS, "validation.too_deep"),
    ("10,000-deep objects", DEEP_OBJECTS, "validation.too_deep"),
    ("an array", b"[1,2,3]", "validation.object"),
    ("a number", b"42", "validation.object"),
    ("a string", b'"data_dir"', "validation.object"),
    ("null", b"null", "validation.object"),
    ("trailing garbage", b'{"q":"x"} and more', "validation.json"),
    ("a second document", b'{"q":"x"}{"q":"y"}', "validation.json"),
    ("an unclosed object", b'{"q":"x"', "validation.json"),
    ("empty text", b"", "validation.json"),
] + [("invalid UTF-8 %r in a value" % bad, b'{"q":"' + bad + b'"}', "validation.utf8") for bad in NOT_UTF8]


def resident_bytes():
    """This process's resident set size (Linux /proc)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class HostileInput(unittest.TestCase):
    def setUp(self):
        self.session = harness.TempClient()  # no server: these are refused before any request
        self.client = self.session.__enter__()
        self.addCleanup(self.session.__exit__, None, None, None)
        self.lib = self.client.lib

    def assert_refused(self, answer, status, code, field):
        """SC_E_INVALID_ARGUMENT with the error document of c-abi.md."""
        self.assertEqual(status, sc.SC_E_INVALID_ARGUMENT, answer)
        error = answer["error"]
        self.assertEqual(error["code"], code, answer)
        self.assertEqual(error["field"], field, answer)
        self.assertIs(error["retryable"], False)
        self.assertTrue(error["message"])

    def assert_still_usable(self):
        status, info = self.client.call("sdk.info")
        self.assertEqual(status, sc.SC_OK, info)
        self.assertEqual(info["abi_version"], self.lib.sc_version())

    def test_hostile_arguments(self):
        for what, text, code in HOSTILE_JSON:
            with self.subTest(what):
                status, answer = self.client.call(b"sdk.info", text)
                self.assert_refused(answer, status, code, "args")
                self.assert_still_usable()

    def test_hostile_command_names(self):
        status, answer = self.client.call(None)
        self.assert_refused(answer, status, "validation.required", "command")
        self.assert_still_usable()
        # The SDK answers a name it does not know with command.unknown (c-abi.md's "unsupported"
        # is for commands a build leaves out; this build leaves none out).
        names = [b"no.such.command", b"", b"sdk.info " * 10, BIG_COMMAND]
        names += [b"sdk." + bad for bad in NOT_UTF8]
        for name in names:
            with self.subTest(name[:40]):
                status, answer = self.client.call(name)
                self.assert_refused(answer, status, "command.unknown", "command")
                self.assert_still_usable()

    def test_hostile_config(self):
        status, handle, error = sc.open_client(self.lib, None)
        self.assertIsNone(handle)
        self.assert_refused(error, status, "validation.required", "config")
        with tempfile.TemporaryDirectory(prefix="selfcare-py-config-") as folder:
            # Invalid UTF-8 in the value that names the folder, and in one the SDK never uses.
            for bad in NOT_UTF8:
                for config in (b'{"data_dir":"' + folder.encode() + bad + b'"}',
                               b'{"data_dir":"' + folder.encode() + b'","device":{"id":"' + bad + b'"}}'):
                    with self.subTest(config):
                        status, handle, error = sc.open_client(self.lib, config)
                        self.assertIsNone(handle)
                        self.assert_refused(error, status, "validation.utf8", "config")
            for what, text, code in HOSTILE_JSON:
                with self.subTest(what):
                    status, handle, error = sc.open_client(self.lib, text)
                    self.assertIsNone(handle)
                    self.assert_refused(error, status, code, "config")
            self.assertEqual(os.listdir(folder), [], "a refused config created files")
        self.assert_still_usable()

    def test_hostile_async_calls_are_answered_once(self):
        answers = []
        done = threading.Semaphore(0)

        def on_result(user, status, result_json):
            answers.append((status, json.loads(result_json)))
            done.release()

        callback = sc.RESULT_FN(on_result)  # referenced until the client is closed below
        cases = [(None, None, "validation.required", "command"),
                 (b"sdk.\xff", None, "command.unknown", "command"),
                 (b"sdk.info", b'{"q":"\xed\xa0\x80"}', "validation.utf8", "args"),
                 (b"sdk.info", DEEP_OBJECTS, "validation.too_deep", "args"),
                 (b"sdk.info", BIG_VALUE, "validation.too_long", "args")]
        for command, args, _, _ in cases:
            self.assertEqual(self.lib.sc_call_async(self.client.handle, command, args, callback, None), sc.SC_OK)
        self.assertEqual(self.lib.sc_call_async(None, b"sdk.info", None, callback, None), sc.SC_E_INVALID_ARGUMENT)
        self.assertEqual(self.lib.sc_call_async(self.client.handle, b"sdk.info", None, sc.RESULT_FN(), None),
                         sc.SC_E_INVALID_ARGUMENT)
        for _ in cases:
            self.assertTrue(done.acquire(timeout=120), "an async call was never answered")
        self.assert_still_usable()
        self.session.__exit__(None, None, None)  # close: nothing more may arrive after this
        self.assertEqual(len(answers), len(cases))
        # Worker threads may finish out of order: compare as sets of (code, field).
        self.assertEqual(sorted((a["error"]["code"], a["error"]["field"]) for s, a in answers if s == 1),
                         sorted((code, field) for _, _, code, field in cases))

    def test_big_inputs_are_not_kept(self):
        """If the SDK kept (a copy of) each 10 MB input, 20 rounds would add about 1 GB; the
        bound leaves room for allocator slack and is still far below one leaked copy per round."""
        rounds = 20
        answered = threading.Semaphore(0)
        callback = sc.RESULT_FN(lambda user, status, result_json: answered.release())

        def one_round():
            self.client.call(b"sdk.info", BIG_VALUE)
            self.client.call(BIG_COMMAND)
            self.client.call(b"sdk.info", BIG_NOT_UTF8)
            sc.open_client(self.lib, BIG_VALUE)
            # sc_call_async copies the command and arguments for its worker: those copies too.
            self.lib.sc_call_async(self.client.handle, b"sdk.info", BIG_VALUE, callback, None)
            self.assertTrue(answered.acquire(timeout=120))

        for _ in range(3):  # warm up allocator pools and Python's caches
            one_round()
        before = resident_bytes()
        for _ in range(rounds):
            one_round()
        grown = resident_bytes() - before
        self.assertLess(grown, 5 * TEN_MB, "resident size grew by %d bytes over %d rounds" % (grown, rounds))
        self.assert_still_usable()


if __name__ == "__main__":
    harness.main()
