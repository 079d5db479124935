// SPDX-License-Identifier: Apache-2.0
package com.selfcare.abitest;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real selfcare-server on an ephemeral loopback port, with demo data and the sandbox code
 * 246810 (as tests/abi/c/scenario_support.c starts it). Started under setpriv --pdeathsig KILL
 * when setpriv exists, so the kernel stops it even if this JVM dies without running its
 * finally blocks.
 */
final class ServerProcess {
    static final String DEMO_CUSTOMER = "13800138000";
    static final String DEMO_OTP = "246810";

    private final Process process;
    private final int port;

    /** Starts the server with its database and log in {@code dir}; throws if it does not come up. */
    ServerProcess(String binary, Path dir) throws IOException, InterruptedException {
        Path portFile = dir.resolve("port");
        List<String> command = new ArrayList<>();
        if (new File("/usr/bin/setpriv").canExecute()) {
            command.add("/usr/bin/setpriv");
            command.add("--pdeathsig");
            command.add("KILL");
            command.add("--");
        }
        command.add(binary);
        command.add("--listen");
        command.add("127.0.0.1:0");
        command.add("--db");
        command.add("sqlite:" + dir.resolve("server.db"));
        command.add("--seed");
        command.add("demo");
        command.add("--sandbox-otp");
        command.add(DEMO_OTP);
        command.add("--port-file");
        command.add(portFile.toString());
        File log = dir.resolve("server.log").toFile();
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        int found = 0;
        // Up to a minute on a loaded machine; a bound against hanging, not a timing assertion.
        for (int i = 0; i < 3000 && found <= 0; i++) {
            if (Files.exists(portFile)) {
                String text = new String(Files.readAllBytes(portFile), StandardCharsets.UTF_8).trim();
                try {
                    found = text.isEmpty() ? 0 : Integer.parseInt(text);
                } catch (NumberFormatException partlyWritten) {
                    found = 0;
                }
            }
            if (found <= 0) {
                if (!process.isAlive()) break;
                Thread.sleep(20);
            }
        }
        if (found <= 0) {
            process.destroyForcibly().waitFor();
            throw new IOException("selfcare-server did not start (see " + log + ")");
        }
        port = found;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops the server with SIGTERM and waits; returns its exit status. Idempotent. */
    int stop() throws InterruptedException {
        if (!process.isAlive()) return process.exitValue();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        return process.exitValue();
    }
}
