/* SPDX-License-Identifier: Apache-2.0 */
/* The C ABI from C99, as an app's native layer uses it: open a client in a fresh folder, ask for
 * the catalog and the SDK's state, survive hostile input, close. Exits non-zero on any failure. */
#define _POSIX_C_SOURCE 200809L
#include <selfcare/selfcare.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failures = 0;

#define EXPECT(cond)                                                      \
    do {                                                                  \
        if (!(cond)) {                                                    \
            fprintf(stderr, "%s:%d: expected %s\n", __FILE__, __LINE__, #cond); \
            ++failures;                                                   \
        }                                                                 \
    } while (0)

static int contains(const char *haystack, const char *needle) {
    return haystack != NULL && strstr(haystack, needle) != NULL;
}

int main(void) {
    char dir[] = "/tmp/selfcare-abi-XXXXXX";
    char config[512];
    char *out = NULL;
    sc_client *client = NULL;
    int status;

    EXPECT(sc_version() == SC_ABI_VERSION);
    if (mkdtemp(dir) == NULL) return 2;
    snprintf(config, sizeof config, "{\"data_dir\":\"%s\",\"device\":{\"kind\":\"app\"}}", dir);

    status = sc_client_open(config, &client, &out);
    EXPECT(status == SC_OK);
    EXPECT(client != NULL);
    EXPECT(out == NULL);
    if (client == NULL) return 1;

    status = sc_call(client, "sdk.info", NULL, &out);
    EXPECT(status == SC_OK);
    EXPECT(contains(out, "\"schema_version\""));
    sc_free(out);

    status = sc_call(client, "sdk.commands", "{}", &out);
    EXPECT(status == SC_OK);
    EXPECT(contains(out, "\"sdk.info\""));
    sc_free(out);

    /* Hostile input: each answered with SC_E_INVALID_ARGUMENT and the field, never a crash. */
    status = sc_call(client, NULL, NULL, &out);
    EXPECT(status == SC_E_INVALID_ARGUMENT && contains(out, "\"field\":\"command\""));
    sc_free(out);
    status = sc_call(client, "sdk.info", "{\"a\":\"\xff\"}", &out);
    EXPECT(status == SC_E_INVALID_ARGUMENT && contains(out, "validation.utf8"));
    sc_free(out);
    status = sc_call(client, "sdk.info", "{\"a\":", &out);
    EXPECT(status == SC_E_INVALID_ARGUMENT && contains(out, "validation.json"));
    sc_free(out);
    status = sc_call(client, "no.such", NULL, &out);
    EXPECT(status == SC_E_INVALID_ARGUMENT && contains(out, "command.unknown"));
    sc_free(out);
    status = sc_call(NULL, "sdk.info", NULL, &out);
    EXPECT(status == SC_E_INVALID_ARGUMENT && contains(out, "\"field\":\"client\""));
    sc_free(out);
    EXPECT(sc_call(client, "sdk.info", NULL, NULL) == SC_E_INVALID_ARGUMENT);
    EXPECT(sc_set_listener(NULL, NULL, NULL) == SC_E_INVALID_ARGUMENT);

    sc_client_close(client);
    sc_client_close(NULL);
    sc_free(NULL);

    /* Clean up the data folder (store, key, key check). */
    {
        char cmd[600];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0) ++failures;
    }
    if (failures == 0) printf("abi_c_smoke: ok\n");
    return failures == 0 ? 0 : 1;
}
