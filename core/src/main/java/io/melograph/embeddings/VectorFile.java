package io.melograph.embeddings;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A model version's node vectors on disk: gzip of a header (magic, format, dimensions) and one record per node (label
 * index in {@link GraphEmbeddings#LABELS}, id, floats), closed by a marker so a cut-off file is told from a whole one.
 */
public final class VectorFile implements AutoCloseable {
    private static final int MAGIC = 0x4D475645; // "MGVE"
    private static final int FORMAT = 1;
    private static final int END = 255;

    /** One node's vector. */
    public record Row(String label, String id, float[] vector) {}

    private final DataOutputStream out;
    private final int dimensions;
    private long rows;

    private VectorFile(DataOutputStream out, int dimensions) {
        this.out = out;
        this.dimensions = dimensions;
    }

    /** A new file for vectors of {@code dimensions} floats; {@link #close} completes it. */
    public static VectorFile create(Path file, int dimensions) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)));
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(dimensions);
        return new VectorFile(out, dimensions);
    }

    public void add(Row row) throws IOException {
        int label = GraphEmbeddings.LABELS.indexOf(row.label());
        if (label < 0 || row.vector().length != dimensions) {
            throw new IllegalArgumentException("not a " + dimensions + "-dimensional vector of a " + GraphEmbeddings.LABELS
                    + " node: " + row.label() + " " + row.id() + " (" + row.vector().length + ")");
        }
        out.writeByte(label);
        out.writeUTF(row.id());
        for (float f : row.vector()) {
            out.writeFloat(f);
        }
        rows++;
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        out.writeByte(END);
        out.close();
    }

    /** The file's vector size. */
    public static int dimensions(Path file) {
        try (DataInputStream in = open(file)) {
            return in.readInt();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vectors in " + file, e);
        }
    }

    /** Every row, in batches of at most {@code batch}; fails on a file that was cut off. */
    public static long read(Path file, int batch, Consumer<List<Row>> consumer) {
        long n = 0;
        try (DataInputStream in = open(file)) {
            int dims = in.readInt();
            List<Row> rows = new ArrayList<>(batch);
            for (int label = in.readUnsignedByte(); label != END; label = in.readUnsignedByte()) {
                String id = in.readUTF();
                float[] v = new float[dims];
                for (int i = 0; i < dims; i++) {
                    v[i] = in.readFloat();
                }
                rows.add(new Row(GraphEmbeddings.LABELS.get(label), id, v));
                n++;
                if (rows.size() == batch) {
                    consumer.accept(rows);
                    rows = new ArrayList<>(batch);
                }
            }
            if (!rows.isEmpty()) {
                consumer.accept(rows);
            }
            return n;
        } catch (EOFException e) {
            throw new UncheckedIOException("the vectors in " + file + " end early (file cut off?)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the vectors in " + file, e);
        }
    }

    /** Opened and past the magic and format: the next int is the dimensions. */
    private static DataInputStream open(Path file) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file), 1 << 16)));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            in.close();
            throw new IOException(file + " is not a Melograph vector file");
        }
        return in;
    }
}
