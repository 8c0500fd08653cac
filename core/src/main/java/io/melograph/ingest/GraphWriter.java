package io.melograph.ingest;

import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphStats;
import io.melograph.ontology.Ontology;
import io.melograph.ontology.Relation;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.SummaryCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes records in batches: one {@code UNWIND $rows ... MERGE} transaction per batch, on a writer thread so reading
 * the next batch overlaps with Neo4j writing this one. Labels and types in the statement text come only from the
 * ontology (checked here); every value travels as a parameter.
 */
final class GraphWriter implements AutoCloseable {
    /**
     * Rows for one statement and how many records they carry (grouped rows carry several). A batch with a latch is a
     * flush marker; {@link #END} ends the writer thread.
     */
    private static final class Batch {
        final String key;
        final String statement;
        final List<Map<String, Object>> rows;
        final CountDownLatch flushed;
        int records;

        Batch(String key, String statement, List<Map<String, Object>> rows, CountDownLatch flushed) {
            this.key = key;
            this.statement = statement;
            this.rows = rows;
            this.flushed = flushed;
        }

        Batch(String key, String statement, int capacity) {
            this(key, statement, new ArrayList<>(capacity), null);
        }
    }

    private static final Batch END = new Batch("", "", 0);

    private static final Logger LOG = LoggerFactory.getLogger(GraphWriter.class);

    private final GraphConnection graph;
    private final Ontology ontology;
    private final int batchSize;
    private final Map<String, Batch> open = new HashMap<>();
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Map<String, Long> written = new TreeMap<>();
    private final Map<String, Long> created = new TreeMap<>();
    private final Thread thread;

    GraphWriter(GraphConnection graph, Ontology ontology, int batchSize) {
        this.graph = graph;
        this.ontology = ontology;
        this.batchSize = batchSize;
        this.thread = new Thread(this::drain, "graph-writer");
        thread.setDaemon(true);
        thread.start();
    }

    void node(NodeRecord n) {
        String key = String.join(":", n.labels());
        Batch b = open.computeIfAbsent(key, k -> new Batch(n.label(), nodeStatement(n.labels()), batchSize));
        b.rows.add(Map.of("id", n.id(), "props", n.props()));
        if (++b.records >= batchSize) {
            submit(open.remove(key));
        }
    }

    void edge(EdgeRecord e) {
        Relation relation = ontology.relationByType(e.type())
                .orElseThrow(() -> new IllegalArgumentException("not an ontology relationship: " + e.type()));
        boolean props = !e.props().isEmpty();
        String key = e.fromLabel() + "-" + e.type() + "-" + e.toLabel() + (props ? "+" : "");
        Batch b = open.computeIfAbsent(key, k -> new Batch(e.type(), edgeStatement(e, relation, props), batchSize));
        if (props) {
            Map<String, Object> row = new HashMap<>(6);
            row.put("from", e.fromId());
            row.put("to", e.toId());
            row.put("props", e.props());
            if (relation.keyedBy() != null) {
                row.put("key", e.props().get(relation.keyedBy()));
            }
            b.rows.add(row);
        } else {
            // rows come grouped by start node (a song's tags, a playlist's songs): one seek for the start node per group
            List<Map<String, Object>> rows = b.rows;
            Map<String, Object> last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            if (last != null && last.get("from").equals(e.fromId())) {
                @SuppressWarnings("unchecked")
                List<String> to = (List<String>) last.get("to");
                to.add(e.toId());
            } else {
                Map<String, Object> row = new HashMap<>(4);
                row.put("from", e.fromId());
                row.put("to", new ArrayList<>(List.of(e.toId())));
                rows.add(row);
            }
        }
        if (++b.records >= batchSize) {
            submit(open.remove(key));
        }
    }

    /** Writes every pending batch and waits until all are committed. */
    void flush() {
        for (Batch b : List.copyOf(open.values())) {
            submit(b);
        }
        open.clear();
        CountDownLatch done = new CountDownLatch(1);
        submit(new Batch("flush", "", List.of(), done));
        try {
            // the queue is FIFO with one consumer: when the marker is reached, every earlier batch is committed
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing", e);
        }
        rethrow();
    }

    synchronized Map<String, Long> written() {
        return new TreeMap<>(written);
    }

    synchronized Map<String, Long> created() {
        return new TreeMap<>(created);
    }

    @Override
    public void close() {
        try {
            queue.put(END);
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void submit(Batch b) {
        rethrow();
        try {
            while (!queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing", e);
        }
    }

    private void rethrow() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    private void drain() {
        try (Session session = graph.session()) {
            while (true) {
                Batch b = queue.take();
                if (b == END) {
                    return;
                }
                if (b.flushed != null) {
                    b.flushed.countDown();
                    continue;
                }
                try {
                    if (failure.get() == null) {
                        long t0 = System.nanoTime();
                        SummaryCounters c = session.executeWrite(tx -> tx.run(b.statement, Map.of("rows", b.rows)).consume().counters());
                        LOG.debug("batch {} {} records {} ms", b.key, b.records, (System.nanoTime() - t0) / 1_000_000);
                        synchronized (this) {
                            written.merge(b.key, (long) b.records, Long::sum);
                            created.merge("nodes", (long) c.nodesCreated(), Long::sum);
                            created.merge("relationships", (long) c.relationshipsCreated(), Long::sum);
                            created.merge("properties", (long) c.propertiesSet(), Long::sum);
                        }
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, new IllegalStateException("writing " + b.key + " failed: " + e.getMessage(), e));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String label(String name) {
        if (ontology.classByLabel(name).isEmpty()) {
            throw new IllegalArgumentException("not an ontology class: " + name);
        }
        return GraphStats.quote(name);
    }

    private String nodeStatement(List<String> labels) {
        String primary = label(labels.get(0));
        StringBuilder s = new StringBuilder("UNWIND $rows AS row\n");
        // a node that exists under another of its labels gains the primary one, so MERGE finds it
        for (String other : labels.subList(1, labels.size())) {
            s.append("CALL { WITH row OPTIONAL MATCH (x:").append(label(other))
                    .append(" {id: row.id}) WHERE NOT x:").append(primary).append(" SET x:").append(primary).append(" }\n");
        }
        s.append("MERGE (n:").append(primary).append(" {id: row.id})\nSET n += row.props");
        for (String other : labels.subList(1, labels.size())) {
            s.append(", n:").append(label(other));
        }
        return s.toString();
    }

    /**
     * Relationships with properties: one row each. Without: rows grouped by start node, and no SET (an empty
     * {@code SET r += {}} alone costs a quarter of the throughput).
     */
    private String edgeStatement(EdgeRecord e, Relation relation, boolean props) {
        String type = GraphStats.quote(relation.type());
        String from = "MATCH (a:" + label(e.fromLabel()) + " {id: row.from})\n";
        String to = label(e.toLabel());
        if (props) {
            String key = relation.keyedBy() == null ? "" : " {" + relation.keyedBy() + ": row.key}";
            return "UNWIND $rows AS row\n" + from + "MATCH (b:" + to + " {id: row.to})\n"
                    + "MERGE (a)-[r:" + type + key + "]->(b)\nSET r += row.props";
        }
        return "UNWIND $rows AS row\n" + from + "UNWIND row.to AS target\nMATCH (b:" + to + " {id: target})\n"
                + "MERGE (a)-[r:" + type + "]->(b)";
    }
}
