package io.melograph.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The HetRec side graph: tags and friends, and the variant without listeners' own tags. */
class HetrecLoaderTest {

    /** Users 2 and 3; user 2 played artist 10 and tagged it "rock"; user 3 tagged 10 "loud" and 11 "rock". */
    private static Path write(Path dir) throws IOException {
        Files.writeString(dir.resolve("artists.dat"), "id\tname\turl\tpictureURL\n10\tA\t\t\n11\tB\t\t\n");
        Files.writeString(dir.resolve("user_artists.dat"), "userID\tartistID\tweight\n2\t10\t50\n3\t11\t7\n");
        Files.writeString(dir.resolve("user_taggedartists.dat"), "userID\tartistID\ttagID\tday\tmonth\tyear\n"
                + "2\t10\t1\t1\t4\t2009\n3\t10\t2\t1\t4\t2009\n3\t11\t1\t2\t4\t2009\n");
        Files.writeString(dir.resolve("user_friends.dat"), "userID\tfriendID\n2\t3\n3\t2\n");
        return dir;
    }

    private static List<String> triples(Dataset d) {
        List<String> out = new ArrayList<>();
        var g = d.graph();
        for (int k = 0; k < g.size(); k++) {
            out.add(d.entityIds().get(g.heads()[k]) + " " + g.relations().get(g.relationOf()[k]) + " "
                    + d.entityIds().get(g.tails()[k]));
        }
        return out;
    }

    @Test
    void tagsAndFriendsFormTheSideGraphAndFriendsAreUsers(@TempDir Path dir) throws IOException {
        Dataset d = DatasetLoader.hetrec(write(dir), false);
        assertEquals(List.of("artist:10 tagged tag:1", "artist:10 tagged tag:2", "artist:11 tagged tag:1",
                "user:2 friend user:3", "user:3 friend user:2"), triples(d));
        int friend = d.entityIds().indexOf("user:3");
        assertEquals(d.userIds().indexOf("user:3"), d.graph().userOf(friend));
        assertEquals(-1, d.graph().userOf(d.entityIds().indexOf("tag:1")));
    }

    @Test
    void tagsFromOthersDropsTagsListenersPutOnWhatTheyPlayed(@TempDir Path dir) throws IOException {
        Dataset d = DatasetLoader.hetrec(write(dir), false, true);
        assertEquals(List.of("artist:10 tagged tag:2", "user:2 friend user:3", "user:3 friend user:2"), triples(d),
                "user 2 played 10 and user 3 played 11: their own tags on them go; user 3's tag on 10 stays");
        assertEquals(DatasetLoader.hetrec(dir, false).size(), d.size(), "the interactions are the same");
    }
}
