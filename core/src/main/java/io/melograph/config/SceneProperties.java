package io.melograph.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * One scene's settings ({@code daily}, {@code fm}, {@code fm-explore}, {@code playlists}, {@code videos},
 * {@code mlogs}), in one of its A/B arms: an arm's own value of any key is
 * {@code melograph.scenes.<scene>.arm.<arm>.<key>}, else the scene's. Channel lists are
 * {@code channel=value} pairs, so that one environment variable sets one list
 * ({@code MELOGRAPH_SCENES_FM_WEIGHTS=vector=2,kg-co-listened=1}); every channel named is checked against the recall
 * channels at start.
 *
 * @param name               the scene
 * @param channels           the recall channels the scene runs, in parallel
 * @param weights            fusion weights, {@code channel=weight} pairs; a channel not named weighs 1
 * @param quotas             fusion quotas, {@code channel=places} pairs: places in the fused list kept for the channel
 * @param budgets            time budgets in ms, {@code channel=ms} pairs; a channel not named gets budget-ms
 * @param headWeights        how the ranker combines its heads into one score, Π p^weight ({@code click=1,complete=0.5,like=1});
 *                           a head not named weighs 1
 * @param perChannel         candidates asked of each channel
 * @param budgetMs           a channel's time budget in ms; unset: melograph.recall.budget-ms
 * @param arms               A/B arms, {@code name=percent} pairs ({@code control=50,tuned=50}); listeners are split by a
 *                           stable hash of their id; unset: one arm
 * @param ranker             {@code deep}: the promoted deep ranker re-orders FTRL's top; {@code ftrl}: FTRL alone
 * @param size               songs in one list (daily)
 * @param familiarShare      share of the list from songs the listener already played (daily)
 * @param maxPerArtist       songs of one artist in one list at most (daily)
 * @param listsInMemory      the day's lists kept in memory, beside MELOGRAPH_HOME/daily (daily)
 * @param backgroundBudgetMs the least channel budget in ms where no listener waits: lists computed ahead or again
 *                           (daily), refills and explorations (fm)
 * @param precompute         lists computed ahead of each listener's 06:00; false: on their first request of the day (daily)
 * @param precomputeEvery    how often the lists due next are computed ahead (daily)
 * @param precomputeAfter    the first pass this long after start (daily)
 * @param precomputeMax      lists computed ahead in one pass at most (daily)
 * @param precomputeThreads  threads computing lists ahead (daily)
 * @param precomputeBusyCpu  share of the CPUs in use (0–1) by others above which lists computed ahead wait, up to 10 s before one,
 *                           so requests and event acknowledgements come first; 1: never wait (daily)
 */
@Introspected
@EachProperty("melograph.scenes")
public record SceneProperties(@Parameter String name,
                              @Nullable List<String> channels,
                              @Nullable String weights,
                              @Nullable String quotas,
                              @Nullable String budgets,
                              @Nullable String headWeights,
                              @Bindable(defaultValue = "50") int perChannel,
                              @Nullable Long budgetMs,
                              @Nullable String arms,
                              @Bindable(defaultValue = "deep") String ranker,
                              @Bindable(defaultValue = "30") int size,
                              @Bindable(defaultValue = "0.3") double familiarShare,
                              @Bindable(defaultValue = "2") int maxPerArtist,
                              @Bindable(defaultValue = "20000") int listsInMemory,
                              @Bindable(defaultValue = "1000") long backgroundBudgetMs,
                              @Bindable(defaultValue = "true") boolean precompute,
                              @Bindable(defaultValue = "15m") Duration precomputeEvery,
                              @Bindable(defaultValue = "20s") Duration precomputeAfter,
                              @Bindable(defaultValue = "50000") int precomputeMax,
                              @Bindable(defaultValue = "1") int precomputeThreads,
                              @Bindable(defaultValue = "0.8") double precomputeBusyCpu) {
    public static final String PREFIX = "melograph.scenes.";
    /** The scenes there are settings for. */
    public static final List<String> SCENES = List.of("daily", "fm", "fm-explore", "playlists", "videos", "mlogs");

    public SceneProperties {
        channels = channels == null ? List.of() : channels.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
        weights = weights == null ? "" : weights;
        quotas = quotas == null ? "" : quotas;
        budgets = budgets == null ? "" : budgets;
        headWeights = headWeights == null ? "" : headWeights;
        arms = arms == null ? "" : arms;
        ranker = ranker.strip();
        String at = PREFIX + name + ".";
        Check.atLeast(at + "per-channel", perChannel, 1);
        if (budgetMs != null) {
            Check.atLeast(at + "budget-ms", budgetMs, 1);
        }
        if (!ranker.equals("deep") && !ranker.equals("ftrl")) {
            throw new IllegalArgumentException(at + "ranker: deep or ftrl, not '" + ranker + "'");
        }
        Check.atLeast(at + "size", size, 1);
        if (familiarShare < 0 || familiarShare > 1) {
            throw new IllegalArgumentException(at + "familiar-share must be between 0 and 1, not " + familiarShare);
        }
        Check.atLeast(at + "max-per-artist", maxPerArtist, 1);
        Check.atLeast(at + "lists-in-memory", listsInMemory, 1);
        Check.atLeast(at + "background-budget-ms", backgroundBudgetMs, 1);
        Check.atLeast(at + "precompute-every", precomputeEvery.toMillis(), 1);
        Check.atLeast(at + "precompute-max", precomputeMax, 1);
        Check.atLeast(at + "precompute-threads", precomputeThreads, 1);
        if (!(precomputeBusyCpu > 0 && precomputeBusyCpu <= 1)) {
            throw new IllegalArgumentException(at + "precompute-busy-cpu must be above 0 and at most 1, not " + precomputeBusyCpu);
        }
    }

    /**
     * The scene's settings in {@code arm} (null: the scene's own) from a value by full key, if set: the arm's own
     * value of a key over the scene's, the scene's over the default. The service and the commands that run its scenes
     * (replay, tuning) read scenes this way, so both see the same values.
     */
    public static SceneProperties read(String scene, @Nullable String arm, java.util.function.Function<String, java.util.Optional<String>> value) {
        return Binding.bind(SceneProperties.class, scene, key -> {
            java.util.Optional<String> own = arm == null ? java.util.Optional.empty() : value.apply(PREFIX + scene + ".arm." + arm + "." + key);
            return own.isPresent() ? own : value.apply(PREFIX + scene + "." + key);
        }, PREFIX + scene + ".");
    }
}
