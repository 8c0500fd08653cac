package io.melograph.neighbours;

/**
 * How a seed reaches the songs of one hub in a hub channel (an artist's top songs, an album's tracks, a tag's songs):
 * the first {@code look} songs of the hub's list, the seed itself left out, at most {@code cap} of them, each with this
 * score, support, path weight (which path tells the candidate when several reach it) and detail. The path from the
 * seed runs through {@code prefix} then the hub. Nodes are numbered as the {@link CatalogGraph} numbers them.
 */
public record Via(int hub, int look, int cap, double score, long support, double pathWeight, int[] prefix, String detail) {
    /** A via whose path is the hub alone and whose score is its path weight, one path per song. */
    static Via of(int hub, int look, int cap, double weight, String detail) {
        return new Via(hub, look, cap, weight, 1, weight, new int[0], detail);
    }

    /** The paths by which a seed reaches one linked artist, summed: their weight, count and the strongest of them. */
    static final class Sum {
        private double strength;
        private long pairs;
        private double bestWeight = Double.NEGATIVE_INFINITY;
        private int[] bestPrefix;
        private String bestDetail;

        void add(double weight, int[] prefix, String detail) {
            strength += weight;
            pairs++;
            if (weight > bestWeight) {
                bestWeight = weight;
                bestPrefix = prefix;
                bestDetail = detail;
            }
        }

        double strength() {
            return strength;
        }

        /** The via to the linked artist's first {@code take} songs. */
        Via via(int artist, int take) {
            return new Via(artist, take, take, strength, pairs, bestWeight, bestPrefix, bestDetail);
        }
    }
}
