package io.melograph.neighbours;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NeighbourStoreTest {
    @TempDir
    Path home;

    private static final Neighbour ALBUM = new Neighbour("s-2", "song", "Zweites Lied", 2.5,
            List.of("s-1", "al-1", "s-2"), List.of("Erstes Lied", "Album Ü", "Zweites Lied"), 1, null);
    private static final Neighbour MEMBER = new Neighbour("s-3", "song", null, 0.125,
            List.of("s-1", "ar-1", "ar-2", "ar-3", "s-3"), List.of("Erstes Lied", "Band", "?", "Solo", "?"), 3, "member-of");

    private Path write(Instant at) throws IOException {
        Path dir = home.resolve("neighbours");
        try (NeighbourStore.Writer w = new NeighbourStore.Writer(dir, List.of("kg-same-album", "kg-band-members"))) {
            w.add("s-1", "Erstes Lied", Map.of("kg-same-album", List.of(ALBUM), "kg-band-members", List.of(MEMBER)));
            w.add("s-2", "Zweites Lied", Map.of("kg-same-album", List.of()));
            w.commit(at, "emb-1");
        }
        return dir;
    }

    @Test
    void whatIsWrittenIsReadBackAsIs() throws IOException {
        NeighbourStore store = NeighbourStore.open(write(Instant.ofEpochMilli(1234)));
        assertEquals(Optional.of(List.of(ALBUM)), store.neighbours("kg-same-album", "s-1"));
        assertEquals(Optional.of(List.of(MEMBER)), store.neighbours("kg-band-members", "s-1"), "paths of any length, unnamed nodes");
        assertEquals(Optional.of(List.of()), store.neighbours("kg-same-album", "s-2"), "a song with no neighbours there");
        assertEquals(Optional.empty(), store.neighbours("kg-band-members", "s-2"), "a channel that could not answer for the song");
        assertEquals(Optional.empty(), store.neighbours("kg-same-album", "s-new"), "a song the store does not know");
        assertEquals(Optional.empty(), store.neighbours("kg-same-album", "al-1"), "not a song");
        assertEquals(Optional.empty(), store.neighbours("kg-tags", "s-1"), "a channel the store does not keep");
        assertEquals(Optional.of("Erstes Lied"), store.name("s-1"));
        assertEquals(2, store.songs());
        assertEquals(Instant.ofEpochMilli(1234), store.builtAt());
        assertEquals(Optional.of("emb-1"), store.embeddingsVersion());
    }

    @Test
    void aRebuildReplacesTheStoreWhole() throws IOException {
        write(Instant.ofEpochMilli(1));
        try (NeighbourStore.Writer w = new NeighbourStore.Writer(home.resolve("neighbours"), List.of("kg-tags"))) {
            w.add("s-9", "Neu", Map.of("kg-tags", List.of()));
            w.commit(Instant.ofEpochMilli(2), null);
        }
        NeighbourStore store = NeighbourStore.open(home.resolve("neighbours"));
        assertEquals(java.util.Set.of("kg-tags"), store.channels());
        assertFalse(store.name("s-1").isPresent());
        assertEquals(Optional.empty(), store.embeddingsVersion());
        assertFalse(java.nio.file.Files.exists(home.resolve("neighbours.new")) || java.nio.file.Files.exists(home.resolve("neighbours.old")));
    }

    @Test
    void aCutOffFileIsReportedNotRead() throws IOException {
        Path dir = write(Instant.now());
        try (FileChannel ch = FileChannel.open(dir.resolve("kg-same-album.bin"), StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 4);
        }
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> NeighbourStore.open(dir));
        assertTrue(e.getMessage().contains("kg-same-album.bin") && e.getMessage().contains("cut off"), e.getMessage());
        assertFalse(NeighbourStore.exists(home.resolve("nothing-here")));
    }

    @Test
    void updatesAnswerForTheirSongsOnlyAndOnlyWhenNewerThanTheStore() throws IOException {
        NeighbourStore store = NeighbourStore.open(write(Instant.ofEpochMilli(1000)));
        Neighbour fresh = new Neighbour("s-9", "song", "Neu", 1.0, List.of("s-2", "al-1", "s-9"), List.of("Zweites Lied", "Album Ü", "Neu"), 1, null);
        Path updates = home.resolve("neighbours-updates");
        try (NeighbourStore.Writer w = new NeighbourStore.Writer(updates, List.of("kg-same-album"))) {
            w.add("s-2", "Zweites Lied", Map.of("kg-same-album", List.of(fresh)));
            w.commit(Instant.ofEpochMilli(2000), null);
        }
        NeighbourStore layered = store.withUpdates(NeighbourStore.open(updates));
        assertEquals(Optional.of(List.of(fresh)), layered.neighbours("kg-same-album", "s-2"), "the updated song");
        assertEquals(Optional.of(List.of(ALBUM)), layered.neighbours("kg-same-album", "s-1"), "the others from the store");
        assertEquals(List.of("s-2"), NeighbourStore.open(updates).songsIn("kg-same-album"),
                "s-9 and s-1 are only named by the updates' list, not held there");
        assertEquals(Optional.empty(), NeighbourStore.open(updates).neighbours("kg-same-album", "s-9"));

        NeighbourStore older = NeighbourStore.open(write(Instant.ofEpochMilli(3000))).withUpdates(NeighbourStore.open(updates));
        assertFalse(older.updates().isPresent(), "updates computed before the build began are older than it");
        assertEquals(Optional.of(List.of()), older.neighbours("kg-same-album", "s-2"));

        // updates mixing lists from before and after a build: each list answers only if newer than the build
        Neighbour later = new Neighbour("s-3", "song", "Drittes", 2.0, List.of("s-1", "al-1", "s-3"), List.of("Erstes Lied", "Album Ü", "Drittes"), 1, null);
        try (NeighbourStore.Writer w = new NeighbourStore.Writer(updates, List.of("kg-same-album"))) {
            w.add("s-2", "Zweites Lied", "song", Map.of("kg-same-album", List.of(fresh)), Instant.ofEpochMilli(2000));
            w.add("s-1", "Erstes Lied", "song", Map.of("kg-same-album", List.of(later)), Instant.ofEpochMilli(4000));
            w.commit(Instant.ofEpochMilli(4000), null);
        }
        NeighbourStore mixed = NeighbourStore.open(home.resolve("neighbours")).withUpdates(NeighbourStore.open(updates));
        assertEquals(Optional.of(List.of(later)), mixed.neighbours("kg-same-album", "s-1"), "computed after the build: answers");
        assertEquals(Optional.of(List.of()), mixed.neighbours("kg-same-album", "s-2"), "computed before it: the build's list");
    }

    @Test
    void oneWriterAtATime() throws IOException {
        Path dir = home.resolve("neighbours");
        try (NeighbourStore.Writer w = new NeighbourStore.Writer(dir, List.of("kg-tags"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new NeighbourStore.Writer(dir, List.of("kg-tags")));
            assertTrue(e.getMessage().contains("another build"), e.getMessage());
        }
        try (NeighbourStore.Writer again = new NeighbourStore.Writer(dir, List.of("kg-tags"))) {
            again.commit(Instant.ofEpochMilli(5), null); // free again once the first is closed
        }
    }
}
