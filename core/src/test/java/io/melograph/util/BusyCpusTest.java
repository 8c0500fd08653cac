package io.melograph.util;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BusyCpusTest {
    /** Each measurement asks twice: at the start of a nap (its value unused) and at its end. */
    private static BusyCpus measuring(AtomicInteger asked, Duration maxWait, double... duringNaps) {
        return new BusyCpus(0.8, maxWait, () -> {
            int k = asked.getAndIncrement();
            return k % 2 == 0 ? 1.0 : duringNaps[Math.min(k / 2, duringNaps.length - 1)];
        });
    }

    @Test
    void waitsWhileTheCpusAreBusyAndGoesOnOnceTheyAreNot() throws InterruptedException {
        AtomicInteger asked = new AtomicInteger();
        BusyCpus busy = measuring(asked, Duration.ofSeconds(10), 0.95, 0.9, 0.3);
        long waited = busy.giveWay();
        assertEquals(6, asked.get(), "three naps, each measured");
        assertTrue(waited >= 3 * BusyCpus.NAP.toMillis() && waited < 5_000, "three naps, not the whole limit: " + waited);
        // right after a measurement that found the CPUs free, work goes on without one
        assertEquals(0, busy.giveWay());
        assertEquals(6, asked.get());
        Thread.sleep(BusyCpus.CHECK_EVERY.toMillis() + 10);
        assertTrue(busy.giveWay() >= BusyCpus.NAP.toMillis(), "measured again once that much work has gone by");
        assertEquals(8, asked.get());
    }

    @Test
    void aMachineThatStaysBusyIsWaitedForNoLongerThanTheLimit() throws InterruptedException {
        long waited = measuring(new AtomicInteger(), Duration.ofMillis(300), 1.0).giveWay();
        assertTrue(waited >= 300 && waited < 2_000, "the limit, and a nap at most beyond it: " + waited);
    }

    @Test
    void unknownLoadAndTheNeverGateDoNotHoldWorkUp() throws InterruptedException {
        AtomicInteger asked = new AtomicInteger();
        long waited = measuring(asked, Duration.ofSeconds(10), -1).giveWay(); // the JVM could not tell
        assertEquals(2, asked.get(), "one nap");
        assertTrue(waited < 2_000, "one nap: " + waited);
        assertEquals(0, BusyCpus.NEVER.giveWay());
        assertSame(BusyCpus.NEVER, BusyCpus.ofMachine(1, Duration.ofSeconds(2)), "1: never busy");
        long onThisMachine = BusyCpus.ofMachine(0.8, Duration.ofMillis(200)).giveWay(); // whatever it does now
        assertTrue(onThisMachine < 2_000, "within the limit: " + onThisMachine);
    }

    @Test
    void aThresholdOutsideZeroToOneIsRefused() {
        for (double bad : new double[] {0, -0.5, 1.5, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> BusyCpus.ofMachine(bad, Duration.ofSeconds(1)), "" + bad);
        }
    }
}
