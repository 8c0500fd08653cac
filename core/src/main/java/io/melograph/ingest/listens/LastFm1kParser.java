package io.melograph.ingest.listens;

import io.melograph.ingest.ByteLines;
import io.melograph.ingest.Problem;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Òscar Celma's Last.fm 1K dataset ({@code userid-timestamp-artid-artname-traid-traname.tsv}, 19,150,868 lines): one
 * scrobble per line, tab-separated, no header, no quoting (a name may contain quotes, anything but a tab):
 * <pre>userid \t timestamp \t musicbrainz-artist-id \t artist-name \t musicbrainz-track-id \t track-name</pre>
 * e.g. {@code user_000639 \t 2009-04-08T01:57:47Z \t <MBID> \t The Dogs D'Amour \t <MBID> \t Fall in Love Again?}.
 * Timestamps are ISO 8601 UTC; either MBID may be empty (the README counts 69,420 artists without one). Each line is
 * decoded as strict UTF-8 on its own, so a bad byte costs its line only. The user id comes from the row: the
 * {@code user} argument is ignored. A scrobble says nothing of how long it played: {@code msPlayed} is -1.
 */
final class LastFm1kParser implements ListenParser {
    private static final String[] COLUMNS =
            {"userid", "timestamp", "musicbrainz-artist-id", "artist-name", "musicbrainz-track-id", "track-name"};

    @Override
    public void parse(Path file, String user, Consumer<Listen> listens, Consumer<Problem> problems) throws IOException {
        String source = file.getFileName().toString();
        try (ByteLines lines = new ByteLines(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (lines.utf16()) {
                problems.accept(Problem.error(source, 1, "", "the file is UTF-16; save it as UTF-8"));
                return;
            }
            while (lines.next()) {
                long line = lines.number();
                if (lines.tooLong()) {
                    problems.accept(Problem.error(source, line, "", "the line is longer than "
                            + (ByteLines.MAX_LINE_BYTES >> 20) + " MiB; skipped"));
                    continue;
                }
                if (lines.blank()) {
                    continue;
                }
                String text = lines.decode();
                if (text == null) {
                    problems.accept(Problem.error(source, line, "", "column " + lines.badColumn()
                            + ": not valid UTF-8 (the file must be UTF-8 encoded); the line is skipped"));
                    continue;
                }
                Listen l = row(source, line, text, problems);
                if (l != null) {
                    listens.accept(l);
                }
            }
        }
    }

    private static Listen row(String source, long line, String text, Consumer<Problem> problems) {
        String[] f = text.split("\t", -1);
        if (f.length != COLUMNS.length) {
            problems.accept(Problem.error(source, line, "", "expected 6 tab-separated fields (" + String.join(", ", COLUMNS)
                    + "), found " + f.length));
            return null;
        }
        if (f[0].isBlank()) {
            problems.accept(Problem.error(source, line, COLUMNS[0], "missing user id"));
            return null;
        }
        Long ts = ListenValues.isoMillis(f[1]);
        if (ts == null) {
            problems.accept(Problem.error(source, line, COLUMNS[1], "not an ISO 8601 UTC time like 2009-05-04T23:08:57Z: \""
                    + f[1] + "\""));
            return null;
        }
        if (f[3].isBlank()) {
            problems.accept(Problem.error(source, line, COLUMNS[3], "missing artist name"));
            return null;
        }
        if (f[5].isBlank()) {
            problems.accept(Problem.error(source, line, COLUMNS[5], "missing track name"));
            return null;
        }
        String artistMbid = mbid(source, line, 2, f[2], problems);
        String trackMbid = mbid(source, line, 4, f[4], problems);
        return new Listen(f[0].strip(), ts, f[3], artistMbid, f[5], trackMbid, null, Listen.UNKNOWN_MS, null, null, null, line);
    }

    private static String mbid(String source, long line, int column, String value, Consumer<Problem> problems) {
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        if (!ListenValues.isMbid(v)) {
            problems.accept(Problem.warning(source, line, COLUMNS[column], "not a MusicBrainz id (a UUID): \"" + value
                    + "\"; ignored"));
            return null;
        }
        return ListenValues.mbid(v);
    }
}
