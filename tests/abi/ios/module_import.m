/* SPDX-License-Identifier: Apache-2.0 */
/* An Objective-C translation unit importing the "Selfcare" clang module by name, as an iOS app's
 * Objective-C code would. Checked with -fsyntax-only: linking Objective-C needs an Objective-C
 * runtime and Foundation, which Debian would only give through GNUstep, and the C translation
 * unit beside this one already links and runs the same calls. */
@import Selfcare;

#include <stddef.h>

_Static_assert(SC_OK == 0 && SC_E_INVALID_ARGUMENT == 1 && SC_E_STORAGE == 9, "status codes are fixed");

/* The completion an app hands to sc_call_async; its type must match sc_result_fn. */
static void on_result(void *user, int status, const char *result_json) {
    (void)user;
    (void)status;
    (void)result_json;
}

static sc_result_fn const kDone = on_result;

int main(void) {
    @autoreleasepool {
        sc_client *client = NULL;
        char *error = NULL;
        if (sc_version() != SC_ABI_VERSION) return 1;
        int status = sc_client_open("{\"locale\":\"en\"}", &client, &error);
        sc_free(error);
        if (status != SC_E_INVALID_ARGUMENT || client != NULL) return 1;
        if (sc_call_async(NULL, "sdk.info", NULL, kDone, NULL) != SC_E_INVALID_ARGUMENT) return 1;
        return sc_set_listener(NULL, NULL, NULL) == SC_E_INVALID_ARGUMENT ? 0 : 1;
    }
}
