package io.melograph.recall;

import io.melograph.graph.CypherFile;
import io.melograph.graph.GraphConnection;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recall as the API's debugging surfaces use it: a listener's candidates per channel, and the similar songs of a
 * song or similar artists of an artist (channels merged, reasons kept). Channels run in parallel within the budget.
 */
public final class RecallService implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RecallService.class);
    /** Channels that make no sense for similar songs (the listener's friends or watch history; not songs). */
    private static final Set<String> NOT_FOR_ONE_SONG = Set.of("kg-friends", "kg-videos", "kg-watched-songs",
            "pl-with-your-songs", "pl-similar-listeners", "pl-your-genres");

    /** A request's answer: the subject, every channel's status and timing, and the candidates. */
    public record Answer(String id, String name, RecallRunner.Result result, ListenerContext context) {}

    private final GraphConnection graph;
    private final ListenerContexts contexts;
    private final Map<String, RecallChannel> channels = new LinkedHashMap<>();
    private final List<RecallChannel> artistChannels = new ArrayList<>();
    private final RecallRunner runner = new RecallRunner(Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
    private final Duration budget;
    private final String namesCypher = CypherFile.load("recall/item-names.cypher").statement();
    private volatile boolean warm;

    public RecallService(GraphConnection graph, ListenerContexts contexts, Duration budget) {
        this.graph = graph;
        this.contexts = contexts;
        this.budget = budget;
        channels.putAll(Channels.graphChannels(graph));
        add(new VectorRecall(graph.driver()));
        channels.putAll(Channels.playlistChannels(graph));
        artistChannels.add(Channels.similarArtists(graph));
        artistChannels.add(new SimilarArtists(graph.driver()));
    }

    /**
     * Runs every channel once on an id that matches nothing, in the background: the first run of a query pays for
     * planning it (seconds for the bigger ones), which should not be a listener's first request.
     */
    public void warmUp() {
        Thread t = new Thread(() -> {
            ListenerContext nothing = new ListenerContext("warm-up", List.of(new ListenerContext.Seed("warm-up", "", 1, 0)),
                    List.of(new ListenerContext.Seed("warm-up", "", 1, 0)), List.of(), List.of(new ListenerContext.Seed("warm-up", "", 1, 0)));
            List<RecallChannel> all = new ArrayList<>(channels.values());
            all.addAll(artistChannels);
            for (RecallChannel c : all) {
                try {
                    c.recall(nothing, 1, Duration.ofSeconds(30));
                } catch (RuntimeException e) {
                    LOG.warn("warming up {} failed: {}", c.name(), e.toString());
                }
            }
            item("warm-up", "Song");
            warm = true;
            LOG.info("Recall channels warmed up ({} queries planned)", all.size());
        }, "recall-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** Whether every channel's query has been planned (until then a channel may time out on its first run). */
    public boolean warm() {
        return warm;
    }

    /** Adds a channel (later the interest models). */
    public RecallService add(RecallChannel channel) {
        channels.put(channel.name(), channel);
        return this;
    }

    /** Adds an artist-to-artist channel. */
    public RecallService addArtistChannel(RecallChannel channel) {
        artistChannels.add(channel);
        return this;
    }

    public Map<String, RecallChannel> channels() {
        return channels;
    }

    /** What recall knows about the listener (history and live session); empty when they are unknown. */
    public Optional<ListenerContext> context(String userId) {
        return contexts.of(userId);
    }

    /** The named channels (unknown names are skipped) on a context the caller built, each within its budget. */
    public RecallRunner.Result run(List<String> names, ListenerContext context, int limit, java.util.function.Function<String, Duration> budgets) {
        List<RecallChannel> chosen = names.stream().map(channels::get).filter(java.util.Objects::nonNull).toList();
        return runner.run(chosen, context, limit, budgets);
    }

    public Duration budget() {
        return budget;
    }

    /** The listener's candidates from the named channels (all when empty); empty when the listener is unknown. */
    public Optional<Answer> forUser(String userId, List<String> names, int limit) {
        List<RecallChannel> chosen = names.isEmpty() ? List.copyOf(channels.values()) : names.stream().map(channels::get).toList();
        return contexts.of(userId).map(ctx -> new Answer(userId, null, runner.run(chosen, ctx, limit, budget), ctx));
    }

    public Optional<Answer> similarSongs(String songId, int limit) {
        return item(songId, "Song").map(name -> {
            ListenerContext ctx = ListenerContext.ofSong(songId, name);
            List<RecallChannel> chosen = channels.values().stream().filter(c -> !NOT_FOR_ONE_SONG.contains(c.name())).toList();
            return new Answer(songId, name, runner.run(chosen, ctx, limit, budget), ctx);
        });
    }

    public Optional<Answer> similarArtists(String artistId, int limit) {
        return item(artistId, "Artist").map(name -> {
            ListenerContext ctx = ListenerContext.ofArtist(artistId, name);
            return new Answer(artistId, name, runner.run(artistChannels, ctx, limit, budget), ctx);
        });
    }

    /** The item's name when a node with this id and label exists. */
    private Optional<String> item(String id, String label) {
        try (Session s = graph.session()) {
            for (Record r : s.run(namesCypher, Map.of("ids", List.of(id))).list()) {
                if (r.get("label").asString().equals(label)) {
                    return Optional.of(r.get("name").asString());
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        runner.close();
    }
}
