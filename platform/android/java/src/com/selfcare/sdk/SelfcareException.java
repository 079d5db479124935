// SPDX-License-Identifier: Apache-2.0
package com.selfcare.sdk;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A command or an open that the SDK refused: the C ABI's status code (one of the constants below,
 * the {@code SC_E_*} values of selfcare.h) and its error document
 * {@code {"error":{"code":"storage.wrong_key","message":"...","retryable":false,"field":"..."}}}.
 *
 * <p>{@link #getId()} is the stable string id to branch on and to look up user-facing text by;
 * {@link #getMessage()} is for logs (it never holds secrets). {@code SC_E_OFFLINE_QUEUED} is not an
 * error and never arrives as this exception: such a call returns its result normally, with
 * {@code "queued": true} in it.
 *
 * <p>Immutable, so safe to pass between threads.
 */
public class SelfcareException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Bad input; {@link #getField()} names the field. */
    public static final int INVALID_ARGUMENT = 1;
    /** No session, or it ended. */
    public static final int UNAUTHENTICATED = 2;
    /** Signed in, but not allowed. */
    public static final int FORBIDDEN = 3;
    public static final int NOT_FOUND = 4;
    /** For example an illegal status change. */
    public static final int CONFLICT = 5;
    public static final int NETWORK = 7;
    public static final int SERVER = 8;
    /** storage.key_unavailable, storage.wrong_key, storage.corrupt, ... */
    public static final int STORAGE = 9;
    public static final int INTERNAL = 10;

    private final int code;
    private final String id;
    private final String field;
    private final boolean retryable;
    private final String errorJson;

    /**
     * Creates an exception from its parts. {@code field} and {@code errorJson} may be null;
     * {@code cause} may be null.
     */
    public SelfcareException(int code, String id, String message, String field, boolean retryable,
                             String errorJson, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.id = id;
        this.field = field;
        this.retryable = retryable;
        this.errorJson = errorJson;
    }

    /** The C ABI status code ({@link #INVALID_ARGUMENT} ... {@link #INTERNAL}). */
    public int getCode() {
        return code;
    }

    /** The stable error id, {@code error.code} of the error document (e.g. "auth.no_session"). */
    public String getId() {
        return id;
    }

    /** The argument or config field at fault (e.g. "data_dir", "args"), or null. */
    public String getField() {
        return field;
    }

    /** True when the same call may succeed later (e.g. the network came back). */
    public boolean isRetryable() {
        return retryable;
    }

    /**
     * The whole error document as the SDK sent it, or null when the error arose in this wrapper.
     * It may hold more than the getters show, such as a "fields" list when several arguments are
     * at fault.
     */
    public String getErrorJson() {
        return errorJson;
    }

    @Override
    public String toString() {
        return "SelfcareException(" + code + ", " + id + (field != null ? ", field " + field : "") + "): "
                + getMessage();
    }

    /**
     * Builds the exception for a failed C ABI call from its status and error document (UTF-8
     * bytes, may be null). Called from the JNI bridge; never throws.
     */
    static SelfcareException fromNative(int status, byte[] errorDocument) {
        if (errorDocument == null) {
            return new SelfcareException(status, "internal", "the SDK refused the call without an error document",
                    null, false, null, null);
        }
        String json = new String(errorDocument, StandardCharsets.UTF_8);
        try {
            Object root = Json.parse(json);
            Object error = root instanceof Map ? ((Map<?, ?>) root).get("error") : null;
            if (error instanceof Map) {
                Map<?, ?> e = (Map<?, ?>) error;
                Object id = e.get("code");
                Object message = e.get("message");
                Object field = e.get("field");
                Object retryable = e.get("retryable");
                return new SelfcareException(status,
                        id instanceof String ? (String) id : "internal",
                        message instanceof String ? (String) message : "",
                        field instanceof String ? (String) field : null,
                        Boolean.TRUE.equals(retryable), json, null);
            }
        } catch (IllegalArgumentException unreadable) {
            // Falls through: the status alone still says what kind of failure it was.
        }
        return new SelfcareException(status, "internal", "the SDK's error document is unreadable", null, false,
                json, null);
    }
}
