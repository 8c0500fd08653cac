package io.melograph.eval.fm;

import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.EventSink;
import io.melograph.sim.ListenerSimulator;
import io.melograph.sim.PopularityPrior;
import io.melograph.sim.RadioListener;
import io.melograph.sim.SimConfig;
import io.melograph.sim.SimSong;
import io.melograph.sim.SyntheticCatalog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FmAdaptationExperimentTest {
    private final List<SimSong> catalog = SyntheticCatalog.generate(400, 3);
    private final ListenerSimulator sim = new ListenerSimulator(catalog, SimConfig.defaults(20, 7, 3), PopularityPrior.defaults());
    private final List<List<Event>> sent = new ArrayList<>();

    /** Where the experiment's events go in this test: kept in order. */
    private final EventSink sink = new EventSink() {
        @Override
        public Sent send(List<Event> events) {
            sent.add(List.copyOf(events));
            return new Sent(events.size(), 0);
        }

        @Override
        public String target() {
            return "memory";
        }

        @Override
        public void close() { }
    };

    /** A radio playing the catalog in order, for {@code limit} songs. */
    private FmAdaptationExperiment.Radio playlist(int limit, List<Boolean> modes) {
        Iterator<SimSong> songs = catalog.subList(0, limit).iterator();
        return (user, adaptive) -> {
            modes.add(adaptive);
            assertEquals(sent.size(), modes.size() - 1, "the reaction to the last song is sent before the next request");
            return songs.hasNext() ? Optional.of(songs.next().id()) : Optional.empty();
        };
    }

    @Test
    void eachSongsReactionIsSentBeforeTheNextRequest() {
        List<Boolean> modes = new ArrayList<>();
        String user = sim.users().get(3).id();
        FmAdaptationExperiment.Session s = new FmAdaptationExperiment(playlist(50, modes), sink, "t", 0)
                .session(sim.radioListener(user, 9), false, 20).orElseThrow();
        assertEquals(20, s.reactions().size());
        assertEquals(20, sent.size());
        assertTrue(modes.stream().noneMatch(m -> m), "every request in the session's mode");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            List<Event> batch = sent.get(i);
            RadioListener.Reaction r = s.reactions().get(i);
            assertEquals(catalog.get(i).id(), r.songId());
            assertEquals(Action.PLAY, batch.get(0).action());
            assertEquals(r.skipped() ? Action.SKIP : Action.COMPLETE, batch.get(1).action());
            assertEquals(r.liked(), batch.stream().anyMatch(e -> e.action() == Action.LIKE));
            assertEquals(r.disliked(), batch.stream().anyMatch(e -> e.action() == Action.DISLIKE));
            batch.forEach(e -> {
                assertEquals(user, e.userId());
                assertEquals("fm", e.scene());
                assertTrue(ids.add(e.eventId()), "unique event ids");
            });
        }
        sent.clear();
        assertEquals(s.reactions(), new FmAdaptationExperiment(playlist(50, new ArrayList<>()), sink, "u", 0)
                .session(sim.radioListener(user, 9), true, 20).orElseThrow().reactions(), "same seed, same songs: same reactions");
    }

    @Test
    void aSessionEndsWhenTheRadioRunsDryAndAnUnknownListenerHasNone() {
        String user = sim.users().get(1).id();
        FmAdaptationExperiment.Session s = new FmAdaptationExperiment(playlist(7, new ArrayList<>()), sink, "t", 0)
                .session(sim.radioListener(user, 1), true, 20).orElseThrow();
        assertEquals(7, s.reactions().size());
        assertEquals(7, s.metrics(20).songs());
        assertTrue(new FmAdaptationExperiment((u, a) -> Optional.empty(), sink, "t", 0).session(sim.radioListener(user, 1), true, 20).isEmpty());
    }

    @Test
    void theListenerHearsEachSongForItsPlayTimeScaledDown() {
        String user = sim.users().get(2).id();
        long started = System.nanoTime();
        FmAdaptationExperiment.Session s = new FmAdaptationExperiment(playlist(5, new ArrayList<>()), sink, "t", 2000)
                .session(sim.radioListener(user, 4), true, 5).orElseThrow();
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        long heardMs = s.reactions().stream().mapToLong(r -> r.stoppedAtMs() / 2000).sum();
        assertTrue(heardMs > 0 && tookMs >= heardMs, "took " + tookMs + " ms for " + heardMs + " ms of scaled listening");
        assertThrows(IllegalArgumentException.class, () -> new FmAdaptationExperiment(playlist(5, new ArrayList<>()), sink, "t", -1));
    }
}
