package io.melograph.bench;

import io.melograph.interest.CatalogFacts;
import io.melograph.interest.InterestModel;
import io.melograph.train.interest.InterestTrainer;
import io.melograph.interest.SongNeighbourhood;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The long-term interest model's training cost at a catalog size, in this process: a synthetic catalog in memory
 * (songs on albums by artists, artists with genres and bands, a genre per song — the shapes and skew of
 * {@link CatalogGenerator}'s) and synthetic listeners' song sequences with skewed popularity, trained with the settings
 * the service uses for a number of passes. Reports the time to rank the songs' neighbourhoods, the training time and
 * steps (the last pass over every song for its final vector included), and the process's peak resident memory
 * (VmHWM: the PyTorch tensors live outside the Java heap).
 */
public final class InterestTrainingBench {
    private static final Pattern PEAK = Pattern.compile("VmHWM:\\s+(\\d+) kB");

    /** The numbers of one run. */
    public record Report(int songs, int entities, int listeners, int history, int epochs, double neighbourhoodSeconds,
                         double trainingSeconds, int steps, long peakResidentMb) {
        public String markdown() {
            return String.format(Locale.ROOT, "| %,d | %,d | %,d × %d | %d | %.1f | %.1f | %,d | %.3f | %,d |",
                    songs, entities, listeners, history, epochs, neighbourhoodSeconds, trainingSeconds, steps, trainingSeconds / steps,
                    peakResidentMb);
        }

        public static String header() {
            return "| songs | entities | listeners × songs heard | passes | neighbourhoods s | training s | steps | s per step (incl. final pass) | peak RSS MB |\n"
                    + "|---:|---:|---|---:|---:|---:|---:|---:|---:|";
        }
    }

    private InterestTrainingBench() {}

    public static Report run(int songs, int listeners, int history, int epochs, boolean graph, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        int artists = Math.max(10, songs / 20);
        int albums = Math.max(10, songs / 10);
        int genres = 60;
        CatalogFacts facts = new CatalogFacts();
        for (int s = 0; s < songs; s++) {
            String song = "gen:song:" + s;
            facts.songFact(song, "PERFORMED_BY", "gen:artist:" + CatalogGenerator.skewed(rnd, artists))
                    .songFact(song, "ON_ALBUM", "gen:album:" + CatalogGenerator.skewed(rnd, albums))
                    .songFact(song, "HAS_GENRE", "gen:genre:" + CatalogGenerator.skewed(rnd, genres));
        }
        for (int a = 0; a < albums; a++) {
            facts.entityFact("gen:album:" + a, "BY", "gen:artist:" + CatalogGenerator.skewed(rnd, artists));
        }
        for (int a = 0; a < artists; a++) {
            facts.entityFact("gen:artist:" + a, "HAS_GENRE", "gen:genre:" + CatalogGenerator.skewed(rnd, genres));
            if (a % 10 == 0 && a > 0) {
                facts.entityFact("gen:artist:" + a, "MEMBER_OF", "gen:artist:" + rnd.nextInt(a));
            }
        }
        int[][] sequences = new int[listeners][history];
        for (int[] sequence : sequences) {
            for (int t = 0; t < history; t++) {
                sequence[t] = CatalogGenerator.skewed(rnd, songs);
            }
        }
        InterestTrainer.Settings settings = InterestTrainer.Settings.defaults(InterestModel.Kind.MIND, graph).withEpochs(epochs);
        long started = System.nanoTime();
        SongNeighbourhood neighbourhood = graph ? SongNeighbourhood.of(facts, settings.neighbours()) : SongNeighbourhood.none(songs);
        double neighbourhoodSeconds = (System.nanoTime() - started) / 1e9;
        InterestTrainer.Trained trained = new InterestTrainer(settings).train(sequences, songs, neighbourhood, seed);
        return new Report(songs, facts.entityIds().size(), listeners, history, epochs, neighbourhoodSeconds,
                trained.millis() / 1000.0, trained.steps(), peakResidentMb());
    }

    private static long peakResidentMb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        Matcher m = PEAK.matcher(Files.readString(status));
        return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
    }
}
