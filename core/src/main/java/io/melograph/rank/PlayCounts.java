package io.melograph.rank;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Plays per song counted from the event stream: the popularity feature, without a graph query per candidate. */
public final class PlayCounts {
    private final ConcurrentHashMap<String, LongAdder> plays = new ConcurrentHashMap<>();

    public void add(String itemId) {
        plays.computeIfAbsent(itemId, k -> new LongAdder()).increment();
    }

    public long of(String itemId) {
        LongAdder a = plays.get(itemId);
        return a == null ? 0 : a.sum();
    }

    public int size() {
        return plays.size();
    }

    void write(DataOutputStream out) throws IOException {
        Map<String, LongAdder> copy = Map.copyOf(plays);
        out.writeInt(copy.size());
        for (Map.Entry<String, LongAdder> e : copy.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeLong(e.getValue().sum());
        }
    }

    static PlayCounts read(DataInputStream in) throws IOException {
        PlayCounts p = new PlayCounts();
        int size = in.readInt();
        for (int k = 0; k < size; k++) {
            LongAdder a = new LongAdder();
            String id = in.readUTF();
            a.add(in.readLong());
            p.plays.put(id, a);
        }
        return p;
    }
}
