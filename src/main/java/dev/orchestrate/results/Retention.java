package dev.orchestrate.results;

import dev.orchestrate.engine.Labels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which runs of a suite a night's pruning keeps: the newest {@code keep}, every run one of the
 * {@code pins} labels (a release's sign-off, a baseline), a run that awaits a resume (deleting its
 * media and journal would lose the run), and the run {@code latest} links, so the link never dangles.
 *
 * @param pins labels that each pin a run that has them, one label apiece
 */
public record Retention(int keep, List<Labels> pins) {

    public Retention {
        pins = List.copyOf(pins);
    }

    /** Why a run stays, or that it goes (an empty reason). */
    public record Decision(StoredRun run, Optional<String> keptBecause) {

        public boolean removed() {
            return keptBecause.isEmpty();
        }
    }

    /**
     * Decides for each run of one suite.
     *
     * @param newestFirst the suite's runs, newest first ({@link StoredRun#of})
     * @param latest the run directory {@code latest} names, if there is the link
     */
    public List<Decision> decide(List<StoredRun> newestFirst, Optional<Path> latest) {
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            StoredRun run = newestFirst.get(i);
            Optional<String> pin = pins.stream().filter(p -> run.labels().includes(p)).findFirst().map(Labels::encoded);
            Optional<String> why = i < keep ? Optional.of("newest")
                    : run.awaitingResume() ? Optional.of("awaiting a resume")
                    : latest.filter(run.dir().normalize()::equals).isPresent() ? Optional.of("latest")
                    : pin.map(p -> "pinned by " + p);
            decisions.add(new Decision(run, why));
        }
        return decisions;
    }
}
