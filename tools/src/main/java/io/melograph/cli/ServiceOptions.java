package io.melograph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The options of every command that talks to a running service over HTTP: where it is and the token to send. */
final class ServiceOptions {
    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Service URL (default ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--token", required = true, description = "MELOGRAPH_EVENTS_TOKEN or the admin token.")
    String token;

    /**
     * Waits until the service's /health reports recall warm (every channel's query planned), at most {@code limit}:
     * a measurement started earlier would time channels out on their first runs and measure the popular fallback.
     *
     * @throws IllegalStateException when the service is not warm in time (or cannot be reached)
     */
    void awaitWarm(Duration limit) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url + "/health")).timeout(Duration.ofSeconds(10)).build();
        long until = System.nanoTime() + limit.toNanos();
        String last = "no answer";
        boolean told = false;
        while (System.nanoTime() < until) {
            try {
                JsonNode body = new ObjectMapper().readTree(http.send(health, HttpResponse.BodyHandlers.ofString()).body());
                if (body.path("details").path("recall").path("details").path("warm").asBoolean(false)) {
                    return;
                }
                last = "recall still warming up";
            } catch (IOException e) {
                last = e.toString();
            }
            if (!told) {
                System.err.println("waiting for " + url + " to warm up recall ...");
                told = true;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(url + " not ready after " + limit.toSeconds() + " s: " + last);
    }
}
