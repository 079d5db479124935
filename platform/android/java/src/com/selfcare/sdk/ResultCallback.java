// SPDX-License-Identifier: Apache-2.0
package com.selfcare.sdk;

/**
 * Receives the outcome of {@link SelfcareClient#callAsync}: exactly one of the two methods runs,
 * exactly once, on an SDK worker thread (never the thread that made the call, and not Android's
 * main thread: post to it yourself to touch views).
 *
 * <p>A callback may call any method of the client except {@link SelfcareClient#close()}, which
 * waits for callbacks and so cannot run inside one. What a callback throws is handed to the
 * thread's uncaught-exception handler (on Android the default one ends the app, as it would for
 * any thread); the SDK keeps running either way.
 */
public interface ResultCallback {
    /**
     * The command succeeded. {@code resultJson} is the result document; when the command was
     * accepted offline and will be sent later it holds {@code "queued": true}.
     */
    void onSuccess(String resultJson);

    /** The command failed; {@code error} carries the status code, id, message and field. */
    void onError(SelfcareException error);
}
