package io.melograph.cli;

import io.melograph.TestGraph;
import io.melograph.TwoScenes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainCommandTest {
    private CliRunner cli;

    @BeforeEach
    void open() {
        TestGraph.withPlugins();
        cli = new CliRunner();
        TwoScenes.write(TestGraph.connection());
    }

    @AfterEach
    void close() {
        cli.close();
    }

    @Test
    void trainEmbeddingsThenBenchTheVectorIndex() {
        assertEquals(0, cli.run("train", "embeddings", "--dimensions", "16", "--seed", "3", "--quality", "24"), cli.stderr());
        String out = cli.stdout();
        assertTrue(out.contains("fastrp, 16 dimensions, seed 3, relationships weighted"), out);
        assertTrue(out.contains("Song 24/24, Artist 4/4, Album 4/4, User 2/2"), out);
        assertTrue(out.contains("same artist"), out);

        assertEquals(0, cli.run("train", "embeddings", "--dimensions", "16", "--new-only", "--quality", "0"), cli.stderr());
        assertTrue(cli.stdout().contains("folded in 0 new nodes"), cli.stdout());

        assertEquals(0, cli.run("bench", "vectors", "--queries", "5", "--k", "5", "--fetch", "5,10", "--db-scans", "2"),
                cli.stderr());
        assertTrue(cli.stdout().contains("24 songs with 16-dimensional embeddings"), cli.stdout());
        assertTrue(cli.stdout().contains("vector index, 10 asked, re-scored"), cli.stdout());
    }

    @Test
    void badOptionsAreRejected() {
        assertEquals(1, cli.run("train", "embeddings", "--dimensions", "16", "--algorithm", "word2vec"));
        assertTrue(cli.stderr().contains("WORD2VEC"), cli.stderr());
        assertEquals(1, cli.run("train", "embeddings", "--dimensions", "16", "--relationships", "everything"));
        assertTrue(cli.stderr().contains("unknown relationship profile everything"), cli.stderr());
    }
}
