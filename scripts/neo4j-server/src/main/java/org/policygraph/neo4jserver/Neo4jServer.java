package org.policygraph.neo4jserver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Embedded Neo4j Community with only the Bolt connector, for PolicyGraph's tests and CI.
 *
 * <p>Loopback-only test server: Bolt listens on 127.0.0.1 and auth is DISABLED, so any local process
 * can read and write the graph. Never bind it to another address or hold real data in it.
 *
 * <p>Usage: {@code java -Xmx512m -jar neo4j-server.jar [--port N] [--home DIR] [--page-cache SIZE]
 * [--watch-pid PID] [--warmup]}. Port 0 picks a free port; --warmup runs one query and exits
 * (the class-data-sharing training run). Each option falls back to an environment variable (NEO4J_BOLT_PORT,
 * NEO4J_HOME_DIR, NEO4J_PAGE_CACHE, NEO4J_WATCH_PID), then to 7687, /tmp/policygraph-neo4j/home, 256m.
 * Prints {@code NEO4J_READY bolt://127.0.0.1:PORT} once the default database is up and Bolt accepts
 * TCP connections; SIGTERM/SIGINT shut the DBMS down cleanly through a shutdown hook.
 */
public final class Neo4jServer {
    static final String READY = "NEO4J_READY";
    static final String HOST = "127.0.0.1";

    private Neo4jServer() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("neo4j-server: " + e.getMessage());
            System.err.println(
                    "usage: neo4j-server [--port N] [--home DIR] [--page-cache SIZE] [--watch-pid PID] [--warmup]");
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        Files.createDirectories(options.home);
        log("starting Neo4j on bolt://" + HOST + ":" + options.port + " home=" + options.home
                + " page-cache=" + options.pageCacheBytes / ByteUnit.mebiBytes(1) + "m");

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(options.home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, options.port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, options.port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // Tests start and stop servers often: don't wait 2 x 5 s for idle Bolt threads on shutdown.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Test server on loopback only: no credentials to manage in tests or CI.
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, options.pageCacheBytes)
                // Keep throwaway test stores small: no 256 MiB pre-allocated tx log files, no old logs kept.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                // The API's read-only Cypher endpoint sits in front of this server: LOAD CSV must not read its
                // files (file:///etc/passwd answered), and no one query may take the heap: a transaction gets
                // at most half of it, all transactions together 70% (Neo4j's own global default).
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, Runtime.getRuntime().maxMemory() / 2)
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size,
                        Runtime.getRuntime().maxMemory() * 7 / 10);
        DatabaseManagementService dbms;
        try {
            dbms = builder.build();
        } catch (RuntimeException e) {
            // e.g. the port is taken: say so on stdout (the log callers read) and exit non-zero at once.
            log("failed to start: " + rootMessage(e));
            e.printStackTrace(System.out);
            System.out.flush();
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean shutDown = new AtomicBoolean(false);
        Runnable shutdown = () -> {
            if (shutDown.compareAndSet(false, true)) {
                log("shutting down");
                try {
                    dbms.shutdown();
                    log("stopped");
                } catch (RuntimeException e) {
                    log("shutdown failed: " + e);
                } finally {
                    stopped.countDown();
                }
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "neo4j-server-shutdown"));

        try {
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(TimeUnit.SECONDS.toMillis(120))) {
                throw new IllegalStateException("default database did not become available within 120 s");
            }
            waitForBolt(options.port, Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            log("failed to start: " + e);
            System.exit(1);
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        // The one line scripts and fixtures wait for.
        System.out.println(READY + " bolt://" + HOST + ":" + options.port + " (" + ms + " ms)");
        System.out.flush();

        if (options.warmup) {
            // Training run for the class-data-sharing archive (scripts/neo4j-server.sh build): load the
            // Cypher and transaction classes a test touches, then exit through the shutdown hook.
            dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally(
                    "CREATE (n:Warmup {name: $name}) WITH n MATCH (m:Warmup) WHERE m.name = $name "
                            + "DETACH DELETE m RETURN count(*) AS c",
                    Map.of("name", "warmup"));
            log("warm-up done");
            System.exit(0);
        }
        options.watchPid.ifPresent(pid -> watchParent(pid, shutdown));
        stopped.await();
    }

    /** Shuts down when the process that started us is gone, e.g. a test runner killed with SIGKILL. */
    private static void watchParent(long pid, Runnable shutdown) {
        Thread watcher = new Thread(() -> {
            while (true) {
                Optional<ProcessHandle> parent = ProcessHandle.of(pid);
                if (parent.isEmpty() || !parent.get().isAlive()) {
                    log("watched process " + pid + " is gone");
                    // System.exit runs the shutdown hook, so the store is closed cleanly.
                    System.exit(0);
                    return;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "neo4j-server-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void waitForBolt(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 1000);
                return;
            } catch (IOException e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("Bolt did not accept connections on " + HOST + ":" + port, last);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    static void log(String message) {
        System.out.println("neo4j-server: " + message);
        System.out.flush();
    }

    record Options(int port, Path home, long pageCacheBytes, Optional<Long> watchPid, boolean warmup) {
        static Options parse(String[] args) throws IOException {
            String port = env("NEO4J_BOLT_PORT", "7687");
            String home = env("NEO4J_HOME_DIR", "/tmp/policygraph-neo4j") + "/home";
            String pageCache = env("NEO4J_PAGE_CACHE", "256m");
            String watch = env("NEO4J_WATCH_PID", "");
            boolean warmup = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--warmup")) {
                    warmup = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + arg);
                }
                String value = args[++i];
                switch (arg) {
                    case "--port" -> port = value;
                    case "--home" -> home = value;
                    case "--page-cache" -> pageCache = value;
                    case "--watch-pid" -> watch = value;
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            int portNumber;
            try {
                portNumber = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("port is not a number: " + port);
            }
            if (portNumber == 0) {
                portNumber = freePort();
            }
            if (portNumber < 1 || portNumber > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            Optional<Long> watchPid = Optional.empty();
            if (!watch.isBlank()) {
                try {
                    watchPid = Optional.of(Long.parseLong(watch.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("watch pid is not a number: " + watch);
                }
            }
            return new Options(
                    portNumber, Path.of(home).toAbsolutePath(), parseSize(pageCache), watchPid, warmup);
        }

        /** Port 0: let the OS pick a free loopback port (used by the warm-up run). */
        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
                return socket.getLocalPort();
            }
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }

        static long parseSize(String text) {
            String s = text.trim().toLowerCase(Locale.ROOT);
            long unit = 1;
            if (s.endsWith("k")) {
                unit = ByteUnit.kibiBytes(1);
            } else if (s.endsWith("m")) {
                unit = ByteUnit.mebiBytes(1);
            } else if (s.endsWith("g")) {
                unit = ByteUnit.gibiBytes(1);
            }
            String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
            try {
                return Long.parseLong(digits) * unit;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("size is not like 256m: " + text);
            }
        }
    }
}
