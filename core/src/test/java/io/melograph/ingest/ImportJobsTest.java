package io.melograph.ingest;

import io.melograph.TestGraph;
import io.melograph.graph.GraphConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Import jobs kept on disk: what a stop interrupted shows as such after the restart and can be run again. */
class ImportJobsTest {
    private static final Path EXAMPLES = Path.of("import/examples/csv");

    private static ImportJobs.Status await(ImportJobs jobs, String id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            ImportJobs.Status s = jobs.get(id).orElseThrow();
            if (s.state() != ImportJobs.State.QUEUED && s.state() != ImportJobs.State.RUNNING) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the job did not finish");
    }

    private static long songs(GraphConnection graph) {
        try (Session s = graph.session()) {
            return s.run("MATCH (n:Song) RETURN count(n) AS n").single().get("n").asLong();
        }
    }

    @Test
    void aJobTheStopInterruptedShowsAsSuchAndRunsAgain(@TempDir Path dir) throws Exception {
        TestGraph.clear();
        GraphConnection graph = TestGraph.connection();
        ImportFiles files = ImportFiles.load();
        String finishedId;
        try (ImportJobs jobs = new ImportJobs(graph, files, dir, () -> { })) {
            finishedId = jobs.submit(List.of(EXAMPLES), Importer.Options.defaults()).id();
            assertEquals(ImportJobs.State.IMPORTED, await(jobs, finishedId).state());
        }
        long songs = songs(graph);
        assertTrue(songs > 0);
        // as the file of a job that was running when the service was killed
        String running = Files.readString(dir.resolve(finishedId + ".json")).replace("\"IMPORTED\"", "\"RUNNING\"")
                .replace(finishedId, "job-cut-short");
        Files.writeString(dir.resolve("job-cut-short.json"), running);

        try (ImportJobs jobs = new ImportJobs(graph, files, dir, () -> { })) {
            assertEquals(ImportJobs.State.IMPORTED, jobs.get(finishedId).orElseThrow().state(), "finished jobs are kept");
            ImportJobs.Status cut = jobs.get("job-cut-short").orElseThrow();
            assertEquals(ImportJobs.State.INTERRUPTED, cut.state());
            assertTrue(cut.error().contains("interrupted by a stop") && cut.error().contains("/rerun"), cut.error());
            ImportJobs.Status again = await(jobs, jobs.rerun("job-cut-short").id());
            assertEquals(ImportJobs.State.IMPORTED, again.state());
            assertEquals(songs, songs(graph), "a second run writes nothing twice");
            assertThrows(ImportJobs.CannotRerun.class, () -> jobs.rerun("no-such-job"));
        }
        try (ImportJobs jobs = new ImportJobs(graph, files, dir, () -> { })) {
            assertEquals(ImportJobs.State.INTERRUPTED, jobs.get("job-cut-short").orElseThrow().state(), "still says what happened");
            assertEquals(3, jobs.all().size());
        }
    }
}
