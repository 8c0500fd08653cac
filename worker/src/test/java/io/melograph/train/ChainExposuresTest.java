package io.melograph.train;

import io.melograph.rank.BehaviourSequences;
import io.melograph.rank.Head;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ChainExposuresTest {
    private static final long MIN = 60_000L;

    /**
     * One listener: song 1 shown, opened and finished and liked; song 2 shown and not opened; song 3 played and skipped;
     * then, after an hour's pause (a new session), song 1 played and finished.
     */
    private static final ChainExposures.Events EVENTS = new ChainExposures.Events(
            new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
            new int[] {1, 2, 1, 1, 1, 3, 3, 1, 1, 2},
            new long[] {0, 0, MIN, 2 * MIN, 3 * MIN, 4 * MIN, 5 * MIN, 70 * MIN, 73 * MIN, 74 * MIN},
            new String[] {"impression", "impression", "play", "complete", "like", "play", "skip", "play", "complete", "click"},
            null);

    @Test
    void everyImpressionAndPlayIsLabelledByWhatFollowedInItsSession() {
        int[] all = IntStream.range(0, EVENTS.size()).toArray();
        BehaviourSequences.History[] histories = ChainExposures.histories(EVENTS);

        ChainExposures.Labelled clicks = ChainExposures.of(EVENTS, all, Head.CLICK, histories);
        assertArrayEquals(new boolean[] {true, false}, clicks.labels(), "song 2's click comes an hour later, in another session");

        ChainExposures.Labelled completes = ChainExposures.of(EVENTS, all, Head.COMPLETE, histories);
        assertArrayEquals(new boolean[] {true, false, true}, completes.labels());
        assertArrayEquals(new int[] {0, 1, 0}, IntStream.range(0, 3).map(k -> completes.exposures()[k].sessionPosition()).toArray(),
                "plays before it in its session");
        assertArrayEquals(new boolean[] {true, false, false}, ChainExposures.of(EVENTS, all, Head.LIKE, histories).labels());

        // what the last play knew: song 1 liked and song 3 skipped, both one session back
        BehaviourSequences.History last = completes.exposures()[2].history();
        assertArrayEquals(new int[] {1}, last.songs(BehaviourSequences.Kind.LIKE));
        assertArrayEquals(new int[] {3}, last.songs(BehaviourSequences.Kind.SKIP));
        assertArrayEquals(new int[] {1}, last.sessionsBack(BehaviourSequences.Kind.LIKE));

        // rows left out are not seen: without the complete of song 1, its first play is not labelled complete
        int[] without = IntStream.range(0, EVENTS.size()).filter(r -> r != 3).toArray();
        assertEquals(false, ChainExposures.of(EVENTS, without, Head.COMPLETE, histories).labels()[0]);
    }
}
