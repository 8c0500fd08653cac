package io.melograph.events;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * A place in the journal, as lanes of (segment, offset). The file journal has one lane: a segment number and a byte
 * offset in it. A Kafka topic has one lane per partition (segment 0, the partition's next offset), because a topic
 * orders events within a partition only (a listener's events share one). So positions are ordered lane by lane: one is
 * at or before another when it is so in every lane, and two positions reached by reading the partitions in different
 * interleavings may be neither. A lane a position does not have stands at its start.
 */
public final class JournalPosition {
    public static final JournalPosition START = new JournalPosition(0, 0);
    /** More lanes than any topic has partitions: a stored position with more is damaged. */
    private static final int MAX_LANES = 100_000;

    /** segment, offset of lane 0, then of lane 1, ...; no trailing lane at its start (so equal positions are equal arrays) */
    private final long[] lanes;

    public JournalPosition(long segment, long offset) {
        this(new long[] {segment, offset});
    }

    private JournalPosition(long[] lanes) {
        int length = lanes.length;
        while (length > 2 && lanes[length - 2] == 0 && lanes[length - 1] == 0) {
            length -= 2;
        }
        this.lanes = Arrays.copyOf(lanes, length);
    }

    /** One lane per Kafka partition, at the partition's next offset. */
    public static JournalPosition ofOffsets(long[] offsets) {
        long[] lanes = new long[Math.max(2, offsets.length * 2)];
        for (int p = 0; p < offsets.length; p++) {
            lanes[2 * p + 1] = offsets[p];
        }
        return new JournalPosition(lanes);
    }

    /** The position {@link #flat} wrote. */
    public static JournalPosition ofFlat(List<Long> flat) {
        if (flat.isEmpty() || flat.size() % 2 != 0) {
            throw new IllegalArgumentException("a journal position is pairs of segment and offset, not " + flat);
        }
        return new JournalPosition(flat.stream().mapToLong(Long::longValue).toArray());
    }

    /** segment, offset of each lane in turn: for storing the position where a pair of numbers does not do. */
    public List<Long> flat() {
        List<Long> out = new ArrayList<>(lanes.length);
        for (long v : lanes) {
            out.add(v);
        }
        return out;
    }

    /** Writes this position for {@link #read}: the number of lanes, then each lane's segment and offset. */
    public void write(DataOutput out) throws IOException {
        out.writeInt(lanes());
        for (long v : lanes) {
            out.writeLong(v);
        }
    }

    /** The position {@link #write} wrote. */
    public static JournalPosition read(DataInput in) throws IOException {
        int lanes = in.readInt();
        if (lanes < 1 || lanes > MAX_LANES) {
            throw new IOException("a journal position of " + lanes + " lanes is malformed");
        }
        long[] values = new long[2 * lanes];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readLong();
        }
        return new JournalPosition(values);
    }

    public int lanes() {
        return lanes.length / 2;
    }

    public long segment(int lane) {
        return 2 * lane < lanes.length ? lanes[2 * lane] : 0;
    }

    public long offset(int lane) {
        return 2 * lane + 1 < lanes.length ? lanes[2 * lane + 1] : 0;
    }

    /** The segment of a one-lane position (the file journal's, or one partition's). */
    public long segment() {
        return lanes[0];
    }

    /** The offset of a one-lane position. */
    public long offset() {
        return lanes[1];
    }

    /** This position with {@code lane} at {@code offset} (segment 0: a partition's lane). */
    public JournalPosition withOffset(int lane, long offset) {
        long[] next = Arrays.copyOf(lanes, Math.max(lanes.length, 2 * lane + 2));
        next[2 * lane] = 0;
        next[2 * lane + 1] = offset;
        return new JournalPosition(next);
    }

    /** At or before {@code other} in every lane: everything before this is before {@code other} too. */
    public boolean atOrBefore(JournalPosition other) {
        int n = Math.max(lanes(), other.lanes());
        for (int lane = 0; lane < n; lane++) {
            if (compareLane(this, other, lane) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the events read between {@code before} and {@code after} all lie before this position: in every lane they
     * moved, {@code after} is at or before this. One event moves one lane, so this asks about that event alone, however
     * the other lanes were read.
     */
    public boolean covers(JournalPosition before, JournalPosition after) {
        int n = Math.max(Math.max(lanes(), before.lanes()), after.lanes());
        for (int lane = 0; lane < n; lane++) {
            if (compareLane(after, before, lane) != 0 && compareLane(after, this, lane) > 0) {
                return false;
            }
        }
        return true;
    }

    /** The earliest of both in every lane: a replay from there reads everything after either. */
    public static JournalPosition min(JournalPosition a, JournalPosition b) {
        return laneByLane(a, b, -1);
    }

    /** The latest of both in every lane: everything before either is before it. */
    public static JournalPosition max(JournalPosition a, JournalPosition b) {
        return laneByLane(a, b, 1);
    }

    /** Each lane from {@code a} or {@code b}, whichever is later ({@code sign} 1) or earlier (-1) there. */
    private static JournalPosition laneByLane(JournalPosition a, JournalPosition b, int sign) {
        int n = Math.max(a.lanes(), b.lanes());
        long[] out = new long[2 * n];
        for (int lane = 0; lane < n; lane++) {
            JournalPosition chosen = compareLane(a, b, lane) * sign >= 0 ? a : b;
            out[2 * lane] = chosen.segment(lane);
            out[2 * lane + 1] = chosen.offset(lane);
        }
        return new JournalPosition(out);
    }

    private static int compareLane(JournalPosition a, JournalPosition b, int lane) {
        int bySegment = Long.compare(a.segment(lane), b.segment(lane));
        return bySegment != 0 ? bySegment : Long.compare(a.offset(lane), b.offset(lane));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JournalPosition p && Arrays.equals(lanes, p.lanes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(lanes);
    }

    /** {@code segment:offset}, lane after lane, comma-separated. */
    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(",");
        for (int lane = 0; lane < lanes(); lane++) {
            out.add(segment(lane) + ":" + offset(lane));
        }
        return out.toString();
    }
}
