/* SPDX-License-Identifier: Apache-2.0 */
/* What the C99 scenario tests share: a real selfcare-server on loopback, an SDK client in a fresh
 * folder, and one call = one command with its expected status and the answer parsed by jansson.
 * Single-threaded test code: none of this is thread-safe. */
#ifndef SELFCARE_TEST_SCENARIO_SUPPORT_H
#define SELFCARE_TEST_SCENARIO_SUPPORT_H

#include <jansson.h>
#include <selfcare/selfcare.h>

/* Failed expectations so far; main() exits non-zero when it is not 0. */
extern int scenario_failures;

#define EXPECT(cond) scenario_expect((cond), #cond, __FILE__, __LINE__)
void scenario_expect(int ok, const char *what, const char *file, int line);

/* Starts the server (demo data, sandbox OTP 246810) on a free loopback port and writes its base
 * URL into `url` (at least 64 bytes). Returns 0 on success. */
int server_start(char *url);
/* Stops the server started by server_start (SIGTERM, then waits). */
void server_stop(void);

/* Removes every folder server_start and client_open created (after both are closed). */
void scenario_cleanup(void);

/* Opens a client in a new temporary folder against `url`; NULL (and a failure) if it cannot. */
sc_client *client_open(const char *url);

/* Runs `command` with `args_json` (NULL for none); records a failure when the status is not
 * `expect`. Returns the parsed answer, owned by the caller (json_decref); never NULL. */
json_t *run(sc_client *client, const char *command, const char *args_json, int expect);

/* The value at a dotted path ("error.code", "items.0.id", "workOrder.history.2.eta"); NULL
 * when absent. Borrowed from `root`. */
json_t *at(json_t *root, const char *path);
/* The string at `path`, or "" when absent or not a string. Borrowed. */
const char *text_at(json_t *root, const char *path);

#endif
