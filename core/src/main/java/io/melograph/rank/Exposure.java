package io.melograph.rank;

/**
 * One exposure as a behaviour ranker sees it: user and item indices, when it happened (epoch ms, for the hour of
 * day), the scene, how many songs the user had played earlier in the same session, and the user's behaviour sequences
 * just before it ({@link BehaviourSequences}; empty when the data has none).
 */
public record Exposure(int user, int item, long ts, String scene, int sessionPosition, BehaviourSequences.History history) {

    public Exposure {
        history = history == null ? BehaviourSequences.History.EMPTY : history;
    }
}
