package dev.orchestrate.fault;

import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.suite.Section;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fault kinds a suite can arm, their keys, and how each is built. */
public final class Faults {

    private static final String ALL_LBAS = String.valueOf(Long.MAX_VALUE / 512);

    public static final Map<String, Section.Variant> KINDS = kinds();

    /** The {@code fault} step's keys: a kind, and that kind's parameters. */
    public static final Section SECTION = Section.withVariants("fault",
            "Arms a fault of the emulated controller for the rest of the cell (kind 'none' arms nothing: the control). Put it before the steps it should affect.",
            List.of(Key.required("kind", Key.Type.TEXT, "the fault: " + String.join(", ", KINDS.keySet()))), "kind", KINDS);

    private Faults() {
    }

    private static Map<String, Section.Variant> kinds() {
        Map<String, Section.Variant> k = new LinkedHashMap<>();
        k.put("none", new Section.Variant("no fault: the control cell", List.of()));
        k.put("transfer-limit", new Section.Variant("writes longer than N bytes lose the bytes past offset M inside the command, like a controller that mishandles long transfers", List.of(
                Key.optional("longer-than", Key.Type.SIZE, "512KiB", "writes longer than this are damaged (FUSE sends at most 1 MiB per write)"),
                Key.optional("from", Key.Type.SIZE, "272KiB", "bytes past this offset inside the command are lost"),
                Key.choice("fill", "zeros", List.of("zeros", "stale"), "what the lost bytes become: zeros, or whatever the media held (stale)"))));
        k.put("ignore-flush", new Section.Variant("flushes report success and destage nothing, like a driver that drops SYNCHRONIZE CACHE", List.of()));
        k.put("no-teardown-flush", new Section.Variant("eject and clean shutdown do not destage the write cache, like a driver that does not finalise before it terminates", List.of()));
        k.put("misdirect", new Section.Variant("writes into an LBA range land some sectors away", List.of(
                Key.optional("from-lba", Key.Type.COUNT, "0", "first LBA (512-byte sectors) of the range"),
                Key.optional("to-lba", Key.Type.COUNT, ALL_LBAS, "LBA after the range"),
                Key.optional("shift", Key.Type.COUNT, "8", "how many sectors further on the writes land"))));
        k.put("torn-write", new Section.Variant("only the first bytes of long writes reach the media", List.of(
                Key.optional("longer-than", Key.Type.SIZE, "64KiB", "writes longer than this are torn"),
                Key.optional("keep", Key.Type.SIZE, "16KiB", "how many bytes of each torn write are stored"))));
        k.put("bit-rot", new Section.Variant("bits flip in written sectors at rest, when the controller stops (eject, reboot, power cut)", List.of(
                Key.optional("sectors", Key.Type.COUNT, "4", "how many sectors get one flipped bit"))));
        k.put("io-error", new Section.Variant("reads or writes touching an LBA range fail with EIO", List.of(
                Key.optional("from-lba", Key.Type.COUNT, "0", "first LBA (512-byte sectors) of the range"),
                Key.optional("to-lba", Key.Type.COUNT, ALL_LBAS, "LBA after the range"),
                Key.choice("on", "write", List.of("read", "write", "both"), "which commands fail"))));
        k.put("latency", new Section.Variant("matching commands are held before they are answered, to exercise timeouts", List.of(
                Key.optional("delay", Key.Type.DURATION, "100ms", "how long each command is held"),
                Key.choice("on", "write", List.of("read", "write", "flush", "all"), "which commands are held"))));
        return java.util.Collections.unmodifiableMap(k);
    }

    /** The fault an armed step describes; empty for {@code none}. */
    public static Optional<Fault> of(Options o) {
        return Optional.ofNullable(switch (o.text("kind")) {
            case "transfer-limit" -> LostTail.transferLimit(o.size("longer-than"), o.size("from"), o.text("fill").equals("zeros"));
            case "ignore-flush" -> new IgnoreFlush();
            case "no-teardown-flush" -> new NoTeardownFlush();
            case "misdirect" -> new Misdirect(o.count("from-lba"), o.count("to-lba"), o.count("shift"));
            case "torn-write" -> LostTail.tornWrite(o.size("longer-than"), o.size("keep"));
            case "bit-rot" -> new BitRot((int) o.count("sectors"));
            case "io-error" -> new IoError(o.count("from-lba"), o.count("to-lba"), !o.text("on").equals("write"), !o.text("on").equals("read"));
            case "latency" -> new Latency(o.duration("delay"), o.text("on"));
            default -> null;
        });
    }
}
