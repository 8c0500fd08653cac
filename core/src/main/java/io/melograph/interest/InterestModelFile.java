package io.melograph.interest;

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
import java.util.List;

import static io.melograph.util.DataStreams.readArrays;
import static io.melograph.util.DataStreams.readIds;
import static io.melograph.util.DataStreams.writeArrays;
import static io.melograph.util.DataStreams.writeIds;

/**
 * An {@link InterestModel} and the song id of each of its rows in one binary file, so a trained version can be stored
 * in the model registry and loaded by the service without the training engine. Written whole (temporary file, then
 * rename); a file that is not one, of another format version, or cut short fails to load with its name and what was
 * wrong, never as an empty model.
 */
public final class InterestModelFile {
    /** The model registry's kind the interest versions are stored under. */
    public static final String KIND = "interests";
    public static final String NAME = "interests.bin";
    private static final int MAGIC = 0x4d4c4749; // "MLGI"
    /**
     * Format 2 adds the short-term model (optional), format 3 its projection P and the song tower's graph half
     * (optional), format 4 whether the listener tower's head is residual, format 5 whether vectors have length 1 and
     * MIND capsules add their songs' mean ({@link InterestModel.Form}); older files still load in the form they were
     * trained in (a head before format 4 is not residual; before 5 neither of the others).
     */
    private static final int FORMAT = 5;

    /**
     * A loaded model with the song id of each row, the short-term model over the same songs and the song tower for
     * songs added later (each null when the file has none).
     */
    public record Stored(InterestModel model, List<String> songIds, NowModel now, SongTower tower) {}

    private InterestModelFile() {}

    public static void write(Path file, InterestModel model, List<String> songIds) throws IOException {
        write(file, model, songIds, null, null);
    }

    public static void write(Path file, InterestModel model, List<String> songIds, NowModel now, SongTower tower) throws IOException {
        if (songIds.size() != model.songs() || now != null && now.songs() != model.songs()) {
            throw new IllegalArgumentException(songIds.size() + " song ids for a model of " + model.songs() + " songs"
                    + (now == null ? "" : " and a short-term model of " + now.songs()));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(model.kind().name());
            out.writeInt(model.dim());
            out.writeInt(model.window());
            out.writeInt(model.maxInterests());
            out.writeBoolean(model.form().residual());
            out.writeBoolean(model.form().normalised());
            out.writeBoolean(model.form().routedMean());
            writeIds(out, songIds); // as many as the model's songs, checked above
            writeArrays(out, model.arrays());
            out.writeBoolean(now != null);
            if (now != null) {
                out.writeInt(now.dim());
                out.writeInt(now.window());
                writeArrays(out, now.arrays());
            }
            out.writeBoolean(tower != null);
            if (tower != null) {
                out.writeInt(tower.dim());
                out.writeInt(tower.width());
                writeIds(out, tower.paths());
                writeIds(out, tower.entityIds());
                writeArrays(out, new float[][] {tower.keys(), tower.biases(), tower.entities()});
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
            if (format < 1 || format > FORMAT) {
                throw new IOException(file + ": interest model format " + format + ", this version reads " + FORMAT);
            }
            InterestModel.Kind kind = InterestModel.Kind.valueOf(in.readUTF());
            int dim = in.readInt();
            int window = in.readInt();
            int maxInterests = in.readInt();
            boolean residual = format >= 4 && in.readBoolean();
            boolean normalised = format >= 5 && in.readBoolean();
            InterestModel.Form form = new InterestModel.Form(residual, normalised, format >= 5 && in.readBoolean());
            int songs = in.readInt();
            List<String> ids = readIds(in, songs);
            InterestModel model = InterestModel.of(kind, dim, window, maxInterests, form, readArrays(in, InterestModel.ARRAYS));
            NowModel now = null;
            if (format >= 2 && in.readBoolean()) {
                now = NowModel.of(in.readInt(), in.readInt(), readArrays(in, format >= 3 ? NowModel.ARRAYS : NowModel.ARRAYS - 1));
            }
            SongTower tower = null;
            if (format >= 3 && in.readBoolean()) {
                int towerDim = in.readInt();
                int width = in.readInt();
                List<String> paths = readIds(in, in.readInt());
                List<String> entities = readIds(in, in.readInt());
                float[][] a = readArrays(in, 3);
                tower = new SongTower(towerDim, width, paths, a[0], a[1], entities, a[2]);
            }
            if (in.read() != -1) {
                throw new IOException(file + ": data after the model's end");
            }
            return new Stored(model, ids, now, tower);
        } catch (EOFException e) {
            throw new IOException(file + ": cut short (the file ends inside the model)", e);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no interest model here", e);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
