package dev.orchestrate.diagnosis;

import dev.orchestrate.data.SectorClass;
import dev.orchestrate.verify.DamagedRange;
import java.util.List;
import java.util.Optional;

/**
 * The facts, and the damaged ranges placed on the device and in its command log, computed once for
 * every rule.
 *
 * @param damaged the damaged ranges the rules speak of: all but a file's extra tail, which has no device address
 * @param located those of them with a device address, in the log; empty without a log
 */
record Correlation(Facts facts, Optional<CommandLog> log, List<DamagedRange> damaged, List<Located> located) {

    static Correlation of(Facts facts) {
        Optional<CommandLog> log = facts.log().map(CommandLog::new);
        List<DamagedRange> damaged = facts.ranges().stream().filter(r -> r.kind() != SectorClass.EXTRA).toList();
        List<Located> located = log.map(l -> damaged.stream().filter(r -> r.lba() >= 0)
                .map(r -> Located.of(r, facts.blockSize(r), l)).toList()).orElse(List.of());
        return new Correlation(facts, log, damaged, located);
    }

    CommandLog commands() {
        return log.orElseThrow();
    }

    /** Whether every damaged range has a device address, so what the log says of them covers them all. */
    boolean allLocated() {
        return !damaged.isEmpty() && located.size() == damaged.size();
    }

    HostHistory history() {
        return facts.history();
    }

    /** "all 3 ranges" / "the 1 range", as the subject of a finding. */
    static String every(long n) {
        return n == 1 ? "the 1 range" : "all " + n + " ranges";
    }

    /** "all 3 ranges were" / "the 1 range was". */
    static String allWere(long n) {
        return every(n) + (n == 1 ? " was" : " were");
    }

    /** "3 ranges" / "1 range". */
    static String ranges(long n) {
        return n + (n == 1 ? " range" : " ranges");
    }
}
