/* SPDX-License-Identifier: Apache-2.0 */
/* The two everyday journeys through the C ABI from C99, against the real server on loopback:
 *   scenarios customer  sign in by SMS code, balance, bills, report a fault and read its timeline,
 *                       quote and order an add-on, redeem points, sign out;
 *   scenarios engineer  sign in as staff, list the day's visits, accepted -> enRoute (position,
 *                       ETA) -> onSite -> completed; then the customer's ticket shows the ETA
 *                       history and is resolved.
 * Exits non-zero on any failed expectation. */
#include <stdio.h>
#include <string.h>

#include "scenario_support.h"

static const char *kLogin = "{\"msisdn\":\"13800138000\",\"otp\":\"246810\"}";

static void sign_in_customer(sc_client *c) {
    json_t *r = run(c, "auth.request_otp", "{\"msisdn\":\"13800138000\"}", SC_OK);
    json_decref(r);
    r = run(c, "auth.login", kLogin, SC_OK);
    EXPECT(strcmp(text_at(r, "role"), "customer") == 0);
    EXPECT(strstr(text_at(r, "subject"), "13800138000") == NULL); /* masked */
    json_decref(r);
}

static void customer(const char *url) {
    char args[256];
    json_t *r, *quote;
    sc_client *c = client_open(url);
    if (c == NULL) return;
    sign_in_customer(c);

    r = run(c, "account.summary", NULL, SC_OK);
    EXPECT(json_is_false(at(r, "stale")));
    EXPECT(at(r, "balance") != NULL);
    json_decref(r);

    r = run(c, "bills.list", NULL, SC_OK);
    EXPECT(json_array_size(at(r, "items")) > 0);
    snprintf(args, sizeof args, "{\"month\":\"%s\"}", text_at(r, "items.0.billingPeriod"));
    json_decref(r);
    r = run(c, "bills.get", args, SC_OK);
    EXPECT(json_array_size(at(r, "items")) > 0);
    json_decref(r);

    r = run(c, "tickets.create",
            "{\"category\":\"business\",\"subcategory\":\"billingDispute\",\"description\":\"本月账单多扣了二十元流量费\","
            "\"contact\":\"13800138000\",\"channel\":\"app\"}",
            SC_OK);
    EXPECT(strncmp(text_at(r, "id"), "TT-", 3) == 0);
    EXPECT(strcmp(text_at(r, "status"), "acknowledged") == 0);
    snprintf(args, sizeof args, "{\"id\":\"%s\"}", text_at(r, "id"));
    json_decref(r);
    r = run(c, "tickets.get", args, SC_OK);
    EXPECT(json_array_size(at(r, "statusChange")) >= 1);
    EXPECT(strcmp(text_at(r, "statusChange.0.status"), "acknowledged") == 0);
    json_decref(r);

    quote = run(c, "orders.quote", "{\"product_id\":\"A-DATA-10G\"}", SC_OK);
    EXPECT(json_is_true(at(quote, "eligible")));
    snprintf(args, sizeof args, "{\"quote_id\":\"%s\"}", text_at(quote, "id"));
    json_decref(quote);
    r = run(c, "orders.place", args, SC_OK);
    EXPECT(strcmp(text_at(r, "state"), "completed") == 0);
    json_decref(r);

    r = run(c, "loyalty.redeem", "{\"reward_id\":\"R-SHOP-20\"}", SC_OK);
    EXPECT(strlen(text_at(r, "voucherCode")) > 0);
    json_decref(r);

    r = run(c, "auth.logout", NULL, SC_OK);
    EXPECT(json_is_true(at(r, "signed_out")));
    json_decref(r);
    r = run(c, "account.summary", NULL, SC_E_UNAUTHENTICATED);
    EXPECT(strcmp(text_at(r, "error.code"), "auth.no_session") == 0);
    json_decref(r);
    sc_client_close(c);
}

static void engineer(const char *url) {
    const char *wo = "WO-DEMO-0001";
    size_t i, n;
    int saw_eta = 0;
    json_t *r, *list;
    sc_client *c = client_open(url), *cust;
    if (c == NULL) return;
    r = run(c, "auth.login_staff", "{\"staff_id\":\"E1001\",\"password\":\"demo1001\"}", SC_OK);
    EXPECT(strcmp(text_at(r, "role"), "engineer") == 0);
    json_decref(r);

    list = run(c, "workorders.list", NULL, SC_OK);
    EXPECT(json_array_size(at(list, "items")) == 1);
    EXPECT(strcmp(text_at(list, "items.0.id"), wo) == 0);
    EXPECT(strcmp(text_at(list, "items.0.state"), "assigned") == 0);
    json_decref(list);

    r = run(c, "workorders.update", "{\"id\":\"WO-DEMO-0001\",\"status\":\"accepted\"}", SC_OK);
    EXPECT(strcmp(text_at(r, "state"), "accepted") == 0);
    json_decref(r);
    r = run(c, "workorders.update",
            "{\"id\":\"WO-DEMO-0001\",\"status\":\"enRoute\",\"location\":{\"latitude\":39.91,\"longitude\":116.40},\"eta\":20}",
            SC_OK);
    EXPECT(strcmp(text_at(r, "state"), "enRoute") == 0);
    EXPECT(json_is_string(at(r, "eta")));
    json_decref(r);
    r = run(c, "workorders.update", "{\"id\":\"WO-DEMO-0001\",\"status\":\"onSite\"}", SC_OK);
    json_decref(r);
    r = run(c, "workorders.update", "{\"id\":\"WO-DEMO-0001\",\"status\":\"completed\",\"note\":\"更换光猫\"}", SC_OK);
    EXPECT(strcmp(text_at(r, "state"), "completed") == 0);
    json_decref(r);
    sc_client_close(c);

    cust = client_open(url);
    if (cust == NULL) return;
    sign_in_customer(cust);
    r = run(cust, "tickets.get", "{\"id\":\"TT-DEMO-0001\"}", SC_OK);
    EXPECT(strcmp(text_at(r, "status"), "resolved") == 0);
    EXPECT(strcmp(text_at(r, "workOrder.status"), "completed") == 0);
    n = json_array_size(at(r, "workOrder.history"));
    EXPECT(n == 5);
    for (i = 0; i < n; ++i) {
        json_t *step = json_array_get(at(r, "workOrder.history"), i);
        if (strcmp(text_at(step, "status"), "enRoute") == 0 && json_is_string(at(step, "eta"))) saw_eta = 1;
    }
    EXPECT(saw_eta);
    json_decref(r);
    sc_client_close(cust);
}

int main(int argc, char **argv) {
    char url[64];
    if (argc != 2 || (strcmp(argv[1], "customer") != 0 && strcmp(argv[1], "engineer") != 0)) {
        fprintf(stderr, "usage: %s customer|engineer\n", argv[0]);
        return 2;
    }
    if (server_start(url) != 0) {
        fprintf(stderr, "selfcare-server did not start\n");
        server_stop();
        return 1;
    }
    if (strcmp(argv[1], "customer") == 0) customer(url);
    else engineer(url);
    server_stop();
    scenario_cleanup();
    if (scenario_failures != 0) fprintf(stderr, "%d expectation(s) failed\n", scenario_failures);
    return scenario_failures == 0 ? 0 : 1;
}
