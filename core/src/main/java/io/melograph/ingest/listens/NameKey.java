package io.melograph.ingest.listens;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form in which names are compared when resolving listens to the catalog: "Beyoncé", "BEYONCE" and "beyonce"
 * match; so do "The Beatles" and "Beatles", "Simon & Garfunkel" and "Simon and Garfunkel", "Don't Stop" and "Dont
 * stop". Accents, case, punctuation and spacing differ between services; the letters and digits do not.
 */
final class NameKey {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private NameKey() {}

    /** The normalised name; empty for a null or blank name. */
    static String of(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT).replace("&", " and ").replace("'", "").replace("’", "");
        s = NOT_WORD.matcher(s).replaceAll(" ").strip();
        return s.startsWith("the ") ? s.substring(4) : s;
    }

    /** The key of a track by its artist and title. */
    static String track(String artist, String title) {
        return of(artist) + " \u2013 " + of(title);
    }
}
