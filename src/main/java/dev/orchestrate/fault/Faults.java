package dev.orchestrate.fault;

import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Section;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fault kinds a suite can arm, one entry each, and the {@code fault} step's keys made from them. */
public final class Faults {

    static final String ALL_LBAS = String.valueOf(Long.MAX_VALUE / 512);

    /** The control: a cell that arms nothing, to compare the faulty cells with. */
    private static final FaultKind NONE = new FaultKind("none", new Section.Variant("no fault: the control cell", List.of()),
            o -> Optional.empty());

    /** Every kind; adding one is a new file with its {@link FaultKind} and a line here. */
    public static final List<FaultKind> ALL = List.of(
            NONE,
            LostTail.TRANSFER_LIMIT,
            IgnoreFlush.KIND,
            NoTeardownFlush.KIND,
            Misdirect.KIND,
            LostTail.TORN_WRITE,
            BitRot.KIND,
            IoError.KIND,
            Latency.KIND);

    private static final Map<String, Section.Variant> KINDS = kinds();

    /** The {@code fault} step's keys: a kind, and that kind's parameters. */
    public static final Section SECTION = Section.withVariants("fault",
            "Arms a fault of the emulated controller for the rest of the cell (kind 'none' arms nothing: the control). "
                    + "Put it before the steps it should affect.",
            List.of(Key.required("kind", Key.Type.TEXT, "the fault: " + String.join(", ", KINDS.keySet()))), "kind", KINDS);

    private Faults() {
    }

    private static Map<String, Section.Variant> kinds() {
        Map<String, Section.Variant> kinds = new LinkedHashMap<>();
        ALL.forEach(k -> kinds.put(k.name(), k.variant()));
        return Collections.unmodifiableMap(kinds);
    }

    /** The fault an armed step describes; empty for {@code none}. */
    public static Optional<Fault> of(Options o) {
        String kind = o.text("kind");
        return ALL.stream().filter(k -> k.name().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault kind " + kind)).build().apply(o);
    }
}
