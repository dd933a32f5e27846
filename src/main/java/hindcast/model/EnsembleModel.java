package hindcast.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ensemble: an equal-weight mixture of member models' paths. Of N paths, member i of k draws the block
 * [i N / k, (i + 1) N / k), from its own key (commodity, member's model_version, D), so the block is exactly
 * the first paths of the member's own forecast from D (members draw path by path, see
 * {@link ModelType#pathwise()}). Training fits every member on the same series; the stored parameters are
 * the members', each prefixed by the member's name and a dot. Members have no binary state (xgboost, the one
 * type that has, cannot be a member).
 */
public final class EnsembleModel implements ForecastModel {
    /** A member: its model_version (which keys its paths) and its model. */
    public record Member(String name, ForecastModel model) {
    }

    private final List<Member> members;

    public EnsembleModel(List<Member> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("members must name at least one model");
        }
        Set<String> seen = new HashSet<>();
        for (Member m : members) {
            if (!seen.add(m.name())) {
                throw new IllegalArgumentException("members name '" + m.name() + "' twice");
            }
        }
        this.members = List.copyOf(members);
    }

    @Override
    public ModelState fit(MarketSeries training) {
        List<ModelState> states = new ArrayList<>();
        try {
            for (Member m : members) {
                ModelState s = m.model().fit(training);
                states.add(s);
                if (s.state() != null) {
                    throw new IllegalArgumentException("member '" + m.name() + "' has a binary state, which an "
                            + "ensemble does not store");
                }
            }
        } catch (RuntimeException e) {
            states.forEach(ModelState::close);
            throw e;
        }
        return new State(states);
    }

    @Override
    public ModelState restore(Map<String, Double> parameters) {
        List<ModelState> states = new ArrayList<>();
        for (Member m : members) {
            String prefix = m.name() + ".";
            Map<String, Double> own = new LinkedHashMap<>();
            parameters.forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    own.put(k.substring(prefix.length()), v);
                }
            });
            states.add(m.model().restore(own));
        }
        return new State(states);
    }

    /** The union of the members' reads. */
    @Override
    public Reads fitReads() {
        return union(members.stream().map(m -> m.model().fitReads()).toList());
    }

    /** The union of the members' reads. */
    @Override
    public Reads forecastReads() {
        return union(members.stream().map(m -> m.model().forecastReads()).toList());
    }

    private static Reads union(List<Reads> reads) {
        int rows = reads.stream().mapToInt(Reads::rows).max().orElseThrow();
        Set<String> covariates = new LinkedHashSet<>();
        reads.forEach(r -> covariates.addAll(r.covariates()));
        return new Reads(rows, List.copyOf(covariates));
    }

    /** The first path of member i's block of {@code paths} among {@code k} members (i = k: the end). */
    static int blockStart(int i, int k, int paths) {
        return (int) ((long) i * paths / k);
    }

    private final class State implements ModelState {
        private final List<ModelState> states;

        State(List<ModelState> states) {
            this.states = states;
        }

        @Override
        public Map<String, Double> parameters() {
            Map<String, Double> p = new LinkedHashMap<>();
            for (int i = 0; i < members.size(); i++) {
                String prefix = members.get(i).name() + ".";
                states.get(i).parameters().forEach((k, v) -> p.put(prefix + k, v));
            }
            return p;
        }

        @Override
        public void close() {
            states.forEach(ModelState::close);
        }

        /** Each block from its member's own key; the ensemble's own {@code rng} is not drawn from. */
        @Override
        public void simulate(MarketSeries history, LocalDate start, Rng rng, float[][] out) {
            int k = members.size();
            for (int i = 0; i < k; i++) {
                int from = blockStart(i, k, out.length);
                int to = blockStart(i + 1, k, out.length);
                if (to > from) {
                    states.get(i).simulate(history, start,
                            Rng.forForecast(history.commodity(), members.get(i).name(), start),
                            Arrays.copyOfRange(out, from, to)); // the rows themselves: the member writes into out
                }
            }
        }
    }
}
