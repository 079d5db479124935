// SPDX-License-Identifier: Apache-2.0
package com.selfcare.abitest;

import com.selfcare.sdk.EventListener;
import com.selfcare.sdk.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** An EventListener that keeps every event with the name of the thread that delivered it. */
final class EventLog implements EventListener {
    /** One delivered event. */
    static final class Entry {
        final String name;
        final Object data;
        final String thread;
        final boolean javaStartedThread;

        Entry(String name, Object data, String thread, boolean javaStartedThread) {
            this.name = name;
            this.data = data;
            this.thread = thread;
            this.javaStartedThread = javaStartedThread;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Thread testThread = Thread.currentThread();

    @Override
    public void onEvent(String eventJson) {
        Object doc = Json.parse(eventJson);
        Thread self = Thread.currentThread();
        synchronized (this) {
            entries.add(new Entry(Answers.text(doc, "event"), Answers.at(doc, "data"), self.getName(),
                    self == testThread));
            notifyAll();
        }
    }

    /** Everything received so far. */
    synchronized List<Entry> all() {
        return new ArrayList<>(entries);
    }

    /**
     * Waits until an event named {@code name} whose data matches arrives (or has arrived) and
     * returns it; null if none came within {@code seconds} (a bound against hanging).
     */
    synchronized Entry waitFor(String name, Predicate<Object> data, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        for (;;) {
            for (Entry e : entries) {
                if (e.name.equals(name) && data.test(e.data)) return e;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) return null;
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
