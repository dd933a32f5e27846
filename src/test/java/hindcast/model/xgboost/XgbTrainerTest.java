package hindcast.model.xgboost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hindcast.model.MarketSeries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

class XgbTrainerTest {
    private static final XgbFeatures FEATURES =
            new XgbFeatures(new int[] {1, 7, 14}, new int[] {7, 30}, List.of(Synthetic.COVARIATE));
    private static final XgbTrainer TRAINER = new XgbTrainer(FEATURES, XgbParams.defaults());
    private static final MarketSeries SERIES = Synthetic.series(1500, 11);
    private static final Map<String, double[]> COV = Synthetic.covariates(SERIES, 12);
    private static final LocalDate TRAIN_DATE = SERIES.date(1200);

    @Test
    void sameInputGivesBitIdenticalBooster() {
        XgbFit a = TRAINER.fit(SERIES, COV, TRAIN_DATE);
        XgbFit b = TRAINER.fit(Synthetic.series(1500, 11), Synthetic.covariates(SERIES, 12), TRAIN_DATE);
        assertArrayEquals(a.booster(), b.booster());
        assertArrayEquals(a.toBytes(), b.toBytes());
    }

    @Test
    void trainingIgnoresDataOnOrAfterTheTrainDate() {
        XgbFit fit = TRAINER.fit(SERIES, COV, TRAIN_DATE);
        double[] temp = COV.get(Synthetic.COVARIATE).clone();
        Arrays.fill(temp, 1200, temp.length, 99);
        XgbFit changed = TRAINER.fit(Synthetic.withClose(SERIES, 1200, 2.0), Map.of(Synthetic.COVARIATE, temp),
                TRAIN_DATE);
        assertArrayEquals(fit.toBytes(), changed.toBytes());
        assertEquals(1200 - FEATURES.lookback(), fit.trainingRows());
    }

    @Test
    void residualPoolIsTheCentredHoldout() {
        XgbFit fit = TRAINER.fit(SERIES, COV, TRAIN_DATE);
        float[] pool = fit.residuals();
        assertEquals(Math.round(fit.trainingRows() * 0.2), pool.length);
        double mean = 0;
        double ss = 0;
        for (float r : pool) {
            mean += r / (double) pool.length;
            ss += (double) r * r / pool.length;
        }
        assertEquals(0, mean, 1e-7);
        // Out-of-sample errors of a weak AR(1) with innovation sd 0.012: about 0.012, never far below.
        double sd = Math.sqrt(ss);
        assertTrue(sd > 0.011 && sd < 0.015, "residual sd " + sd);
    }

    @Test
    void storedBytesRestoreTheSameFit() {
        XgbFit fit = TRAINER.fit(SERIES, COV, TRAIN_DATE);
        XgbFit restored = XgbFit.fromBytes(fit.toBytes());
        assertArrayEquals(fit.booster(), restored.booster());
        assertArrayEquals(fit.residuals(), restored.residuals());
        assertArrayEquals(FEATURES.lags(), restored.features().lags());
        assertArrayEquals(FEATURES.windows(), restored.features().windows());
        assertEquals(FEATURES.covariates(), restored.features().covariates());
        assertEquals(fit.trainingRows(), restored.trainingRows());
        assertArrayEquals(fit.toBytes(), restored.toBytes());
    }

    /**
     * XGBoost prints each round's metric from native code straight to the process's stdout when watches are
     * given, which System.setOut cannot catch; so the fit runs in a child JVM whose whole output is read. The
     * control run, with a watch, shows the capture does see native output.
     */
    @Test
    void trainingPrintsNothing() throws Exception {
        assertEquals("", runChild("fit"));
        assertTrue(runChild("watched").contains("train-rmse"));
    }

    private static String runChild(String mode) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), mode)
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), output);
        return output;
    }

    /** The child JVM: one fit, or (control) one booster trained with a watch. */
    static final class Child {
        public static void main(String[] args) throws Exception {
            if (args[0].equals("fit")) {
                TRAINER.fit(SERIES, COV, TRAIN_DATE);
                return;
            }
            XgbFeatures.Rows rows = FEATURES.rows(SERIES, COV);
            DMatrix data = new DMatrix(rows.x(), rows.count(), rows.width(), Float.NaN);
            data.setLabel(rows.y());
            XGBoost.train(data, XgbParams.defaults().boosterParams(), 2, Map.of("train", data), null, null).dispose();
            data.dispose();
        }
    }

    @Test
    void tooShortAHistoryIsRefusedWithTheMinimum() {
        int minimum = TRAINER.minimumObservations();
        TRAINER.fit(SERIES, COV, SERIES.date(minimum));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TRAINER.fit(SERIES, COV, SERIES.date(minimum - 1)));
        assertTrue(e.getMessage().contains("at least " + minimum + " observations"), e.getMessage());
    }
}
