// SPDX-License-Identifier: Apache-2.0
package com.selfcare.sdk;

/**
 * Receives the client's events, such as
 * {@code {"event":"ticket.updated","data":{...}}} or
 * {@code {"event":"connectivity.changed","data":{"online":false}}}.
 *
 * <p>Runs on an SDK thread (its event, sync or worker threads), or on the thread of a
 * {@link SelfcareClient#call} that raised the event; never on Android's main thread unless that
 * thread made the call. One event at a time per thread, but several threads may deliver events
 * at once: make the listener thread-safe. It may call any method of the client except
 * {@link SelfcareClient#close()}. What it throws goes to the thread's uncaught-exception handler.
 */
@FunctionalInterface
public interface EventListener {
    /** One event as a JSON document with "event" (its name) and "data". */
    void onEvent(String eventJson);
}
