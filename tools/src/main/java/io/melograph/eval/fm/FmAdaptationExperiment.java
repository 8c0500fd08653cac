package io.melograph.eval.fm;

import io.melograph.events.Action;
import io.melograph.events.Event;
import io.melograph.events.EventSink;
import io.melograph.events.ItemType;
import io.melograph.sim.RadioListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * Protocol 4 of the design notes against a running service: a simulated listener with a known taste plays Private FM
 * song by song. For each song: ask the radio for the next one, let the listener hear it ({@link RadioListener}), send
 * what they did (PLAY, then SKIP or COMPLETE, then LIKE / SAVE / DISLIKE) and wait for the acknowledgement, so the
 * next answer can use it. One call is one session of one arm (adaptive or feedback ignored).
 */
public final class FmAdaptationExperiment {
    /** The radio under test: the next song for a listener, empty when it has none (or does not know the listener). */
    public interface Radio {
        Optional<String> next(String userId, boolean adaptive);
    }

    /** One session: the songs in order with the listener's reactions. */
    public record Session(String userId, boolean adaptive, List<RadioListener.Reaction> reactions) {
        public FmSessionMetrics metrics(int length) {
            return FmSessionMetrics.of(reactions.stream()
                    .map(r -> new FmSessionMetrics.Played(r.skipped(), r.liked())).toList(), length);
        }

        public double meanMatch() {
            return reactions.stream().mapToDouble(RadioListener.Reaction::match).average().orElse(Double.NaN);
        }
    }

    private final Radio radio;
    private final EventSink events;
    private final String runId;
    private final int timeScale;
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param runId     makes this run's event ids unique (the service drops a repeated id as a duplicate)
     * @param timeScale how much faster than real time the listener listens: each song is heard for its play time
     *                  divided by this (1000: a 3-minute song in 180 ms, a skip after 10 s in 10 ms) before its
     *                  events are sent; 0 sends them at once. A radio does its background work while a song plays.
     */
    public FmAdaptationExperiment(Radio radio, EventSink events, String runId, int timeScale) {
        if (timeScale < 0) {
            throw new IllegalArgumentException("time scale must be >= 0: " + timeScale);
        }
        this.radio = radio;
        this.events = events;
        this.runId = runId;
        this.timeScale = timeScale;
    }

    /**
     * Plays {@code songs} songs to the listener, fewer when the radio runs dry.
     *
     * @return empty when the radio does not know the listener (no first song)
     */
    public Optional<Session> session(RadioListener listener, boolean adaptive, int songs) {
        List<RadioListener.Reaction> heard = new ArrayList<>();
        for (int i = 0; i < songs; i++) {
            Optional<String> next = radio.next(listener.userId(), adaptive);
            if (next.isEmpty()) {
                break;
            }
            RadioListener.Reaction r = listener.hear(next.get());
            heard.add(r);
            listen(r);
            send(listener.userId(), r);
        }
        return heard.isEmpty() ? Optional.empty() : Optional.of(new Session(listener.userId(), adaptive, List.copyOf(heard)));
    }

    private void listen(RadioListener.Reaction r) {
        if (timeScale == 0) {
            return;
        }
        try {
            Thread.sleep(r.stoppedAtMs() / timeScale);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listening", e);
        }
    }

    private void send(String userId, RadioListener.Reaction r) {
        // the service reads feedback by count, not by time: the wall clock is enough
        long now = System.currentTimeMillis();
        List<Event> batch = new ArrayList<>();
        BiFunction<Action, Long, Event> event = (action, pos) -> new Event("fmx-" + runId + "-" + sequence.incrementAndGet(),
                userId, r.songId(), ItemType.SONG, action, pos, pos, "fm", now + batch.size());
        batch.add(event.apply(Action.PLAY, 0L));
        r.feedback().forEach(action -> batch.add(event.apply(action, r.stoppedAtMs())));
        try {
            events.send(batch);
        } catch (IOException e) {
            throw new UncheckedIOException("sending " + userId + "'s reaction failed", e);
        }
    }
}
