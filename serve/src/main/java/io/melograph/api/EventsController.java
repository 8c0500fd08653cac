package io.melograph.api;

import io.melograph.config.EventsProperties;
import io.melograph.events.EventIntake;
import io.melograph.events.EventParser;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Listening behaviour in: one event or a batch, acknowledged only once journaled. */
@Controller("/events")
@Access(value = Access.Level.APP, maxBody = "${melograph.events.max-body:1048576}")
@SecurityRequirement(name = "eventsToken")
final class EventsController {

    /** Accepted events (duplicates by eventId are dropped; unknown items are kept and counted). */
    @Serdeable
    record Accepted(int accepted, int duplicates, int unknownItems) {}

    /** One problem: the index of the bad event in the batch (-1: the body or a single event), the field and why. */
    @Serdeable
    record Problem(int index, String field, String reason) {}

    /** Everything wrong with a request. */
    @Serdeable
    record Rejected(String message, List<Problem> problems) {}

    private final EventParser parser;
    private final EventIntake intake;
    private final long maxBody;

    EventsController(EventParser parser, EventIntake intake, EventsProperties events) {
        this.parser = parser;
        this.intake = intake;
        this.maxBody = events.maxBody();
    }

    @Operation(summary = "Record listening events",
            description = "A JSON event {eventId, userId, itemId, itemType, action, positionMs?, durationMs?, scene?, ts} or an "
                    + "array of up to 1,000. 202 once durable; 400 names every problem; a batch with any bad event is rejected whole.")
    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<?>> post(@Nullable @Body byte[] body) {
        if (body == null || body.length == 0) {
            return CompletableFuture.completedFuture(HttpResponse.badRequest(new Rejected("empty body",
                    List.of(new Problem(-1, "", "send an event object or an array of them")))));
        }
        if (body.length > maxBody) {
            return CompletableFuture.completedFuture(HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                    .body(Map.of("message", "body larger than " + maxBody + " bytes; send smaller batches")));
        }
        EventParser.Result r = parser.parse(body, System.currentTimeMillis());
        if (!r.valid()) {
            boolean tooMany = r.problems().size() == 1 && r.problems().get(0).reason().startsWith("too many events");
            return CompletableFuture.completedFuture(HttpResponse.status(tooMany ? HttpStatus.REQUEST_ENTITY_TOO_LARGE : HttpStatus.BAD_REQUEST)
                    .body(new Rejected("rejected: " + r.problems().size() + " problem(s); nothing was recorded",
                            r.problems().stream().map(p -> new Problem(p.index(), p.field(), p.reason())).toList())));
        }
        return intake.accept(r.events()).thenApply(receipt ->
                HttpResponse.accepted().body(new Accepted(receipt.accepted(), receipt.duplicates(), receipt.unknownItems())));
    }
}
