package io.melograph.vectors;

/** One song in an answer: its index, its id and the cosine of its vector with the query. */
public record SongHit(int song, String id, float score) {}
