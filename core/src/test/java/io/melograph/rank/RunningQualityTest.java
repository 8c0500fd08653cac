package io.melograph.rank;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunningQualityTest {

    @Test
    void scoresOnlyTheLatestWindow() {
        RunningQuality q = new RunningQuality(4);
        assertTrue(Double.isNaN(q.logLoss()) && Double.isNaN(q.auc()), "nothing seen yet");
        // a first regime the model gets wrong...
        q.record(0.9, false);
        q.record(0.1, true);
        assertEquals(0.0, q.auc());
        // ...pushed out of the window by one it gets right
        q.record(0.8, true);
        q.record(0.7, true);
        q.record(0.2, false);
        q.record(0.3, false);
        RunningQuality.Snapshot s = q.snapshot();
        assertEquals(4, s.examples());
        assertEquals(1.0, s.auc());
        assertEquals(-(Math.log(0.8) + Math.log(0.7) + Math.log(0.8) + Math.log(0.7)) / 4, s.logLoss(), 1e-12);
    }
}
