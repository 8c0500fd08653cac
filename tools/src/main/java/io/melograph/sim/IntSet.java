package io.melograph.sim;

import java.util.Arrays;

/** A small open-addressing set of non-negative ints (membership only; never iterated for decisions). */
final class IntSet {
    private int[] slots = new int[16];
    private int size;

    IntSet() {
        Arrays.fill(slots, -1);
    }

    boolean contains(int v) {
        int mask = slots.length - 1;
        for (int i = mix(v) & mask; ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == v) {
                return true;
            }
            if (s == -1) {
                return false;
            }
        }
    }

    /** Adds {@code v}; true when it was not there. */
    boolean add(int v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative: " + v);
        }
        if ((size + 1) * 2 > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = mix(v) & mask; ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == v) {
                return false;
            }
            if (s == -1) {
                slots[i] = v;
                size++;
                return true;
            }
        }
    }

    /** Removes {@code v} (backward-shift deletion); true when it was there. */
    boolean remove(int v) {
        int mask = slots.length - 1;
        int i = mix(v) & mask;
        while (slots[i] != v) {
            if (slots[i] == -1) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = -1;
        size--;
        for (int j = (i + 1) & mask; slots[j] != -1; j = (j + 1) & mask) {
            int w = slots[j];
            slots[j] = -1;
            size--;
            add(w);
        }
        return true;
    }

    int size() {
        return size;
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        Arrays.fill(slots, -1);
        size = 0;
        for (int v : old) {
            if (v != -1) {
                add(v);
            }
        }
    }

    private static int mix(int v) {
        int h = v * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
