package io.melograph.eval;

/**
 * Leave-last-session-out: {@code trainRows} are the interaction rows before each user's last session; {@code targets}
 * the distinct items of that last session (null for users with a single session, who only train);
 * {@code testRows} the rows of the last sessions.
 */
public record SessionSplit(int[] trainRows, int[] testRows, int[][] targets) {}
