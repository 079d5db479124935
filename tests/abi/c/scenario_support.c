/* SPDX-License-Identifier: Apache-2.0 */
#define _XOPEN_SOURCE 700
#include "scenario_support.h"

#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int scenario_failures = 0;

static pid_t server_pid = -1;

/* Folders this run created, removed by scenario_cleanup(). */
static char made[8][64];
static int made_count = 0;

static int make_dir(char *template_path) {
    if (mkdtemp(template_path) == NULL) return -1;
    if (made_count < 8) snprintf(made[made_count++], sizeof made[0], "%s", template_path);
    return 0;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

void scenario_cleanup(void) {
    int i;
    for (i = 0; i < made_count; ++i) nftw(made[i], remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    made_count = 0;
}

void scenario_expect(int ok, const char *what, const char *file, int line) {
    if (!ok) {
        fprintf(stderr, "%s:%d: expected %s\n", file, line, what);
        ++scenario_failures;
    }
}

int server_start(char *url) {
    char dir[] = "/tmp/selfcare-scenario-XXXXXX";
    char db[128], port_file[128];
    FILE *f;
    int port = 0, i;
    struct timespec pause = {0, 20 * 1000 * 1000};

    if (make_dir(dir) != 0) return -1;
    snprintf(db, sizeof db, "sqlite:%s/server.db", dir);
    snprintf(port_file, sizeof port_file, "%s/port", dir);
    server_pid = fork();
    if (server_pid < 0) return -1;
    if (server_pid == 0) {
        char log[128];
        snprintf(log, sizeof log, "%s/server.log", dir);
        if (freopen(log, "a", stdout) == NULL || freopen(log, "a", stderr) == NULL) _exit(127);
        execl(SC_SERVER_BINARY, SC_SERVER_BINARY, "--listen", "127.0.0.1:0", "--db", db, "--seed", "demo",
              "--sandbox-otp", "246810", "--port-file", port_file, (char *)NULL);
        _exit(127);
    }
    for (i = 0; i < 3000 && port <= 0; ++i) { /* up to a minute */
        f = fopen(port_file, "r");
        if (f != NULL) {
            if (fscanf(f, "%d", &port) != 1) port = 0;
            fclose(f);
        }
        if (port <= 0) nanosleep(&pause, NULL);
    }
    if (port <= 0) return -1;
    snprintf(url, 64, "http://127.0.0.1:%d", port);
    return 0;
}

void server_stop(void) {
    if (server_pid > 0) {
        kill(server_pid, SIGTERM);
        waitpid(server_pid, NULL, 0);
        server_pid = -1;
    }
}

sc_client *client_open(const char *url) {
    char dir[] = "/tmp/selfcare-client-XXXXXX";
    char config[256];
    char *error = NULL;
    sc_client *client = NULL;
    if (make_dir(dir) != 0) return NULL;
    snprintf(config, sizeof config, "{\"data_dir\":\"%s\",\"server\":\"%s\"}", dir, url);
    if (sc_client_open(config, &client, &error) != SC_OK) {
        fprintf(stderr, "sc_client_open: %s\n", error != NULL ? error : "?");
        sc_free(error);
        ++scenario_failures;
        return NULL;
    }
    return client;
}

json_t *run(sc_client *client, const char *command, const char *args_json, int expect) {
    char *out = NULL;
    json_error_t err;
    json_t *answer;
    const int status = sc_call(client, command, args_json, &out);
    if (status != expect) {
        fprintf(stderr, "%s answered %d, expected %d: %s\n", command, status, expect, out != NULL ? out : "");
        ++scenario_failures;
    }
    answer = out != NULL ? json_loads(out, 0, &err) : NULL;
    sc_free(out);
    if (answer == NULL) {
        fprintf(stderr, "%s: the answer is not JSON\n", command);
        ++scenario_failures;
        answer = json_object();
    }
    return answer;
}

json_t *at(json_t *root, const char *path) {
    char buf[256];
    char *part, *save = NULL;
    json_t *node = root;
    snprintf(buf, sizeof buf, "%s", path);
    for (part = strtok_r(buf, ".", &save); part != NULL && node != NULL; part = strtok_r(NULL, ".", &save)) {
        if (json_is_array(node)) {
            node = json_array_get(node, (size_t)strtoul(part, NULL, 10));
        } else {
            node = json_object_get(node, part);
        }
    }
    return node;
}

const char *text_at(json_t *root, const char *path) {
    const char *s = json_string_value(at(root, path));
    return s != NULL ? s : "";
}
