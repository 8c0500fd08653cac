package io.melograph.vectors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Nearest songs by cosine over one vector per song, kept in the process and updated as songs arrive. Songs are known
 * by an int index (dense, from the catalog) and a String id; vectors are normalised on the way in, so cosine is a dot.
 */
public interface SongIndex {

    /** Adds the song, or replaces its vector when the index has it already. */
    void put(int song, String id, float[] vector);

    /**
     * Up to {@code k} songs nearest {@code query}, best first, none for which {@code excluded} is true (songs a
     * listener has heard, the seed itself).
     */
    List<SongHit> nearest(float[] query, int k, IntPredicate excluded);

    int size();

    int dimensions();

    /** Writes the index into {@code dir} (one file, replaced whole); the implementation's {@code load} reads it back. */
    void save(Path dir) throws IOException;

    /** Nothing excluded. */
    IntPredicate NONE = song -> false;
}
