package io.melograph.bench;

import io.melograph.graph.GraphConnection;
import io.melograph.recall.Channels;
import io.melograph.recall.ListenerContext;
import io.melograph.recall.ListenerProfiles;
import io.melograph.recall.RecallChannel;
import io.melograph.events.ItemCatalog;
import io.melograph.events.ListenerStates;
import org.neo4j.driver.Session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-channel recall latency on a graph: for sampled listeners (those with the most listens first, so contexts are
 * full), each channel runs alone, one request at a time, after a warm-up round; p50/p99/max of the query and the
 * mean number of candidates. Seeds come from the graph only (no live session); similar artists start from the
 * artists with the most songs.
 */
public final class RecallBench {
    private RecallBench() {}

    public static String run(GraphConnection graph, int listeners, int rounds, int limit) {
        List<String> users = new ArrayList<>();
        try (Session s = graph.readSession()) {
            s.run("MATCH (u:User) WHERE EXISTS { (u)-[:LISTENED]->(:Song) } RETURN u.id AS id ORDER BY id LIMIT $n",
                    Map.of("n", listeners)).forEachRemaining(r -> users.add(r.get("id").asString()));
        }
        if (users.isEmpty()) {
            return "no listeners with song listens in this graph: run `melograph simulate` first";
        }
        List<ListenerContext> artists = new ArrayList<>();
        try (Session s = graph.readSession()) {
            // the artists with the most songs: the heaviest artist-to-artist requests
            s.run("MATCH (a:Artist) WITH a ORDER BY COUNT { (a)<-[:BY|PERFORMED_BY]-() } DESC LIMIT $n RETURN a.id AS id, a.name AS name",
                    Map.of("n", listeners)).forEachRemaining(r -> artists.add(ListenerContext.ofArtist(r.get("id").asString(),
                    r.get("name").isNull() ? "" : r.get("name").asString())));
        }
        ListenerProfiles profiles = new ListenerProfiles(graph, new ListenerStates(new ItemCatalog(graph)));
        List<ListenerContext> ctx = users.stream().map(u -> profiles.of(u).orElseThrow().context()).toList();
        Map<String, RecallChannel> channels = new LinkedHashMap<>(Channels.graphChannels(graph));
        RecallChannel similarArtists = Channels.similarArtists(graph);
        channels.put(similarArtists.name(), similarArtists);
        Duration budget = Duration.ofSeconds(30); // measure, never cut
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d listeners x %d rounds, limit %d%n", ctx.size(), rounds, limit));
        out.append(String.format(Locale.ROOT, "%-20s %9s %9s %9s %12s%n", "channel", "p50 ms", "p99 ms", "max ms", "candidates"));
        // the profile each request reads before its channels: from the graph, and as remembered by the service
        ListenerProfiles remembered = new ListenerProfiles(graph, new ListenerStates(new ItemCatalog(graph)), Long.MAX_VALUE, Duration.ofHours(1));
        users.forEach(remembered::of);
        out.append(row("profile (graph)", time(users, rounds, profiles::of), Double.NaN));
        out.append(row("profile (remembered)", time(users, rounds, remembered::of), Double.NaN));
        for (RecallChannel c : channels.values()) {
            List<ListenerContext> inputs = c == similarArtists ? artists : ctx;
            inputs.forEach(x -> c.recall(x, limit, budget)); // warm-up: plans and page cache
            long[] nanos = new long[inputs.size() * rounds];
            long found = 0;
            int i = 0;
            for (int r = 0; r < rounds; r++) {
                for (ListenerContext x : inputs) {
                    long t0 = System.nanoTime();
                    found += c.recall(x, limit, budget).size();
                    nanos[i++] = System.nanoTime() - t0;
                }
            }
            out.append(row(c.name(), nanos, (double) found / nanos.length));
        }
        return out.toString();
    }

    /** Times {@code work} for each listener, {@code rounds} times, after one warm-up pass. */
    private static long[] time(List<String> users, int rounds, java.util.function.Consumer<String> work) {
        users.forEach(work);
        long[] nanos = new long[users.size() * rounds];
        int i = 0;
        for (int r = 0; r < rounds; r++) {
            for (String u : users) {
                long t0 = System.nanoTime();
                work.accept(u);
                nanos[i++] = System.nanoTime() - t0;
            }
        }
        return nanos;
    }

    private static String row(String name, long[] nanos, double found) {
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "%-20s %9.2f %9.2f %9.2f %12s%n", name, pct(nanos, 0.5), pct(nanos, 0.99),
                nanos[nanos.length - 1] / 1e6, Double.isNaN(found) ? "" : String.format(Locale.ROOT, "%.1f", found));
    }

    private static double pct(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
