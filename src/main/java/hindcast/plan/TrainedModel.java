package hindcast.plan;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;

/**
 * A stored fit: the parameters a model estimated at its train date, its binary state if it has one, the
 * definition it was made by and the fingerprint of the market data it read ({@link Freshness}); those two are
 * null for a fit stored before they were recorded.
 */
public record TrainedModel(LocalDate trainDate, Map<String, Double> parameters, int trainingRows, byte[] state,
                           String definition, String inputFingerprint) implements Serializable {

    /** A fit without its provenance yet: what a model returns before the trainer records it. */
    public TrainedModel(LocalDate trainDate, Map<String, Double> parameters, int trainingRows, byte[] state) {
        this(trainDate, parameters, trainingRows, state, null, null);
    }

    public TrainedModel(LocalDate trainDate, Map<String, Double> parameters, int trainingRows) {
        this(trainDate, parameters, trainingRows, null);
    }

    /** This fit, recording the definition it was made by and what it read. */
    public TrainedModel madeBy(String definition, String inputFingerprint) {
        return new TrainedModel(trainDate, parameters, trainingRows, state, definition, inputFingerprint);
    }
}
