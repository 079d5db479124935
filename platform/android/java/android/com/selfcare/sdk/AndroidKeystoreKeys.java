// SPDX-License-Identifier: Apache-2.0
package com.selfcare.sdk;

import android.content.Context;
import android.security.keystore.KeyGenParameterSpec;
import android.security.keystore.KeyProperties;
import java.io.File;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.crypto.KeyGenerator;

/**
 * The Android side of {@link WrappedKeyStoreHook}: the AES key that wraps the database key lives
 * in the Android Keystore (hardware-backed where the device has it) and is created here with
 * {@link KeyGenParameterSpec}.
 *
 * <p>NOT COMPILED OR RUN in this repository's build: it needs the Android SDK (android.jar). It
 * is compiled by the app's Gradle build together with the other sources of java/src/.
 *
 * <pre>{@code
 * KeyStoreHook hook = AndroidKeystoreKeys.hook(context, "selfcare-db");
 * SelfcareClient sdk = SelfcareClient.open(config, hook);
 * }</pre>
 */
public final class AndroidKeystoreKeys {
    /** The JCA provider and key store type of the Android Keystore. */
    public static final String PROVIDER = "AndroidKeyStore";

    private AndroidKeystoreKeys() {}

    /** The Android Keystore, loaded. */
    public static KeyStore keyStore() throws GeneralSecurityException, IOException {
        KeyStore keyStore = KeyStore.getInstance(PROVIDER);
        keyStore.load(null);
        return keyStore;
    }

    /**
     * Creates the 256-bit AES-GCM wrapping key under {@code alias} unless it exists. Creating a
     * new wrapping key never loses data by itself: a blob wrapped by a lost key is refused by
     * {@link WrappedKeyStoreHook}, never replaced.
     */
    public static void createWrappingKeyIfAbsent(String alias) throws GeneralSecurityException, IOException {
        if (keyStore().containsAlias(alias)) return;
        KeyGenerator generator = KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, PROVIDER);
        generator.init(new KeyGenParameterSpec.Builder(alias,
                        KeyProperties.PURPOSE_ENCRYPT | KeyProperties.PURPOSE_DECRYPT)
                .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
                .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
                .setKeySize(256)
                .setRandomizedEncryptionRequired(true)  // the Keystore picks every IV
                .build());
        generator.generateKey();
    }

    /**
     * A hook whose wrapped key lives in the app's no-backup folder (Keystore keys are not
     * restored from a backup, so a backed-up blob could never be unwrapped on a new phone).
     */
    public static WrappedKeyStoreHook hook(Context context, String alias) throws GeneralSecurityException, IOException {
        createWrappingKeyIfAbsent(alias);
        File blob = new File(new File(context.getNoBackupFilesDir(), "selfcare"), "db-key.wrapped");
        return new WrappedKeyStoreHook(keyStore(), alias, null, blob.toPath());
    }
}
