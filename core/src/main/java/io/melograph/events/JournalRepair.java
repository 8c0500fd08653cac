package io.melograph.events;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code melograph journal repair}: rewrites damaged segments keeping every record that checks out and blanking the
 * damaged bytes between them with {@link Segments#GAP} (readers step over it). Nothing moves: the positions that
 * consumers keep (the graph's aggregation cursor, the ranker's snapshot) stay valid. Run by an operator who has read
 * the start-up error; it says exactly what was blanked and about how many events were in it.
 */
public final class JournalRepair {
    private JournalRepair() {}

    /** What was dropped, one line per damaged span; empty when the journal was intact. */
    public static List<String> repair(Path dir) throws IOException {
        List<String> report = new ArrayList<>();
        for (Path s : Segments.list(dir)) {
            ByteBuffer data = Segments.read(s);
            ByteBuffer kept = ByteBuffer.allocate(data.limit()).put(data.duplicate());
            long pos = 0;
            boolean damaged = false;
            while ((pos = Segments.skipGap(data, pos)) < data.limit()) {
                byte[] payload = Segments.recordAt(data, pos);
                if (payload != null) {
                    pos += Segments.HEADER + payload.length;
                    continue;
                }
                damaged = true;
                long next = Segments.nextValid(data, pos);
                long until = next < 0 ? data.limit() : next;
                int records = 0;
                for (long p = pos; p < until; p++) {
                    kept.put((int) p, Segments.GAP);
                    if (p + 4 <= data.limit() && data.getInt((int) p) == Segments.MAGIC) {
                        records++;
                    }
                }
                report.add(s.getFileName() + ": blanked bytes " + pos + ".." + (until - 1) + " (" + (until - pos) + " bytes, "
                        + (records == 0 ? "no record start" : "about " + records + " damaged event(s)")
                        + "); later records keep their positions");
                pos = until;
            }
            if (damaged) {
                Path tmp = s.resolveSibling(s.getFileName() + ".repair");
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    kept.flip();
                    while (kept.hasRemaining()) {
                        ch.write(kept);
                    }
                    ch.force(true);
                }
                Files.move(tmp, s, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        if (!report.isEmpty()) {
            IdIndex.delete(dir); // it may hold ids of blanked records: the next start indexes what is left
        }
        return report;
    }
}
