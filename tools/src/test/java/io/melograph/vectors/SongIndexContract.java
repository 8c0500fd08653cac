package io.melograph.vectors;

import io.melograph.bench.ClusteredVectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every song index must do, checked against the exact scan on a few thousand clustered vectors. */
abstract class SongIndexContract {
    static final int SONGS = 3000;
    static final int DIMENSIONS = 32;
    static final int QUERIES = 100;
    static final int K = 10;

    ClusteredVectors mixture;
    SongVectors songs;
    ExactSongIndex exact;
    List<float[]> queries;

    @TempDir
    Path dir;

    abstract SongIndex build(SongVectors songs) throws Exception;

    abstract SongIndex load(Path dir) throws IOException;

    @BeforeEach
    void vectors() {
        mixture = new ClusteredVectors(DIMENSIONS, 60, 0.5, 7);
        songs = mixture.songs(SONGS);
        exact = new ExactSongIndex(songs.copy());
        queries = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            queries.add(mixture.next());
        }
    }

    @Test
    void findsMostOfTheExactTopTen() throws Exception {
        SongIndex index = build(songs);
        assertEquals(SONGS, index.size());
        double recall = 0;
        for (float[] q : queries) {
            Set<Integer> found = songs(index.nearest(q, K, SongIndex.NONE));
            found.retainAll(songs(exact.nearest(q, K, SongIndex.NONE)));
            recall += found.size() / (double) K;
        }
        recall /= QUERIES;
        assertTrue(recall >= 0.9, "recall@10 " + recall);
    }

    @Test
    void excludedSongsNeverComeBack() throws Exception {
        SongIndex index = build(songs);
        for (float[] q : queries) {
            // the exact 30 best and every third song: the excluded are exactly the ones the index would rank first
            Set<Integer> best = songs(exact.nearest(q, 30, SongIndex.NONE));
            IntPredicate excluded = song -> best.contains(song) || song % 3 == 0;
            List<SongHit> hits = index.nearest(q, K, excluded);
            assertEquals(K, hits.size());
            for (SongHit h : hits) {
                assertFalse(excluded.test(h.song()), "excluded song " + h.song() + " came back");
            }
        }
    }

    @Test
    void aSongAddedOnlineIsFoundAtOnce() throws Exception {
        SongIndex index = build(songs);
        for (int i = 0; i < 20; i++) {
            float[] vector = mixture.next();
            int song = SONGS + i;
            index.put(song, "new-" + i, vector);
            SongHit first = index.nearest(vector, K, SongIndex.NONE).get(0);
            assertEquals(song, first.song());
            assertEquals("new-" + i, first.id());
            assertEquals(1.0, first.score(), 1e-4);
        }
        assertEquals(SONGS + 20, index.size());
    }

    @Test
    void aReplacedVectorIsFoundAtItsNewPlaceOnly() throws Exception {
        SongIndex index = build(songs);
        float[] old = songs.vector(5).clone();
        float[] moved = mixture.next();
        index.put(5, "song-5", moved);
        assertEquals(5, index.nearest(moved, K, SongIndex.NONE).get(0).song());
        for (SongHit h : index.nearest(old, K, SongIndex.NONE)) {
            assertTrue(h.song() != 5 || h.score() < 0.999, "song 5 still answers at its old vector");
        }
        assertEquals(SONGS, index.size());
    }

    @Test
    void savedAndLoadedGivesTheSameAnswers() throws Exception {
        SongIndex index = build(songs);
        index.put(SONGS, "after-build", mixture.next());
        index.save(dir);
        SongIndex loaded = load(dir);
        assertEquals(index.size(), loaded.size());
        assertEquals(index.dimensions(), loaded.dimensions());
        for (float[] q : queries) {
            assertEquals(index.nearest(q, K, SongIndex.NONE), loaded.nearest(q, K, SongIndex.NONE));
        }
    }

    @Test
    void aMissingIndexIsAnErrorNotAnEmptyIndex() {
        IndexFileException e = assertThrows(IndexFileException.class, () -> load(dir));
        assertTrue(e.getMessage().startsWith("no "), e.getMessage());
    }

    @Test
    void aCorruptIndexIsRefusedWithItsName() throws Exception {
        build(songs).save(dir);
        Path file = onlyFile();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(file, bytes);
        IndexFileException e = assertThrows(IndexFileException.class, () -> load(dir));
        assertTrue(e.getMessage().contains("corrupt") && e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void aCutOffIndexIsRefused() throws Exception {
        build(songs).save(dir);
        Path file = onlyFile();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        IndexFileException e = assertThrows(IndexFileException.class, () -> load(dir));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    private Path onlyFile() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), "files in the index folder: " + all);
            return all.get(0);
        }
    }

    static Set<Integer> songs(List<SongHit> hits) {
        Set<Integer> songs = new HashSet<>();
        for (SongHit h : hits) {
            songs.add(h.song());
        }
        return songs;
    }
}
