package io.melograph.recall;

import io.melograph.util.TaggedCounters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Each recall channel's latency ({@value #LATENCY}, with its median and 99th percentile) and answers by outcome
 * ({@value #ANSWERS}: {@code ok}, {@code empty}, {@code timeout}, {@code error}), for the service's metrics. Meters are
 * made once per channel, not per request.
 */
public final class ChannelMeters {
    public static final String LATENCY = "melograph.recall.channel.latency";
    public static final String ANSWERS = "melograph.recall.channel.answers";

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();
    private final TaggedCounters answers;

    public ChannelMeters(MeterRegistry registry) {
        this.registry = registry;
        this.answers = new TaggedCounters(registry, ANSWERS, "recall channel answers by outcome", "channel", "outcome");
    }

    /** How long one channel's work took (also when the request stopped waiting for it). */
    void took(String channel, long nanos) {
        timers.computeIfAbsent(channel, c -> Timer.builder(LATENCY).tag("channel", c).publishPercentiles(0.5, 0.99)
                .description("time a recall channel took to answer").register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One channel answer as the request saw it. */
    void answered(String channel, String status, boolean empty) {
        String outcome = RecallService.answered(status) ? (empty ? "empty" : "ok") : status.equals("timeout") ? "timeout" : "error";
        answers.increment(channel, outcome);
    }
}
