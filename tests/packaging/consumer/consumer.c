/* SPDX-License-Identifier: Apache-2.0 */
/* An app's first program against an installed SDK: built out of tree, once through
 * find_package(selfcare) and once through pkg-config. It checks what an app relies on: the
 * library it loaded speaks the header's ABI, a client opens in a fresh folder and answers a
 * command, and a bad config is refused with the field named.
 * Usage: consumer DATA_DIR (an existing, empty folder). Exits 0 when all holds. */
#include <stdio.h>
#include <string.h>

#include <selfcare/selfcare.h>

static int failures = 0;

static void expect(int ok, const char *what) {
    if (!ok) {
        fprintf(stderr, "consumer: failed: %s\n", what);
        ++failures;
    }
}

int main(int argc, char **argv) {
    char config[1024];
    sc_client *client = NULL;
    char *out = NULL;
    int status;

    if (argc != 2) {
        fprintf(stderr, "usage: consumer DATA_DIR\n");
        return 2;
    }
    expect(sc_version() == SC_ABI_VERSION, "the loaded library has the header's ABI version");

    snprintf(config, sizeof config, "{\"data_dir\":\"%s\"}", argv[1]);
    status = sc_client_open(config, &client, &out);
    expect(status == SC_OK && client != NULL, "a client opens in a fresh folder");
    sc_free(out);
    out = NULL;
    if (client != NULL) {
        status = sc_call(client, "sdk.commands", NULL, &out);
        expect(status == SC_OK && out != NULL && strstr(out, "tickets.create") != NULL,
               "the command catalog lists tickets.create");
        sc_free(out);
        out = NULL;
        sc_client_close(client);
        client = NULL;
    }

    status = sc_client_open("{\"server\":\"https://example.com\"}", &client, &out);
    expect(status == SC_E_INVALID_ARGUMENT && client == NULL, "a config without data_dir is refused");
    expect(out != NULL && strstr(out, "\"data_dir\"") != NULL, "the error names data_dir");
    sc_free(out);

    if (failures == 0) printf("consumer: ok (ABI %d)\n", sc_version());
    return failures == 0 ? 0 : 1;
}
