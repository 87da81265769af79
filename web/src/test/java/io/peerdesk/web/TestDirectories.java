package io.peerdesk.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * New directories for what a test's portal keeps on disk (database, simulated cloud), under
 * {@code target/test-data} of the working directory: {@code mvn clean} removes them, and runs of the
 * suite leave nothing in the system's temporary directory.
 */
public final class TestDirectories {

    private TestDirectories() {
    }

    public static Path create(String prefix) {
        try {
            Path parent = Files.createDirectories(Path.of("target", "test-data"));
            return Files.createTempDirectory(parent, prefix).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
