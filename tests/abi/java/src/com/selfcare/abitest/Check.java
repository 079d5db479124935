// SPDX-License-Identifier: Apache-2.0
package com.selfcare.abitest;

import com.selfcare.sdk.SelfcareException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test's assertions: each failed one is printed with its caller's line and counted, and the
 * run goes on so one report shows every failure. Thread-safe (callbacks check from SDK threads).
 */
final class Check {
    private static final AtomicInteger failures = new AtomicInteger();

    private Check() {}

    /** Failed expectations so far. */
    static int failures() {
        return failures.get();
    }

    static void that(boolean ok, String what) {
        if (!ok) fail(what);
    }

    static void equal(Object expected, Object actual, String what) {
        if (!Objects.equals(expected, actual)) fail(what + ": expected <" + expected + "> but got <" + actual + ">");
    }

    static void fail(String what) {
        failures.incrementAndGet();
        StackTraceElement caller = callerOutsideCheck();
        System.err.println("FAILED " + (caller != null ? caller.getFileName() + ":" + caller.getLineNumber() + " " : "")
                + what);
    }

    /** Code that is expected to throw. */
    interface Action {
        void run() throws Exception;
    }

    /** Runs {@code action}, expects it to throw a {@code type}, and returns that (null if not). */
    static <T extends Throwable> T throwsA(Class<T> type, Action action, String what) {
        try {
            action.run();
        } catch (Throwable t) {
            if (type.isInstance(t)) return type.cast(t);
            fail(what + ": expected " + type.getSimpleName() + " but got " + t);
            return null;
        }
        fail(what + ": expected " + type.getSimpleName() + " but nothing was thrown");
        return null;
    }

    /** Runs {@code action} expecting a SelfcareException with this status code and id; returns it. */
    static SelfcareException refused(int code, String id, Action action, String what) {
        SelfcareException e = throwsA(SelfcareException.class, action, what);
        if (e != null) {
            equal(code, e.getCode(), what + " (status code)");
            equal(id, e.getId(), what + " (error id)");
        }
        return e;
    }

    private static StackTraceElement callerOutsideCheck() {
        for (StackTraceElement e : new Throwable().getStackTrace()) {
            if (!e.getClassName().equals(Check.class.getName())) return e;
        }
        return null;
    }
}
