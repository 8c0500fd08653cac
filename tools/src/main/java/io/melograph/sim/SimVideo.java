package io.melograph.sim;

import java.util.List;

/** A synthetic music video featuring one or two popular songs ("sim:video:0001"). */
public record SimVideo(String id, String name, List<String> songIds) {
    public SimVideo {
        songIds = List.copyOf(songIds);
    }
}
