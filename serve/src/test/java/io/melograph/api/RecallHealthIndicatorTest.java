package io.melograph.api;

import io.melograph.TestGraph;
import io.melograph.events.ItemCatalog;
import io.melograph.events.ListenerStates;
import io.melograph.recall.ListenerProfiles;
import io.melograph.recall.NeighbourWatch;
import io.melograph.recall.RecallService;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /health is DOWN until recall has warmed up on real requests, then UP; a home without a neighbour store gets one built
 * in the background once recall is warm, and the service answers from it.
 */
class RecallHealthIndicatorTest {
    @TempDir
    Path home;

    @Test
    void notReadyUntilRecallIsWarmAndAMissingStoreIsBuilt() throws Exception {
        TestGraph.clear();
        io.melograph.TwoScenes.write(TestGraph.connection());
        try (RecallService recall = new RecallService(TestGraph.connection(), new ListenerProfiles(TestGraph.connection(),
                new ListenerStates(new ItemCatalog(TestGraph.connection()))), Duration.ofSeconds(20), new SimpleMeterRegistry())) {
            try (NeighbourWatch watch = NeighbourWatch.start(recall, home.resolve("neighbours"), Optional::empty, Duration.ofSeconds(1))
                    .buildIfMissing(TestGraph.connection(), 1, () -> true)) {
                RecallHealthIndicator health = new RecallHealthIndicator(recall, watch);
                HealthResult cold = first(health.getResult());
                assertEquals(HealthStatus.DOWN, cold.getStatus(), "nothing planned or warmed yet");
                assertEquals(false, ((Map<?, ?>) cold.getDetails()).get("warm"));
                assertTrue(String.valueOf(cold.getDetails()).contains("building"), "waits for recall to be warm, then builds");
                recall.warmUp();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
                while ((!recall.warm() || recall.neighbours().isEmpty()) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                HealthResult ready = first(health.getResult());
                assertEquals(HealthStatus.UP, ready.getStatus(), String.valueOf(ready.getDetails()));
                assertTrue(String.valueOf(ready.getDetails()).contains("neighbours=24 songs"), String.valueOf(ready.getDetails()));
                assertEquals(RecallService.STORED, recall.similarSongs("a-song-1-1", 10).orElseThrow().result().status().get("kg-same-album"));
            }
        }
    }

    private static HealthResult first(Publisher<HealthResult> p) throws Exception {
        CompletableFuture<HealthResult> out = new CompletableFuture<>();
        p.subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription s) {
                s.request(1);
            }

            @Override
            public void onNext(HealthResult r) {
                out.complete(r);
            }

            @Override
            public void onError(Throwable t) {
                out.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                // one result
            }
        });
        return out.get(10, TimeUnit.SECONDS);
    }
}
