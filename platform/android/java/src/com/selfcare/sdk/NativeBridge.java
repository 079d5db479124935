// SPDX-License-Identifier: Apache-2.0
package com.selfcare.sdk;

/**
 * The native methods of libselfcare_jni (platform/android/jni/), one per C ABI entry point. Text
 * crosses as UTF-8 byte arrays made and read by Java's own UTF-8 codec, never through JNI's
 * "modified UTF-8" string functions, which mangle characters outside the BMP (emoji, rare CJK).
 *
 * <p>Only {@link SelfcareClient} calls these, and it guarantees that a handle is open for the
 * whole of each call. The methods are bound with RegisterNatives in JNI_OnLoad, so keep their
 * names and signatures in step with jni/native_methods.cpp (the load fails otherwise).
 */
final class NativeBridge {
    /** The system property naming the bridge library's file; unset, the library path is searched. */
    static final String LIBRARY_PROPERTY = "selfcare.jni.library";

    static {
        String path = System.getProperty(LIBRARY_PROPERTY);
        if (path != null && !path.isEmpty()) {
            System.load(path);
        } else {
            // libselfcare_jni.so needs libselfcare.so, which the dynamic linker finds beside it
            // (an Android app's native library folder) or through the bridge's RUNPATH.
            System.loadLibrary("selfcare_jni");
        }
        int loaded = abiVersion();
        int expected = headerAbiVersion();
        if (loaded != expected) {
            throw new UnsatisfiedLinkError("libselfcare.so speaks C ABI version " + loaded
                    + " but libselfcare_jni was built for version " + expected);
        }
    }

    private NativeBridge() {}

    /** sc_version() of the loaded libselfcare.so. */
    static native int abiVersion();

    /** SC_ABI_VERSION of the selfcare.h the bridge was compiled against. */
    static native int headerAbiVersion();

    /**
     * sc_client_open. With {@code key} (32 bytes) the bridge adds
     * {@code "key":{"provider":"supplied","hex":...}} to {@code config}, which must then be a JSON
     * object without "key" ({@code configIsEmpty}: it has no members). Returns the handle; throws
     * SelfcareException when the SDK refuses. {@code client} receives the events.
     */
    static native long open(byte[] config, byte[] key, boolean configIsEmpty, SelfcareClient client)
            throws SelfcareException;

    /** sc_call. Returns the result for SC_OK and SC_E_OFFLINE_QUEUED; throws otherwise. */
    static native byte[] call(long handle, byte[] command, byte[] args) throws SelfcareException;

    /** sc_call_async; {@code pending.complete} runs exactly once on an SDK thread. */
    static native void callAsync(long handle, byte[] command, byte[] args, PendingCall pending)
            throws SelfcareException;

    /**
     * sc_set_listener with the bridge's event function (the same one every time, so concurrent
     * calls cannot disagree about what is installed). Returns once no other thread is still
     * inside a callback that began before the call.
     */
    static native void setListener(long handle);

    /** sc_client_close, then frees the handle. */
    static native void close(long handle);
}
