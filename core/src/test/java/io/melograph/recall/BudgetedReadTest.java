package io.melograph.recall;

import io.melograph.TestGraph;
import io.melograph.graph.GraphConnection;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Reads cut off by their budget leave the driver's connection pool healthy for everyone else. */
class BudgetedReadTest {

    @Test
    void timedOutReadsDoNotPoisonTheNextQueries() {
        GraphConnection graph = TestGraph.connection();
        for (int i = 0; i < 20; i++) {
            assertThrows(RecallTimeoutException.class, () -> BudgetedRead.run(graph, "slow", Duration.ofMillis(1),
                    tx -> tx.runAsync("UNWIND range(1, 3000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n")
                            .thenCompose(c -> c.listAsync())));
            try (Session s = graph.session()) {
                assertEquals(1, s.run("RETURN 1 AS one").single().get("one").asInt());
            }
            List<Long> quick = BudgetedRead.run(graph, "quick", Duration.ofSeconds(10),
                    tx -> tx.runAsync("RETURN 2 AS two").thenCompose(c -> c.listAsync(r -> r.get("two").asLong())));
            assertEquals(List.of(2L), quick);
        }
    }
}
