package io.melograph.rank.deep;

import io.melograph.rank.ItemSideInfo;
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

import static io.melograph.util.DataStreams.readArrays;
import static io.melograph.util.DataStreams.readIds;
import static io.melograph.util.DataStreams.writeArrays;
import static io.melograph.util.DataStreams.writeIds;

/**
 * A fitted deep ranker in one binary file: which model, its settings, the listeners, songs (with the artists, genres
 * and play counts its features read) and scenes it knows, and every trained value, so a trained version can be stored
 * in the model registry and scored by another process. Written whole (temporary file, then rename); a file that is
 * not one, of another format version, or cut short fails to load with its name and what was wrong.
 */
public final class RankerFile {
    /** The model registry's kind the deep rankers' versions are stored under. */
    public static final String KIND = "ranker";
    public static final String NAME = "ranker.bin";
    private static final int MAGIC = 0x4d4c4752; // "MLGR"
    private static final int FORMAT = 1;

    private RankerFile() {}

    public static void write(Path file, DnnRanker model) throws IOException {
        DnnRanker.Weights w = model.weights();
        if (w == null) {
            throw new IllegalArgumentException("a " + model.getClass().getSimpleName() + " that was never fitted has nothing to store");
        }
        RankingVocabulary v = model.vocabulary();
        DnnRanker.Settings s = model.settings();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(RankerModels.nameOf(model).orElseThrow(
                    () -> new IllegalArgumentException(model.getClass().getName() + " is not one of " + RankerModels.names())));
            out.writeUTF(model.note());
            out.writeInt(s.dim());
            out.writeInt(s.context());
            out.writeInt(s.hidden().length);
            for (int h : s.hidden()) {
                out.writeInt(h);
            }
            out.writeInt(s.maxEpochs());
            out.writeDouble(s.learningRate());
            out.writeInt(s.batch());
            out.writeDouble(s.validationShare());
            out.writeDouble(s.l2());
            writeIds(out, v.userIds());
            writeIds(out, v.sceneNames());
            ItemSideInfo side = v.side();
            writeIds(out, side.itemIds());
            for (int i = 0; i < side.size(); i++) {
                writeIds(out, side.artists().get(i));
                writeIds(out, side.genres().get(i));
                out.writeLong(side.plays()[i]);
            }
            out.writeInt(w.dim());
            writeArrays(out, new float[][] {w.songs(), w.artists(), w.users(), w.wide()});
            out.writeInt(w.dense().length);
            for (int k = 0; k < w.dense().length; k++) {
                out.writeInt(w.shapes()[k].length);
                for (long d : w.shapes()[k]) {
                    out.writeLong(d);
                }
            }
            writeArrays(out, w.dense());
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }

    public static DnnRanker read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + ": not a ranker file");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException(file + ": ranker format " + format + ", this version reads " + FORMAT);
            }
            String name = in.readUTF();
            if (!RankerModels.names().contains(name)) {
                throw new IOException(file + ": unknown ranker model '" + name + "'");
            }
            String note = in.readUTF();
            int dim = in.readInt();
            int context = in.readInt();
            int[] hidden = new int[in.readInt()];
            for (int k = 0; k < hidden.length; k++) {
                hidden[k] = in.readInt();
            }
            DnnRanker.Settings settings = new DnnRanker.Settings(dim, context, hidden, in.readInt(), in.readDouble(), in.readInt(),
                    in.readDouble(), in.readDouble());
            List<String> users = readIds(in, in.readInt());
            List<String> scenes = readIds(in, in.readInt());
            List<String> items = readIds(in, in.readInt());
            List<List<String>> artists = new ArrayList<>(items.size());
            List<List<String>> genres = new ArrayList<>(items.size());
            long[] plays = new long[items.size()];
            for (int i = 0; i < items.size(); i++) {
                artists.add(readIds(in, in.readInt()));
                genres.add(readIds(in, in.readInt()));
                plays[i] = in.readLong();
            }
            int weightsDim = in.readInt();
            float[][] tables = readArrays(in, 4);
            int denseCount = in.readInt();
            long[][] shapes = new long[denseCount][];
            for (int k = 0; k < denseCount; k++) {
                shapes[k] = new long[in.readInt()];
                for (int d = 0; d < shapes[k].length; d++) {
                    shapes[k][d] = in.readLong();
                }
            }
            float[][] dense = readArrays(in, denseCount);
            if (in.read() != -1) {
                throw new IOException(file + ": data after the model's end");
            }
            DnnRanker ranker = RankerModels.create(name, settings);
            ranker.restore(RankingVocabulary.of(users, new ItemSideInfo(items, artists, genres, plays), scenes),
                    new DnnRanker.Weights(weightsDim, tables[0], tables[1], tables[2], tables[3], dense, shapes), note);
            return ranker;
        } catch (EOFException e) {
            throw new IOException(file + ": cut short (the file ends inside the model)", e);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no ranker here", e);
        }
    }
}
