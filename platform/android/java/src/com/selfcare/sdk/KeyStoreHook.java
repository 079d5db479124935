// SPDX-License-Identifier: Apache-2.0
package com.selfcare.sdk;

import java.io.IOException;
import java.security.GeneralSecurityException;

/**
 * Supplies the 32-byte key of the SDK's encrypted database from wherever the app keeps it (on a
 * phone, typically wrapped by a key in the Android Keystore: see {@link WrappedKeyStoreHook}).
 * {@link SelfcareClient#open(String, KeyStoreHook)} passes it to the SDK as
 * {@code "key": {"provider": "supplied", "hex": "..."}}.
 *
 * <p>The first open of a new data folder creates the database with the key returned here; every
 * later open must return the same key, or the SDK answers {@code storage.wrong_key} (and leaves
 * the data alone). An implementation must therefore never answer a failure to read its key by
 * making a new one: that turns a key-store hiccup into the customer's data being lost. Throw
 * instead; the open then fails with {@code storage.key_unavailable}.
 */
public interface KeyStoreHook {
    /**
     * Returns a new array holding the 32-byte database key. The caller owns it and wipes it
     * (fills it with zeros) as soon as it has been used. Called on the thread that opens the
     * client, once per open.
     *
     * @throws GeneralSecurityException when the key store refuses or the key cannot be unwrapped
     * @throws IOException when the stored (wrapped) key cannot be read or written
     */
    byte[] databaseKey() throws GeneralSecurityException, IOException;
}
