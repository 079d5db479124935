/* SPDX-License-Identifier: Apache-2.0 */
/* A C translation unit that reaches the SDK through the "Selfcare" clang module (an iOS app's
 * Headers/ layout, found on the include path the way Xcode finds it): under -fmodules the
 * #include below becomes an import of the module, and the run checks the library behind it
 * answers as selfcare.h says. Exits non-zero on a failed expectation. */
#include <selfcare/selfcare.h>

#include <stdio.h>
#include <string.h>

static int failures = 0;

static void expect(int ok, const char *what) {
    if (!ok) {
        fprintf(stderr, "expected %s\n", what);
        ++failures;
    }
}

int main(void) {
    sc_client *client = NULL;
    char *error = NULL;
    int status;

    expect(sc_version() == SC_ABI_VERSION, "sc_version() == SC_ABI_VERSION");

    /* No data_dir: refused, nothing opened, and the error document names the field. */
    status = sc_client_open("{\"locale\":\"en\"}", &client, &error);
    expect(status == SC_E_INVALID_ARGUMENT, "a config without data_dir is SC_E_INVALID_ARGUMENT");
    expect(client == NULL, "no client for a bad config");
    expect(error != NULL && strstr(error, "\"field\":\"data_dir\"") != NULL, "the error names data_dir");
    sc_free(error);

    error = NULL;
    status = sc_client_open(NULL, &client, &error);
    expect(status == SC_E_INVALID_ARGUMENT, "a NULL config is SC_E_INVALID_ARGUMENT");
    expect(error != NULL && strstr(error, "\"code\":\"validation.required\"") != NULL, "the error says required");
    sc_free(error);

    sc_client_close(NULL); /* a no-op, as documented */
    if (failures == 0) printf("module Selfcare from C: sc_version %d, bad configs refused\n", sc_version());
    return failures == 0 ? 0 : 1;
}
