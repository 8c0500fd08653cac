package io.melograph.util;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Lets background work give way to what listeners wait for (requests, event acknowledgements). At most every
 * {@link #CHECK_EVERY} of work it naps {@link #NAP} and measures the CPUs' use during the nap — what others ran
 * meanwhile, not the work that asks, which naps — and while that is above a threshold it naps and measures again, up
 * to a limit, so the work still moves on a machine that stays busy. Of several threads sharing one, one measures at a
 * time (the others' work then counts as load).
 */
public final class BusyCpus {
    static final Duration NAP = Duration.ofMillis(50);
    /** Work this long after the last measurement goes on without one: the naps cost at most a fifth of the time. */
    static final Duration CHECK_EVERY = Duration.ofMillis(250);
    /** Never waits (declared after what its construction reads). */
    public static final BusyCpus NEVER = new BusyCpus(1, Duration.ZERO, () -> 0);

    private final double busyAbove;
    private final Duration maxWait;
    private final DoubleSupplier load;
    private long checkedAt = System.nanoTime() - CHECK_EVERY.toNanos();

    /**
     * @param busyAbove share of all CPUs in use (0–1) above which the machine counts as busy; 1: never
     * @param maxWait   the longest one {@link #giveWay} waits
     * @param load      the CPUs' use (0–1) since it was last asked (negative: unknown, not busy)
     */
    BusyCpus(double busyAbove, Duration maxWait, DoubleSupplier load) {
        this.busyAbove = checked(busyAbove);
        this.maxWait = maxWait;
        this.load = load;
    }

    private static double checked(double busyAbove) {
        if (!(busyAbove > 0 && busyAbove <= 1)) {
            throw new IllegalArgumentException("busy above must be in (0, 1], not " + busyAbove);
        }
        return busyAbove;
    }

    /** This machine's (or container's) CPUs, as the JVM measures them since it was last asked. */
    public static BusyCpus ofMachine(double busyAbove, Duration maxWait) {
        if (checked(busyAbove) == 1) {
            return NEVER;
        }
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)) {
            return NEVER; // a JVM that cannot tell: background work never waits
        }
        return new BusyCpus(busyAbove, maxWait, os::getCpuLoad);
    }

    /**
     * Waits while the CPUs are busy, at most the limit; right after a measurement that found them free, goes on at
     * once.
     *
     * @return how long it waited, in ms
     */
    public synchronized long giveWay() throws InterruptedException {
        long started = System.nanoTime();
        if (busyAbove >= 1 || started - checkedAt < CHECK_EVERY.toNanos()) {
            return 0;
        }
        long until = started + maxWait.toNanos();
        boolean busy;
        do {
            load.getAsDouble(); // the measurement starts now
            Thread.sleep(NAP.toMillis());
            busy = load.getAsDouble() > busyAbove;
        } while (busy && System.nanoTime() < until);
        checkedAt = System.nanoTime();
        return (checkedAt - started) / 1_000_000;
    }
}
