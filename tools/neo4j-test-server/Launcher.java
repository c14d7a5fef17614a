// Starts an embedded Neo4j 5.26 Community DBMS with a Bolt connector on
// 127.0.0.1 for the test suite. Started and stopped by up.sh / down.sh.
//
//   java -cp 'classes:lib/*' Launcher [HOME_DIR]
//
// HOME_DIR defaults to ./run; the database lives in HOME_DIR/data and
// Neo4j's own log in HOME_DIR/logs/debug.log.
// Environment: NEO4J_BOLT_PORT (default 7687), NEO4J_PAGECACHE (default 256m).

import java.nio.file.Path;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.log4j.Log4jLogProvider;

public class Launcher {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args.length > 0 ? args[0] : "run").toAbsolutePath();
        int port = Integer.parseInt(env("NEO4J_BOLT_PORT", "7687"));
        long pageCache = ByteUnit.parse(env("NEO4J_PAGECACHE", "256m"));

        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    // Neo4j's user log (startup/shutdown messages) goes to stdout.
                    .setUserLogProvider(new Log4jLogProvider(System.out))
                    // Bolt only, plain text, loopback only, no auth.
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    // neo4j:// routing tables then name 127.0.0.1, not localhost (may be ::1).
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    // dbms.routing.enabled defaults to true in 5.26 and would open
                    // a second port (server.routing.listen_address, 7688).
                    .setConfig(GraphDatabaseSettings.routing_enabled, false)
                    // dbms.usage_report.enabled defaults to true: no phoning home.
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // Small memory and disk footprint.
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "100M size")
                    .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(32))
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    // Bolt's netty event loops wait a 5 s quiet period each on
                    // shutdown (10 s in all); a test server can stop at once.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .build();
        } catch (Throwable t) {
            System.out.println("NEO4J FAILED: " + t);
            t.printStackTrace(System.out);
            System.exit(1);
            return;
        }

        // SIGTERM / SIGINT / System.exit: stop the DBMS cleanly (flush, checkpoint).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("NEO4J STOPPING");
            dbms.shutdown();
            System.out.println("NEO4J STOPPED");
        }, "neo4j-shutdown"));

        // build() returns once the DBMS runs; also wait for the default database.
        if (!dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(60_000)) {
            System.out.println("NEO4J FAILED: database 'neo4j' not available after 60 s");
            System.exit(1);
        }
        System.out.println("NEO4J READY bolt://127.0.0.1:" + port);
        System.out.flush();

        Thread.currentThread().join(); // run until a signal arrives
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
