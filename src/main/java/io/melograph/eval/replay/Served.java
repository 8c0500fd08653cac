package io.melograph.eval.replay;

import java.util.List;

/**
 * One answer of a production scene in the replay and what the listener did around it.
 *
 * @param items    the answer's songs, best first
 * @param channels for each item, the recall channels that found it (strongest first)
 * @param nanos    the time of each scene call behind the answer (one; for FM one per song)
 */
record Served(String userId, List<String> items, List<List<String>> channels, long[] nanos, Truth truth) {}
