package io.melograph.sim;

import java.util.List;

/** A synthetic playlist a simulated listener made from songs that suit their taste ("sim:playlist:0001"). */
public record SimPlaylist(String id, String name, String creatorUserId, List<String> songIds) {
    public SimPlaylist {
        songIds = List.copyOf(songIds);
    }
}
