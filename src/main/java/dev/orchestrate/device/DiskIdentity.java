package dev.orchestrate.device;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a run records about the disk it writes: what the OS says, who made it, and the limits its
 * driver published, with the other values other registry entries publish for the same limit keys.
 */
public record DiskIdentity(Media media, Peripheral peripheral, Limits limits, List<LimitElsewhere> limitsElsewhere) {

    public DiskIdentity {
        Objects.requireNonNull(media, "media");
        peripheral = Objects.requireNonNullElse(peripheral, Peripheral.UNKNOWN);
        limits = Objects.requireNonNullElse(limits, Limits.NONE);
        limitsElsewhere = limitsElsewhere == null ? List.of() : List.copyOf(limitsElsewhere);
    }

    /** An identity whose limits no other entry contradicts (Linux, a RAM disk, a saved baseline from before they were kept). */
    public DiskIdentity(Media media, Peripheral peripheral, Limits limits) {
        this(media, peripheral, limits, List.of());
    }

    /** Every compared field by label, in a stable order; an unknown value is null. A limit published differently elsewhere follows. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>(media.fields());
        fields.putAll(peripheral.fields());
        fields.putAll(limits.fields());
        limitsElsewhere.forEach(other -> fields.put(other.label(), Limits.display(other.key(), other.value())));
        return fields;
    }
}
