package io.melograph.vectors;

import com.github.jelmerk.hnswlib.core.DistanceFunctions;
import com.github.jelmerk.hnswlib.core.Item;
import com.github.jelmerk.hnswlib.core.ObjectSerializer;
import com.github.jelmerk.hnswlib.core.SearchResult;
import com.github.jelmerk.hnswlib.core.hnsw.HnswIndex;
import com.github.jelmerk.hnswlib.core.hnsw.SizeLimitExceededException;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * An hnswlib (Java port of HNSW, layered graph) index; it keeps each song's vector and id in its own items. Adding an
 * id it has replaces the item (hnswlib removes and re-inserts it). hnswlib has no search filter, so excluded songs
 * are dropped from a wider answer, widened again while too few are left.
 */
public final class HnswSongIndex implements SongIndex {
    static final String FILE = "hnsw.index";
    private static final String KIND = "hnswlib";

    /** Links per node and layer, candidate list while inserting, candidate list while searching (hnswlib's ef). */
    public record Settings(int m, int efConstruction, int ef) {
        public static final Settings DEFAULT = new Settings(16, 100, 200);
    }

    /** One song as hnswlib stores it. */
    record Song(Integer id, String songId, float[] vector) implements Item<Integer, float[]> {
        @Override
        public int dimensions() {
            return vector.length;
        }
    }

    private final HnswIndex<Integer, float[], Song, Float> index;

    private HnswSongIndex(HnswIndex<Integer, float[], Song, Float> index) {
        this.index = index;
    }

    public static HnswSongIndex create(int dimensions, int capacity, Settings settings) {
        return new HnswSongIndex(HnswIndex.newBuilder(dimensions, DistanceFunctions.FLOAT_INNER_PRODUCT, Math.max(1, capacity))
                .withM(settings.m()).withEfConstruction(settings.efConstruction()).withEf(settings.ef())
                .withRemoveEnabled() // so that a second put of a song replaces it
                .withCustomSerializers(new IdSerializer(), new SongSerializer())
                .build());
    }

    /** The index over every song in {@code songs}, inserted on all cores. */
    public static HnswSongIndex build(SongVectors songs, Settings settings) throws InterruptedException {
        HnswSongIndex built = create(songs.dimensions(), songs.size(), settings);
        List<Song> items = new ArrayList<>(songs.size());
        for (int song = 0; song < songs.upperBound(); song++) {
            if (songs.contains(song)) {
                items.add(new Song(song, songs.id(song), songs.vector(song)));
            }
        }
        built.index.addAll(items, Runtime.getRuntime().availableProcessors(), (done, max) -> { }, Integer.MAX_VALUE);
        return built;
    }

    public static HnswSongIndex load(Path dir) throws IOException {
        return IndexFile.read(dir.resolve(FILE), KIND, in -> new HnswSongIndex(HnswIndex.load(new OpenInput(in))));
    }

    @Override
    public synchronized void put(int song, String id, float[] vector) {
        Song item = new Song(song, id, SongVectors.normalised(vector, index.getDimensions()));
        try {
            index.add(item);
        } catch (SizeLimitExceededException full) {
            // removed items keep their slot, so capacity runs out before size reaches it
            index.resize(Math.max(16, index.getMaxItemCount() * 2));
            index.add(item);
        }
    }

    @Override
    public List<SongHit> nearest(float[] query, int k, IntPredicate excluded) {
        float[] q = SongVectors.normalised(query, index.getDimensions());
        List<SongHit> hits = new ArrayList<>(k);
        for (int asked = k; hits.size() < k; asked *= 2) {
            List<SearchResult<Song, Float>> found = index.findNearest(q, asked);
            hits.clear();
            for (SearchResult<Song, Float> r : found) {
                Song s = r.item();
                if (!excluded.test(s.id()) && hits.size() < k) {
                    hits.add(new SongHit(s.id(), s.songId(), 1 - r.distance()));
                }
            }
            if (found.size() < asked) {
                break; // the whole index was returned
            }
        }
        return hits;
    }

    @Override
    public int size() {
        return index.size();
    }

    @Override
    public int dimensions() {
        return index.getDimensions();
    }

    @Override
    public void save(Path dir) throws IOException {
        IndexFile.write(dir.resolve(FILE), KIND, out -> index.save(new OpenOutput(out)));
    }

    /** hnswlib closes the stream it saves to; the index file still has its checksum to come. */
    private static final class OpenOutput extends FilterOutputStream {
        OpenOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** hnswlib closes the stream it loads from; the index file closes it. */
    private static final class OpenInput extends FilterInputStream {
        OpenInput(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // left to the index file
        }
    }

    private static final class IdSerializer implements ObjectSerializer<Integer> {
        @Override
        public void write(Integer id, ObjectOutput out) throws IOException {
            out.writeInt(id);
        }

        @Override
        public Integer read(ObjectInput in) throws IOException {
            return in.readInt();
        }
    }

    /** Compact items (int, UTF, floats) instead of Java serialisation of each record. */
    private static final class SongSerializer implements ObjectSerializer<Song> {
        @Override
        public void write(Song song, ObjectOutput out) throws IOException {
            out.writeInt(song.id());
            out.writeUTF(song.songId());
            out.writeInt(song.vector().length);
            for (float x : song.vector()) {
                out.writeFloat(x);
            }
        }

        @Override
        public Song read(ObjectInput in) throws IOException {
            int id = in.readInt();
            String songId = in.readUTF();
            float[] vector = new float[in.readInt()];
            for (int d = 0; d < vector.length; d++) {
                vector[d] = in.readFloat();
            }
            return new Song(id, songId, vector);
        }
    }
}
