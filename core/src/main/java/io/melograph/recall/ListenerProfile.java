package io.melograph.recall;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a request needs to know of a listener, read once ({@link ListenerProfiles}): long-term history and the
 * live session merged.
 *
 * @param heard             every song they heard, with how fond they are of it (familiar vs discovery)
 * @param disliked          songs never to offer again (a later like lifts a dislike)
 * @param songs             seed songs, strongest first (long-term by fondness, the live session's boosted)
 * @param artists           seed artists they listened to directly, strongest first
 * @param watched           videos and MLOGs watched in this session, strongest first
 * @param sessionHeard      songs heard or refused in this session (not offered again now)
 * @param onboardingArtists artists they chose at onboarding: the seeds while they have no history
 * @param timeZone          the profile's time zone id, or null
 * @param ownPlaylists      playlists they made: never offered to them
 */
public record ListenerProfile(String userId, Map<String, Heard> heard, Set<String> disliked, List<ListenerContext.Seed> songs,
                              List<ListenerContext.Seed> artists, List<ListenerContext.Seed> watched, List<String> sessionHeard,
                              List<ListenerContext.Seed> onboardingArtists, String timeZone, List<String> ownPlaylists) {

    /** A heard song and how fond of it the listener is ({@code events.ActionWeights#fondness}). */
    public record Heard(String id, String name, long plays, double fondness) {}

    public ListenerProfile {
        heard = Map.copyOf(heard);
        disliked = Set.copyOf(disliked);
        songs = List.copyOf(songs);
        artists = List.copyOf(artists);
        watched = List.copyOf(watched);
        sessionHeard = List.copyOf(sessionHeard);
        onboardingArtists = List.copyOf(onboardingArtists);
        ownPlaylists = List.copyOf(ownPlaylists);
    }

    /** No song heard yet (scenes start from onboarding choices or popular songs). */
    public boolean cold() {
        return heard.isEmpty();
    }

    /**
     * Recall's context: the seeds (the onboarding artists while there are none), leaving out what was heard in this
     * session, everything disliked and the playlists they made. Scenes add what they leave out themselves ({@link ListenerContext#excluding}).
     */
    public ListenerContext context() {
        Set<String> exclude = new LinkedHashSet<>(sessionHeard);
        exclude.addAll(disliked);
        exclude.addAll(ownPlaylists);
        boolean seedless = songs.isEmpty() && artists.isEmpty();
        return new ListenerContext(userId, songs, seedless ? onboardingArtists : artists, new ArrayList<>(exclude), watched);
    }
}
