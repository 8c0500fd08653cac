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
 * {@code melograph journal repair}: rewrites damaged segments keeping every record that checks out and dropping the
 * damaged bytes between them. Run by an operator who has read the start-up error; it says exactly what was cut.
 */
public final class JournalRepair {
    private JournalRepair() {}

    /** What was dropped, one line per damaged span; empty when the journal was intact. */
    public static List<String> repair(Path dir) throws IOException {
        List<String> report = new ArrayList<>();
        for (Path s : Segments.list(dir)) {
            ByteBuffer data = Segments.read(s);
            ByteBuffer kept = ByteBuffer.allocate(data.limit());
            long pos = 0;
            boolean damaged = false;
            while (pos < data.limit()) {
                byte[] payload = Segments.recordAt(data, pos);
                if (payload != null) {
                    Segments.writeRecord(kept, payload);
                    pos += Segments.HEADER + payload.length;
                    continue;
                }
                damaged = true;
                long next = Segments.nextValid(data, pos);
                long until = next < 0 ? data.limit() : next;
                report.add(s.getFileName() + ": dropped bytes " + pos + ".." + (until - 1) + " (" + (until - pos) + " bytes)");
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
        return report;
    }
}
