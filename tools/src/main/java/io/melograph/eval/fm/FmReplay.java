package io.melograph.eval.fm;

import io.melograph.scene.SessionTaste;
import io.melograph.sim.ListenerSimulator;
import io.melograph.sim.RadioListener;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Private FM sessions replayed offline: each listener's pool, as the running service built and scored it, is played
 * to the same simulated listener ({@link RadioListener}) by several choosers — the ranker's order (feedback ignored),
 * the service's session model ({@link SessionTaste}), and an oracle that always takes the pool's best match by the
 * simulator's ground truth (what any feedback could reach at best on this pool). Background refills and explorations
 * are left out: the pool is fixed. Deterministic: same pools and seeds, same numbers.
 */
public final class FmReplay {
    /** One candidate of a pool. */
    public record Song(String id, double score, List<String> artists, List<String> genres) {}

    /** A listener's pool. */
    public record Pool(String userId, List<Song> songs) {}

    /** One chooser over all sessions: skips among songs played, mean taste match, skip rate by block of songs. */
    public record Result(String chooser, int songs, int skips, double meanMatch, double[] blockSkipRates) {
        public double skipRate() {
            return songs == 0 ? Double.NaN : (double) skips / songs;
        }
    }

    /** Picks the next song of a session and hears how it went. */
    interface Chooser {
        Song choose(List<Song> playable);

        default void heard(Song s, RadioListener.Reaction r) { }
    }

    public static final String RANKER = "ranker order (feedback ignored)";
    public static final String SESSION = "session model (SessionTaste)";
    public static final String ORACLE = "oracle (the pool's best match)";
    static final int BLOCK = 4;

    private FmReplay() {}

    /** Replays every pool {@code seeds.length} times (one listener stream per seed), {@code songs} songs each. */
    public static List<Result> run(ListenerSimulator sim, List<Pool> pools, int songs, long[] seeds) {
        Map<String, java.util.function.Function<Pool, Chooser>> choosers = new LinkedHashMap<>();
        choosers.put(RANKER, p -> best(s -> s.score()));
        choosers.put(SESSION, p -> session());
        choosers.put(ORACLE, p -> best(s -> sim.match(p.userId(), s.id())));
        List<Result> out = new ArrayList<>();
        choosers.forEach((name, make) -> {
            int played = 0;
            int skips = 0;
            double match = 0;
            int blocks = (songs + BLOCK - 1) / BLOCK;
            int[] blockSongs = new int[blocks];
            int[] blockSkips = new int[blocks];
            for (Pool p : pools) {
                for (long seed : seeds) {
                    Chooser c = make.apply(p);
                    RadioListener listener = sim.radioListener(p.userId(), seed);
                    Set<String> heard = new HashSet<>();
                    for (int i = 0; i < songs; i++) {
                        List<Song> playable = p.songs().stream().filter(s -> !heard.contains(s.id())).toList();
                        if (playable.isEmpty()) {
                            break;
                        }
                        Song s = c.choose(playable);
                        heard.add(s.id());
                        RadioListener.Reaction r = listener.hear(s.id());
                        c.heard(s, r);
                        played++;
                        blockSongs[i / BLOCK]++;
                        match += r.match();
                        if (r.skipped()) {
                            skips++;
                            blockSkips[i / BLOCK]++;
                        }
                    }
                }
            }
            double[] rates = new double[blocks];
            for (int b = 0; b < blocks; b++) {
                rates[b] = blockSongs[b] == 0 ? Double.NaN : (double) blockSkips[b] / blockSongs[b];
            }
            out.add(new Result(name, played, skips, played == 0 ? Double.NaN : match / played, rates));
        });
        return out;
    }

    /** Always the playable song that {@code value} rates highest (the first of equals). */
    private static Chooser best(java.util.function.ToDoubleFunction<Song> value) {
        return playable -> {
            Song best = playable.get(0);
            double bestValue = value.applyAsDouble(best);
            for (Song s : playable) {
                double v = value.applyAsDouble(s);
                if (v > bestValue) {
                    best = s;
                    bestValue = v;
                }
            }
            return best;
        };
    }

    /** The service's session model, told what the listener did as the service would be. */
    private static Chooser session() {
        SessionTaste taste = new SessionTaste();
        Chooser weighed = best(s -> taste.weigh(s.score(), s.artists(), s.genres()));
        Chooser leastBad = best(s -> taste.leastBad(s.score(), s.artists(), s.genres()));
        return new Chooser() {
            @Override
            public Song choose(List<Song> playable) {
                Song s = weighed.choose(playable);
                // as the service: when no song weighs above 0, the least bad
                return taste.weigh(s.score(), s.artists(), s.genres()) > 0 ? s : leastBad.choose(playable);
            }

            @Override
            public void heard(Song s, RadioListener.Reaction r) {
                r.feedback().forEach(a -> taste.feedback(a, s.artists(), s.artists(), s.genres()));
            }
        };
    }
}
