package io.melograph.sim;

import java.util.List;

/** A synthetic MLOG: a short clip a simulated listener posted over one to three songs ("sim:mlog:0001"). */
public record SimMlog(String id, String name, String creatorUserId, List<String> songIds) {
    public SimMlog {
        songIds = List.copyOf(songIds);
    }
}
