package io.melograph.events;

/**
 * The one rule for ids that come from outside (events, paths, onboarding): present, not blank, not too long, no
 * control characters and no lone UTF-16 surrogates (written as UTF-8 they become '?', so two distinct ids would
 * collide).
 */
public final class Ids {
    /** Listener ids: what {@code POST /events} has always taken. */
    public static final int MAX_USER_ID = 128;
    /** Item ids (songs, artists, genres ...). */
    public static final int MAX_ID = 256;

    /** How every simulated entity's id starts (listeners, playlists, videos, MLOGs): {@code melograph demo purge} removes them. */
    public static final String SYNTHETIC_PREFIX = "sim:";

    private Ids() {}

    /** Whether the id is a simulated entity's. */
    public static boolean synthetic(String id) {
        return id.startsWith(SYNTHETIC_PREFIX);
    }

    /** Why {@code s} is no acceptable id or text value (null when it is). */
    public static String problem(String s, int maxLength) {
        if (s == null) {
            return "is required";
        }
        if (s.isBlank()) {
            return "must not be empty";
        }
        if (s.length() > maxLength) {
            return "longer than " + maxLength + " characters";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                return "contains control characters";
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains a lone UTF-16 surrogate (not a character)";
            }
        }
        return null;
    }
}
