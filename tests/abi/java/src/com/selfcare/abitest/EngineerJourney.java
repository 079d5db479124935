// SPDX-License-Identifier: Apache-2.0
package com.selfcare.abitest;

import static com.selfcare.abitest.Answers.at;
import static com.selfcare.abitest.Answers.object;
import static com.selfcare.abitest.Answers.size;
import static com.selfcare.abitest.Answers.text;

import com.selfcare.sdk.Json;
import com.selfcare.sdk.SelfcareClient;
import java.util.List;
import java.util.Map;

/**
 * The field engineer's day through SelfcareClient: sign in as staff, list the day's visits, then
 * accepted -> enRoute (position, ETA) -> onSite -> completed. The customer's app, signed in
 * meanwhile, hears ticket.updated from the SDK's event thread (a native thread the bridge attaches
 * to the JVM) and sees TT-DEMO-0001 resolved with the ETA in its history. Removing the listener
 * stops deliveries.
 */
final class EngineerJourney {
    private static final String WORK_ORDER = "WO-DEMO-0001";
    private static final String TICKET = "TT-DEMO-0001";

    private EngineerJourney() {}

    static void run(String serverBinary, TempDirs dirs) throws Exception {
        ServerProcess server = new ServerProcess(serverBinary, dirs.make("server"));
        EventLog customerEvents = new EventLog();
        int heardBeforeRemoval;
        try (SelfcareClient customer = SelfcareClient.open(
                     object("data_dir", dirs.make("customer").toString(), "server", server.baseUrl()));
             SelfcareClient engineer = SelfcareClient.open(object("data_dir", dirs.make("engineer").toString(),
                     "server", server.baseUrl()))) {
            CustomerJourney.signIn(customer);
            customer.setListener(customerEvents);

            String login = engineer.call("auth.login_staff", object("staff_id", "E1001", "password", "demo1001"));
            Check.equal("engineer", text(login, "role"), "auth.login_staff role");

            Object list = Json.parse(engineer.call("workorders.list"));
            Check.equal(1, size(list, "items"), "the engineer has one work order");
            Check.equal(WORK_ORDER, text(list, "items.0.id"), "workorders.list id");
            Check.equal("assigned", text(list, "items.0.state"), "the work order starts assigned");

            String accepted = engineer.call("workorders.update", object("id", WORK_ORDER, "status", "accepted"));
            Check.equal("accepted", text(accepted, "state"), "accepted");
            String enRoute = engineer.call("workorders.update", "{\"id\":\"" + WORK_ORDER + "\",\"status\":\"enRoute\","
                    + "\"location\":{\"latitude\":39.91,\"longitude\":116.40},\"eta\":20}");
            Check.equal("enRoute", text(enRoute, "state"), "enRoute");
            Check.that(at(enRoute, "eta") instanceof String, "enRoute carries the ETA as a time");
            String onSite = engineer.call("workorders.update", object("id", WORK_ORDER, "status", "onSite"));
            Check.equal("onSite", text(onSite, "state"), "onSite");
            String completed = engineer.call("workorders.update",
                    object("id", WORK_ORDER, "status", "completed", "note", "更换光猫"));
            Check.equal("completed", text(completed, "state"), "completed");

            EventLog.Entry resolved = customerEvents.waitFor("ticket.updated",
                    d -> "resolved".equals(at(d, "status")), 120);
            Check.that(resolved != null, "the customer's listener heard ticket.updated (resolved)");
            if (resolved != null) {
                Check.that(!resolved.javaStartedThread, "ticket.updated came on an SDK thread, not the test's: "
                        + resolved.thread);
            }

            Object ticket = Json.parse(customer.call("tickets.get", object("id", TICKET)));
            Check.equal("resolved", text(ticket, "status"), "the customer sees the ticket resolved");
            Check.equal("completed", text(ticket, "workOrder.status"), "the work order is completed");
            Check.equal(5, size(ticket, "workOrder.history"), "five steps in the work order's history");
            boolean sawEta = false;
            Object history = at(ticket, "workOrder.history");
            if (history instanceof List) {
                for (Object step : (List<?>) history) {
                    Map<?, ?> s = (Map<?, ?>) step;
                    if ("enRoute".equals(s.get("status")) && s.get("eta") instanceof String) sawEta = true;
                }
            }
            Check.that(sawEta, "the enRoute step has the ETA");

            // After removeListener returns, the old listener never runs again. Stopping the server
            // makes the SDK raise connectivity.changed (from this call, or its own threads).
            customer.call("account.summary");
            customer.removeListener();
            heardBeforeRemoval = customerEvents.all().size();
            Check.equal(0, server.stop(), "the server stops cleanly");
            Check.equal(Boolean.TRUE, at(customer.call("account.summary"), "stale"),
                    "with the server gone the summary comes from the cache");
        } finally {
            server.stop();
        }
        // Both clients are closed: every SDK thread has stopped, so nothing can still arrive.
        Check.equal(heardBeforeRemoval, customerEvents.all().size(), "no event reached the removed listener");
    }
}
