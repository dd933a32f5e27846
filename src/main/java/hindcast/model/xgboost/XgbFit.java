package hindcast.model.xgboost;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an xgboost training at T leaves behind, and what {@code trained_models.state} stores: the feature
 * configuration, the booster (UBJSON model bytes) and the pool of out-of-sample residuals that
 * {@link XgbSimulator} bootstraps as noise. {@link #toBytes()} and {@link #fromBytes} are exact inverses.
 */
public final class XgbFit {
    private static final int FORMAT = 1;

    private final XgbFeatures features;
    private final byte[] booster;
    private final float[] residuals;
    private final int trainingRows;

    public XgbFit(XgbFeatures features, byte[] booster, float[] residuals, int trainingRows) {
        if (residuals.length == 0) {
            throw new IllegalArgumentException("xgboost fit needs a non-empty residual pool");
        }
        this.features = features;
        this.booster = booster.clone();
        this.residuals = residuals.clone();
        this.trainingRows = trainingRows;
    }

    public XgbFeatures features() {
        return features;
    }

    public byte[] booster() {
        return booster.clone();
    }

    public float[] residuals() {
        return residuals.clone();
    }

    /** Feature rows the final booster was fitted on. */
    public int trainingRows() {
        return trainingRows;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            writeInts(out, features.lags());
            writeInts(out, features.windows());
            out.writeInt(features.covariates().size());
            for (String c : features.covariates()) {
                out.writeUTF(c);
            }
            out.writeInt(trainingRows);
            out.writeInt(residuals.length);
            for (float r : residuals) {
                out.writeFloat(r);
            }
            out.writeInt(booster.length);
            out.write(booster);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static XgbFit fromBytes(byte[] stored) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown xgboost state format " + format);
            }
            int[] lags = readInts(in);
            int[] windows = readInts(in);
            List<String> covariates = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                covariates.add(in.readUTF());
            }
            int trainingRows = in.readInt();
            float[] residuals = new float[in.readInt()];
            for (int i = 0; i < residuals.length; i++) {
                residuals[i] = in.readFloat();
            }
            byte[] booster = new byte[in.readInt()];
            in.readFully(booster);
            return new XgbFit(new XgbFeatures(lags, windows, covariates), booster, residuals, trainingRows);
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt xgboost state: " + e, e);
        }
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] values = new int[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }
}
