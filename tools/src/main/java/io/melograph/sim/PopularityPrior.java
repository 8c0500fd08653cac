package io.melograph.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The Zipf-like popularity prior of songs: the song of popularity rank {@code r} (1 = most popular) has weight
 * {@code r^-s}. The exponent {@code s} is fitted on real listening: total Last.fm plays per artist in HetRec 2011
 * ({@code user_artists.dat}), ranked, fitted by <b>ordinary least squares of log(plays) on log(rank) over the top
 * {@value #FIT_RANKS} ranks</b>, and never beyond the head (the 20 % most-played), see {@link #fitRanks}. That is the
 * straight part of the curve: further down, the finite sample of 1,892 users bends it steeply (a fit over all 17,632
 * ranks gives 1.86). The fit is at the artist level because HetRec has no song plays; the simulator applies the
 * exponent to song ranks.
 */
public final class PopularityPrior {

    /**
     * {@code s} fitted by {@link #fromHetrec} on {@code ../shared/datasets/hetrec2011-lastfm-2k}: 17,632 artists,
     * 69,183,975 plays, OLS on log-log over ranks 1..1,000, slope -0.9516 (a fit over ranks 1..100 gives 0.78, over
     * 1..2,000 gives 1.03). Recompute with {@code PopularityPrior.fromHetrec(dir).exponent()}.
     */
    static final double HETREC_EXPONENT = 0.9516;

    /**
     * Share of HetRec plays on artists outside the 20 % most-played artists (3,527 of 17,632): 7.81 %, computed by
     * {@link #fromHetrec} on the same files as {@link #HETREC_EXPONENT}.
     */
    static final double HETREC_LONG_TAIL_SHARE = 0.0781;

    /** How many top ranks the log-log fit uses. */
    public static final int FIT_RANKS = 1_000;

    /** Share of the (seen) items that make the head when measuring long-tail share. */
    public static final double HEAD_SHARE = 0.2;

    private final double exponent;
    private final double hetrecLongTailShare;
    private final String source;

    private PopularityPrior(double exponent, double hetrecLongTailShare, String source) {
        if (!(exponent > 0 && exponent < 10)) {
            throw new IllegalArgumentException("exponent must be in (0, 10), got " + exponent);
        }
        this.exponent = exponent;
        this.hetrecLongTailShare = hetrecLongTailShare;
        this.source = source;
    }

    /** The constants fitted once on HetRec (see {@link #HETREC_EXPONENT}), with HetRec's long-tail share to compare. */
    public static PopularityPrior defaults() {
        return new PopularityPrior(HETREC_EXPONENT, HETREC_LONG_TAIL_SHARE,
                "HetRec Last.fm fit (built-in constants, artist level)");
    }

    /** A prior with a chosen exponent and nothing real to compare with. */
    public static PopularityPrior of(double exponent) {
        return new PopularityPrior(exponent, Double.NaN, "chosen exponent");
    }

    /**
     * Fits the exponent on a HetRec Last.fm folder: reads {@code user_artists.dat} (tab-separated
     * {@code userID artistID weight} with a header line), sums the weights (plays) per artist, ranks artists by plays and
     * fits OLS on log-log over the top {@value #FIT_RANKS} ranks; also measures the long-tail share of plays (artists
     * outside the top 20 %).
     *
     * @throws IOException when the file is missing or a line is not three integers with a weight of at least 0
     */
    public static PopularityPrior fromHetrec(Path dir) throws IOException {
        Path file = dir.resolve("user_artists.dat");
        TreeMap<Integer, Long> plays = new TreeMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line = in.readLine();
            if (line == null || !line.startsWith("userID")) {
                throw new IOException(file + ": expected the header line 'userID\tartistID\tweight'");
            }
            int n = 1;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                long weight;
                int artist;
                try {
                    if (f.length != 3) {
                        throw new NumberFormatException("3 fields expected");
                    }
                    artist = Integer.parseInt(f[1].trim());
                    weight = Long.parseLong(f[2].trim());
                } catch (NumberFormatException e) {
                    throw new IOException(file + " line " + n + ": not 'userID<TAB>artistID<TAB>weight': " + line, e);
                }
                if (weight < 0) {
                    throw new IOException(file + " line " + n + ": negative weight " + weight);
                }
                plays.merge(artist, weight, Long::sum);
            }
        }
        long[] counts = plays.values().stream().mapToLong(Long::longValue).toArray();
        if (Arrays.stream(counts).filter(c -> c > 0).count() < 2) {
            throw new IOException(file + ": fewer than two artists with plays, nothing to fit");
        }
        double s = fitExponent(counts, fitRanks(counts));
        return new PopularityPrior(s, longTailShare(counts, HEAD_SHARE),
                "HetRec Last.fm fit of " + dir.getFileName() + " (" + counts.length + " artists, artist level)");
    }

    /** The Zipf exponent {@code s}. */
    public double exponent() {
        return exponent;
    }

    /** Long-tail share of HetRec plays at the artist level, when this prior came from HetRec. */
    public OptionalDouble hetrecLongTailShare() {
        return Double.isNaN(hetrecLongTailShare) ? OptionalDouble.empty() : OptionalDouble.of(hetrecLongTailShare);
    }

    /** Where the exponent came from, for reports. */
    public String source() {
        return source;
    }

    /** The prior weight of popularity rank {@code rank} (1-based): {@code rank^-s}. */
    public double weight(int rank) {
        if (rank < 1) {
            throw new IllegalArgumentException("ranks start at 1, got " + rank);
        }
        return Math.pow(rank, -exponent);
    }

    /**
     * The exponent {@code s} of {@code count ~ rank^-s}: counts sorted descending, zeros dropped, OLS of log(count) on
     * log(rank) over ranks {@code 1..min(ranks, nonzero)}; NaN with fewer than two points.
     */
    public static double fitExponent(long[] counts, int ranks) {
        long[] sorted = Arrays.stream(counts).filter(c -> c > 0).sorted().toArray();
        int n = Math.min(ranks, sorted.length);
        if (n < 2) {
            return Double.NaN;
        }
        double sx = 0;
        double sy = 0;
        for (int r = 1; r <= n; r++) {
            sx += Math.log(r);
            sy += Math.log(sorted[sorted.length - r]);
        }
        double mx = sx / n;
        double my = sy / n;
        double sxy = 0;
        double sxx = 0;
        for (int r = 1; r <= n; r++) {
            double dx = Math.log(r) - mx;
            sxy += dx * (Math.log(sorted[sorted.length - r]) - my);
            sxx += dx * dx;
        }
        return -sxy / sxx;
    }

    /**
     * How many top ranks a fit uses: {@value #FIT_RANKS}, or the head (the {@code ceil(0.2 m)} largest of the {@code m}
     * nonzero counts) when that is smaller, so that small samples are fitted on their straight part too; at least 2.
     * For HetRec the head is 3,527 artists, so the fit uses 1,000.
     */
    public static int fitRanks(long[] counts) {
        long m = Arrays.stream(counts).filter(c -> c > 0).count();
        return (int) Math.max(2, Math.min(FIT_RANKS, Math.ceil(HEAD_SHARE * m - 1e-9)));
    }

    /**
     * Share of all counts that fall outside the head, the {@code ceil(headShare × m)} largest of the {@code m} nonzero
     * counts; NaN when everything is zero.
     */
    public static double longTailShare(long[] counts, double headShare) {
        long[] sorted = Arrays.stream(counts).filter(c -> c > 0).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int head = (int) Math.ceil(headShare * sorted.length - 1e-9);
        long total = 0;
        long tail = 0;
        for (int i = 0; i < sorted.length; i++) {
            total += sorted[i];
            if (i < sorted.length - head) {
                tail += sorted[i];
            }
        }
        return (double) tail / total;
    }

    @Override
    public String toString() {
        return "PopularityPrior[s=" + exponent + ", " + source + "]";
    }
}
