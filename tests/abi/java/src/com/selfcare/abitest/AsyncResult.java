// SPDX-License-Identifier: Apache-2.0
package com.selfcare.abitest;

import com.selfcare.sdk.ResultCallback;
import com.selfcare.sdk.SelfcareException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A ResultCallback that records how often and on which thread it ran, and what it got. */
final class AsyncResult implements ResultCallback {
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicInteger calls = new AtomicInteger();
    private volatile String result;
    private volatile SelfcareException error;
    private volatile Thread thread;

    @Override
    public void onSuccess(String resultJson) {
        record();
        result = resultJson;
        done.countDown();
    }

    @Override
    public void onError(SelfcareException e) {
        record();
        error = e;
        done.countDown();
    }

    private void record() {
        calls.incrementAndGet();
        thread = Thread.currentThread();
    }

    /** Waits up to {@code seconds} for the callback (a bound against hanging); true if it ran. */
    boolean await(int seconds) throws InterruptedException {
        return done.await(seconds, TimeUnit.SECONDS);
    }

    int calls() {
        return calls.get();
    }

    String result() {
        return result;
    }

    SelfcareException error() {
        return error;
    }

    Thread thread() {
        return thread;
    }
}
