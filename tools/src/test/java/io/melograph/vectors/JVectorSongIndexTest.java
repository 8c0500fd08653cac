package io.melograph.vectors;

import java.io.IOException;
import java.nio.file.Path;

class JVectorSongIndexTest extends SongIndexContract {
    @Override
    SongIndex build(SongVectors songs) {
        return JVectorSongIndex.build(songs, JVectorSongIndex.Settings.DEFAULT);
    }

    @Override
    SongIndex load(Path dir) throws IOException {
        return JVectorSongIndex.load(dir, JVectorSongIndex.Settings.DEFAULT);
    }
}
