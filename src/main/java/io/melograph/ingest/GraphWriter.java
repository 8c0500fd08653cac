package io.melograph.ingest;

import io.melograph.graph.GraphConnection;
import io.melograph.graph.GraphStats;
import io.melograph.ontology.Ontology;
import io.melograph.ontology.Relation;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.SummaryCounters;

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
    /** A batch of rows for one statement; a batch with a latch is a flush marker, one with neither ends the thread. */
    private record Batch(String key, String statement, List<Map<String, Object>> rows, CountDownLatch flushed) {
        Batch(String key, String statement, List<Map<String, Object>> rows) {
            this(key, statement, rows, null);
        }
    }

    private static final Batch END = new Batch("", "", List.of());

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
        Batch b = open.computeIfAbsent(key, k -> new Batch(n.label(), nodeStatement(n.labels()), new ArrayList<>(batchSize)));
        b.rows().add(Map.of("id", n.id(), "props", n.props()));
        if (b.rows().size() >= batchSize) {
            submit(open.remove(key));
        }
    }

    void edge(EdgeRecord e) {
        String key = e.fromLabel() + "-" + e.type() + "-" + e.toLabel();
        Relation relation = ontology.relationByType(e.type())
                .orElseThrow(() -> new IllegalArgumentException("not an ontology relationship: " + e.type()));
        Batch b = open.computeIfAbsent(key, k -> new Batch(e.type(), edgeStatement(e, relation), new ArrayList<>(batchSize)));
        Map<String, Object> row = new HashMap<>(6);
        row.put("from", e.fromId());
        row.put("to", e.toId());
        row.put("props", e.props());
        if (relation.keyedBy() != null) {
            row.put("key", e.props().get(relation.keyedBy()));
        }
        b.rows().add(row);
        if (b.rows().size() >= batchSize) {
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
                if (b.flushed() != null) {
                    b.flushed().countDown();
                    continue;
                }
                try {
                    if (failure.get() == null) {
                        SummaryCounters c = session.executeWrite(tx -> tx.run(b.statement(), Map.of("rows", b.rows())).consume().counters());
                        synchronized (this) {
                            written.merge(b.key(), (long) b.rows().size(), Long::sum);
                            created.merge("nodes", (long) c.nodesCreated(), Long::sum);
                            created.merge("relationships", (long) c.relationshipsCreated(), Long::sum);
                            created.merge("properties", (long) c.propertiesSet(), Long::sum);
                        }
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, new IllegalStateException("writing " + b.key() + " failed: " + e.getMessage(), e));
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

    private String edgeStatement(EdgeRecord e, Relation relation) {
        String key = relation.keyedBy() == null ? "" : " {" + relation.keyedBy() + ": row.key}";
        return "UNWIND $rows AS row\n"
                + "MATCH (a:" + label(e.fromLabel()) + " {id: row.from})\n"
                + "MATCH (b:" + label(e.toLabel()) + " {id: row.to})\n"
                + "MERGE (a)-[r:" + GraphStats.quote(relation.type()) + key + "]->(b)\n"
                + "SET r += row.props";
    }
}
