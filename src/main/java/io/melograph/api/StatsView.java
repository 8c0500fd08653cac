package io.melograph.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/** Counts per label and relationship type. */
@Serdeable
public record StatsView(Map<String, Long> nodes, Map<String, Long> relationships) {}
