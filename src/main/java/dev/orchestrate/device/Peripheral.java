package dev.orchestrate.device;

import java.util.LinkedHashMap;
import java.util.Map;

/** Who made the disk, as the peripheral answers INQUIRY (IORegistry "Device Characteristics", sysfs device/). */
public record Peripheral(String vendor, String product, String revision, String serial, String interconnect) {

    public static final Peripheral UNKNOWN = new Peripheral(null, null, null, null, null);

    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Vendor Name", vendor);
        fields.put("Product Name", product);
        fields.put("Product Revision Level", revision);
        fields.put("Serial Number", serial);
        fields.put("Physical Interconnect", interconnect);
        return fields;
    }
}
