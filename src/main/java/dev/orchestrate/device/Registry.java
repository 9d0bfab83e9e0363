package dev.orchestrate.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the IORegistry says about one disk: {@code ioreg -a -l -r -c <controller class>} printed as a
 * property list, searched for the IOMedia with the disk's BSD name. INQUIRY data and the maximum byte
 * counts are taken from the nearest entry above that media which holds them (the peripheral). The HBA
 * limits are the controller's (UserReportHBAConstraints sets them there), taken from the entry nearest
 * the controller: the same keys appear lower with other values (an NVMe controller's segment byte
 * count is 4,096, its block device's 1,048,576), and each such other value is kept in {@code elsewhere}.
 */
public record Registry(Peripheral peripheral, Limits limits, List<LimitElsewhere> elsewhere) {

    /** Nothing known: a RAM disk, which has no controller worth a look. */
    public static final Registry UNKNOWN = new Registry(Peripheral.UNKNOWN, Limits.NONE, List.of());

    private static final String CHILDREN = "IORegistryEntryChildren";

    public Registry {
        elsewhere = List.copyOf(elsewhere);
    }

    /** The facts about {@code bsdName}; empty when no entry of the subtree holds its IOMedia. */
    public static Optional<Registry> find(Object ioreg, String bsdName, String source) {
        List<Dict> path = new ArrayList<>();
        for (Dict root : roots(ioreg, source)) {
            if (find(root, bsdName, path, new ArrayList<>())) {
                return Optional.of(from(path.reversed()));
            }
        }
        return Optional.empty();
    }

    /**
     * Each controller at the top of the subtree by name and class, with the media under it:
     * "GammaRAIDController (IOUserSCSIParallelInterfaceController) holding disk5, disk5s1, disk5s2".
     */
    public static List<String> controllers(Object ioreg, String source) {
        return roots(ioreg, source).stream().map(root -> {
            List<String> media = new ArrayList<>();
            find(root, null, new ArrayList<>(), media);
            String name = root.string("IORegistryEntryName");
            String kind = name(root);
            return (name == null || name.equals(kind) ? kind : name + " (" + kind + ")")
                    + (media.isEmpty() ? " holding no media" : " holding " + String.join(", ", media));
        }).toList();
    }

    /** {@code ioreg -a -r} prints an array of the matching entries; one entry alone may come as its dict. */
    private static List<Dict> roots(Object ioreg, String source) {
        return ioreg instanceof List<?> list ? list.stream().map(entry -> Dict.of(entry, source)).toList()
                : List.of(Dict.of(ioreg, source));
    }

    /** Depth first; on success {@code path} runs from {@code entry} down to the media; {@code seen} collects the other media. */
    private static boolean find(Dict entry, String bsdName, List<Dict> path, List<String> seen) {
        path.add(entry);
        String name = entry.string("BSD Name");
        if (name != null && "IOMedia".equals(entry.string("IOObjectClass"))) {
            if (name.equals(bsdName)) {
                return true;
            }
            seen.add(name);
        }
        for (Dict child : entry.dicts(CHILDREN)) {
            if (find(child, bsdName, path, seen)) {
                return true;
            }
        }
        path.removeLast();
        return false;
    }

    /** {@code upward} runs from the media to the root. */
    private static Registry from(List<Dict> upward) {
        Dict device = nearest(upward, d -> d.dict("Device Characteristics"));
        Dict protocol = nearest(upward, d -> d.dict("Protocol Characteristics"));
        Peripheral peripheral = new Peripheral(
                characteristic(device, "Vendor Name", upward, "Vendor Identification"),
                characteristic(device, "Product Name", upward, "Product Identification"),
                characteristic(device, "Product Revision Level", upward, "Product Revision Level"),
                characteristic(device, "Serial Number", upward, "SCSI Logical Unit Serial Number"),
                protocol == null ? null : protocol.string("Physical Interconnect"));
        List<LimitElsewhere> elsewhere = new ArrayList<>();
        return new Registry(peripheral, limits(upward, elsewhere), elsewhere);
    }

    /**
     * Each HBA limit from the entry nearest the controller, each byte count from the one nearest the
     * media; every other value the path holds for the key goes to {@code elsewhere}.
     */
    private static Limits limits(List<Dict> upward, List<LimitElsewhere> elsewhere) {
        Map<String, Long> taken = new LinkedHashMap<>();
        for (String key : Limits.keys()) {
            List<Dict> holders = upward.stream().filter(d -> d.number(key) != null).toList();
            if (!holders.isEmpty()) {
                long value = (Limits.CONTROLLER_KEYS.contains(key) ? holders.getLast() : holders.getFirst()).number(key);
                taken.put(key, value);
                holders.stream().filter(d -> d.number(key) != value)
                        .forEach(d -> elsewhere.add(new LimitElsewhere(key, name(d), d.number(key))));
            }
        }
        return new Limits(taken);
    }

    /** An entry by its class, as ioreg shows it ("IONVMeBlockStorageDevice"). */
    private static String name(Dict entry) {
        return Objects.requireNonNullElse(entry.string("IOObjectClass"), Objects.requireNonNullElse(entry.string("IORegistryEntryName"),
                "an unnamed entry"));
    }

    /** From "Device Characteristics", else from the SCSI nub's own INQUIRY property. */
    private static String characteristic(Dict characteristics, String key, List<Dict> upward, String nubKey) {
        String value = characteristics == null ? null : characteristics.string(key);
        return trim(value != null ? value : nearest(upward, d -> d.string(nubKey)));
    }

    private static <T> T nearest(List<Dict> upward, Function<Dict, T> get) {
        return upward.stream().map(get).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** INQUIRY strings are space padded ("GAMMA   "). */
    private static String trim(String value) {
        return value == null ? null : value.strip();
    }
}
