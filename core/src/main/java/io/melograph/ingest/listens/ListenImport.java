package io.melograph.ingest.listens;

import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.EventBatcher;
import io.melograph.events.EventParser;
import io.melograph.events.EventSink;
import io.melograph.events.ItemType;
import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import io.melograph.ingest.Importer;
import io.melograph.ingest.Problem;
import org.neo4j.driver.Session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns exported listening histories into events, as the catalog importers turn files into the graph: every file is
 * read and checked first; if anything is invalid, nothing is written (unless invalid listens are to be skipped).
 * Then each listen is resolved to a catalog song ({@link TrackResolver}), the songs and artists the catalog lacks are
 * created marked {@code unresolved}, and the events ({@link ListenEvents}: play, then skip or complete) go to the
 * sink in time order. Event ids derive from the listen, so importing a history again adds nothing.
 */
public final class ListenImport {
    /** What an import did. */
    public record Report(Outcome outcome, long listens, long rejected, long errors, long warnings, List<Problem> problems,
                         Map<String, Long> resolved, int songsCreated, long events, long duplicates,
                         String target, long millis) {
        public int exitCode() {
            return outcome == Outcome.INVALID ? 2 : 0;
        }
    }

    public enum Outcome { INVALID, VALID, IMPORTED }

    /** As for the catalog importers: validate only, or write the valid listens and report the rest. */
    public record Options(boolean dryRun, boolean skipInvalid) {}

    private static final int MAX_LISTED_PROBLEMS = 200;

    private final GraphConnection graph;

    public ListenImport(GraphConnection graph) {
        this.graph = graph;
    }

    /**
     * @param user  the listener to credit every listen to (verbatim); null for the file's own user ids, prefixed by the
     *              format ({@code lastfm-1k:user:user_000001}) so they cannot collide with other sources' users
     * @param sink  opened only when there is something to write
     */
    public Report run(List<Path> files, ListenFormat format, String user, Options options, Supplier<EventSink> sink)
            throws IOException {
        long started = System.currentTimeMillis();
        ListenParser parser = ListenParser.of(format);
        TrackResolver resolver = TrackResolver.load(graph);
        List<Problem> problems = new ArrayList<>();
        long[] tally = new long[3]; // listens, errors, warnings
        long now = System.currentTimeMillis();
        for (Path file : files) {
            parser.parse(file, user, l -> {
                String bad = EventParser.checkTimestamp(l.ts(), now);
                if (bad != null) {
                    report(problems, tally, Problem.error(file.toString(), l.line(), "ts", bad));
                    return;
                }
                tally[0]++;
                resolver.observe(l);
            }, p -> report(problems, tally, p));
        }
        boolean invalid = tally[1] > 0 && !options.skipInvalid();
        if (invalid || options.dryRun()) {
            return new Report(invalid ? Outcome.INVALID : Outcome.VALID, tally[0], tally[1], tally[1], tally[2], problems,
                    Map.of(), 0, 0, 0, "", System.currentTimeMillis() - started);
        }

        // second pass: resolve and build the events (the checks above have run; problems are not reported twice)
        List<Event> events = new ArrayList<>();
        Map<String, Long> how = new java.util.TreeMap<>(); // listens resolved by mbid, by name, or to created songs
        for (Path file : files) {
            parser.parse(file, user, l -> {
                if (EventParser.checkTimestamp(l.ts(), now) != null) {
                    return;
                }
                TrackResolver.Resolution r = resolver.resolve(l);
                how.merge(r.how().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
                events.addAll(events(format, user, l, r.songId()));
            }, p -> { });
        }
        events.sort(Comparator.comparingLong(Event::ts)); // stable: a listen's play stays before its skip
        List<TrackResolver.NewSong> created = resolver.unresolved();
        if (!created.isEmpty()) {
            createUnresolved(created);
            Importer.catalogChanged(graph); // as after any import that wrote the catalog: one signal, whatever the counts
        }
        try (EventSink target = sink.get()) {
            EventBatcher batcher = new EventBatcher(target);
            events.forEach(batcher);
            batcher.flush();
            return new Report(Outcome.IMPORTED, tally[0], tally[1], tally[1], tally[2], problems, how, created.size(),
                    batcher.accepted(), batcher.duplicates(), target.target(), System.currentTimeMillis() - started);
        }
    }

    private static void report(List<Problem> problems, long[] tally, Problem p) {
        tally[p.warning() ? 2 : 1]++;
        if (problems.size() < MAX_LISTED_PROBLEMS) {
            problems.add(p);
        }
    }

    /**
     * The listen's events: a play, then how it ended when the history says. Their ids come from the listener, the
     * instant and the song, so an identical row (exports repeat some) is one listen, and importing a file again adds
     * nothing: the journal drops the repeats as duplicates.
     */
    static List<Event> events(ListenFormat format, String user, Listen l, String songId) {
        String userId = user != null ? user : format.cliName() + ":user:" + l.user();
        List<Action> actions = ListenEvents.actionsFor(l);
        boolean measured = l.msPlayed() >= 0;
        // Spotify dates the end of a stream; scrobbles date the listen itself
        long playTs = format == ListenFormat.SPOTIFY_HISTORY && measured ? Math.max(0, l.ts() - l.msPlayed()) : l.ts();
        String base = "listen-" + TrackResolver.digest(userId + '\u0000' + l.ts() + '\u0000' + songId);
        List<Event> out = new ArrayList<>(actions.size());
        for (Action a : actions) {
            boolean play = a == Action.PLAY;
            out.add(new Event(base + "-" + a.wire(), userId, songId, ItemType.SONG, a,
                    play || !measured ? Event.UNKNOWN : l.msPlayed(), measured ? l.msPlayed() : Event.UNKNOWN,
                    "import:" + format.cliName(), play ? playTs : l.ts()));
        }
        return out;
    }

    private void createUnresolved(List<TrackResolver.NewSong> songs) {
        String cypher = CypherFile.load("ingest/create-unresolved.cypher").statement();
        for (int from = 0; from < songs.size(); from += 5_000) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (TrackResolver.NewSong s : songs.subList(from, Math.min(songs.size(), from + 5_000))) {
                Map<String, Object> row = new HashMap<>();
                row.put("songId", s.songId());
                row.put("songName", s.songName());
                row.put("songMbid", s.songMbid());
                row.put("artistId", s.artistId());
                row.put("artistName", s.artistName());
                row.put("artistMbid", s.artistMbid());
                rows.add(row);
            }
            try (Session session = graph.session()) {
                session.executeWriteWithoutResult(tx -> tx.run(cypher, Map.of("rows", rows)));
            }
        }
    }
}
