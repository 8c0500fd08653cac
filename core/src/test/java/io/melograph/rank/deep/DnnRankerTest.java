package io.melograph.rank.deep;

import io.melograph.events.Action;
import io.melograph.metric.Auc;
import io.melograph.rank.BehaviourData;
import io.melograph.rank.BehaviourSequences;
import io.melograph.rank.Exposure;
import io.melograph.rank.Head;
import io.melograph.rank.ItemSideInfo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The base model, DIN, DIEN, the session model and the multi-task heads, on data where only the behaviour sequences tell the label. */
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

    /**
     * Completed when the song's artist is among those liked in the listener's current session; likes of an earlier
     * session (as many, the same kind of songs) say nothing. Only a model that tells sessions apart can learn it.
     */
    @Test
    void theSessionModelTellsThisSessionFromEarlierOnes() {
        BehaviourData train = sessions(8_000, 1);
        BehaviourData test = sessions(2_000, 2);
        DnnRanker.Settings d = DnnRanker.Settings.defaults();
        DnnRanker.Settings all = new DnnRanker.Settings(d.dim(), d.context(), d.hidden(), 10, 0.004, 256, 0, d.l2());
        SessionRanker session = new SessionRanker(all);
        session.fit(train, 7);
        double auc = Auc.of(session.probabilities(test.exposures()), test.labels());
        DinRanker din = new DinRanker(all);
        din.fit(train, 7);
        double dinAuc = Auc.of(din.probabilities(test.exposures()), test.labels());
        assertTrue(auc > 0.87 && auc > dinAuc + 0.03, "session model AUC " + auc + ", DIN " + dinAuc + "; " + session.note());
    }

    /**
     * Liking is rare (a fifth of completed songs, at random): the multi-task model, whose like head is trained through
     * the complete head, ranks likes well where DIN trained on the like labels alone sees few positives.
     */
    @Test
    void theMultiTaskModelLearnsTheSparseLikeHeadThroughComplete() {
        BehaviourData completes = data(8_000, 1);
        BehaviourData likes = rarely(completes, 3);
        BehaviourData testCompletes = data(2_000, 2);
        BehaviourData testLikes = rarely(testCompletes, 4);
        EsmmRanker esmm = new EsmmRanker(few());
        esmm.fit(Map.of(Head.CLICK, data(4_000, 5), Head.COMPLETE, completes, Head.LIKE, likes), 7);
        double complete = Auc.of(esmm.probabilities(Head.COMPLETE, testCompletes.exposures()), testCompletes.labels());
        double like = Auc.of(esmm.probabilities(Head.LIKE, testLikes.exposures()), testLikes.labels());
        double click = Auc.of(esmm.probabilities(Head.CLICK, testCompletes.exposures()), testCompletes.labels());
        DinRanker alone = new DinRanker(few());
        alone.fit(likes, 7);
        double likeAlone = Auc.of(alone.probabilities(testLikes.exposures()), testLikes.labels());
        assertTrue(complete > 0.85 && click > 0.85, "complete AUC " + complete + ", click " + click + "; " + esmm.note());
        assertTrue(like > 0.75 && like > likeAlone + 0.03, "like AUC " + like + " against DIN alone " + likeAlone);
    }

    /** The same exposures, liked when completed and a coin says so (one in five). */
    private static BehaviourData rarely(BehaviourData completes, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        boolean[] liked = new boolean[completes.labels().length];
        for (int k = 0; k < liked.length; k++) {
            liked[k] = completes.labels()[k] && r.nextInt(5) == 0;
        }
        return new BehaviourData(completes.userIds(), completes.items(), completes.exposures(), liked);
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

    /** Model {@code name} fitted on {@code train} (every head of a multi-task model on the same data). */
    static DnnRanker fitted(String name, DnnRanker.Settings settings, BehaviourData train) {
        DnnRanker model = RankerModels.create(name, settings);
        if (model instanceof EsmmRanker joint) {
            joint.fit(Map.of(Head.CLICK, train, Head.COMPLETE, train, Head.LIKE, train), 7);
        } else {
            model.fit(train, 7);
        }
        return model;
    }

    static BehaviourData sessions(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Exposure[] exposures = new Exposure[n];
        boolean[] labels = new boolean[n];
        long hour = 3_600_000L;
        for (int k = 0; k < n; k++) {
            BehaviourSequences s = new BehaviourSequences();
            List<Integer> now = new ArrayList<>();
            for (int j = 0; j < 3; j++) {
                s.add(r.nextInt(SONGS), Action.LIKE, j * 1000L);          // an earlier session
                int song = r.nextInt(SONGS);
                now.add(song % ARTISTS);
                s.add(song, Action.LIKE, 3 * hour + j * 1000L);           // this session
            }
            int target = r.nextInt(SONGS);
            exposures[k] = new Exposure(r.nextInt(100), target, 3 * hour + 10_000L, "fm", 3, s.at(3 * hour + 10_000L));
            labels[k] = now.contains(target % ARTISTS);
        }
        return new BehaviourData(users(), side(), exposures, labels);
    }

    private static ItemSideInfo side() {
        List<String> itemIds = IntStream.range(0, SONGS).mapToObj(i -> "song:" + i).toList();
        List<List<String>> artists = IntStream.range(0, SONGS).mapToObj(i -> List.of("artist:" + i % ARTISTS)).toList();
        List<List<String>> genres = IntStream.range(0, SONGS).mapToObj(i -> List.<String>of()).toList();
        return new ItemSideInfo(itemIds, artists, genres, new long[SONGS]);
    }

    private static List<String> users() {
        return IntStream.range(0, 100).mapToObj(u -> "user:" + u).toList();
    }

    static BehaviourData data(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> users = users();
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
        return new BehaviourData(users, side(), exposures, labels);
    }
}
