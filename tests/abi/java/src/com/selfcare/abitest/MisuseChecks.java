// SPDX-License-Identifier: Apache-2.0
package com.selfcare.abitest;

import static com.selfcare.abitest.Answers.object;
import static com.selfcare.abitest.Answers.text;

import com.selfcare.sdk.ResultCallback;
import com.selfcare.sdk.SelfcareClient;
import com.selfcare.sdk.SelfcareException;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What an app can get wrong, each answered by a Java exception while the JVM carries on: bad
 * configs, null arguments, malformed or non-object arguments, unknown commands, NUL characters,
 * a throwing callback, close from inside a callback, calls racing close, calls after close, and
 * close twice. No server: a client without one works offline.
 */
final class MisuseChecks {
    private MisuseChecks() {}

    private static WeakReference<AsyncResult> callbackOfFinishedCall(SelfcareClient c) throws Exception {
        AsyncResult callback = new AsyncResult();
        c.callAsync("sdk.info", null, callback);
        Check.that(callback.await(60), "the callback ran");
        return new WeakReference<>(callback);
    }

    private static WeakReference<SelfcareClient> closedClient(String config) throws Exception {
        SelfcareClient c = SelfcareClient.open(config);
        c.setListener(e -> { });
        c.close();
        return new WeakReference<>(c);
    }

    /** True once the object is garbage-collected; asks for collections for up to a minute. */
    private static boolean collected(WeakReference<?> ref) throws InterruptedException {
        for (int i = 0; i < 600 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ref.get() == null;
    }

    static void run(TempDirs dirs) throws Exception {
        Path data = dirs.make("misuse");
        String config = object("data_dir", data.toString());

        // Opening.
        Check.throwsA(NullPointerException.class, () -> SelfcareClient.open(null), "open(null)");
        SelfcareException missing = Check.refused(SelfcareException.INVALID_ARGUMENT, "config.data_dir_missing",
                () -> SelfcareClient.open(object("data_dir", data.resolve("nope").toString())), "a missing data_dir");
        if (missing != null) Check.equal("data_dir", missing.getField(), "the error names data_dir");
        Check.refused(SelfcareException.INVALID_ARGUMENT, "validation.json", () -> SelfcareClient.open("{data_dir"),
                "a config that is not JSON");

        SelfcareClient c = SelfcareClient.open(config);
        Check.equal(1, SelfcareClient.abiVersion(), "the C ABI version");

        // Arguments.
        Check.throwsA(NullPointerException.class, () -> c.call(null, "{}"), "call(null command)");
        Check.throwsA(NullPointerException.class, () -> c.callAsync(null, null, new AsyncResult()),
                "callAsync(null command)");
        Check.throwsA(NullPointerException.class, () -> c.callAsync("sdk.info", null, null), "callAsync(null callback)");
        SelfcareException badJson = Check.refused(SelfcareException.INVALID_ARGUMENT, "validation.json",
                () -> c.call("account.summary", "{\"broken\":"), "malformed JSON arguments");
        if (badJson != null) {
            Check.equal("args", badJson.getField(), "the error names args");
            Check.that(badJson.getErrorJson() != null && badJson.getErrorJson().contains("validation.json"),
                    "the error document is kept");
            Check.that(!badJson.isRetryable(), "bad arguments are not retryable");
        }
        Check.refused(SelfcareException.INVALID_ARGUMENT, "validation.object", () -> c.call("account.summary", "[1]"),
                "arguments that are not an object");
        SelfcareException unknown = Check.refused(SelfcareException.INVALID_ARGUMENT, "command.unknown",
                () -> c.call("no.such.command"), "an unknown command");
        if (unknown != null) Check.equal("command", unknown.getField(), "the error names the command");
        Check.refused(SelfcareException.INVALID_ARGUMENT, "command.unknown", () -> c.call("\uD83D\uDE00.\uD842\uDFB7"),
                "an unknown command outside the BMP");
        Check.throwsA(IllegalArgumentException.class, () -> c.call("sdk.info\u0000evil"), "a NUL inside the command");
        Check.throwsA(IllegalArgumentException.class, () -> c.call("sdk.info", "{\"a\":\"\u0000\"}"),
                "a NUL inside the arguments");
        SelfcareException fields = Check.refused(SelfcareException.INVALID_ARGUMENT, "validation.msisdn_format",
                () -> c.call("auth.request_otp", object("msisdn", "12")), "a malformed phone number");
        if (fields != null) Check.equal("msisdn", fields.getField(), "the error names msisdn");
        Check.refused(SelfcareException.UNAUTHENTICATED, "auth.no_session", () -> c.call("account.summary"),
                "a query before signing in");
        Check.equal(data.toString(), text(c.call("sdk.info"), "data_dir"), "sdk.info still answers");

        // Async errors come to onError, once, on an SDK thread.
        AsyncResult asyncUnknown = new AsyncResult();
        c.callAsync("no.such.command", "{}", asyncUnknown);
        Check.that(asyncUnknown.await(60), "the async error callback ran");
        Check.that(asyncUnknown.error() != null && "command.unknown".equals(asyncUnknown.error().getId()),
                "the async error carries command.unknown");
        Check.that(asyncUnknown.thread() != Thread.currentThread(), "the async error arrived on an SDK thread");

        // The bridge lets go of what it held: a finished call's callback and a closed client become
        // garbage like any other object (a leaked global reference would keep them forever).
        Check.that(collected(callbackOfFinishedCall(c)), "the callback of a finished callAsync is released");
        Check.that(collected(closedClient(object("data_dir", dirs.make("released").toString()))),
                "a closed client is released");

        // A callback that throws: the exception goes to the uncaught-exception handler, the SDK
        // and the JVM carry on.
        AtomicInteger uncaught = new AtomicInteger();
        CountDownLatch reported = new CountDownLatch(1);
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            if (e instanceof IllegalStateException && "thrown by the app".equals(e.getMessage())) {
                uncaught.incrementAndGet();
                reported.countDown();
            }
        });
        c.callAsync("sdk.info", null, new ResultCallback() {
            @Override
            public void onSuccess(String resultJson) {
                throw new IllegalStateException("thrown by the app");
            }

            @Override
            public void onError(SelfcareException error) {
                throw new IllegalStateException("thrown by the app");
            }
        });
        Check.that(reported.await(60, TimeUnit.SECONDS), "the callback's exception reached the uncaught-exception handler");
        AsyncResult afterThrow = new AsyncResult();
        c.callAsync("sdk.info", null, afterThrow);
        Check.that(afterThrow.await(60) && afterThrow.error() == null, "the SDK still answers after a callback threw");
        Thread.setDefaultUncaughtExceptionHandler(previous);
        Check.equal(1, uncaught.get(), "the exception was reported once");

        // close() inside a callback of the same client would wait for itself: refused.
        AtomicReference<Throwable> closeInside = new AtomicReference<>();
        AsyncResult closeDone = new AsyncResult();
        c.callAsync("sdk.info", null, new ResultCallback() {
            @Override
            public void onSuccess(String resultJson) {
                try {
                    c.close();
                } catch (Throwable t) {
                    closeInside.set(t);
                }
                closeDone.onSuccess(resultJson);
            }

            @Override
            public void onError(SelfcareException error) {
                closeDone.onError(error);
            }
        });
        Check.that(closeDone.await(60), "the callback that tried to close ran");
        Check.that(closeInside.get() instanceof IllegalStateException,
                "close() inside a callback throws IllegalStateException: " + closeInside.get());
        Check.that(!c.isClosed(), "the refused close left the client open");

        // Close with async calls still queued: each completes, exactly once, before close returns.
        List<AsyncResult> queued = new ArrayList<>();
        SelfcareClient busy = SelfcareClient.open(object("data_dir", dirs.make("queued").toString()));
        for (int i = 0; i < 20; i++) {
            AsyncResult r = new AsyncResult();
            busy.callAsync("sdk.info", null, r);
            queued.add(r);
        }
        busy.close();
        int once = 0;
        for (AsyncResult r : queued) once += r.calls() == 1 && r.error() == null ? 1 : 0;
        Check.equal(20, once, "every call queued before close() called back once, before close returned");

        // Threads calling while another closes: each call either answers or throws
        // IllegalStateException; nothing else, no crash.
        List<Thread> callers = new ArrayList<>();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger refusedAfterClose = new AtomicInteger();
        AtomicReference<Throwable> unexpected = new AtomicReference<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                for (;;) {
                    try {
                        c.call("sdk.info");
                        answered.incrementAndGet();
                    } catch (IllegalStateException closed) {
                        refusedAfterClose.incrementAndGet();
                        return;
                    } catch (Throwable other) {
                        unexpected.compareAndSet(null, other);
                        return;
                    }
                }
            });
            callers.add(t);
            t.start();
        }
        while (answered.get() < 50 && unexpected.get() == null) Thread.sleep(1);
        c.close();
        for (Thread t : callers) t.join();
        Check.that(unexpected.get() == null, "only IllegalStateException while closing: " + unexpected.get());
        Check.equal(4, refusedAfterClose.get(), "every calling thread ended with IllegalStateException");

        // After close.
        c.close();  // idempotent
        Check.that(c.isClosed(), "isClosed after close");
        Check.throwsA(IllegalStateException.class, () -> c.call("sdk.info"), "call after close");
        AsyncResult never = new AsyncResult();
        Check.throwsA(IllegalStateException.class, () -> c.callAsync("sdk.info", null, never), "callAsync after close");
        Check.throwsA(IllegalStateException.class, () -> c.setListener(e -> { }), "setListener after close");
        Check.equal(0, never.calls(), "a refused callAsync never calls back");

        // The store is intact after all that: a new client opens it.
        try (SelfcareClient again = SelfcareClient.open(config)) {
            Check.that(!again.call("sdk.info").isEmpty(), "the data folder opens again");
        }
    }
}
