package dev.orchestrate.engine;

import dev.orchestrate.report.HistoryId;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a lab says about a run besides its suite, as {@code key=value} labels: the driver build under
 * test, the station, the night. They go on the run's summary, its Allure environment and every test
 * case, so a dashboard, a comparison and a merge of several stations can tell runs apart.
 *
 * @param values by key, in the order given; a later value of a key replaces an earlier one
 */
public record Labels(Map<String, String> values) {

    /** {@code driver=2.1.0-dext,station=lab-mac-3}: labels a nightly job sets once for every run it starts. */
    public static final String ENVIRONMENT = "ORCHESTRATE_LABELS";
    public static final Labels NONE = new Labels(Map.of());

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9._-]*");

    public Labels {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The labels of the environment's {@value #ENVIRONMENT}, then of the options, each {@code key=value};
     * a malformed one is an {@link IllegalArgumentException} saying which and what a label looks like.
     */
    public static Labels parse(Optional<String> environment, List<String> options) {
        Map<String, String> values = new LinkedHashMap<>();
        environment.filter(e -> !e.isBlank()).ifPresent(e -> Arrays.stream(e.split(","))
                .forEach(label -> put(values, label, ENVIRONMENT + " in the environment")));
        options.forEach(label -> put(values, label, "--label"));
        return new Labels(values);
    }

    private static void put(Map<String, String> values, String label, String where) {
        int eq = label.indexOf('=');
        String key = eq < 0 ? label.strip() : label.substring(0, eq).strip();
        String value = eq < 0 ? "" : label.substring(eq + 1).strip();
        if (!KEY.matcher(key).matches() || value.isEmpty() || value.contains(",") || value.contains("\n")) {
            throw new IllegalArgumentException(where + " '" + label + "' is not a label: give key=value, the key in lower case"
                    + " letters, digits, '.', '_' or '-', the value without commas,"
                    + " e.g. --label driver=2.1.0-dext --label station=lab-mac-3");
        }
        values.put(key, value);
    }

    /**
     * With {@code --station NAME}: the label {@value HistoryId#STATION}{@code =NAME}, which also tells the
     * station's test cases from other stations' in a merged report; a name that is no label value is an
     * {@link IllegalArgumentException} saying what to give.
     */
    public Labels withStation(String name) {
        if (name.isBlank() || name.contains(",") || name.contains("\n") || !name.equals(name.strip())) {
            throw new IllegalArgumentException("--station '" + name + "' is not a station name: give a name without commas or spaces"
                    + " around it, e.g. --station lab-mac-3");
        }
        Map<String, String> with = new LinkedHashMap<>(values);
        with.put(HistoryId.STATION, name);
        return new Labels(with);
    }

    /** The station's name, or empty. */
    public String station() {
        return values.getOrDefault(HistoryId.STATION, "");
    }

    /** As one configuration parameter of the engine. */
    public String encoded() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    /** The labels a configuration parameter {@link #encoded()} holds. */
    static Labels decode(Optional<String> parameter) {
        return parse(parameter, List.of());
    }

    /** Whether every label of {@code wanted} is one of these. */
    public boolean includes(Labels wanted) {
        return wanted.values().entrySet().stream().allMatch(e -> e.getValue().equals(values.get(e.getKey())));
    }
}
