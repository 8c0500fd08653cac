package io.melograph.metric;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyTest {

    @Test
    void meanAndNearestRankPercentileInMilliseconds() {
        long[] nanos = new long[200];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (i + 1) * 1_000_000L; // 1 .. 200 ms, shuffled order does not matter
        }
        nanos[0] = 200_000_000L;
        nanos[199] = 1_000_000L;
        assertEquals(100.5, Latency.meanMillis(nanos), 1e-9);
        assertEquals(198.0, Latency.percentileMillis(nanos, 0.99), 1e-9, "the 198th of 200 times");
        assertEquals(100.0, Latency.percentileMillis(nanos, 0.5), 1e-9);
        assertEquals(200.0, Latency.percentileMillis(nanos, 1.0), 1e-9);
    }

    @Test
    void withFewerThanAHundredCallsP99IsTheSlowest() {
        assertEquals(7.5, Latency.percentileMillis(new long[] {1_000_000, 7_500_000, 2_000_000}, 0.99), 1e-9);
    }

    @Test
    void noCallsHaveNoLatency() {
        assertTrue(Double.isNaN(Latency.meanMillis(new long[0])));
        assertTrue(Double.isNaN(Latency.percentileMillis(new long[0], 0.99)));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Latency.percentileMillis(new long[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> Latency.percentileMillis(new long[] {1}, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Latency.percentileMillis(new long[] {-1}, 0.5));
    }
}
