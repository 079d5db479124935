/* SPDX-License-Identifier: Apache-2.0 */
/*
 * selfcare.h — the selfcare SDK's C ABI (C99). Every client uses it: the iOS and Android apps
 * through their platform wrappers, the kiosk and the CLI through selfcare.hpp.
 *
 * The ABI is a handful of lifecycle functions plus one command entry point taking a command name
 * and JSON arguments and returning JSON. New features add commands, not symbols.
 *
 * General contract:
 *  - Everything is UTF-8. JSON arguments and config are objects; unknown fields are ignored.
 *  - The caller owns what it passes; the SDK owns what it returns until sc_free().
 *  - NULL where a value is required, invalid UTF-8 and malformed JSON are answered with
 *    SC_E_INVALID_ARGUMENT and an error document naming the field, never a crash.
 *  - Any thread may call any function on one client concurrently.
 *  - Error documents have the shape
 *      {"error":{"code":"storage.wrong_key","message":"...","retryable":false,"field":"..."}}
 *    where "code" is a stable string id and "field" is present when one argument is at fault.
 *  - Secrets (one-time codes, passwords, tokens, keys) never appear in results, events or logs.
 */
#ifndef SELFCARE_H
#define SELFCARE_H

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define SC_API __declspec(dllexport)
#else
#define SC_API __attribute__((visibility("default")))
#endif

/* Status codes. Append-only: values never change. */
enum {
    SC_OK = 0,
    SC_E_INVALID_ARGUMENT = 1, /* bad input; the error names the field */
    SC_E_UNAUTHENTICATED = 2,  /* no session, or it ended */
    SC_E_FORBIDDEN = 3,        /* signed in, but not allowed */
    SC_E_NOT_FOUND = 4,
    SC_E_CONFLICT = 5,         /* e.g. an illegal status change */
    SC_E_OFFLINE_QUEUED = 6,   /* accepted locally and will be sent; the result is usable */
    SC_E_NETWORK = 7,
    SC_E_SERVER = 8,
    SC_E_STORAGE = 9,          /* storage.key_unavailable, storage.wrong_key, storage.corrupt, ... */
    SC_E_INTERNAL = 10
};

/* The ABI version this header describes; bumped only on a breaking change. */
#define SC_ABI_VERSION 1

/* An SDK client: one data folder, one store, at most one session. Opaque. */
typedef struct sc_client sc_client;

/* Returns the ABI version of the loaded library (compare with SC_ABI_VERSION).
 * Thread-safe; never fails. */
SC_API int sc_version(void);

/* Opens a client from a JSON config:
 *   {"server":"https://...", "data_dir":"...",
 *    "key":{"provider":"platform"|"passphrase"|"supplied", "passphrase":"...", "hex":"..."},
 *    "device":{"kind":"kiosk"|"app"|"engineer","id":"...","store_id":"..."},
 *    "locale":"zh-CN", "pinned_public_key":"sha256//...", "ca_file":"..."}
 * "data_dir" is required and must exist. "supplied" takes the store key from the app's own key
 * store as 64 hex digits in "hex"; the SDK keeps it in memory only. On success returns SC_OK and stores the client in *out
 * (close it with sc_client_close). On failure returns an SC_E_* code, sets *out to NULL and, when
 * error_json is not NULL, stores an error document there (free it with sc_free). A key that cannot
 * be obtained or does not open the store is an error, never a reason to create an empty store.
 * Thread-safe. */
SC_API int sc_client_open(const char *config_json, sc_client **out, char **error_json);

/* Closes the client: stops its threads, waits for callbacks in flight, releases the store.
 * Queued (outbox) work stays on disk for the next open. NULL is a no-op. The client must not be
 * used afterwards, and no other call on it may be running or start. */
SC_API void sc_client_close(sc_client *client);

/* Runs one command. args_json may be NULL for "{}". On success returns SC_OK and *result_json is
 * a JSON document; SC_E_OFFLINE_QUEUED also carries a usable result (the locally accepted item).
 * On failure returns an SC_E_* code and *result_json is an error document. Free it with sc_free.
 * result_json must not be NULL. Thread-safe; blocks until the command finishes. */
SC_API int sc_call(sc_client *client, const char *command, const char *args_json,
                   char **result_json);

/* Called exactly once per sc_call_async, on an SDK worker thread, with the status and the result
 * or error document (owned by the SDK: valid only during the call; copy it to keep it). */
typedef void (*sc_result_fn)(void *user, int status, const char *result_json);

/* Asynchronous sc_call: returns SC_OK at once and later calls done(user, status, json) exactly
 * once. Returns SC_E_INVALID_ARGUMENT without calling done when client or done is NULL.
 * Thread-safe. */
SC_API int sc_call_async(sc_client *client, const char *command, const char *args_json,
                         sc_result_fn done, void *user);

/* Receives events such as {"event":"ticket.updated","data":{...}} (the JSON is valid only during
 * the call). Runs on an SDK thread; it may call sc_call. */
typedef void (*sc_event_fn)(void *user, const char *event_json);

/* Sets the client's one listener, replacing any earlier one; fn NULL removes it. Once this
 * returns, the old callback will never run again (if it is running on another thread, this waits
 * for it to return; called from inside the callback itself, it does not wait for itself).
 * Returns SC_E_INVALID_ARGUMENT when client is NULL. Thread-safe. */
SC_API int sc_set_listener(sc_client *client, sc_event_fn fn, void *user);

/* Frees any string the SDK handed out. NULL is a no-op. */
SC_API void sc_free(void *p);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* SELFCARE_H */
