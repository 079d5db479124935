// SPDX-License-Identifier: Apache-2.0
package com.selfcare.sdk;

import java.nio.charset.StandardCharsets;

/**
 * One {@link SelfcareClient#callAsync} in flight. The JNI bridge holds a global reference to it
 * until {@link #complete} has run, then releases it.
 */
final class PendingCall {
    private static final int SC_OK = 0;
    private static final int SC_E_OFFLINE_QUEUED = 6;

    private final SelfcareClient client;
    private final ResultCallback callback;

    PendingCall(SelfcareClient client, ResultCallback callback) {
        this.client = client;
        this.callback = callback;
    }

    /** Called by the bridge on the SDK worker thread, once, with the status and the document. */
    void complete(int status, byte[] json) {
        client.runCallback(() -> {
            if (status == SC_OK || status == SC_E_OFFLINE_QUEUED) {
                callback.onSuccess(new String(json, StandardCharsets.UTF_8));
            } else {
                callback.onError(SelfcareException.fromNative(status, json));
            }
        });
    }
}
