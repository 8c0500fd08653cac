package io.melograph.api;

import io.melograph.rank.FtrlVersions;
import io.melograph.rank.LiveRanking;
import io.melograph.registry.ModelCard;
import io.melograph.registry.ModelRegistry;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.util.List;

/** The model registry over HTTP: versions, which one is current and live, promotion and rollback without a restart. */
@SerdeImport(ModelCard.class)
@SerdeImport(ModelRegistry.Promotion.class)
@Controller("/admin/models")
@Access(Access.Level.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "adminToken")
final class ModelsController {
    private final ModelRegistry registry;
    private final LiveRanking live;

    ModelsController(ModelRegistry registry, LiveRanking live) {
        this.registry = registry;
        this.live = live;
    }

    /** A kind's versions, the current one, the one live in this service (and its weights' checksum), the promotions. */
    @Serdeable
    record KindView(String kind, String current, String live, String liveFingerprint, List<ModelCard> versions,
                    List<ModelRegistry.Promotion> history) {}

    @Operation(summary = "The FTRL ranker's stored versions, the current and the live one, and the promotions so far")
    @Get
    List<KindView> list() {
        return List.of(view());
    }

    @Operation(summary = "Promote a stored version: the service swaps it in without a restart",
            description = "Returns when it is live: its snapshot restored and caught up with the event journal.")
    @Post("/{kind}/{version}/promote")
    KindView promote(@PathVariable String kind, @PathVariable String version) {
        known(kind);
        try {
            registry.promote(kind, version, "promoted through the API");
        } catch (IllegalArgumentException unknownVersion) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, unknownVersion.getMessage());
        }
        live.swapToCurrent();
        return view();
    }

    @Operation(summary = "Go back to the version current before this one, without a restart")
    @Post("/{kind}/rollback")
    KindView rollback(@PathVariable String kind) {
        known(kind);
        if (registry.rollback(kind, "rolled back through the API").isEmpty()) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "nothing to roll back to: no earlier promoted " + kind + " version");
        }
        live.swapToCurrent();
        return view();
    }

    private static void known(String kind) {
        if (!kind.equals(FtrlVersions.KIND)) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no model kind '" + kind + "'; kinds: " + FtrlVersions.KIND);
        }
    }

    private KindView view() {
        String kind = FtrlVersions.KIND;
        return new KindView(kind, registry.current(kind).orElse(null), live.version(), live.active().fingerprint(),
                registry.list(kind), registry.history(kind));
    }
}
