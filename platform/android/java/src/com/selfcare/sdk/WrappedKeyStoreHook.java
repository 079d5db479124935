// SPDX-License-Identifier: Apache-2.0
package com.selfcare.sdk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A {@link KeyStoreHook} for any {@link KeyStore}: the database key is 32 random bytes, kept on
 * disk only wrapped (AES-GCM) by an AES key that never leaves the key store. On a phone the key
 * store is "AndroidKeyStore" (see AndroidKeystoreKeys in java/android/, which creates the AES
 * key); on a desktop JVM, a PKCS12 file.
 *
 * <p>The first call finds no wrapped key, makes one and stores it in {@code blobFile}, written
 * in full and synced under a temporary name, then linked into place only if no blob exists yet,
 * so an existing blob is never replaced. Every later call unwraps that blob. A blob that exists
 * but cannot be read or unwrapped (the key store lost its key, the file was damaged) is an error:
 * a new key is never made over it, because the data encrypted under the old one would be lost.
 *
 * <p>Blob format: byte 1 (version), byte n (IV length), n bytes of IV, then the GCM ciphertext
 * and tag of the 32-byte key, authenticated with a fixed label.
 *
 * <p>Keep the blob beside the data and out of backups (Android's no-backup folder): Android
 * Keystore keys are not restored with a backup, so a restored blob could never be unwrapped.
 *
 * <p>Thread-safe if the key store is (one open at a time is the usual use). What cannot be wiped:
 * the JCE provider's own buffers inside {@link Cipher}.
 */
public final class WrappedKeyStoreHook implements KeyStoreHook {
    private static final byte FORMAT_VERSION = 1;
    private static final int KEY_BYTES = 32;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final byte[] LABEL = "selfcare database key v1".getBytes(StandardCharsets.UTF_8);

    private final KeyStore keyStore;
    private final String alias;
    private final char[] keyPassword;
    private final Path blobFile;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param keyStore a loaded key store holding an AES key under {@code alias}
     * @param alias the wrapping key's alias
     * @param keyPassword the key entry's password (a PKCS12 file needs one; AndroidKeyStore
     *     takes null). Copied.
     * @param blobFile where the wrapped key lives; its folder is created when missing
     */
    public WrappedKeyStoreHook(KeyStore keyStore, String alias, char[] keyPassword, Path blobFile) {
        if (keyStore == null) throw new NullPointerException("keyStore must not be null");
        if (alias == null) throw new NullPointerException("alias must not be null");
        if (blobFile == null) throw new NullPointerException("blobFile must not be null");
        this.keyStore = keyStore;
        this.alias = alias;
        this.keyPassword = keyPassword != null ? keyPassword.clone() : null;
        this.blobFile = blobFile.toAbsolutePath();
    }

    /**
     * Returns the database key, making and storing it on first use (see the class comment).
     *
     * @throws UnrecoverableKeyException when the key store has no AES key under the alias, or the
     *     blob exists but does not unwrap with it
     * @throws IOException when the blob cannot be read or written
     */
    @Override
    public byte[] databaseKey() throws GeneralSecurityException, IOException {
        SecretKey wrappingKey = wrappingKey();
        if (!Files.exists(blobFile)) {
            byte[] key = new byte[KEY_BYTES];
            random.nextBytes(key);
            boolean stored = false;
            try {
                stored = storeIfAbsent(wrap(wrappingKey, key));
                if (stored) return key;
            } finally {
                if (!stored) Arrays.fill(key, (byte) 0);
            }
            // Another opener stored a blob first; that one is the key.
        }
        return unwrap(wrappingKey, Files.readAllBytes(blobFile));
    }

    private SecretKey wrappingKey() throws GeneralSecurityException {
        Key key = keyStore.getKey(alias, keyPassword);
        if (!(key instanceof SecretKey)) {
            throw new UnrecoverableKeyException("the key store has no secret key under alias \"" + alias + "\"");
        }
        return (SecretKey) key;
    }

    private byte[] wrap(SecretKey wrappingKey, byte[] key) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        // No IV is given: the provider picks a random one (AndroidKeyStore insists on it).
        cipher.init(Cipher.ENCRYPT_MODE, wrappingKey);
        cipher.updateAAD(LABEL);
        byte[] iv = cipher.getIV();
        byte[] sealed = cipher.doFinal(key);
        ByteBuffer blob = ByteBuffer.allocate(2 + iv.length + sealed.length);
        blob.put(FORMAT_VERSION).put((byte) iv.length).put(iv).put(sealed);
        return blob.array();
    }

    private byte[] unwrap(SecretKey wrappingKey, byte[] blob) throws GeneralSecurityException {
        int ivLength = blob.length >= 2 ? blob[1] & 0xff : 0;
        if (blob.length < 2 || blob[0] != FORMAT_VERSION || ivLength < 12 || blob.length != 2 + ivLength + KEY_BYTES + TAG_BITS / 8) {
            throw new UnrecoverableKeyException("the wrapped database key in " + blobFile.getFileName()
                    + " is malformed; a new key is not made over it, as the data would be lost");
        }
        byte[] key = null;
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, wrappingKey, new GCMParameterSpec(TAG_BITS, blob, 2, ivLength));
            cipher.updateAAD(LABEL);
            key = cipher.doFinal(blob, 2 + ivLength, blob.length - 2 - ivLength);
        } catch (GeneralSecurityException e) {
            UnrecoverableKeyException refused = new UnrecoverableKeyException("the wrapped database key does not "
                    + "unwrap with the key store's key \"" + alias + "\"; a new key is not made over it, as the data "
                    + "would be lost");
            refused.initCause(e);
            throw refused;
        }
        if (key.length != KEY_BYTES) {
            Arrays.fill(key, (byte) 0);
            throw new UnrecoverableKeyException("the wrapped database key has the wrong length");
        }
        return key;
    }

    /**
     * Writes the blob under a temporary name in the same folder, syncs it, and links it into
     * place only if nothing is there yet (link(2) never replaces). Returns false when a blob
     * already existed, which is then left as it was.
     */
    private boolean storeIfAbsent(byte[] blob) throws IOException {
        Path folder = blobFile.getParent();
        Files.createDirectories(folder);
        // createTempFile makes the file readable by its owner only.
        Path temp = Files.createTempFile(folder, blobFile.getFileName().toString() + ".", ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(blob);
                while (buffer.hasRemaining()) out.write(buffer);
                out.force(true);
            }
            try {
                Files.createLink(blobFile, temp);
            } catch (FileAlreadyExistsException alreadyThere) {
                return false;
            }
            syncFolder(folder);
            return true;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void syncFolder(Path folder) {
        // Makes the new name durable. Opening a folder for reading works on Linux and Android;
        // where it does not, the blob's own contents are already synced.
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException notSupported) {
            // Best effort, see above.
        }
    }
}
