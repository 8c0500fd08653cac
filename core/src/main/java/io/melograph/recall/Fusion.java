package io.melograph.recall;

import io.melograph.util.Best;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-path fusion: one list from several channels. Each channel keeps at most its quota of candidates (its best),
 * its scores are scaled to its best (so channels are comparable) and multiplied by its weight; a candidate found by
 * several channels adds the contributions up and keeps every channel's reason and path, so the fused score can be
 * taken apart for analysis.
 */
public final class Fusion {

    private Fusion() {}

    /**
     * Weight and quota per channel; channels not named get the defaults. A weight of 0 keeps a channel's reasons
     * without letting it move the ranking.
     */
    public record Policy(Map<String, Double> weights, Map<String, Integer> quotas, double defaultWeight, int defaultQuota) {
        public static final Policy EQUAL = new Policy(Map.of(), Map.of(), 1.0, Integer.MAX_VALUE);

        public Policy {
            weights = Map.copyOf(weights);
            quotas = Map.copyOf(quotas);
        }

        public double weight(String channel) {
            return weights.getOrDefault(channel, defaultWeight);
        }

        public int quota(String channel) {
            return quotas.getOrDefault(channel, defaultQuota);
        }
    }

    /** A fused candidate and what each channel contributed to it, largest contribution first. */
    public record Fused(String itemId, String itemType, String name, List<Part> parts) {
        /**
         * @param scaled       the channel's score scaled to its best candidate, in [0, 1]
         * @param contribution {@code scaled × weight}: this channel's share of the fused score
         */
        public record Part(String channel, double scaled, double contribution, String reason, List<String> path) {}

        public double score() {
            return parts.stream().mapToDouble(Part::contribution).sum();
        }

        public List<String> channels() {
            return parts.stream().map(Part::channel).toList();
        }

        /** The reason of the channel that contributed most. */
        public String reason() {
            return parts.isEmpty() ? "" : parts.get(0).reason();
        }
    }

    public static List<Fused> fuse(Map<String, List<Candidate>> byChannel, Policy policy, int limit) {
        Map<String, Fused> fused = new LinkedHashMap<>();
        for (Map.Entry<String, List<Candidate>> e : byChannel.entrySet()) {
            List<Candidate> list = e.getValue().stream()
                    .sorted(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::itemId))
                    .limit(policy.quota(e.getKey())).toList();
            double top = list.isEmpty() ? 1.0 : list.get(0).score();
            double weight = policy.weight(e.getKey());
            for (Candidate c : list) {
                double scaled = top > 0 ? c.score() / top : 0;
                fused.computeIfAbsent(c.itemId(), k -> new Fused(c.itemId(), c.itemType(), c.name(), new ArrayList<>()))
                        .parts().add(new Fused.Part(c.channel(), scaled, scaled * weight, c.reason(), c.path()));
            }
        }
        Comparator<Fused.Part> strongest = Comparator.comparingDouble(Fused.Part::contribution).reversed()
                .thenComparing(Comparator.comparingDouble(Fused.Part::scaled).reversed());
        List<Scored> scored = fused.values().stream()
                .map(f -> new Scored(new Fused(f.itemId(), f.itemType(), f.name(), f.parts().stream().sorted(strongest).toList())))
                .toList();
        return Best.of(scored, limit, Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.fused().itemId()))
                .stream().map(Scored::fused).toList();
    }

    /** A fused candidate with its score summed once, not once per comparison of the sort. */
    private record Scored(Fused fused, double score) {
        Scored(Fused fused) {
            this(fused, fused.score());
        }
    }
}
