package io.peerdesk.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The standalone jar run as its own process, as a user runs it; can be killed without warning. */
final class StandaloneSimulator implements AutoCloseable {

    private final Process process;
    private final int port;
    private final List<String> output = new CopyOnWriteArrayList<>();

    private StandaloneSimulator(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static StandaloneSimulator start(Path dataDir, String... extraArgs) throws Exception {
        String jar = System.getProperty("sim.jar", "target/sim-engine-standalone.jar");
        if (!Files.exists(Path.of(jar))) {
            throw new IllegalStateException("standalone jar " + jar + " not built: run mvn verify");
        }
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar, "--port", Integer.toString(port), "--data-dir", dataDir.toString()));
        cmd.addAll(List.of(extraArgs));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StandaloneSimulator sim = new StandaloneSimulator(p, port);
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    sim.output.add(line);
                    if (line.contains("EC2 endpoint on")) {
                        ready.complete(null);
                    }
                }
            } catch (IOException ignored) {
                // the process went away
            }
            ready.completeExceptionally(new IllegalStateException("simulator exited: " + sim.output));
        }, "sim-output");
        reader.setDaemon(true);
        reader.start();
        ready.get(60, TimeUnit.SECONDS);
        return sim;
    }

    int port() {
        return port;
    }

    List<String> output() {
        return output;
    }

    /** SIGKILL: no shutdown hook, no final snapshot, no flush. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
