package io.melograph.api;

import io.melograph.embeddings.EmbeddingVersions;
import io.melograph.embeddings.GraphEmbeddings;
import io.melograph.graph.GraphConnection;
import io.melograph.interest.InterestModelFile;
import io.melograph.rank.FtrlVersions;
import io.melograph.rank.LiveRanking;
import io.melograph.rank.deep.RankerFile;
import io.melograph.recall.LiveInterests;
import io.melograph.registry.ModelCard;
import io.melograph.registry.ModelRegistry;
import io.melograph.scene.DeepRanking;
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
    private static final List<String> KINDS = List.of(FtrlVersions.KIND, EmbeddingVersions.KIND, InterestModelFile.KIND,
            RankerFile.KIND);
    private final ModelRegistry registry;
    private final LiveRanking live;
    private final LiveInterests interests;
    private final DeepRanking deep;
    private final GraphConnection graph;

    ModelsController(ModelRegistry registry, LiveRanking live, LiveInterests interests, DeepRanking deep, GraphConnection graph) {
        this.registry = registry;
        this.live = live;
        this.interests = interests;
        this.deep = deep;
        this.graph = graph;
    }

    /**
     * A kind's versions, the current one, the one live in this service (ftrl: the ranker answering, with its weights'
     * checksum; embeddings: the version most songs' vectors come from), the promotions.
     */
    @Serdeable
    record KindView(String kind, String current, String live, String liveFingerprint, List<ModelCard> versions,
                    List<ModelRegistry.Promotion> history) {}

    @Operation(summary = "Each model kind's stored versions (ftrl, embeddings, interests, ranker), the current and the live one, and the promotions so far")
    @Get
    List<KindView> list() {
        return KINDS.stream().map(this::view).toList();
    }

    @Operation(summary = "Promote a stored version: the service swaps it in without a restart",
            description = "Returns when it is live: ftrl, its snapshot restored and caught up with the event journal; embeddings, its "
                    + "vectors on the nodes (the vector indexes follow).")
    @Post("/{kind}/{version}/promote")
    KindView promote(@PathVariable String kind, @PathVariable String version) {
        known(kind);
        String reason = "promoted through the API";
        try {
            if (kind.equals(EmbeddingVersions.KIND)) {
                EmbeddingVersions.promote(registry, graph, version, reason, false);
            } else {
                registry.promote(kind, version, reason);
                swapToCurrent(kind);
            }
        } catch (IllegalArgumentException unknownVersion) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, unknownVersion.getMessage());
        }
        return view(kind);
    }

    @Operation(summary = "Go back to the version current before this one, without a restart")
    @Post("/{kind}/rollback")
    KindView rollback(@PathVariable String kind) {
        known(kind);
        String reason = "rolled back through the API";
        boolean rolledBack = kind.equals(EmbeddingVersions.KIND) ? EmbeddingVersions.rollback(registry, graph, reason).isPresent()
                : registry.rollback(kind, reason).isPresent();
        if (!rolledBack) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "nothing to roll back to: no earlier promoted " + kind + " version");
        }
        swapToCurrent(kind);
        return view(kind);
    }

    /** The kinds the service swaps itself (embeddings live on the nodes, moved by promote and rollback). */
    private void swapToCurrent(String kind) {
        if (kind.equals(FtrlVersions.KIND)) {
            live.swapToCurrent();
        } else if (kind.equals(InterestModelFile.KIND)) {
            interests.swapToCurrent();
        } else if (kind.equals(RankerFile.KIND)) {
            deep.swapToCurrent();
        }
    }

    private static void known(String kind) {
        if (!KINDS.contains(kind)) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no model kind '" + kind + "'; kinds: " + String.join(", ", KINDS));
        }
    }

    private KindView view(String kind) {
        boolean ftrl = kind.equals(FtrlVersions.KIND);
        String liveVersion = ftrl ? live.version() : kind.equals(InterestModelFile.KIND) ? interests.version()
                : kind.equals(RankerFile.KIND) ? deep.served().map(DeepRanking.Served::version).orElse(null)
                : GraphEmbeddings.liveVersion(graph).orElse(null);
        return new KindView(kind, registry.current(kind).orElse(null), liveVersion, ftrl ? live.active().fingerprint() : null,
                registry.list(kind), registry.history(kind));
    }
}
