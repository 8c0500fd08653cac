package io.melograph.util;

import java.util.Arrays;

/** A growable int array: ids and counts read row by row before their number is known. */
public final class IntList {
    private int[] data = new int[1024];
    private int size;

    public void add(int v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, size * 2);
        }
        data[size++] = v;
    }

    public int size() {
        return size;
    }

    public int[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
