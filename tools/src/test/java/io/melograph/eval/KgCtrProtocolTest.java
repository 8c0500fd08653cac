package io.melograph.eval;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KgCtrProtocolTest {
    private static final boolean[] VALID_LABELS = {true, false, true, false, true, false};
    private static final boolean[] TEST_LABELS = {true, true, false, false, true, false};

    @Test
    void constantScoresAreReportedAsNoSignalNotWithACalibrationCoinFlip() {
        // mostly positive validation labels would calibrate a constant score above 0.5: F1 0.67 "for free" before
        double[] constant = {0.4, 0.4, 0.4, 0.4, 0.4, 0.4};
        Map<String, Double> m = KgCtrProtocol.testMetrics(constant, new boolean[] {true, true, true, true, false, true},
                constant, TEST_LABELS);
        assertEquals(0.5, m.get("auc"), 1e-9, "all ties");
        assertFalse(m.containsKey("f1"), "no F1 for a model without signal: " + m);
        assertFalse(m.containsKey("logloss"));
    }

    @Test
    void scoresWithASignalGetEveryMetric() {
        Map<String, Double> m = KgCtrProtocol.testMetrics(new double[] {0.9, 0.1, 0.8, 0.2, 0.7, 0.3}, VALID_LABELS,
                new double[] {0.9, 0.8, 0.2, 0.1, 0.7, 0.3}, TEST_LABELS);
        assertEquals(1.0, m.get("auc"), 1e-9);
        assertTrue(m.containsKey("f1") && m.containsKey("logloss"), m.toString());
    }
}
