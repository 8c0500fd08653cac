package io.melograph.sim;

import java.util.List;

/** What a run made besides the events: the synthetic entities (all with "sim:" ids) and the summary. */
public record SimResult(List<SimUser> users, List<SimPlaylist> playlists, List<SimVideo> videos, List<SimMlog> mlogs,
                        SimSummary summary) {
    public SimResult {
        users = List.copyOf(users);
        playlists = List.copyOf(playlists);
        videos = List.copyOf(videos);
        mlogs = List.copyOf(mlogs);
    }
}
