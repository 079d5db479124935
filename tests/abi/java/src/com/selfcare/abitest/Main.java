// SPDX-License-Identifier: Apache-2.0
package com.selfcare.abitest;

/**
 * The C ABI from Java through the Android embedding (selfcare.jar + libselfcare_jni.so), on the
 * desktop JVM, against the real selfcare-server:
 *   customer  the customer's journey (SelfcareClient, callAsync, a listener, non-BMP text)
 *   engineer  the engineer's journey, the customer hearing of it from an SDK thread
 *   misuse    what an app can get wrong, answered by exceptions while the JVM carries on
 *   key_hook  the database key from WrappedKeyStoreHook over a PKCS12 key store
 * The server binary comes from the system property selfcare.server. Exits 1 on any failure.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length == 1 ? args[0] : "";
        String server = System.getProperty("selfcare.server", "");
        if (server.isEmpty() && !mode.equals("misuse")) {
            System.err.println("set -Dselfcare.server=<path of selfcare-server>");
            System.exit(2);
        }
        try (TempDirs dirs = new TempDirs()) {
            switch (mode) {
                case "customer": CustomerJourney.run(server, dirs); break;
                case "engineer": EngineerJourney.run(server, dirs); break;
                case "misuse": MisuseChecks.run(dirs); break;
                case "key_hook": KeyHookChecks.run(server, dirs); break;
                default:
                    System.err.println("usage: Main customer|engineer|misuse|key_hook");
                    System.exit(2);
            }
        } catch (Exception e) {
            Check.fail("the " + mode + " checks stopped early: " + e);
            e.printStackTrace();
        }
        int failures = Check.failures();
        System.out.println(mode + ": " + (failures == 0 ? "all checks passed" : failures + " check(s) failed"));
        // System.exit rather than returning: a failure must not wait for stray non-daemon threads.
        System.exit(failures == 0 ? 0 : 1);
    }
}
