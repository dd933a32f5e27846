package hindcast.plan;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;

/** A stored fit: the parameters a model estimated at its train date. */
public record TrainedModel(LocalDate trainDate, Map<String, Double> parameters, int trainingRows) implements Serializable {
}
