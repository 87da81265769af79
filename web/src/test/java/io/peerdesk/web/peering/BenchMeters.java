package io.peerdesk.web.peering;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What {@link PeeringLifecycleBenchmark} reports besides its timings: the CPU this process spent per
 * peering by thread group (from {@code /proc/self/task}, so the compiler and garbage-collector threads
 * count too), and with {@code -Dbench.sql=true} the statements and commits per peering (counted by a
 * proxy around the portal's data source, which itself costs some CPU); on H2, the writes to the
 * database file per peering (H2 writes a commit's changed pages at once, see the data source's URL).
 */
final class BenchMeters {

    private static final Map<String, LongAdder> STATEMENTS = new ConcurrentHashMap<>();

    private BenchMeters() {
    }

    /** CPU ticks (1/100 s) of this process's threads by name, digits left out (one group per pool). */
    static Map<String, Long> threadTicks() {
        Map<String, Long> ticks = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ticks;
    }

    static void printTicks(Map<String, Long> before, Map<String, Long> after, int peerings) {
        System.out.println("CPU ms per peering by thread group:");
        after.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0).sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> System.out.printf("  %7.1f %s%n", e.getValue() * 10.0 / peerings, e.getKey()));
    }

    /** H2's count of writes to its file and of the bytes written, since it opened it; empty on other databases. */
    static Map<String, Long> fileWrites(DataSource dataSource) {
        Map<String, Long> writes = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().equals("H2")) {
                return writes;
            }
            try (var statement = connection.createStatement(); var rows = statement.executeQuery("select setting_name,"
                    + " setting_value from information_schema.settings where setting_name in ('info.FILE_WRITE',"
                    + " 'info.FILE_WRITE_BYTES', 'info.FILE_SIZE', 'info.CHUNKS_FILL_RATE')")) {
                while (rows.next()) {
                    writes.put(rows.getString(1), Long.parseLong(rows.getString(2)));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return writes;
    }

    static void printFileWrites(Map<String, Long> before, Map<String, Long> after, int peerings) {
        if (after.isEmpty()) {
            return;
        }
        System.out.printf("H2 file writes per peering: %.1f, %.1f KB; the file: %d MB, its chunks %d %% live%n",
                (after.get("info.FILE_WRITE") - before.get("info.FILE_WRITE")) / (double) peerings,
                (after.get("info.FILE_WRITE_BYTES") - before.get("info.FILE_WRITE_BYTES")) / 1024.0 / peerings,
                after.get("info.FILE_SIZE") / 1024 / 1024, after.get("info.CHUNKS_FILL_RATE"));
    }

    static void resetStatements() {
        STATEMENTS.clear();
    }

    static void printStatements(int peerings) {
        if (STATEMENTS.isEmpty()) {
            return;
        }
        System.out.println("statements and commits per peering (the 40 most frequent):");
        STATEMENTS.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum())).limit(40)
                .forEach(e -> System.out.printf("  %7.2f %s%n", e.getValue().sum() / (double) peerings, e.getKey()));
        System.out.printf("  %7.1f statements in all%n", STATEMENTS.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("#")).mapToLong(e -> e.getValue().sum()).sum() / (double) peerings);
    }

    /** The data source, counting each statement prepared (by its first 110 characters) and each commit. */
    static DataSource counting(DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(BenchMeters.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    return result instanceof Connection c ? counting(c) : result;
                });
    }

    private static Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(BenchMeters.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "commit" -> count("#commit");
                        case "rollback" -> count("#rollback");
                        case "prepareStatement", "prepareCall" -> count(shortened((String) args[0]));
                        default -> {
                        }
                    }
                    return invoke(connection, method, args);
                });
    }

    private static void count(String key) {
        STATEMENTS.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static String shortened(String sql) {
        String flat = sql.replaceAll("\\s+", " ").strip();
        return flat.length() > 110 ? flat.substring(0, 110) : flat;
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
