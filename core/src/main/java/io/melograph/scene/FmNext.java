package io.melograph.scene;

import java.util.List;
import java.util.Map;

/**
 * Private FM's next song.
 *
 * @param position  the song's position in this FM session (1 for the first)
 * @param avoiding  artists and genres this session's skips and dislikes steer away from
 * @param exploring songs liked in this session that the radio explores around
 * @param adaptive  false when the request asked FM to ignore feedback (the baseline of the adaptation experiment)
 */
public record FmNext(String userId, long sessionStartedAt, int position, Pick item, Map<String, String> channels,
                     boolean fallback, List<String> avoiding, List<String> exploring, boolean adaptive) {}
