package hindcast.plan;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;

/** A stored fit: the parameters a model estimated at its train date, and its binary state if it has one. */
public record TrainedModel(LocalDate trainDate, Map<String, Double> parameters, int trainingRows, byte[] state)
        implements Serializable {

    public TrainedModel(LocalDate trainDate, Map<String, Double> parameters, int trainingRows) {
        this(trainDate, parameters, trainingRows, null);
    }
}
