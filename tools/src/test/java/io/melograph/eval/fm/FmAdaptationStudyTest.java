package io.melograph.eval.fm;

import io.melograph.events.Event;
import io.melograph.events.EventSink;
import io.melograph.sim.ListenerSimulator;
import io.melograph.sim.PopularityPrior;
import io.melograph.sim.SimConfig;
import io.melograph.sim.SimSong;
import io.melograph.sim.SyntheticCatalog;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FmAdaptationStudyTest {
    private final List<SimSong> catalog = SyntheticCatalog.generate(300, 5);
    private final ListenerSimulator sim = new ListenerSimulator(catalog, SimConfig.defaults(30, 7, 5), PopularityPrior.defaults());

    private final EventSink sink = new EventSink() {
        @Override
        public Sent send(List<Event> events) {
            return new Sent(events.size(), 0);
        }

        @Override
        public String target() {
            return "nowhere";
        }

        @Override
        public void close() { }
    };

    @Test
    void everyListenerPlaysBothArmsHalfOfThemAdaptiveFirstAndUnknownOnesArePassedOver() throws InterruptedException {
        Set<String> unknown = Set.of(sim.users().get(2).id(), sim.users().get(7).id(), sim.users().get(11).id());
        Map<String, AtomicInteger> cursor = new ConcurrentHashMap<>();
        Map<String, Boolean> firstMode = new ConcurrentHashMap<>();
        // a radio that knows all but three listeners and plays each one the catalog in order, per session
        FmAdaptationExperiment.Radio radio = (user, adaptive) -> {
            if (unknown.contains(user)) {
                return Optional.empty();
            }
            firstMode.putIfAbsent(user, adaptive);
            int i = cursor.computeIfAbsent(user + adaptive, k -> new AtomicInteger()).getAndIncrement();
            return Optional.of(catalog.get(i).id());
        };
        FmAdaptationStudy.Outcome o = FmAdaptationStudy.run(sim, new FmAdaptationExperiment(radio, sink, "t", 0), 20, 6, 3, 3, line -> { });
        assertEquals(20, o.pairs().size());
        assertTrue(o.unknown() <= 3);
        Set<String> users = new HashSet<>();
        int adaptiveFirst = 0;
        for (FmAdaptationStudy.Pair p : o.pairs()) {
            assertTrue(users.add(p.userId()));
            assertFalse(unknown.contains(p.userId()));
            assertTrue(p.adaptive().adaptive());
            assertFalse(p.baseline().adaptive());
            assertEquals(6, p.adaptive().reactions().size());
            assertEquals(p.adaptiveFirst(), firstMode.get(p.userId()), "the arm played first");
            assertEquals(p.adaptive().reactions(), p.baseline().reactions(), "same songs, same stream: same reactions");
            adaptiveFirst += p.adaptiveFirst() ? 1 : 0;
        }
        assertTrue(adaptiveFirst >= 7 && adaptiveFirst <= 13, "about half adaptive first: " + adaptiveFirst);
        FmAdaptationStudy.Outcome again = FmAdaptationStudy.run(sim, new FmAdaptationExperiment(radio, sink, "u", 0), 20, 6, 3, 1, line -> { });
        assertEquals(o.pairs().stream().map(FmAdaptationStudy.Pair::userId).toList(),
                again.pairs().stream().map(FmAdaptationStudy.Pair::userId).toList(), "the same seed picks the same listeners in order");
    }
}
