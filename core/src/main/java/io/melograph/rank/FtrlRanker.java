package io.melograph.rank;

import io.melograph.events.ItemCatalog;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Online ranking: one FTRL-Proximal model per behaviour ({@link Head}: click, complete, like) over the hashed
 * {@link RankingFeatures}, combined per scene by its {@link HeadWeights}. Scoring reads in-memory state only (song facts
 * from the catalog cache, play counts and session positions kept from the event stream): no graph query.
 * <p>
 * Public API for the scenes:
 * <ul>
 *   <li>{@link #score(String, String, long, List)}: per candidate, the three probabilities, in the candidates' order
 *       (the scene combines them with its {@link HeadWeights});</li>
 *   <li>{@link #served(String, long, List)}: remember which channels proposed the songs actually shown, so the
 *       impression events coming back are learned with the same features they were scored with;</li>
 *   <li>{@link #examples()}: examples learned per head.</li>
 * </ul>
 * Learning is done by {@link OnlineRanking} from the journal; scoring never waits for it.
 */
public final class FtrlRanker {

    /** A candidate song and the recall channels that proposed it (empty when unknown). */
    public record Candidate(String itemId, List<String> channels) {
        public Candidate {
            channels = channels == null ? List.of() : channels;
        }
    }

    /** Per-head probabilities (a scene combines them with its {@link HeadWeights}). */
    public record Scored(String itemId, double click, double complete, double like) {
        /** The probabilities indexed by {@link Head#ordinal()}. */
        public double[] heads() {
            return new double[] {click, complete, like};
        }
    }

    /** Hash space (2^bits buckets per head) and FTRL settings shared by the heads. */
    public record Config(int hashBits, Ftrl.Params params) {
        public static Config defaults() {
            return new Config(20, Ftrl.Params.defaults());
        }
    }

    private final RankingFeatures features;
    private final EnumMap<Head, Ftrl> heads;
    private final PlayCounts plays;
    private final SessionPositions sessions = new SessionPositions();
    private final ServedLists served = new ServedLists(500_000);
    private final Function<String, ItemCatalog.SongFacts> songs;

    /** A fresh ranker; {@code songs} gives a song's catalog facts (e.g. {@code ItemCatalog::song}), null when unknown. */
    public FtrlRanker(Config config, Function<String, ItemCatalog.SongFacts> songs) {
        this(new FeatureHasher(config.hashBits()), freshHeads(1 << config.hashBits(), config.params()), new PlayCounts(), songs);
    }

    private FtrlRanker(FeatureHasher hasher, EnumMap<Head, Ftrl> heads, PlayCounts plays, Function<String, ItemCatalog.SongFacts> songs) {
        this.features = new RankingFeatures(hasher);
        this.heads = heads;
        this.plays = plays;
        this.songs = songs;
    }

    private static EnumMap<Head, Ftrl> freshHeads(int buckets, Ftrl.Params params) {
        EnumMap<Head, Ftrl> m = new EnumMap<>(Head.class);
        for (Head h : Head.values()) {
            m.put(h, new Ftrl(buckets, params));
        }
        return m;
    }

    /** Scores candidates for a listener in a scene at {@code ts}; the result is in the candidates' order. */
    public List<Scored> score(String userId, String scene, long ts, List<Candidate> candidates) {
        int position = sessions.position(userId, ts);
        List<Scored> out = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            ExposureFacts e = new ExposureFacts(userId, c.itemId(), scene, ts, position, c.channels(), plays.of(c.itemId()),
                    songs.apply(c.itemId()));
            double[] p = probabilities(e);
            out.add(new Scored(c.itemId(), p[0], p[1], p[2]));
        }
        return out;
    }

    /** Remembers the channels of the songs {@code scene} showed a listener (call it with what was actually served). */
    public void served(String userId, String scene, long ts, List<Candidate> shown) {
        served.remember(userId, scene, ts, shown);
    }

    /** The probability of each head (indexed by {@link Head#ordinal()}) for one exposure. */
    public double[] probabilities(ExposureFacts e) {
        int[] x = features.of(e);
        double[] p = new double[Head.values().length];
        for (Head h : Head.values()) {
            p[h.ordinal()] = heads.get(h).predict(x);
        }
        return p;
    }

    /**
     * The facts of showing {@code itemId}, as the ranker would have scored it; the play count is filled in when the
     * outcome is learned ({@link #learn}), so a replay that rebuilds pending exposures learns exactly what a
     * continuous run learns.
     */
    ExposureFacts exposure(String userId, String itemId, String scene, long ts, int sessionPosition) {
        return new ExposureFacts(userId, itemId, scene, ts, sessionPosition, served.channels(userId, scene, itemId, ts), 0,
                songs.apply(itemId));
    }

    /**
     * Learns one labelled exposure of the event stream for one head, with the song's current play count; returns the
     * probability predicted before learning it.
     */
    public double learn(Head head, ExposureFacts e, boolean label) {
        return heads.get(head).update(features.of(e.withPlays(plays.of(e.itemId()))), label);
    }

    public double predict(Head head, ExposureFacts e) {
        return heads.get(head).predict(features.of(e));
    }

    /** Examples learned per head. */
    public Map<Head, Long> examples() {
        EnumMap<Head, Long> m = new EnumMap<>(Head.class);
        heads.forEach((h, f) -> m.put(h, f.updates()));
        return m;
    }

    /** Non-zero weights per head (L1 keeps the rest at exactly zero). */
    public Map<Head, Integer> nonZeroWeights() {
        EnumMap<Head, Integer> m = new EnumMap<>(Head.class);
        heads.forEach((h, f) -> m.put(h, f.nonZero()));
        return m;
    }

    public int hashBits() {
        return features.hasher().bits();
    }

    Ftrl head(Head h) {
        return heads.get(h);
    }

    PlayCounts plays() {
        return plays;
    }

    SessionPositions sessions() {
        return sessions;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(features.hasher().bits());
        for (Head h : Head.values()) {
            heads.get(h).write(out);
        }
        plays.write(out);
    }

    static FtrlRanker read(DataInputStream in, Function<String, ItemCatalog.SongFacts> songs)
            throws IOException {
        FeatureHasher hasher = new FeatureHasher(in.readInt());
        EnumMap<Head, Ftrl> heads = new EnumMap<>(Head.class);
        for (Head h : Head.values()) {
            heads.put(h, Ftrl.read(in));
        }
        return new FtrlRanker(hasher, heads, PlayCounts.read(in), songs);
    }
}
