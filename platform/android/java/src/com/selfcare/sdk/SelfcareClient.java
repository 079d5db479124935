// SPDX-License-Identifier: Apache-2.0
package com.selfcare.sdk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;

/**
 * The selfcare SDK for Java and Kotlin: one data folder, one encrypted store, at most one signed-in
 * user. A thin layer over the C ABI (selfcare.h): commands are names with JSON arguments and JSON
 * results, as listed by the {@code sdk.commands} command and in c-abi.md.
 *
 * <pre>{@code
 * try (SelfcareClient sdk = SelfcareClient.open(config, hook)) {
 *     sdk.call("auth.login", "{\"msisdn\":\"13800138000\",\"otp\":\"246810\"}");
 *     String summary = sdk.call("account.summary");
 * }
 * }</pre>
 *
 * <p>Thread-safety: like the C ABI, any thread may call any method concurrently. {@link #call}
 * blocks (network included, up to the configured timeouts): on Android, call it off the main
 * thread or use {@link #callAsync}.
 *
 * <p>Lifetime: {@link #close()} stops the SDK's threads and waits for calls and callbacks in
 * flight; it is idempotent. Calls made after close (or while it runs) throw
 * {@link IllegalStateException}. Close every client you open: the SDK's threads keep running
 * until then, and the client cannot be garbage-collected before.
 */
public final class SelfcareClient implements AutoCloseable {
    private static final int DATABASE_KEY_BYTES = 32;

    private final Object state = new Object();
    private long handle;        // guarded by state; 0 once close has begun
    private int activeCalls;    // guarded by state: calls inside the native bridge right now
    private boolean closing;    // guarded by state
    private boolean closed;     // guarded by state
    private volatile EventListener listener;
    // Set while this thread runs one of this client's callbacks, where close() would wait for itself.
    private final ThreadLocal<Boolean> inCallback = new ThreadLocal<>();

    private SelfcareClient() {}

    /**
     * Opens a client from a JSON config (see c-abi.md, "Config"), for example
     * {@code {"data_dir": "/data/user/0/app/files/selfcare", "server": "https://..."}}.
     * "data_dir" is required and must exist. Without a "key" field the SDK keeps its own key file
     * in the data folder; on a phone prefer {@link #open(String, KeyStoreHook)}.
     *
     * @throws SelfcareException when the config is refused (the field is named) or the store
     *     cannot be opened ({@code storage.*})
     * @throws NullPointerException when configJson is null
     */
    public static SelfcareClient open(String configJson) throws SelfcareException {
        requireNonNull(configJson, "configJson");
        SelfcareClient client = new SelfcareClient();
        client.opened(NativeBridge.open(utf8(configJson), null, false, client));
        return client;
    }

    /**
     * Opens a client whose database key comes from {@code hook}: the config gets
     * {@code "key": {"provider": "supplied", "hex": "<the key>"}} (built in native memory and wiped
     * after the open, as is the key array). The config must be a JSON object without a "key"
     * field. A new data folder is created with that key; an existing one opened with another key
     * fails with {@code storage.wrong_key} and is left untouched.
     *
     * @throws SelfcareException {@code storage.key_unavailable} (field "key") when the hook throws
     *     or returns anything but 32 bytes; {@code validation.json} / {@code validation.object}
     *     (field "config") for a config that is not a JSON object; otherwise as
     *     {@link #open(String)}
     * @throws IllegalArgumentException when the config already has a "key" field
     * @throws NullPointerException when an argument is null
     */
    public static SelfcareClient open(String configJson, KeyStoreHook hook) throws SelfcareException {
        requireNonNull(configJson, "configJson");
        requireNonNull(hook, "hook");
        boolean empty = checkConfigTakesKey(configJson);
        byte[] key = null;
        try {
            try {
                key = hook.databaseKey();
            } catch (GeneralSecurityException | IOException e) {
                throw new SelfcareException(SelfcareException.STORAGE, "storage.key_unavailable",
                        "the key store hook could not supply the database key", "key", false, null, e);
            }
            if (key == null || key.length != DATABASE_KEY_BYTES) {
                throw new SelfcareException(SelfcareException.STORAGE, "storage.key_unavailable",
                        "the key store hook must supply exactly 32 bytes", "key", false, null, null);
            }
            SelfcareClient client = new SelfcareClient();
            client.opened(NativeBridge.open(utf8(configJson), key, empty, client));
            return client;
        } finally {
            if (key != null) Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Runs one command and returns its result document. {@code argsJson} may be null for "{}".
     * A write accepted offline (queued, to be sent when the server answers) is a success: its
     * result holds {@code "queued": true}.
     *
     * @throws SelfcareException when the SDK answers with an error (bad arguments name the field;
     *     an unknown command is {@code command.unknown})
     * @throws IllegalStateException after {@link #close()}
     * @throws IllegalArgumentException when the command or the arguments hold a NUL character
     * @throws NullPointerException when command is null
     */
    public String call(String command, String argsJson) throws SelfcareException {
        requireNonNull(command, "command");
        byte[] cmd = utf8(command);
        byte[] args = argsJson != null ? utf8(argsJson) : null;
        long h = enter();
        try {
            return new String(NativeBridge.call(h, cmd, args), StandardCharsets.UTF_8);
        } finally {
            leave();
        }
    }

    /** {@link #call(String, String)} without arguments. */
    public String call(String command) throws SelfcareException {
        return call(command, null);
    }

    /**
     * Runs one command on an SDK worker thread and returns at once; {@code callback} then runs
     * exactly once on that worker (see {@link ResultCallback}). Calls queued before
     * {@link #close()} still complete, and close waits for their callbacks.
     *
     * @throws IllegalStateException after {@link #close()} (the callback does not run)
     * @throws IllegalArgumentException when the command or the arguments hold a NUL character
     * @throws NullPointerException when command or callback is null
     * @throws SelfcareException when the SDK refuses to queue the call (the callback does not run)
     */
    public void callAsync(String command, String argsJson, ResultCallback callback) throws SelfcareException {
        requireNonNull(command, "command");
        requireNonNull(callback, "callback");
        byte[] cmd = utf8(command);
        byte[] args = argsJson != null ? utf8(argsJson) : null;
        PendingCall pending = new PendingCall(this, callback);
        long h = enter();
        try {
            NativeBridge.callAsync(h, cmd, args, pending);
        } finally {
            leave();
        }
    }

    /**
     * Sets the client's one event listener, replacing any earlier one; null removes it. Once this
     * returns, the old listener never runs again: if it is running on another thread, this waits
     * for it (from inside the listener itself it does not wait for itself).
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public void setListener(EventListener newListener) {
        long h = enter();
        try {
            listener = newListener;
            // The native listener is the same bridge function every time; calling it again is
            // what waits for callbacks that may still be delivering to the old listener.
            NativeBridge.setListener(h);
        } finally {
            leave();
        }
    }

    /** {@code setListener(null)}: after it returns, no listener of this client runs again. */
    public void removeListener() {
        setListener(null);
    }

    /** True once {@link #close()} has begun. */
    public boolean isClosed() {
        synchronized (state) {
            return closing;
        }
    }

    /**
     * Closes the client: new calls are refused, calls in flight finish, queued async calls
     * complete (their callbacks run), the SDK's threads stop and the store is closed. Queued
     * (offline) writes stay on disk for the next open. Idempotent: a second close returns at
     * once, or waits for a close running on another thread.
     *
     * @throws IllegalStateException when called from inside one of this client's callbacks,
     *     where it would wait for itself
     */
    @Override
    public void close() {
        long h;
        boolean interrupted = false;
        synchronized (state) {
            if (closed) return;
            if (Boolean.TRUE.equals(inCallback.get())) {
                throw new IllegalStateException("close() cannot run inside a callback of the same client: "
                        + "it waits for callbacks to finish");
            }
            if (closing) {
                while (!closed) {
                    try {
                        state.wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) Thread.currentThread().interrupt();
                return;
            }
            closing = true;
            while (activeCalls > 0) {
                try {
                    state.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            h = handle;
            handle = 0;
        }
        try {
            // Outside the lock: callbacks that run now (queued async calls) may call this client
            // and must get IllegalStateException, not wait for us.
            NativeBridge.close(h);
        } finally {
            synchronized (state) {
                closed = true;
                state.notifyAll();
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** The C ABI version of the loaded libselfcare.so (sc_version). */
    public static int abiVersion() {
        return NativeBridge.abiVersion();
    }

    // --- called by the bridge and by PendingCall ---

    /** Called by the JNI bridge for every event, on the thread that delivers it. */
    @SuppressWarnings("unused")
    private void onNativeEvent(byte[] eventJson) {
        EventListener l = listener;
        if (l == null) return;
        runCallback(() -> l.onEvent(new String(eventJson, StandardCharsets.UTF_8)));
    }

    /**
     * Runs app code on an SDK-delivered callback. Marks the thread so close() can refuse to wait
     * for itself; what the app code throws goes to the thread's uncaught-exception handler
     * (nothing may unwind into the SDK's threads).
     */
    void runCallback(Runnable appCode) {
        Boolean outer = inCallback.get();
        inCallback.set(Boolean.TRUE);
        try {
            appCode.run();
        } catch (Throwable t) {
            Thread self = Thread.currentThread();
            self.getUncaughtExceptionHandler().uncaughtException(self, t);
        } finally {
            if (outer == null) inCallback.remove();
            else inCallback.set(outer);
        }
    }

    // --- helpers ---

    private void opened(long nativeHandle) {
        // Under the lock like every other access, so a client handed to another thread without
        // a happens-before edge still shows its handle there.
        synchronized (state) {
            handle = nativeHandle;
        }
    }

    private long enter() {
        synchronized (state) {
            if (closing) throw new IllegalStateException("the selfcare client is closed");
            activeCalls++;
            return handle;
        }
    }

    private void leave() {
        synchronized (state) {
            if (--activeCalls == 0 && closing) state.notifyAll();
        }
    }

    private static void requireNonNull(Object value, String name) {
        if (value == null) throw new NullPointerException(name + " must not be null");
    }

    private static byte[] utf8(String s) {
        // Java's own encoder: characters outside the BMP become 4-byte UTF-8, as the SDK requires.
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Checks that a supplied key can be added to the config: it must be a JSON object without a
     * "key" member. Returns whether the object is empty (so the bridge knows whether a comma is
     * needed). The error ids are the SDK's own for the same faults.
     */
    private static boolean checkConfigTakesKey(String configJson) throws SelfcareException {
        Object root;
        try {
            root = Json.parse(configJson);
        } catch (IllegalArgumentException e) {
            throw new SelfcareException(SelfcareException.INVALID_ARGUMENT, "validation.json",
                    "config is not well-formed JSON", "config", false, null, null);
        }
        if (!(root instanceof Map)) {
            throw new SelfcareException(SelfcareException.INVALID_ARGUMENT, "validation.object",
                    "config must be a JSON object", "config", false, null, null);
        }
        Map<?, ?> config = (Map<?, ?>) root;
        if (config.containsKey("key")) {
            throw new IllegalArgumentException("config must not have a \"key\" field when a KeyStoreHook supplies the key");
        }
        return config.isEmpty();
    }
}
