package io.peerdesk.sim.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class DataDirTests {

    @TempDir
    Path dir;

    @Test
    void refusesASecondLockInTheSameProcess() throws IOException {
        try (DataDir first = DataDir.lock(dir)) {
            assertThat(first.path()).isEqualTo(dir);
            assertThatThrownBy(() -> DataDir.lock(dir))
                    .isInstanceOf(DataDirLockedException.class)
                    .hasMessageContaining("data directory " + dir + " is in use by another process");
        }
    }

    @Test
    void canBeLockedAgainAfterClose() throws IOException {
        DataDir.lock(dir).close();
        try (DataDir again = DataDir.lock(dir)) {
            assertThat(dir.resolve(".lock")).exists();
        }
    }

    @Test
    @Timeout(60)
    void refusesALockHeldByAnotherProcess() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                DataDirLockHolder.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("LOCKED");

            assertThatThrownBy(() -> DataDir.lock(dir))
                    .isInstanceOf(DataDirLockedException.class)
                    .hasMessage("data directory " + dir + " is in use by another process (pid " + holder.pid() + ")");
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        DataDir.lock(dir).close(); // released when the other process let go
    }
}
