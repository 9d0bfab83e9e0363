package dev.orchestrate.device;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The transfer limits published in the IORegistry, by their registry names: the seven a DriverKit
 * SCSI controller must report through UserReportHBAConstraints (set on the controller) and the
 * maximum byte counts on the peripheral. A key the registry does not hold is absent. In JSON, a plain
 * object of key → value (an unsigned 64-bit mask keeps its bits, so all ones reads -1).
 */
public record Limits(@JsonValue Map<String, Long> values) {

    public static final String SEGMENT_COUNT_READ = "IOMaximumSegmentCountRead";
    public static final String SEGMENT_COUNT_WRITE = "IOMaximumSegmentCountWrite";
    public static final String SEGMENT_BYTES_READ = "IOMaximumSegmentByteCountRead";
    public static final String SEGMENT_BYTES_WRITE = "IOMaximumSegmentByteCountWrite";
    public static final String SEGMENT_ALIGNMENT = "IOMinimumSegmentAlignmentByteCount";
    public static final String ADDRESS_BITS = "IOMaximumSegmentAddressableBitCount";
    public static final String HBA_ALIGNMENT_MASK = "IOMinimumHBADataAlignmentMask";
    public static final String BYTES_READ = "IOMaximumByteCountRead";
    public static final String BYTES_WRITE = "IOMaximumByteCountWrite";

    /** The keys UserReportHBAConstraints requires, in the order its documentation lists them. */
    public static final List<String> CONTROLLER_KEYS = List.of(SEGMENT_COUNT_READ, SEGMENT_COUNT_WRITE, SEGMENT_BYTES_READ,
            SEGMENT_BYTES_WRITE, SEGMENT_ALIGNMENT, ADDRESS_BITS, HBA_ALIGNMENT_MASK);
    public static final List<String> PERIPHERAL_KEYS = List.of(BYTES_READ, BYTES_WRITE);

    public static final Limits NONE = new Limits(Map.of());

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Limits {
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (String key : keys()) {
            Long value = values.get(key);
            if (value != null) {
                ordered.put(key, value);
            }
        }
        values = Collections.unmodifiableMap(ordered);
    }

    public static List<String> keys() {
        return Stream.concat(CONTROLLER_KEYS.stream(), PERIPHERAL_KEYS.stream()).toList();
    }

    public Long get(String key) {
        return values.get(key);
    }

    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String key : keys()) {
            Long value = values.get(key);
            fields.put(key, value == null ? null : display(key, value));
        }
        return fields;
    }

    /** A mask reads as hex (0xFFFFFFFFFFFFFFFF, not -1); counts as decimal. */
    static String display(String key, long value) {
        return key.equals(HBA_ALIGNMENT_MASK) ? "0x" + Long.toHexString(value).toUpperCase(Locale.ROOT) : Long.toUnsignedString(value);
    }
}
