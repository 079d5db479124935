# SPDX-License-Identifier: Apache-2.0
"""The customer's journey through libselfcare.so from Python (ctypes) against the real server:
sign in by SMS code, balance (asynchronously, through sc_call_async), bills, report a fault and
read it back, quote and order an add-on, redeem points, sign out; and one listener that sees the
SDK announce it reached the server.

Run by ctest: python3 customer_journey_test.py --library <libselfcare.so> --server <selfcare-server>
"""

import json
import threading
import unittest

import harness
import selfcare_ctypes as sc
from server_process import SANDBOX_OTP, Server

MSISDN = "13800138000"


class AsyncCall:
    """One sc_call_async: the ctypes callback object stays referenced here until the SDK has
    called it (a collected CFUNCTYPE would leave the SDK calling freed memory)."""

    def __init__(self):
        self.calls = []  # (status, parsed answer), one entry per time the SDK called back
        self.done = threading.Event()
        self.callback = sc.RESULT_FN(self._on_result)

    def _on_result(self, user, status, result_json):
        # result_json arrives as bytes copied by ctypes: the SDK's buffer is valid only now.
        self.calls.append((status, json.loads(result_json)))
        self.done.set()


class EventLog:
    """A listener that keeps every event it is given and signals when `awaited` arrives."""

    def __init__(self, awaited):
        self.events = []
        self.awaited = awaited
        self.arrived = threading.Event()
        self.lock = threading.Lock()
        self.callback = sc.EVENT_FN(self._on_event)

    def _on_event(self, user, event_json):
        event = json.loads(event_json)
        with self.lock:
            self.events.append(event)
        if event == self.awaited:
            self.arrived.set()

    def all(self):
        with self.lock:
            return list(self.events)


class CustomerJourney(unittest.TestCase):
    def setUp(self):
        if harness.SERVER is None:
            self.skipTest("needs --server")
        self.server = Server(harness.SERVER).__enter__()
        self.addCleanup(self.server.__exit__, None, None, None)
        self.session = harness.TempClient(server=self.server.url)
        self.client = self.session.__enter__()
        self.addCleanup(self.session.__exit__, None, None, None)

    def ok(self, command, args=None):
        status, answer = self.client.call(command, args)
        self.assertEqual(status, sc.SC_OK, "%s answered %d: %s" % (command, status, answer))
        return answer

    def sign_in(self):
        # The listener is set before anything reaches the server, so the first contact's
        # connectivity event is delivered to it.
        listener = EventLog({"event": "connectivity.changed", "data": {"online": True}})
        self.assertEqual(self.client.lib.sc_set_listener(self.client.handle, listener.callback, None), sc.SC_OK)
        self.assertTrue(self.ok("auth.request_otp", {"msisdn": MSISDN})["sent"])
        signed_in = self.ok("auth.login", {"msisdn": MSISDN, "otp": SANDBOX_OTP})
        self.assertEqual(signed_in["role"], "customer")
        self.assertNotIn(MSISDN, signed_in["subject"])  # masked
        # Events may be delivered by another SDK thread: wait for it rather than race it.
        self.assertTrue(listener.arrived.wait(60), "no connectivity.changed event: %s" % listener.all())
        # Removing the listener guarantees the callback will not run again, so the ctypes
        # object may be released after this.
        self.assertEqual(self.client.lib.sc_set_listener(self.client.handle, sc.EVENT_FN(), None), sc.SC_OK)
        self.assertNotIn(SANDBOX_OTP, json.dumps(listener.all()))

    def account_summary_async(self):
        pending = AsyncCall()
        self.assertEqual(
            self.client.lib.sc_call_async(self.client.handle, b"account.summary", None, pending.callback, None),
            sc.SC_OK)
        self.assertTrue(pending.done.wait(120), "sc_call_async never called back")
        return pending

    def test_customer_journey(self):
        self.sign_in()

        pending = self.account_summary_async()
        status, summary = pending.calls[0]
        self.assertEqual(status, sc.SC_OK, summary)
        self.assertIs(summary["stale"], False)
        self.assertIn("balance", summary)

        bills = self.ok("bills.list")
        self.assertGreater(len(bills["items"]), 0)
        month = bills["items"][0]["billingPeriod"]
        self.assertGreater(len(self.ok("bills.get", {"month": month})["items"]), 0)

        ticket = self.ok("tickets.create", {
            "category": "business", "subcategory": "billingDispute",
            "description": "本月账单多扣了二十元流量费", "contact": MSISDN, "channel": "app"})
        self.assertTrue(ticket["id"].startswith("TT-"), ticket)
        self.assertEqual(ticket["status"], "acknowledged")
        read_back = self.ok("tickets.get", {"id": ticket["id"]})
        self.assertEqual(read_back["id"], ticket["id"])
        self.assertEqual(read_back["statusChange"][0]["status"], "acknowledged")

        quote = self.ok("orders.quote", {"product_id": "A-DATA-10G"})
        self.assertIs(quote["eligible"], True)
        order = self.ok("orders.place", {"quote_id": quote["id"]})
        self.assertEqual(order["state"], "completed")

        voucher = self.ok("loyalty.redeem", {"reward_id": "R-SHOP-20"})
        self.assertGreater(len(voucher["voucherCode"]), 0)

        self.assertIs(self.ok("auth.logout")["signed_out"], True)
        status, answer = self.client.call("account.summary")
        self.assertEqual(status, sc.SC_E_UNAUTHENTICATED)
        self.assertEqual(answer["error"]["code"], "auth.no_session")

        # sc_client_close waits for callbacks: after it, "exactly once" is final.
        self.session.__exit__(None, None, None)
        self.assertEqual(len(pending.calls), 1)

    def test_async_call_is_answered_once_even_when_it_fails(self):
        pending = AsyncCall()
        self.assertEqual(
            self.client.lib.sc_call_async(self.client.handle, b"auth.request_otp", b'{"msisdn":7}', pending.callback, None),
            sc.SC_OK)
        self.session.__exit__(None, None, None)  # close: the queued call still runs, once
        self.assertEqual(len(pending.calls), 1)
        status, answer = pending.calls[0]
        self.assertEqual(status, sc.SC_E_INVALID_ARGUMENT)
        self.assertEqual(answer["error"]["field"], "msisdn")


if __name__ == "__main__":
    harness.main()
