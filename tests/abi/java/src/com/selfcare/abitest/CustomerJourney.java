// SPDX-License-Identifier: Apache-2.0
package com.selfcare.abitest;

import static com.selfcare.abitest.Answers.at;
import static com.selfcare.abitest.Answers.object;
import static com.selfcare.abitest.Answers.size;
import static com.selfcare.abitest.Answers.text;

import com.selfcare.sdk.Json;
import com.selfcare.sdk.SelfcareClient;
import com.selfcare.sdk.SelfcareException;
import java.nio.file.Path;

/**
 * The customer's journey through SelfcareClient against the real server: sign in by SMS code,
 * balance, bills, a fault report whose description holds characters outside the BMP read back
 * from the server (asynchronously), an add-on quoted and ordered, points redeemed, sign out; then
 * a report made while the server is down, accepted offline. A listener hears the connectivity
 * changes.
 */
final class CustomerJourney {
    /** U+1F4F6 (antenna bars, an emoji) and U+20BB7 (a CJK character outside the BMP), among BMP text. */
    static final String NON_BMP_DESCRIPTION = "家里宽带断了\uD83D\uDCF6，楼下\uD842\uDFB7野家也断了";

    private CustomerJourney() {}

    static void signIn(SelfcareClient c) throws SelfcareException {
        c.call("auth.request_otp", object("msisdn", ServerProcess.DEMO_CUSTOMER));
        String login = c.call("auth.login", object("msisdn", ServerProcess.DEMO_CUSTOMER, "otp", ServerProcess.DEMO_OTP));
        Check.equal("customer", text(login, "role"), "auth.login role");
        Check.that(!text(login, "subject").contains(ServerProcess.DEMO_CUSTOMER), "the subject is masked");
    }

    static void run(String serverBinary, TempDirs dirs) throws Exception {
        Path data = dirs.make("customer");
        ServerProcess server = new ServerProcess(serverBinary, dirs.make("server"));
        EventLog events = new EventLog();
        AsyncResult readBack = new AsyncResult();
        try (SelfcareClient c = SelfcareClient.open(object("data_dir", data.toString(), "server", server.baseUrl()))) {
            c.setListener(events);
            signIn(c);

            Object summary = Json.parse(c.call("account.summary"));
            Check.equal(Boolean.FALSE, at(summary, "stale"), "account.summary comes from the server");
            Check.that(at(summary, "balance") != null, "account.summary has a balance");

            Object bills = Json.parse(c.call("bills.list"));
            Check.that(size(bills, "items") > 0, "bills.list has bills");
            Object bill = Json.parse(c.call("bills.get", object("month", text(bills, "items.0.billingPeriod"))));
            Check.that(size(bill, "items") > 0, "bills.get has itemised usage");

            String created = c.call("tickets.create", object("category", "network", "subcategory", "slowData",
                    "description", NON_BMP_DESCRIPTION, "contact", ServerProcess.DEMO_CUSTOMER, "channel", "app"));
            String ticketId = text(created, "id");
            Check.that(ticketId.startsWith("TT-"), "tickets.create gives a server id: " + ticketId);
            Check.equal(NON_BMP_DESCRIPTION, text(created, "description"), "tickets.create echoes the description");

            // Read it back from the server on an SDK worker thread.
            c.callAsync("tickets.get", object("id", ticketId), readBack);
            Check.that(readBack.await(60), "the tickets.get callback ran");
            Check.that(readBack.error() == null, "tickets.get succeeded: " + readBack.error());
            Check.that(readBack.thread() != null && readBack.thread() != Thread.currentThread(),
                    "the callback ran on another thread");
            String readBackJson = readBack.result() != null ? readBack.result() : "{}";
            Check.equal(Boolean.FALSE, at(readBackJson, "stale"), "tickets.get came from the server");
            String description = text(readBackJson, "description");
            Check.equal(NON_BMP_DESCRIPTION, description, "the description read back from the server");
            Check.that(description.codePoints().anyMatch(cp -> cp == 0x1F4F6), "U+1F4F6 survived the round trip");
            Check.that(description.codePoints().anyMatch(cp -> cp == 0x20BB7), "U+20BB7 survived the round trip");

            Object quote = Json.parse(c.call("orders.quote", object("product_id", "A-DATA-10G")));
            Check.equal(Boolean.TRUE, at(quote, "eligible"), "orders.quote: eligible");
            String order = c.call("orders.place", object("quote_id", text(quote, "id")));
            Check.equal("completed", text(order, "state"), "orders.place completes the order");

            String voucher = c.call("loyalty.redeem", object("reward_id", "R-SHOP-20"));
            Check.that(!text(voucher, "voucherCode").isEmpty(), "loyalty.redeem gives a voucher code");

            Check.equal(Boolean.TRUE, at(c.call("auth.logout"), "signed_out"), "auth.logout signs out");
            Check.refused(SelfcareException.UNAUTHENTICATED, "auth.no_session", () -> c.call("account.summary"),
                    "account.summary after sign-out");

            // The server goes away; a fault report is still accepted, queued on the device.
            signIn(c);
            Check.equal(0, server.stop(), "the server stops cleanly");
            String queued = c.call("tickets.create", object("category", "network", "subcategory", "slowData",
                    "description", "断网了 \uD83D\uDE22", "contact", ServerProcess.DEMO_CUSTOMER, "channel", "app"));
            Check.equal(Boolean.TRUE, at(queued, "queued"), "an offline report is a success with queued: true");
            Check.equal(1L, at(c.call("sync.status"), "pending"), "sync.status counts the queued report");

            Check.that(events.waitFor("connectivity.changed", d -> Boolean.TRUE.equals(at(d, "online")), 60) != null,
                    "the listener heard the server answer (connectivity.changed online)");
            Check.that(events.waitFor("connectivity.changed", d -> Boolean.FALSE.equals(at(d, "online")), 60) != null,
                    "the listener heard the server go away (connectivity.changed offline)");
        } finally {
            server.stop();
        }
        Check.equal(1, readBack.calls(), "the async callback ran exactly once (checked after close)");
    }
}
