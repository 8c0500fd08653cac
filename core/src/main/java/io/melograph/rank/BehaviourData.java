package io.melograph.rank;

/**
 * Labelled exposures of one behaviour with their context, for {@link BehaviourRanker#fit(BehaviourData, long)}:
 * {@code labels[k]} says whether {@code exposures[k]} was followed by the behaviour.
 */
public record BehaviourData(java.util.List<String> userIds, ItemSideInfo items, Exposure[] exposures, boolean[] labels) {}
