package io.melograph.api;

import io.melograph.events.ItemCatalog;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the item catalog of event intake in step with imports and simulations done while the service runs. */
@Singleton
final class CatalogRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogRefresh.class);
    private final ItemCatalog catalog;

    CatalogRefresh(ItemCatalog catalog) {
        this.catalog = catalog;
    }

    @Scheduled(fixedDelay = "${melograph.events.catalog-refresh:10s}", initialDelay = "10s")
    void refresh() {
        try {
            catalog.reloadIfChanged();
        } catch (RuntimeException e) {
            LOG.warn("item catalog refresh failed (will retry): {}", e.toString());
        }
    }
}
