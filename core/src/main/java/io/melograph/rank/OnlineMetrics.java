package io.melograph.rank;

import io.melograph.events.Event;
import io.melograph.events.ItemType;
import io.melograph.util.TaggedCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * What the online ranker sees of live traffic, as meters: each head's running log loss and AUC
 * ({@value #LOGLOSS}, {@value #AUC}, from the predictions made before learning, over the latest {@value #WINDOW}
 * examples) and examples learned ({@value #EXAMPLES}); and the song events of each scene and A/B arm by action
 * ({@value #EVENTS}), from which skip, complete and like rates per scene follow. Events are counted once, as they are
 * learned from the journal.
 */
public final class OnlineMetrics {
    public static final String LOGLOSS = "melograph.ftrl.logloss";
    public static final String AUC = "melograph.ftrl.auc";
    public static final String EXAMPLES = "melograph.ftrl.examples";
    public static final String EVENTS = "melograph.scene.events";
    static final int WINDOW = 10_000;
    /** The scene tag of events whose scene is not one of the service's (so clients cannot grow the series). */
    public static final String OTHER = "other";

    /** Held here: meters keep only weak references to what they read. */
    private final Supplier<FtrlRanker> ranker;
    private final BiFunction<String, String, String> armOf;
    private final EnumMap<Head, RunningQuality> quality = new EnumMap<>(Head.class);
    private final TaggedCounters events;

    /**
     * @param armOf the A/B arm of a listener in a scene, or null for a scene the service does not have (counted as
     *              {@value #OTHER})
     */
    public OnlineMetrics(MeterRegistry registry, Supplier<FtrlRanker> ranker, BiFunction<String, String, String> armOf) {
        this.ranker = ranker;
        this.events = new TaggedCounters(registry, EVENTS, "song events by scene, A/B arm and action", "scene", "arm", "action");
        this.armOf = armOf;
        for (Head h : Head.values()) {
            RunningQuality q = new RunningQuality(WINDOW);
            quality.put(h, q);
            Gauge.builder(LOGLOSS, q, RunningQuality::logLoss).tag("head", h.wire())
                    .description("log loss of the latest predictions, made before learning each example").register(registry);
            Gauge.builder(AUC, q, RunningQuality::auc).tag("head", h.wire())
                    .description("AUC of the latest predictions, made before learning each example").register(registry);
            FunctionCounter.builder(EXAMPLES, this, m -> m.examples(h)).tag("head", h.wire())
                    .description("examples learned").register(registry);
        }
    }

    private double examples(Head h) {
        FtrlRanker r = ranker.get();
        return r == null ? 0 : r.examples().get(h);
    }

    /** One learned example, with the probability predicted before learning it. */
    void predicted(Head head, double probability, boolean label) {
        quality.get(head).record(probability, label);
    }

    /** One song event learned from the journal. */
    void event(Event e) {
        if (e.itemType() != ItemType.SONG) {
            return;
        }
        String scene = e.scene() == null ? OTHER : e.scene();
        String arm = armOf.apply(scene, e.userId());
        if (arm == null) {
            scene = OTHER;
            arm = OTHER;
        }
        events.increment(scene, arm, e.action().name().toLowerCase(Locale.ROOT));
    }

    /** Each head's latest window. */
    public Map<Head, RunningQuality.Snapshot> quality() {
        EnumMap<Head, RunningQuality.Snapshot> m = new EnumMap<>(Head.class);
        quality.forEach((h, q) -> m.put(h, q.snapshot()));
        return m;
    }
}
