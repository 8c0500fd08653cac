package io.melograph.util;

import org.slf4j.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Background chores that repeat: one daemon thread each; a failed run is logged and the next period tries again. */
public final class Periodic {
    private Periodic() {}

    /** Runs {@code task} every {@code period} (first after one period) on a daemon thread named {@code name}. */
    public static ScheduledExecutorService every(Duration period, String name, Logger log, Runnable task) {
        return every(period, period, name, log, task);
    }

    /** Runs {@code task} first after {@code first}, then every {@code period}, on a daemon thread named {@code name}. */
    public static ScheduledExecutorService every(Duration first, Duration period, String name, Logger log, Runnable task) {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        s.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("{} failed: {}", name, e.toString());
            }
        }, first.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return s;
    }
}
