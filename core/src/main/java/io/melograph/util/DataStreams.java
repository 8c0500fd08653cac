package io.melograph.util;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The pieces the binary model files are made of: counted lists of ids and of float arrays. */
public final class DataStreams {
    private DataStreams() {}

    public static void writeIds(DataOutputStream out, List<String> ids) throws IOException {
        out.writeInt(ids.size());
        for (String id : ids) {
            out.writeUTF(id);
        }
    }

    /** {@code count} ids (the count written by {@link #writeIds} is read by the caller). */
    public static List<String> readIds(DataInputStream in, int count) throws IOException {
        List<String> ids = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            ids.add(in.readUTF());
        }
        return ids;
    }

    public static void writeArrays(DataOutputStream out, float[][] arrays) throws IOException {
        for (float[] array : arrays) {
            out.writeInt(array.length);
            for (float v : array) {
                out.writeFloat(v);
            }
        }
    }

    public static float[][] readArrays(DataInputStream in, int count) throws IOException {
        float[][] arrays = new float[count][];
        for (int a = 0; a < count; a++) {
            arrays[a] = new float[in.readInt()];
            for (int k = 0; k < arrays[a].length; k++) {
                arrays[a][k] = in.readFloat();
            }
        }
        return arrays;
    }
}
