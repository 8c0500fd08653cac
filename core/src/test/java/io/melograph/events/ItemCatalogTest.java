package io.melograph.events;

import io.melograph.TestGraph;
import io.melograph.graph.GraphConnection;
import io.melograph.ingest.ImportFiles;
import io.melograph.ingest.ImportProgress;
import io.melograph.ingest.ImportReport;
import io.melograph.ingest.Importer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The item catalog's snapshot (harness): a restart starts from the last load, not from a scan of the graph. */
class ItemCatalogTest {

    @Test
    void aRestartStartsFromTheLastLoadAndTheGraphStaysTheTruth(@TempDir Path home) throws Exception {
        TestGraph.clear();
        GraphConnection graph = TestGraph.connection();
        try (Session s = graph.session()) {
            s.run("CREATE (:Song {id: 'cat-1', name: 'First'})-[:PERFORMED_BY]->(:Artist {id: 'cat-a', name: 'Band'}), "
                    + "(:Video {id: 'cat-v'})").consume();
        }
        Path file = home.resolve("catalog/items.bin");
        ItemCatalog first = ItemCatalog.restoreOrLoad(graph, file);
        assertFalse(first.restored(), "no snapshot yet: loaded from the graph");
        assertTrue(Files.exists(file), "the load is kept");

        try (Session s = graph.session()) {
            s.run("MATCH (n {id: 'cat-1'}) DETACH DELETE n").consume();
        }
        ItemCatalog restarted = ItemCatalog.restoreOrLoad(graph, file);
        assertTrue(restarted.restored());
        assertTrue(restarted.known(ItemType.SONG, "cat-1"), "what the last load saw, without reading the graph");
        assertTrue(restarted.known(ItemType.VIDEO, "cat-v"));
        assertEquals(new ItemCatalog.SongFacts("First", List.of("cat-a"), List.of("Band"), List.of()), restarted.song("cat-1"));

        restarted.reload();
        assertFalse(restarted.known(ItemType.SONG, "cat-1"), "the graph is the truth once loaded again");

        Files.write(file, new byte[] {1, 2, 3});
        ItemCatalog damaged = ItemCatalog.restoreOrLoad(graph, file);
        assertFalse(damaged.restored(), "an unreadable snapshot means a load from the graph");
        assertTrue(damaged.known(ItemType.VIDEO, "cat-v"));
    }

    @Test
    void anImportThatOnlyEditsIsNoticedThoughNoCountChanged(@TempDir Path dir) throws Exception {
        TestGraph.clear();
        GraphConnection graph = TestGraph.connection();
        ImportFiles files = ImportFiles.load();
        Path csv = dir.resolve("songs.csv");
        Files.writeString(csv, "id,name,performedBy,hasGenre\nsong:edit,Edited,artist:edit,genre:rock\n");
        Files.writeString(dir.resolve("artists.csv"), "id,name\nartist:edit,Band\n");
        Files.writeString(dir.resolve("genres.csv"), "id,name\ngenre:rock,Rock\ngenre:pop,Pop\n");
        importCsv(graph, files, dir);
        ItemCatalog catalog = new ItemCatalog(graph).reload();
        assertEquals(List.of("Rock"), catalog.song("song:edit").genres());
        assertFalse(catalog.reloadIfChanged(), "nothing changed");

        // another process corrects the genre: no count moves, the catalog version does
        Files.writeString(csv, "id,name,performedBy,hasGenre\nsong:edit,Edited,artist:edit,genre:pop\n");
        try (Session s = graph.session()) {
            s.run("MATCH (:Song {id: 'song:edit'})-[r:HAS_GENRE]->(:Genre {id: 'genre:rock'}) DELETE r").consume();
        }
        importCsv(graph, files, dir);
        assertTrue(catalog.reloadIfChanged(), "the import is noticed");
        assertEquals(List.of("Pop"), catalog.song("song:edit").genres());
        assertFalse(catalog.reloadIfChanged());
    }

    private static void importCsv(GraphConnection graph, ImportFiles files, Path dir) throws Exception {
        ImportReport r = new Importer(graph, files.ontology(), ImportProgress.NONE).run(files.csv(List.of(dir)), Importer.Options.defaults());
        assertEquals(ImportReport.Outcome.IMPORTED, r.outcome(), r.problems().toString());
    }
}
