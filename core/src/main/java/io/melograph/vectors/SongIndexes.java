package io.melograph.vectors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The index a catalog gets: an exact scan while it is small enough to answer as fast as a graph (and is always right),
 * JVector above that (docs/benchmarks.md, "ANN vector engine (issue 16)", says why JVector).
 */
public final class SongIndexes {
    /** A scan of 20,000 32-dim vectors takes about half a millisecond (2.8 ms p50 at 100,000 songs, measured). */
    public static final int EXACT_BELOW = 20_000;

    private SongIndexes() {}

    public static SongIndex build(SongVectors songs) {
        return songs.size() < EXACT_BELOW ? new ExactSongIndex(songs)
                : JVectorSongIndex.build(songs, JVectorSongIndex.Settings.DEFAULT);
    }

    /** Whichever of the two {@code dir} holds (the service passes MELOGRAPH_HOME/vectors). */
    public static SongIndex load(Path dir) throws IOException {
        if (Files.exists(dir.resolve(JVectorSongIndex.FILE))) {
            return JVectorSongIndex.load(dir, JVectorSongIndex.Settings.DEFAULT);
        }
        if (Files.exists(dir.resolve(ExactSongIndex.FILE))) {
            return ExactSongIndex.load(dir);
        }
        throw new IndexFileException("no vector index in " + dir + " (neither " + JVectorSongIndex.FILE + " nor "
                + ExactSongIndex.FILE + "): build one before loading it");
    }
}
