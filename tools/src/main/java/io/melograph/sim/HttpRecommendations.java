package io.melograph.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Live mode: simulated listeners ask a running Melograph for what to hear — {@code GET /users/{id}/daily?limit=n}
 * for the Daily list and {@code POST /users/{id}/fm/next} for each Private FM song — and react with their own taste.
 * Song ids are read from {@code items[].id} or {@code item.id} / {@code id} of the answer. Before each request the
 * events simulated so far are delivered ({@code beforeRequest}), so the service answers knowing them.
 */
public final class HttpRecommendations implements RecommendationSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;
    private final Runnable beforeRequest;
    private long requests;

    /**
     * @param token         sent as a bearer token when not null (FM's next-song request records an impression)
     * @param beforeRequest run before every request, to flush pending events to the service
     */
    public HttpRecommendations(URI service, String token, Runnable beforeRequest) {
        this.base = service.toString().replaceAll("/+$", "");
        this.token = token;
        this.beforeRequest = beforeRequest;
    }

    @Override
    public List<String> recommend(String userId, String scene, int count) {
        beforeRequest.run();
        String user = URLEncoder.encode(userId, StandardCharsets.UTF_8);
        List<String> ids = new ArrayList<>();
        if (scene.equals("daily")) {
            addIds(call(HttpRequest.newBuilder(URI.create(base + "/users/" + user + "/daily?limit=" + count)).GET()), ids);
        } else {
            for (int i = 0; i < count; i++) {
                addIds(call(HttpRequest.newBuilder(URI.create(base + "/users/" + user + "/fm/next"))
                        .POST(HttpRequest.BodyPublishers.noBody())), ids);
            }
        }
        return ids;
    }

    /**
     * One Private FM song, asked for on its own ({@code POST /users/{id}/fm/next}, with {@code adaptive=false} for the
     * radio that ignores feedback), for experiments where the listener reacts before the next song is chosen.
     * Does not run {@code beforeRequest}: the caller delivers the reactions first.
     *
     * @return the song id, or empty when the service does not know the listener (404) or has nothing to play
     */
    public Optional<String> fmNext(String userId, boolean adaptive) {
        String user = URLEncoder.encode(userId, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/users/" + user + "/fm/next"
                + (adaptive ? "" : "?adaptive=false"))).POST(HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> response = send(request);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        addIds(parse(response), ids);
        return ids.stream().findFirst();
    }

    /** Requests made so far. */
    public long requests() {
        return requests;
    }

    private JsonNode call(HttpRequest.Builder request) {
        return parse(send(request));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpRequest r = request.build();
        try {
            HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
            requests++;
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException("live mode: " + r.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(HttpResponse<String> response) {
        HttpRequest r = response.request();
        if (response.statusCode() != 200) {
            throw new IllegalStateException(r.method() + " " + r.uri() + " answered " + response.statusCode()
                    + (response.statusCode() == 404 ? " (does this service have the Daily/FM scenes?)" : "")
                    + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("live mode: " + r.uri() + " answered no JSON", e);
        }
    }

    private static void addIds(JsonNode answer, List<String> ids) {
        if (answer.has("items")) {
            answer.get("items").forEach(item -> addIds(item, ids));
        } else if (answer.has("item")) {
            addIds(answer.get("item"), ids);
        } else if (answer.hasNonNull("id")) {
            ids.add(answer.get("id").asText());
        }
    }
}
