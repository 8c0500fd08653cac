package io.melograph.bench;

import io.melograph.events.ItemCatalog;
import io.melograph.recall.Candidate;
import io.melograph.recall.InterestChannel;
import io.melograph.recall.ListenerContext;
import io.melograph.recall.ListenerInterests;
import io.melograph.recall.LiveInterests;
import io.melograph.recall.NowChannel;
import io.melograph.recall.ServedInterests;
import io.melograph.registry.ModelRegistry;
import io.melograph.interest.NowSteps;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The interest models' serving cost on the live version of a home, in this process (no graph, no HTTP): the per-event
 * update of a listener's short-term interest (a new play, then {@code interest-now}'s vector computed again), the
 * long-term interests of a changed history (MIND routing over 50 songs), and each kind of channel's answer of 50 songs
 * from the song indexes. Listeners are seeded random plays over the model's songs.
 */
public final class InterestBench {
    private static final int WARM_UP = 2_000;

    /** The numbers: load time, songs, and each operation's latency. */
    public record Report(String version, int songs, double loadSeconds, VectorBench.Latency event, VectorBench.Latency longTerm,
                         VectorBench.Latency interestChannel, VectorBench.Latency nowChannel) {
        public String markdown() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "interest model %s: %,d songs, loaded (with its indexes) in %.2f s%n%n",
                    version, songs, loadSeconds));
            sb.append("| operation | n | p50 ms | p99 ms | mean ms |\n|---|---:|---:|---:|---:|\n");
            row(sb, "short-term interest after one new event (interest-now's vector)", event);
            row(sb, "long-term interests of a changed 50-song history (MIND routing)", longTerm);
            row(sb, "interest-1 answer, 50 songs (interests remembered)", interestChannel);
            row(sb, "interest-now answer, 50 songs (vector remembered)", nowChannel);
            return sb.toString();
        }

        private static void row(StringBuilder sb, String name, VectorBench.Latency l) {
            sb.append(String.format(Locale.ROOT, "| %s | %,d | %.4f | %.4f | %.4f |%n", name, l.n(), l.p50(), l.p99(), l.mean()));
        }
    }

    private InterestBench() {}

    public static Report run(Path home, int listeners, int events, long seed) {
        ModelRegistry registry = new ModelRegistry(home);
        long started = System.nanoTime();
        try (LiveInterests live = new LiveInterests(registry)) {
            if (!live.swapToCurrent()) {
                throw new IllegalArgumentException("no interest model version is current in " + home + " (melograph train interests)");
            }
            double load = (System.nanoTime() - started) / 1e9;
            ServedInterests m = live.served().orElseThrow();
            int songs = m.model().songs();
            List<String> ids = new ArrayList<>();
            for (int s = 0; s < songs; s++) {
                ids.add(m.songId(s));
            }
            SplittableRandom rng = new SplittableRandom(seed);
            Map<String, List<NowSteps.Step>> plays = new HashMap<>();
            Map<String, List<String>> histories = new HashMap<>();
            Map<String, Long> counts = new HashMap<>();
            for (int u = 0; u < listeners; u++) {
                List<NowSteps.Step> p = new ArrayList<>();
                List<String> h = new ArrayList<>();
                for (int k = 0; k < 50; k++) {
                    String song = ids.get(rng.nextInt(songs));
                    p.add(new NowSteps.Step(song, rng.nextInt(NowSteps.OUTCOMES), k * 240_000L));
                    h.add(song);
                }
                plays.put("u" + u, p);
                histories.put("u" + u, h);
                counts.put("u" + u, 0L);
            }
            ItemCatalog.SongFacts facts = new ItemCatalog.SongFacts("a song", List.of("artist"), List.of("An Artist"), List.of("a genre"));
            ListenerInterests interests = new ListenerInterests(live, histories::get, u -> {
                List<NowSteps.Step> p = plays.get(u);
                return Optional.of(new ListenerInterests.Plays(p, p.get(p.size() - 1).ts(), counts.get(u)));
            }, id -> facts);
            InterestChannel interest1 = new InterestChannel(1, interests, id -> facts);
            NowChannel now = new NowChannel(interests, id -> facts);

            long[] event = new long[events];
            long[] longTerm = new long[events];
            long[] interestAnswer = new long[events];
            long[] nowAnswer = new long[events];
            for (int i = -WARM_UP; i < events; i++) {
                String u = "u" + rng.nextInt(listeners);
                List<NowSteps.Step> p = plays.get(u);
                String song = ids.get(rng.nextInt(songs));
                p.add(new NowSteps.Step(song, rng.nextInt(NowSteps.OUTCOMES), p.get(p.size() - 1).ts() + 240_000L));
                p.remove(0);
                counts.merge(u, 1L, Long::sum);
                long t = System.nanoTime();
                interests.now(u);
                long e = System.nanoTime() - t;
                List<String> h = histories.get(u);
                h.add(song);
                h.remove(0);
                t = System.nanoTime();
                interests.of(u);
                long l = System.nanoTime() - t;
                ListenerContext context = new ListenerContext(u, List.of(), List.of(), List.of());
                t = System.nanoTime();
                List<Candidate> a = interest1.recall(context, 50, Duration.ofSeconds(1));
                long ia = System.nanoTime() - t;
                t = System.nanoTime();
                List<Candidate> b = now.recall(context, 50, Duration.ofSeconds(1));
                long na = System.nanoTime() - t;
                if (a.isEmpty() || b.isEmpty()) {
                    throw new IllegalStateException("a channel answered nothing for " + u);
                }
                if (i >= 0) {
                    event[i] = e;
                    longTerm[i] = l;
                    interestAnswer[i] = ia;
                    nowAnswer[i] = na;
                }
            }
            return new Report(m.version(), songs, load, VectorBench.Latency.of(event), VectorBench.Latency.of(longTerm),
                    VectorBench.Latency.of(interestAnswer), VectorBench.Latency.of(nowAnswer));
        }
    }
}
