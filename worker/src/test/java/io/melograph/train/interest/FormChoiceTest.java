package io.melograph.train.interest;

import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.ItemType;
import io.melograph.interest.InterestModel;
import io.melograph.interest.SongNeighbourhood;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MIND's form chosen at the end of the training window: the better one whatever the order the forms come in; the first
 * when too few listeners have a new song there; nothing to choose for a kind with one form. (That the chosen form is
 * what a version serves: TrainInterestsCommandTest.)
 */
class FormChoiceTest {
    static final long HOUR = 3_600_000L;
    static final long DAY = 24 * HOUR;

    @Test
    void theBetterFormIsChosenWhicheverComesFirst() {
        // 120 listeners, each finishing 60 songs an hour apart from two of four moods of 50 songs, in runs of five
        SplittableRandom rng = new SplittableRandom(7);
        List<Event> events = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int t = 0; t < 60; t++) {
            for (int u = 0; u < 120; u++) {
                int[] moods = {u % 4, (u % 4 + 1 + (u / 4) % 3) % 4};
                String song = "s" + (moods[(t / 5) % 2] * 50 + rng.nextInt(50));
                index.putIfAbsent(song, index.size());
                events.add(new Event("e" + events.size(), "u" + u, song, ItemType.SONG, Action.COMPLETE, 0, 200_000, null, t * HOUR + u));
            }
        }
        long cut = 60 * HOUR;
        InterestTrainer.Settings mind = new InterestTrainer.Settings(InterestModel.Kind.MIND, false, 16, 20, 2, 4, 0.01, 128, 32, 0.5,
                2.0, 4, 60);
        List<InterestModel.Form> forms = InterestTrainer.formsOf(InterestModel.Kind.MIND);
        InterestVersions.FormChoice inOrder = InterestVersions.chooseForm(events, 0, cut, forms, index, List.copyOf(index.keySet()),
                SongNeighbourhood.none(index.size()), mind, 42);
        InterestVersions.FormChoice reversed = InterestVersions.chooseForm(events, 0, cut, List.of(forms.get(1), forms.get(0)), index,
                List.copyOf(index.keySet()), SongNeighbourhood.none(index.size()), mind, 42);

        Map<String, Double> m = inOrder.metrics();
        assertTrue(m.get("form.listeners.checked") >= 100, m.toString());
        double routedMean = m.get("form.routed-mean.hitrate@50");
        double capsules = m.get("form.capsules.hitrate@50");
        double routedMeanNdcg = m.get("form.routed-mean.ndcg@10");
        double capsulesNdcg = m.get("form.capsules.ndcg@10");
        assertTrue(routedMean != capsules || routedMeanNdcg != capsulesNdcg, "the forms must differ for the order to matter: " + m);
        boolean routedMeanBetter = routedMean > capsules || routedMean == capsules && routedMeanNdcg > capsulesNdcg;
        assertEquals(routedMeanBetter, inOrder.form().routedMean(), m.toString());
        assertEquals(inOrder.form(), reversed.form(), "the choice does not depend on which form is the default");
        assertTrue(inOrder.note().contains((routedMeanBetter ? "routed-mean" : "capsules") + ", the better of 2 forms on the next new song of"),
                inOrder.note());
    }

    @Test
    void tooFewListenersAtTheEndOfTheWindowKeepTheDefaultForm() {
        // 30 listeners finish songs for 8 days; only 5 of them come back in the last quarter, [day 6, day 8)
        List<Event> events = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int u = 0; u < 30; u++) {
            int days = u < 5 ? 8 : 5;
            for (int d = 0; d < days; d++) {
                String song = "s" + ((u + d) % 40);
                index.putIfAbsent(song, index.size());
                events.add(new Event("e" + events.size(), "u" + u, song, ItemType.SONG, Action.COMPLETE, 0, 200_000, null, d * DAY + u));
            }
        }
        InterestTrainer.Settings mind = InterestTrainer.Settings.defaults(InterestModel.Kind.MIND, false);
        InterestVersions.FormChoice choice = InterestVersions.chooseForm(events, 0, 8 * DAY, InterestTrainer.formsOf(InterestModel.Kind.MIND),
                index, List.copyOf(index.keySet()), SongNeighbourhood.none(index.size()), mind, 42);

        assertEquals(InterestTrainer.formOf(InterestModel.Kind.MIND), choice.form());
        assertEquals(5.0, choice.metrics().get("form.listeners.checked"));
        assertTrue(choice.note().contains("routed-mean, the first of 2 forms: 5 listeners with a new song in [1970-01-07T00:00:00Z, "
                + "1970-01-09T00:00:00Z), too few to choose"), choice.note());
    }

    @Test
    void theSingleVectorHasOneFormAndNothingToChoose() {
        InterestTrainer.Settings single = InterestTrainer.Settings.defaults(InterestModel.Kind.SINGLE, false);
        InterestVersions.FormChoice choice = InterestVersions.chooseForm(List.of(), 0, DAY, InterestTrainer.formsOf(InterestModel.Kind.SINGLE),
                Map.of(), List.of(), SongNeighbourhood.none(0), single, 42);
        assertEquals(InterestTrainer.formOf(InterestModel.Kind.SINGLE), choice.form());
        assertTrue(choice.metrics().isEmpty() && choice.note().isEmpty(), choice.toString());
    }
}
