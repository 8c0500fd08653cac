package io.melograph.ingest.listens;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Timestamps and MusicBrainz ids as the exports write them. */
final class ListenValues {
    private static final DateTimeFormatter SPACED_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter SPACED_MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

    private ListenValues() {}

    /** An ISO 8601 time with a zone ({@code 2009-05-04T23:08:57Z}, {@code ...+02:00}) in epoch ms, or null. */
    static Long isoMillis(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        long fast = utcSecondsZ(t);
        if (fast != Long.MIN_VALUE) {
            return fast * 1000;
        }
        try {
            return Instant.parse(t).toEpochMilli();
        } catch (DateTimeException e) {
            try {
                return OffsetDateTime.parse(t).toInstant().toEpochMilli();
            } catch (DateTimeException e2) {
                return null;
            }
        }
    }

    /** Spotify's {@code ts}: ISO 8601 in UTC, also the zone-less {@code 2021-03-04 18:33:02} of some older files. */
    static Long spotifyMillis(String s) {
        Long iso = isoMillis(s);
        if (iso != null) {
            return iso;
        }
        Long spaced = utcMillis(s, SPACED_SECONDS);
        return spaced != null ? spaced : utcMillis(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    /** The account-data {@code endTime}: {@code 2021-03-04 18:33}, UTC, to the minute. */
    static Long spotifyMinuteMillis(String s) {
        return utcMillis(s, SPACED_MINUTES);
    }

    private static Long utcMillis(String s, DateTimeFormatter format) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(s.strip(), format).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The common shape {@code uuuu-MM-ddTHH:mm:ssZ} read without a formatter (the Last.fm 1K file has 19 million of
     * them), in epoch seconds; {@link Long#MIN_VALUE} for any other shape or an impossible date.
     */
    private static long utcSecondsZ(String t) {
        if (t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
            return Long.MIN_VALUE;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return Long.MIN_VALUE;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static boolean isMbid(String s) {
        if (s == null || s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0 || c > 'f') {
                return false;
            }
        }
        return true;
    }

    /** A MusicBrainz id in its canonical lower case. */
    static String mbid(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Null for null or blank text. */
    static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
