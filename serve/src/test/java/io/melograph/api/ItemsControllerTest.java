package io.melograph.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** GET /items splits ids at literal commas only: a comma inside an id arrives percent-encoded. */
class ItemsControllerTest {

    @Test
    void commasSeparateEncodedCommasBelongToTheId() {
        assertEquals(List.of("dbpedia:Hello,_I_Love_You", "sim:user:0001", "genre:r&b"),
                ItemsController.ids("ids=dbpedia%3AHello%2C_I_Love_You,sim:user:0001,genre%3Ar%26b"));
    }

    @Test
    void repeatedParametersEmptyPartsAndDuplicates() {
        assertEquals(List.of("a", "b"), ItemsController.ids("x=1&ids=a,,a&ids=b"));
        assertEquals(List.of(), ItemsController.ids(null));
    }
}
