package io.melograph.rank;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HeadWeightsTest {

    @Test
    void combinesTheHeadsAsAWeightedGeometricMeanAndReadsBackWhatItWrites() {
        HeadWeights daily = new HeadWeights(1, 0.5, 1);
        double[] p = {0.4, 0.81, 0.1};
        assertEquals(0.4 * 0.9 * 0.1, daily.combine(p), 1e-12);
        assertEquals(0.81 * 0.81, new HeadWeights(0, 2, 0).combine(p), 1e-12, "a weight of 0 ignores the head");
        assertEquals("click=1,complete=0.5,like=1", daily.toString());
        assertEquals(daily, HeadWeights.parse("test", daily.toString(), HeadWeights.EVEN));
        assertEquals(new HeadWeights(1, 1, 0.25), HeadWeights.parse("test", " like = 0.25 ", HeadWeights.EVEN));
        assertEquals(daily, HeadWeights.parse("test", "", daily), "nothing set: the base");
        assertEquals(new HeadWeights(3, 0.5, 1), daily.with(Head.CLICK, 3));
    }
}
