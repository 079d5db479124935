// SPDX-License-Identifier: Apache-2.0
package com.selfcare.abitest;

import static com.selfcare.abitest.Answers.at;
import static com.selfcare.abitest.Answers.object;
import static com.selfcare.abitest.Answers.text;

import com.selfcare.sdk.KeyStoreHook;
import com.selfcare.sdk.SelfcareClient;
import com.selfcare.sdk.SelfcareException;
import com.selfcare.sdk.WrappedKeyStoreHook;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.KeyGenerator;

/**
 * The database key from a key store: WrappedKeyStoreHook over a PKCS12 file (standing in for the
 * Android Keystore) opens a new store, the same key store opens it again with the data in place,
 * another key store's key is refused (storage.key_unavailable when it cannot unwrap the stored
 * blob, storage.wrong_key when it brings a key of its own), and neither refusal touches the
 * database or the blob.
 */
final class KeyHookChecks {
    private static final String ALIAS = "selfcare-db";
    // A test-only key store password, not a secret of anything real.
    private static final char[] PASSWORD = "test key store".toCharArray();

    private KeyHookChecks() {}

    static void run(String serverBinary, TempDirs dirs) throws Exception {
        Path home = dirs.make("keyhook");
        Path data = Files.createDirectory(home.resolve("data"));
        Path blob = data.resolve("db-key.wrapped");
        Path storeA = home.resolve("a.p12");
        Path storeB = home.resolve("b.p12");
        makeKeyStore(storeA);
        makeKeyStore(storeB);

        ServerProcess server = new ServerProcess(serverBinary, dirs.make("server"));
        try {
            String config = object("data_dir", data.toString(), "server", server.baseUrl());

            // First open: a new store under a new random key, wrapped by key store A.
            CapturingHook first = new CapturingHook(hook(storeA, blob));
            String ticketId;
            try (SelfcareClient c = SelfcareClient.open(config, first)) {
                CustomerJourney.signIn(c);
                ticketId = text(c.call("tickets.create", object("category", "service", "subcategory", "slowResponse",
                        "description", CustomerJourney.NON_BMP_DESCRIPTION, "contact", ServerProcess.DEMO_CUSTOMER,
                        "channel", "app")), "id");
            }
            Check.that(Files.size(blob) > 32, "the wrapped key is stored beside the data");
            Check.that(!Files.exists(data.resolve("keys")), "the SDK kept no key file of its own");
            Check.that(!anyFileHolds(home, first.key), "no file holds the database key in the clear");
            Check.that(!anyFileHolds(home, hex(first.key).getBytes(StandardCharsets.US_ASCII)),
                    "no file holds the database key as hex");
            Arrays.fill(first.key, (byte) 0);

            // The app starts again: the same key store gives the same key, the data is there.
            try (SelfcareClient c = SelfcareClient.open(config, hook(storeA, blob))) {
                Check.that(at(c.call("account.summary"), "balance") != null,
                        "the session survived: account.summary without signing in again");
                Check.equal(CustomerJourney.NON_BMP_DESCRIPTION,
                        text(c.call("tickets.get", object("id", ticketId)), "description"), "the report is still there");
            }

            byte[] blobBefore = Files.readAllBytes(blob);
            String databaseBefore = digest(data.resolve("selfcare.db"));

            // Key store B cannot unwrap A's blob: the key is unavailable, and no new key is made.
            SelfcareException unwrap = Check.refused(SelfcareException.STORAGE, "storage.key_unavailable",
                    () -> SelfcareClient.open(config, hook(storeB, blob)).close(), "another key store, the same blob");
            if (unwrap != null) Check.equal("key", unwrap.getField(), "the error names the key");
            Check.that(Arrays.equals(blobBefore, Files.readAllBytes(blob)), "the blob was left as it was");

            // Key store B with a blob of its own supplies a different key: the store refuses it.
            Path otherBlob = home.resolve("other.wrapped");
            Check.refused(SelfcareException.STORAGE, "storage.wrong_key",
                    () -> SelfcareClient.open(config, hook(storeB, otherBlob)).close(), "a different key");
            Check.equal(databaseBefore, digest(data.resolve("selfcare.db")), "the database file is untouched");
            Check.that(Arrays.equals(blobBefore, Files.readAllBytes(blob)), "the blob is untouched");

            // And the right key still opens it.
            try (SelfcareClient c = SelfcareClient.open(config, hook(storeA, blob))) {
                Check.equal(ticketId, text(c.call("tickets.get", object("id", ticketId)), "id"),
                        "the right key opens the store after the refusals");
            }

            // Misuse of the hook.
            Check.throwsA(IllegalArgumentException.class,
                    () -> SelfcareClient.open(object("data_dir", data.toString(), "key", "x"), hook(storeA, blob)),
                    "a config with its own key and a hook");
            Check.refused(SelfcareException.STORAGE, "storage.key_unavailable",
                    () -> SelfcareClient.open(config, () -> new byte[16]).close(), "a hook giving 16 bytes");
            Check.refused(SelfcareException.STORAGE, "storage.key_unavailable", () -> SelfcareClient.open(config, () -> {
                throw new java.security.KeyStoreException("locked");
            }).close(), "a hook that throws");
            Check.throwsA(NullPointerException.class, () -> SelfcareClient.open(config, null), "a null hook");
        } finally {
            server.stop();
        }
    }

    /** A PKCS12 file holding one AES-256 key under ALIAS, as an app's key store would. */
    private static void makeKeyStore(Path file) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        ks.setEntry(ALIAS, new KeyStore.SecretKeyEntry(generator.generateKey()), new KeyStore.PasswordProtection(PASSWORD));
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, PASSWORD);
        }
    }

    /** A hook over the key store loaded afresh from its file. */
    private static WrappedKeyStoreHook hook(Path keyStoreFile, Path blob) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStoreFile)) {
            ks.load(in, PASSWORD);
        }
        return new WrappedKeyStoreHook(ks, ALIAS, PASSWORD, blob);
    }

    /** Keeps a copy of the key it passes on, so the test can look for it in files. */
    private static final class CapturingHook implements KeyStoreHook {
        private final KeyStoreHook inner;
        byte[] key = new byte[0];

        CapturingHook(KeyStoreHook inner) {
            this.inner = inner;
        }

        @Override
        public byte[] databaseKey() throws java.security.GeneralSecurityException, java.io.IOException {
            byte[] k = inner.databaseKey();
            key = k.clone();
            return k;
        }
    }

    private static boolean anyFileHolds(Path root, byte[] needle) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).collect(Collectors.toList());
        }
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            for (int i = 0; i + needle.length <= bytes.length; i++) {
                int j = 0;
                while (j < needle.length && bytes[i + j] == needle[j]) j++;
                if (j == needle.length) return true;
            }
        }
        return false;
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) s.append(String.format("%02x", b & 0xff));
        return s.toString();
    }

    private static String digest(Path file) throws Exception {
        return hex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
