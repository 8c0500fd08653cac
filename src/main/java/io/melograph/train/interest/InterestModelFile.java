package io.melograph.train.interest;

import io.melograph.util.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link InterestModel} and the song id of each of its rows in one binary file, so a trained version can be stored
 * in the model registry and loaded by the service without the training engine. Written whole (temporary file, then
 * rename); a file that is not one, of another format version, or cut short fails to load with its name and what was
 * wrong, never as an empty model.
 */
public final class InterestModelFile {
    public static final String NAME = "interests.bin";
    private static final int MAGIC = 0x4d4c4749; // "MLGI"
    private static final int FORMAT = 1;

    /** A loaded model with the song id of each row. */
    public record Stored(InterestModel model, List<String> songIds) {}

    private InterestModelFile() {}

    public static void write(Path file, InterestModel model, List<String> songIds) throws IOException {
        if (songIds.size() != model.songs()) {
            throw new IllegalArgumentException(songIds.size() + " song ids for a model of " + model.songs() + " songs");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(model.kind().name());
            out.writeInt(model.dim());
            out.writeInt(model.window());
            out.writeInt(model.maxInterests());
            out.writeInt(model.songs());
            for (String id : songIds) {
                out.writeUTF(id);
            }
            for (float[] array : model.arrays()) {
                out.writeInt(array.length);
                for (float v : array) {
                    out.writeFloat(v);
                }
            }
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }

    public static Stored read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + ": not an interest model file");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException(file + ": interest model format " + format + ", this version reads " + FORMAT);
            }
            InterestModel.Kind kind = InterestModel.Kind.valueOf(in.readUTF());
            int dim = in.readInt();
            int window = in.readInt();
            int maxInterests = in.readInt();
            int songs = in.readInt();
            List<String> ids = new ArrayList<>(songs);
            for (int s = 0; s < songs; s++) {
                ids.add(in.readUTF());
            }
            float[][] arrays = new float[InterestModel.ARRAYS][];
            for (int a = 0; a < arrays.length; a++) {
                arrays[a] = new float[in.readInt()];
                for (int k = 0; k < arrays[a].length; k++) {
                    arrays[a][k] = in.readFloat();
                }
            }
            if (in.read() != -1) {
                throw new IOException(file + ": data after the model's end");
            }
            return new Stored(InterestModel.of(kind, dim, window, maxInterests, arrays), ids);
        } catch (EOFException e) {
            throw new IOException(file + ": cut short (the file ends inside the model)", e);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no interest model here", e);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
