package io.melograph.api;

import io.melograph.recall.NodeNames;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Names of graph nodes by id: how the listener console labels the nodes of a recommendation's path. */
@Controller("/items")
@Access(Access.Level.APP) // listeners' names are among the nodes
@SecurityRequirement(name = "eventsToken")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ItemsController {
    static final int MAX_IDS = 20;

    private final NodeNames names;

    ItemsController(NodeNames names) {
        this.names = names;
    }

    @Operation(summary = "Names and labels of nodes by id (songs, artists, albums, people, genres, tags, videos, MLOGs, playlists, listeners)",
            description = "`ids` is a comma-separated list of at most 20 ids, each at most 256 characters, e.g. a Pick's `path`; "
                    + "a comma inside an id is sent percent-encoded (%2C). "
                    + "Found nodes come in the order asked; ids that match nothing are listed under `unknown`.")
    @Get
    ConsoleViews.Nodes items(HttpRequest<?> request, @QueryValue String ids) { // ids bound for the OpenAPI document
        List<String> asked = ids(request.getUri().getRawQuery());
        if (asked.isEmpty() || asked.size() > MAX_IDS) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "ids: between 1 and " + MAX_IDS + " comma-separated ids");
        }
        asked.forEach(RequestChecks::id);
        List<ConsoleViews.Node> found = names.of(asked).stream()
                .map(n -> new ConsoleViews.Node(n.id(), n.name(), n.label())).toList();
        Set<String> foundIds = found.stream().map(ConsoleViews.Node::id).collect(Collectors.toSet());
        return new ConsoleViews.Nodes(found, asked.stream().filter(id -> !foundIds.contains(id)).toList());
    }

    /**
     * The ids of the raw query: split at literal commas before decoding, so an id with a comma in it (plenty of DBpedia
     * names have one) travels percent-encoded as %2C.
     */
    static List<String> ids(String rawQuery) {
        List<String> ids = new ArrayList<>();
        for (String param : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            if (param.startsWith("ids=")) {
                for (String id : param.substring(4).split(",")) {
                    String decoded = URLDecoder.decode(id, StandardCharsets.UTF_8).strip();
                    if (!decoded.isEmpty() && !ids.contains(decoded)) {
                        ids.add(decoded);
                    }
                }
            }
        }
        return ids;
    }
}
