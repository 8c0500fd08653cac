package io.melograph.vectors;

import java.io.IOException;
import java.nio.file.Path;

class HnswSongIndexTest extends SongIndexContract {
    @Override
    SongIndex build(SongVectors songs) throws InterruptedException {
        return HnswSongIndex.build(songs, HnswSongIndex.Settings.DEFAULT);
    }

    @Override
    SongIndex load(Path dir) throws IOException {
        return HnswSongIndex.load(dir);
    }
}
