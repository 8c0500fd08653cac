package io.melograph.vectors;

import io.melograph.bench.ClusteredVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SongIndexesTest {
    @TempDir
    Path dir;

    @Test
    void aSmallCatalogIsScannedAndLoadsBackAsItWasSaved() throws Exception {
        SongIndex index = SongIndexes.build(new ClusteredVectors(8, 5, 0.5, 1).songs(500));
        assertInstanceOf(ExactSongIndex.class, index);
        index.save(dir);
        assertInstanceOf(ExactSongIndex.class, SongIndexes.load(dir));
    }

    @Test
    void aJVectorFileIsLoadedAsJVector() throws Exception {
        JVectorSongIndex.build(new ClusteredVectors(8, 5, 0.5, 1).songs(500), JVectorSongIndex.Settings.DEFAULT).save(dir);
        SongIndex loaded = SongIndexes.load(dir);
        assertInstanceOf(JVectorSongIndex.class, loaded);
        assertEquals(500, loaded.size());
    }

    @Test
    void anEmptyFolderIsAnError() {
        IndexFileException e = assertThrows(IndexFileException.class, () -> SongIndexes.load(dir));
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    }

    @Test
    void anIndexOfAnotherKindIsRefusedByName() throws Exception {
        new ExactSongIndex(new ClusteredVectors(8, 5, 0.5, 1).songs(100)).save(dir);
        Files.move(dir.resolve(ExactSongIndex.FILE), dir.resolve(JVectorSongIndex.FILE));
        IndexFileException e = assertThrows(IndexFileException.class, () -> SongIndexes.load(dir));
        assertTrue(e.getMessage().contains("holds a 'exact' index"), e.getMessage());
    }
}
