package io.melograph.api;

import io.melograph.events.ItemCatalog;
import io.melograph.events.SongPopularity;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the in-memory views of the graph in step: the item catalog of event intake with imports and simulations done
 * while the service runs, song popularity (long-tail marks, the popularity fallback) with aggregated plays.
 */
@Singleton
final class CacheRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(CacheRefresh.class);
    private final ItemCatalog catalog;
    private final SongPopularity popularity;

    CacheRefresh(ItemCatalog catalog, SongPopularity popularity) {
        this.catalog = catalog;
        this.popularity = popularity;
    }

    @Scheduled(fixedDelay = "${melograph.events.catalog-refresh:10s}", initialDelay = "10s")
    void catalog() {
        refresh("item catalog", catalog::reloadIfChanged);
    }

    @Scheduled(fixedDelay = "${melograph.scenes.popularity-refresh:60s}", initialDelay = "60s")
    void popularity() {
        refresh("song popularity", popularity::reload);
    }

    private static void refresh(String what, Runnable reload) {
        try {
            reload.run();
        } catch (RuntimeException e) {
            LOG.warn("{} refresh failed (will retry): {}", what, e.toString());
        }
    }
}
