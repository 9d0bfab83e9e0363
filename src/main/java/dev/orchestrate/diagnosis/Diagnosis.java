package dev.orchestrate.diagnosis;

import dev.orchestrate.trace.Record;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the evidence says about a failed verdict: every rule judges the facts, in order from the
 * most specific; those that fire give a finding with its evidence counts, and every rule says why it
 * did or did not. A rule whose evidence is missing (no command log, no device addresses, no steps)
 * is not judged, and says so.
 *
 * @param findings the rules that fired, most specific first
 * @param reasoning every rule, fired or not, with its evidence
 */
public record Diagnosis(List<Finding> findings, List<String> reasoning) {

    private static final List<Rule> RULES = List.of(new IoErrors(), new Misdirected(), new Duplicated(), new StaleNotRewritten(),
            new NeverSynced(), new LostBeforeDevice(), new FixedOffset(), new AtRest(), new FlushDropped(), new NoDestageAtRelease(),
            new FlushNotSent());

    public Diagnosis {
        findings = List.copyOf(findings);
        reasoning = List.copyOf(reasoning);
    }

    public static Diagnosis of(Facts facts) {
        Correlation c = Correlation.of(facts);
        List<Finding> findings = new ArrayList<>();
        List<String> reasoning = new ArrayList<>();
        for (Rule rule : RULES) {
            Set<Defect.Need> missing = EnumSet.noneOf(Defect.Need.class);
            rule.needs().stream().filter(n -> !facts.has(n)).forEach(missing::add);
            if (!missing.isEmpty()) {
                reasoning.add(rule.name() + ": not judged: needs "
                        + missing.stream().map(Diagnosis::needed).collect(Collectors.joining(", ")));
                continue;
            }
            Rule.Judgement j = rule.judge(c);
            j.finding().ifPresent(findings::add);
            reasoning.add(rule.name() + ": " + j.reasoning());
        }
        return new Diagnosis(findings, reasoning);
    }

    /** A command the device answered with an error, named from its log: for a step whose command failed with an I/O error. */
    public static Optional<Finding> ioErrors(List<Record> log, int blockSize) {
        return IoErrors.of(log, blockSize);
    }

    /** The finding the failure message states: the most specific. */
    public Optional<Finding> primary() {
        return findings.stream().findFirst();
    }

    /** The defect the cell is reported with; {@link Defect#UNEXPLAINED} when no rule fired. */
    public Defect defect() {
        return primary().map(Finding::defect).orElse(Defect.UNEXPLAINED);
    }

    public String text() {
        StringBuilder out = new StringBuilder(findings.isEmpty() ? "no rule explains the damage; see the ranges and the command log\n"
                : "likely:\n" + findings.stream().map(f -> "  " + f.text() + "\n").collect(Collectors.joining()));
        out.append("\nrules:\n");
        reasoning.forEach(r -> out.append("  ").append(r).append('\n'));
        return out.toString();
    }

    private static String needed(Defect.Need need) {
        return switch (need) {
            case COMMAND_LOG -> "the device's command log";
            case DEVICE_ADDRESSES -> "device addresses of the damaged ranges";
            case HOST_STEPS -> "the cell's steps";
        };
    }
}
