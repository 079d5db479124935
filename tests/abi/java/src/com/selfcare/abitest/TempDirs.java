// SPDX-License-Identifier: Apache-2.0
package com.selfcare.abitest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** Temporary folders for one run, all removed by {@link #close()}. */
final class TempDirs implements AutoCloseable {
    private final List<Path> made = new ArrayList<>();

    /** A new empty folder. */
    Path make(String purpose) throws IOException {
        Path dir = Files.createTempDirectory("selfcare-java-" + purpose + "-");
        made.add(dir);
        return dir;
    }

    @Override
    public void close() throws IOException {
        for (Path dir : made) {
            if (!Files.exists(dir)) continue;
            Files.walkFileTree(dir, new SimpleFileVisitor<Path>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        made.clear();
    }
}
