package io.melograph.train;

/**
 * One exposure as a behaviour ranker sees it: user and item indices, when it happened (epoch ms, for the hour of
 * day), the scene, and how many songs the user had played earlier in the same session.
 */
public record Exposure(int user, int item, long ts, String scene, int sessionPosition) {}
