package io.melograph;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

/**
 * One real Kafka broker (KRaft, broker and controller in one node) per test JVM, started on first use: the same
 * broker code a deployment runs, inside the test, since no container engine is available. Tests that need a topic of
 * their own name it.
 */
public final class TestKafka {
    private static KafkaClusterTestKit cluster;
    private static volatile String halted;

    private TestKafka() {}

    /**
     * A broker for benchmarks (bench/events-bench.sh with KAFKA=1): starts one, writes its bootstrap address to the
     * file {@code args[0]} and runs until killed.
     */
    public static void main(String[] args) throws Exception {
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), start() + "\n");
        Thread.currentThread().join();
    }

    /**
     * The broker's bootstrap address, {@code host:port}. In a test JVM the broker may not halt the JVM: at exit the test
     * kit's own shutdown hook deletes the broker's directories while ours closes it, the broker then sees its only log
     * directory fail and calls {@code Exit.halt(1)}, and the test run fails after every test passed (surefire: "Error
     * occurred in starting fork"). A halt asked for during the tests is printed instead, and from then on this method
     * refuses with it, so the tests that need the broker fail saying why.
     */
    public static synchronized String bootstrap() {
        Exit.setHaltProcedure((status, message) -> {
            halted = "status " + status + ": " + message;
            System.err.println("The test Kafka broker asked to halt the JVM (" + halted + "); the JVM goes on");
        });
        if (halted != null) {
            throw new IllegalStateException("the test Kafka broker asked to halt the JVM (" + halted + ")");
        }
        return start();
    }

    /** The halt the broker asked for, if any, forgotten from now on (the test of the guard). */
    public static synchronized String takeHalt() {
        String h = halted;
        halted = null;
        return h;
    }

    private static synchronized String start() {
        if (cluster == null) {
            try {
                KafkaClusterTestKit c = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build()).build();
                c.format();
                c.startup();
                c.waitForReadyBrokers();
                cluster = c;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        c.close();
                    } catch (Exception e) {
                        // the JVM is going away: its temporary log directories go with the test run
                    }
                }));
            } catch (Exception e) {
                throw new IllegalStateException("the test Kafka broker did not start", e);
            }
        }
        return cluster.bootstrapServers();
    }
}
