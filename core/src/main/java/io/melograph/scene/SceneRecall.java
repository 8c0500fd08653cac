package io.melograph.scene;

import io.melograph.events.ItemCatalog;
import io.melograph.events.SongPopularity;
import io.melograph.recall.Candidate;
import io.melograph.recall.Fusion;
import io.melograph.recall.ListenerContext;
import io.melograph.recall.RecallRunner;
import io.melograph.recall.RecallService;
import io.melograph.util.TaggedCounters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scene's candidates: its channels in parallel (each within its budget), fused by its policy. When no channel
 * brings anything (all failed, timed out, or the listener is cold) the most played songs stand in, so a scene always
 * answers; the response says so. Each recall is counted per scene and A/B arm by outcome ({@value #RECALLS}:
 * {@code recalled}, {@code degraded}, {@code fallback}), background recalls included.
 */
public final class SceneRecall {
    public static final String POPULAR = "popular";
    public static final String RECALLS = "melograph.scene.recalls";

    /** The fused candidates, every channel's status, and whether the popularity fallback answered. */
    public record Recalled(List<Fusion.Fused> candidates, Map<String, String> status, boolean fallback) {
        /** Popular songs stood in, or fewer than half of the channels answered (the others timed out or failed). */
        public boolean degraded() {
            long answered = status.values().stream().filter(RecallService::answered).count();
            return fallback || answered * 2 < status.size();
        }
    }

    private final RecallService recall;
    private final SongPopularity popularity;
    private final ItemCatalog catalog;
    private final PopularItems popularItems;
    private final TaggedCounters recalls;

    public SceneRecall(RecallService recall, SongPopularity popularity, ItemCatalog catalog, PopularItems popularItems) {
        this.recall = recall;
        this.popularity = popularity;
        this.catalog = catalog;
        this.popularItems = popularItems;
        this.recalls = new TaggedCounters(recall.meters(), RECALLS, "scene recalls by outcome: fallback = popular songs stood in",
                "scene", "arm", "outcome");
    }

    /** Songs: {@link #recall(ScenePolicy, ListenerContext, Collection, String, int)} of type {@code song}. */
    public Recalled recall(ScenePolicy policy, ListenerContext context, Collection<String> leaveOut, int limit) {
        return recall(policy, context, leaveOut, "song", limit);
    }

    /**
     * @param leaveOut ids no candidate may have (heard, disliked); the fallback skips them too
     * @param itemType the kind of item the scene lists ({@code song}, {@code playlist}, {@code video}, {@code mlog})
     * @param limit    fused candidates wanted
     */
    public Recalled recall(ScenePolicy policy, ListenerContext context, Collection<String> leaveOut, String itemType, int limit) {
        // left out before each channel cuts its list: a heavy listener's heard songs must not use up a channel's quota
        RecallRunner.Result r = context.isEmpty()
                ? new RecallRunner.Result(Map.of(), Map.of(), Map.of())
                : recall.run(policy.channels(), context.excluding(leaveOut), policy.perChannel(), policy::budget);
        Map<String, List<Candidate>> kept = new LinkedHashMap<>();
        r.candidates().forEach((channel, list) -> kept.put(channel, list.stream()
                .filter(c -> c.itemType().equals(itemType) && !leaveOut.contains(c.itemId())).toList()));
        List<Fusion.Fused> fused = Fusion.fuse(kept, policy.fusion(), limit);
        Map<String, String> status = new LinkedHashMap<>(r.status());
        if (!fused.isEmpty()) {
            return counted(policy, new Recalled(fused, status, false));
        }
        status.put(POPULAR, "ok");
        return counted(policy, new Recalled(itemType.equals("song") ? popularThenCatalog(leaveOut, limit)
                : popularItems.of(itemType, leaveOut, limit), status, true));
    }

    private Recalled counted(ScenePolicy policy, Recalled r) {
        String outcome = r.fallback() ? "fallback" : r.degraded() ? "degraded" : "recalled";
        recalls.increment(policy.scene(), policy.arm(), outcome);
        return r;
    }

    /** The most played songs not left out, as candidates of the {@value #POPULAR} channel. */
    public List<Fusion.Fused> popular(Collection<String> leaveOut, int limit) {
        return Fusion.fuse(Map.of(POPULAR, mostPlayed(leaveOut, limit)), Fusion.Policy.EQUAL, limit);
    }

    /**
     * {@link #popular}, and when too few songs have been played (a new deployment) other catalog songs make up the
     * number: a scene that has nothing else to offer is never empty while the catalog has songs.
     */
    public List<Fusion.Fused> popularThenCatalog(Collection<String> leaveOut, int limit) {
        List<Candidate> list = mostPlayed(leaveOut, limit);
        if (list.size() < limit) {
            Set<String> taken = new HashSet<>(leaveOut);
            list.forEach(c -> taken.add(c.itemId()));
            for (String id : catalog.anySongs(limit - list.size(), taken)) {
                ItemCatalog.SongFacts facts = catalog.song(id);
                list.add(candidate(id, facts == null || facts.title() == null ? id : facts.title()));
            }
        }
        return Fusion.fuse(Map.of(POPULAR, list), Fusion.Policy.EQUAL, limit);
    }

    private List<Candidate> mostPlayed(Collection<String> leaveOut, int limit) {
        List<Candidate> list = new ArrayList<>();
        for (String id : popularity.top(limit + leaveOut.size())) {
            if (list.size() == limit) {
                break;
            }
            ItemCatalog.SongFacts facts = catalog.song(id);
            if (!leaveOut.contains(id) && facts != null) {
                list.add(candidate(id, facts.title()));
            }
        }
        return list;
    }

    /** A song of the {@value #POPULAR} channel, its reason by its plays. */
    private Candidate candidate(String id, String title) {
        long plays = popularity.plays(id);
        // plays as aggregated into the graph, refreshed every minute: 0 may be a song played since
        return new Candidate(id, "song", title, plays, POPULAR, plays == 0 ? "From the Melograph catalog: too few plays yet to rank it by popularity"
                : "Popular on Melograph: played " + plays + " times by listeners", List.of(id));
    }
}
