package io.melograph.train.ranking;

import io.melograph.eval.metric.Auc;
import io.melograph.events.Action;
import io.melograph.rank.BehaviourSequences;
import io.melograph.train.BehaviourData;
import io.melograph.train.Exposure;
import io.melograph.train.ItemSideInfo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The base model, DIN and DIEN, on data where only the behaviour sequences tell the label. */
class DnnRankerTest {
    private static final int SONGS = 200;
    private static final int ARTISTS = 10;

    @Test
    void theBaseModelLearnsWhatOnlyTheHistoryTells() {
        learnsWhatOnlyTheHistoryTells(new DnnRanker(), 8_000, 0.9);
    }

    @Test
    void dinLearnsWhatOnlyTheHistoryTells() {
        learnsWhatOnlyTheHistoryTells(new DinRanker(few()), 8_000, 0.85);
    }

    /**
     * Whether a song is completed depends only on the listener's history: it is, when its artist is among the artists
     * of the songs they liked before. Listener ids carry nothing; the model must read the like sequence (and not the
     * skip and play sequences, which hold the same kind of songs but say nothing).
     */
    @Test
    void dienLearnsWhatOnlyTheHistoryTells() {
        learnsWhatOnlyTheHistoryTells(new DienRanker(few()), 8_000, 0.85);
    }

    /** Larger batches and fewer epochs: the attention and recurrent models cost more a step. */
    private static DnnRanker.Settings few() {
        DnnRanker.Settings d = DnnRanker.Settings.defaults();
        return new DnnRanker.Settings(d.dim(), d.context(), d.hidden(), 6, 0.004, 512, d.validationShare(), d.l2());
    }

    private static void learnsWhatOnlyTheHistoryTells(DnnRanker dnn, int examples, double minAuc) {
        BehaviourData train = data(examples, 1);
        BehaviourData test = data(2_000, 2);
        dnn.fit(train, 7);
        double auc = Auc.of(dnn.probabilities(test.exposures()), test.labels());
        assertTrue(auc > minAuc, "AUC " + auc + "; " + dnn.note());
        assertTrue(dnn.note().contains("epochs chosen"), dnn.note());
    }

    private static BehaviourData data(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> itemIds = IntStream.range(0, SONGS).mapToObj(i -> "song:" + i).toList();
        List<List<String>> artists = IntStream.range(0, SONGS).mapToObj(i -> List.of("artist:" + i % ARTISTS)).toList();
        List<List<String>> genres = IntStream.range(0, SONGS).mapToObj(i -> List.<String>of()).toList();
        ItemSideInfo side = new ItemSideInfo(itemIds, artists, genres, new long[SONGS]);
        List<String> users = IntStream.range(0, 100).mapToObj(u -> "user:" + u).toList();
        Exposure[] exposures = new Exposure[n];
        boolean[] labels = new boolean[n];
        for (int k = 0; k < n; k++) {
            BehaviourSequences s = new BehaviourSequences();
            List<Integer> liked = new ArrayList<>();
            for (int j = 0; j < 3; j++) {
                int song = r.nextInt(SONGS);
                liked.add(song % ARTISTS);
                s.add(song, Action.LIKE, j * 1000L);
                s.add(r.nextInt(SONGS), Action.SKIP, j * 1000L + 500);
                s.add(r.nextInt(SONGS), Action.PLAY, j * 1000L + 600);
            }
            int target = r.nextInt(SONGS);
            exposures[k] = new Exposure(r.nextInt(users.size()), target, 10_000L + k, "fm", 3, s.at(10_000L + k));
            labels[k] = liked.contains(target % ARTISTS);
        }
        return new BehaviourData(users, side, exposures, labels);
    }
}
