package dev.orchestrate.device;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Everything a run records about the disk it writes: what the OS says, who made it, and the limits its driver published. */
public record DiskIdentity(Media media, Peripheral peripheral, Limits limits) {

    public DiskIdentity {
        Objects.requireNonNull(media, "media");
        peripheral = Objects.requireNonNullElse(peripheral, Peripheral.UNKNOWN);
        limits = Objects.requireNonNullElse(limits, Limits.NONE);
    }

    /** Every compared field by label, in a stable order; an unknown value is null. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>(media.fields());
        fields.putAll(peripheral.fields());
        fields.putAll(limits.fields());
        return fields;
    }
}
