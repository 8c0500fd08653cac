package io.melograph.events;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Posts batches to a running service's POST /events with a bearer token; 202 means durable there. */
public final class HttpEventSink implements EventSink {
    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+).*\"duplicates\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI events;
    private final String token;

    public HttpEventSink(URI service, String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("sending events to " + service + " needs a token: --token, or "
                    + "MELOGRAPH_EVENTS_TOKEN / MELOGRAPH_ADMIN_TOKEN in the environment");
        }
        this.events = URI.create(service.toString().replaceAll("/+$", "") + "/events");
        this.token = token;
    }

    @Override
    public Sent send(List<Event> batch) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(events).timeout(Duration.ofMinutes(1))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(EventJson.writeArray(batch))).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending events to " + events, e);
        }
        if (response.statusCode() != 202) {
            throw new IOException(events + " answered " + response.statusCode() + ": " + response.body());
        }
        Matcher m = ACCEPTED.matcher(response.body());
        return m.find() ? new Sent(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) : new Sent(batch.size(), 0);
    }

    @Override
    public String target() {
        return events.toString();
    }

    @Override
    public void close() {
        // the JDK client's connections close with it when it is collected (HttpClient.close() is Java 21+)
    }
}
