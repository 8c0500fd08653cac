package io.melograph.api;

import io.melograph.recall.RecallService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.util.Arrays;
import java.util.List;

/** Recall as curators and developers inspect it: candidates with score, channel, reason and graph path. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class RecallController {
    static final int MAX_LIMIT = 200;

    private final RecallService recall;

    RecallController(RecallService recall) {
        this.recall = recall;
    }

    @Operation(summary = "A listener's recall candidates, channel by channel",
            description = "Each candidate has its score, channel, a reason and the node ids of its path (open them in Neo4j "
                    + "Browser). `channels` (comma-separated) picks channels; all by default. Channels that fail or run out "
                    + "of time are listed as such.")
    @Get("/users/{id}/recall")
    @Access(Access.Level.APP)
    @SecurityRequirement(name = "eventsToken")
    RecallView user(@PathVariable String id, @Nullable @QueryValue String channels, @QueryValue(defaultValue = "20") int limit) {
        RequestChecks.userIdAndLimit(id, limit, MAX_LIMIT);
        List<String> names = channels == null || channels.isBlank() ? List.of()
                : Arrays.stream(channels.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        List<String> unknown = names.stream().filter(n -> !recall.channels().containsKey(n)).toList();
        if (!unknown.isEmpty()) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "unknown channel(s) " + unknown + "; channels: "
                    + String.join(", ", recall.channels().keySet()));
        }
        return recall.forUser(id, names, limit).map(a -> RecallView.of(id, a.result(), a.context()))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "unknown listener '" + id + "'"));
    }

    @Operation(summary = "Songs similar to a song, from every graph channel, merged, each with its reasons and paths")
    @Get("/songs/{id}/similar")
    @Access(Access.Level.PUBLIC)
    SimilarView songs(@PathVariable String id, @QueryValue(defaultValue = "20") int limit) {
        check(id, limit);
        return recall.similarSongs(id, limit).map(a -> SimilarView.of(a, limit))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "unknown song '" + id + "'"));
    }

    @Operation(summary = "Artists similar to an artist, with reasons and paths")
    @Get("/artists/{id}/similar")
    @Access(Access.Level.PUBLIC)
    SimilarView artists(@PathVariable String id, @QueryValue(defaultValue = "20") int limit) {
        check(id, limit);
        return recall.similarArtists(id, limit).map(a -> SimilarView.of(a, limit))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "unknown artist '" + id + "'"));
    }

    private static void check(String id, int limit) {
        RequestChecks.idAndLimit(id, limit, MAX_LIMIT);
    }
}
