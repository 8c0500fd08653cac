package io.melograph.vectors;

import java.io.IOException;
import java.nio.file.Path;

class ExactSongIndexTest extends SongIndexContract {
    @Override
    SongIndex build(SongVectors songs) {
        return new ExactSongIndex(songs);
    }

    @Override
    SongIndex load(Path dir) throws IOException {
        return ExactSongIndex.load(dir);
    }
}
