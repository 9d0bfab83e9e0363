package dev.orchestrate.results;

import dev.orchestrate.suite.Cell;
import dev.orchestrate.suite.Step;
import dev.orchestrate.suite.Suite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A durability promise a run held the device to: a lifecycle step (sync, eject, power cut ...) that a
 * verify follows, and how the cells that took it fared there. Only what is verified after a step
 * tests its promise; a cell that lost data before it reached the step says nothing of it, so a cell
 * counts against the promises its failing verify checked, and as holding those an earlier verify did.
 *
 * @param step the step's kind, as a suite names it
 * @param promise what the step promises of the data written before it
 * @param cells the cells whose steps include it with a verify after it
 * @param held cells whose data the verify after it found intact
 * @param lost cells that lost data there, unexpectedly
 * @param known cells that lost data there as their suite expects: a known driver bug
 * @param notJudged cells that broke, were skipped, did not finish, or failed before they reached it
 */
public record Promise(String step, String promise, int cells, int held, int lost, int known, int notJudged) {

    private static final String VERIFY = "verify";

    /** The steps that promise something about durability, and what, in the order the page lists them. */
    private static final Map<String, String> PROMISES = promises();

    private static Map<String, String> promises() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sync", "sync returned: the host wrote its dirty pages and asked the device to flush");
        m.put("fsync", "fsync returned: the file's data is on stable media");
        m.put("unmount", "unmounted: the OS wrote everything back and the device flushed");
        m.put("eject", "ejected: unmounted, detached and released; the device destaged its cache");
        m.put("reboot", "a clean shutdown and power on: everything written before it is there after it");
        m.put("power-cut", "power was cut: what a completed flush covered survives");
        return m;
    }

    private enum Fate { HELD, LOST, KNOWN, NOT_JUDGED }

    /**
     * The promises {@code suite}'s steps make and a verify checks, with how {@code cells} fared.
     *
     * @param stepsCompleted how many steps each cell completed, by ordinal (the journal's count), so the index of the step a
     *                       failed cell failed at; a failed cell missing from it is taken to have failed at its last verify
     */
    public static List<Promise> of(Suite suite, List<Summary.Cell> cells, Map<Integer, Integer> stepsCompleted) {
        Map<Integer, Cell> matrix = suite.cells().stream().collect(Collectors.toMap(Cell::ordinal, Function.identity()));
        Map<String, List<Fate>> fates = new LinkedHashMap<>();
        PROMISES.keySet().forEach(kind -> fates.put(kind, new ArrayList<>()));
        for (Summary.Cell result : cells) {
            Cell cell = matrix.get(result.ordinal());
            if (cell == null || !cell.name().equals(result.name())) {
                continue;
            }
            List<String> kinds = suite.stepsFor(cell).stream().map(Step::kind).toList();
            int failedAt = stepsCompleted.getOrDefault(result.ordinal(), kinds.lastIndexOf(VERIFY));
            for (int i = 0; i < kinds.size(); i++) {
                int verify = kinds.subList(i + 1, kinds.size()).indexOf(VERIFY);
                if (PROMISES.containsKey(kinds.get(i)) && verify >= 0) {
                    fates.get(kinds.get(i)).add(fate(Coverage.kind(result), i, i + 1 + verify, failedAt));
                }
            }
        }
        return fates.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(e -> promise(e.getKey(), e.getValue())).toList();
    }

    /** The fate of the promise of step {@code step}, checked by the verify at {@code verify}, in a cell that ended as {@code kind}. */
    private static Fate fate(Coverage.Kind kind, int step, int verify, int failedAt) {
        return switch (kind) {
            case PASSED, UNEXPECTED_PASS -> Fate.HELD;
            case FAILED, KNOWN_FAILURE -> step >= failedAt ? Fate.NOT_JUDGED : verify < failedAt ? Fate.HELD
                    : kind == Coverage.Kind.FAILED ? Fate.LOST : Fate.KNOWN;
            default -> Fate.NOT_JUDGED;
        };
    }

    private static Promise promise(String kind, List<Fate> fates) {
        Map<Fate, Long> n = fates.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return new Promise(kind, PROMISES.get(kind), fates.size(), count(n, Fate.HELD), count(n, Fate.LOST), count(n, Fate.KNOWN),
                count(n, Fate.NOT_JUDGED));
    }

    private static int count(Map<Fate, Long> n, Fate fate) {
        return n.getOrDefault(fate, 0L).intValue();
    }
}
