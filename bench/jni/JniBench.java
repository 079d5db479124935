// SPDX-License-Identifier: Apache-2.0
package com.selfcare.bench;

import com.selfcare.sdk.Json;
import com.selfcare.sdk.SelfcareClient;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * account.summary answered from the encrypted cache, through the Java API (SelfcareClient.call:
 * String to UTF-8 bytes, JNI, sc_call, bytes back to a String) against its baseline in the same
 * run and process: the same call through sc_call directly from C (sc_call_baseline.c).
 *
 * <p>Setup: the real server on loopback, the demo customer signed in through the SDK and the
 * summary fetched once; then the server is stopped and both paths open the data folder with no
 * server configured, so every call is the cache path alone (as sdk_bench's "no server configured").
 * The Java path is run untimed first until the JIT has compiled it; repetitions then alternate
 * which path goes first.
 *
 * <p>Usage: java -Dselfcare.server=... -Dselfcare.jni.library=... -Dselfcare.bench.library=...
 * -cp selfcare.jar:jni-bench.jar com.selfcare.bench.JniBench [repetitions] [calls per repetition]
 */
public final class JniBench {
    // Untimed calls after each open, so both paths start from a warm store cache.
    private static final int WARMUP = 2000;
    // Untimed calls through Java once per run before anything is timed: on a busy machine the JIT
    // compiles the call path late (tens of thousands of calls in), and the first repetitions would
    // time the interpreter instead.
    private static final int JIT_WARMUP = 150000;

    private JniBench() {}

    /** Timed nanoseconds for {@code iterations} sc_call("account.summary"), or -1 on failure. */
    private static native long scCallLoop(byte[] configJson, int warmup, int iterations);

    public static void main(String[] args) throws Exception {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 20000;
        System.load(System.getProperty("selfcare.bench.library"));
        Path dir = Files.createTempDirectory("selfcare-jni-bench-");
        try {
            Path data = Files.createDirectory(dir.resolve("data"));
            fillCache(System.getProperty("selfcare.server"), dir, data);
            String config = "{\"data_dir\":" + Json.quote(data.toString()) + "}";

            timeJava(config, JIT_WARMUP);
            List<Double> jni = new ArrayList<>();
            List<Double> c = new ArrayList<>();
            for (int r = 0; r < repetitions; r++) {
                if (r % 2 == 0) {
                    jni.add(timeJava(config, calls));
                    c.add(timeC(config, calls));
                } else {
                    c.add(timeC(config, calls));
                    jni.add(timeJava(config, calls));
                }
            }
            double jniMedian = median(jni);
            double cMedian = median(c);
            // Each repetition's pair ran back to back, so its ratio is the least disturbed by a
            // machine whose load drifts during the run.
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < repetitions; r++) ratios.add(jni.get(r) / c.get(r));
            System.out.printf("account.summary from the cache, %d calls x %d repetitions (median, min-max us/call)%n",
                    calls, repetitions);
            System.out.printf("  sc_call from C (baseline)   %7.2f  (%.2f-%.2f)%n", cMedian, min(c), max(c));
            System.out.printf("  SelfcareClient.call (JNI)   %7.2f  (%.2f-%.2f)%n", jniMedian, min(jni), max(jni));
            System.out.printf("  ratio JNI / C               %7.2fx  (median of the repetitions' ratios; %.2f-%.2f)%n",
                    median(ratios), min(ratios), max(ratios));
            System.out.printf("  difference of the medians   %7.2f us%n", jniMedian - cMedian);
        } finally {
            delete(dir);
        }
    }

    private static double timeJava(String config, int calls) throws Exception {
        try (SelfcareClient client = SelfcareClient.open(config)) {
            Object first = Json.parse(client.call("account.summary"));
            if (!Boolean.TRUE.equals(((Map<?, ?>) first).get("stale"))) {
                throw new IllegalStateException("account.summary did not come from the cache");
            }
            long sink = 0;
            for (int i = 0; i < WARMUP; i++) sink += client.call("account.summary").length();
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) sink += client.call("account.summary").length();
            long elapsed = System.nanoTime() - start;
            if (sink == 0) throw new IllegalStateException("empty answers");
            return elapsed / 1000.0 / calls;
        }
    }

    private static double timeC(String config, int calls) {
        long ns = scCallLoop(config.getBytes(StandardCharsets.UTF_8), WARMUP, calls);
        if (ns < 0) throw new IllegalStateException("the C baseline failed");
        return ns / 1000.0 / calls;
    }

    /** Starts the server, signs the demo customer in, fetches the summary once, stops the server. */
    private static void fillCache(String serverBinary, Path dir, Path data) throws Exception {
        Path portFile = dir.resolve("port");
        Process server = new ProcessBuilder(serverBinary, "--listen", "127.0.0.1:0", "--db",
                "sqlite:" + dir.resolve("server.db"), "--seed", "demo", "--sandbox-otp", "246810",
                "--port-file", portFile.toString())
                .redirectErrorStream(true).redirectOutput(new File(dir.toFile(), "server.log")).start();
        try {
            String port = "";
            for (int i = 0; i < 3000 && port.isEmpty(); i++) {
                if (Files.exists(portFile)) port = new String(Files.readAllBytes(portFile), StandardCharsets.UTF_8).trim();
                if (port.isEmpty()) Thread.sleep(20);
            }
            if (port.isEmpty()) throw new IllegalStateException("selfcare-server did not start");
            String config = "{\"data_dir\":" + Json.quote(data.toString()) + ",\"server\":\"http://127.0.0.1:" + port + "\"}";
            try (SelfcareClient client = SelfcareClient.open(config)) {
                client.call("auth.request_otp", "{\"msisdn\":\"13800138000\"}");
                client.call("auth.login", "{\"msisdn\":\"13800138000\",\"otp\":\"246810\"}");
                client.call("account.summary");
            }
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static void delete(Path root) throws Exception {
        Files.walkFileTree(root, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws java.io.IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, java.io.IOException e) throws java.io.IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
