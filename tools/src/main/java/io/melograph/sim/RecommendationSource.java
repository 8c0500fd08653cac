package io.melograph.sim;

import java.util.List;

/**
 * Where a listener's song exposures come from in live mode (the recommender under test), instead of the simulator's
 * internal exposure model. Asked for the "daily" list and for "fm" tracks; the simulator's listeners then react to
 * what they are shown with their own taste.
 */
@FunctionalInterface
public interface RecommendationSource {
    /**
     * @param userId a simulated listener ("sim:user:0001")
     * @param scene  "daily" or "fm"
     * @param count  how many songs are wanted
     * @return song ids, best first; ids outside the catalog and repeats are ignored, fewer than {@code count} is fine
     */
    List<String> recommend(String userId, String scene, int count);
}
