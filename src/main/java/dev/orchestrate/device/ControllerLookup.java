package dev.orchestrate.device;

import dev.orchestrate.device.Refusal.Rule;
import java.util.List;
import java.util.Optional;

/**
 * A disk looked up under the controller class a suite names, in what {@code ioreg -a -l -r -c CLASS}
 * printed. ioreg prints nothing at all, and exits 0, when no entry of the class exists: that is no such
 * controller on this Mac, so the disk is refused like any disk the run may not use, naming the class
 * tried; it is neither a broken rig nor a damaged property list. A disk under none of the controllers
 * found is refused too, naming each of them and the media it holds.
 */
public record ControllerLookup(Registry registry, List<Refusal> refusals) {

    public ControllerLookup {
        refusals = List.copyOf(refusals);
    }

    /** {@code source} is the command that printed {@code printed}; a damaged property list still breaks the rig. */
    public static ControllerLookup of(String printed, String bsdName, String controllerClass, String source) {
        List<String> found = List.of();
        if (!printed.isBlank()) {
            Object tree = PropertyList.parse(printed, source);
            Optional<Registry> registry = Registry.find(tree, bsdName, source);
            if (registry.isPresent()) {
                return new ControllerLookup(registry.get(), List.of());
            }
            found = Registry.controllers(tree, source);
        }
        String fix = "; set ioreg-class to the class of the controller " + bsdName + " is attached to"
                + " (or load the driver under test), or name the disk under test";
        return new ControllerLookup(Registry.UNKNOWN, List.of(new Refusal(Rule.NO_CONTROLLER, found.isEmpty()
                ? "no controller of class " + controllerClass + " is attached: '" + source + "' printed nothing (classes tried: "
                        + controllerClass + "), so " + bsdName + " cannot be reached through one" + fix
                : bsdName + " is under no " + controllerClass + "; '" + source + "' found " + String.join("; ", found) + fix)));
    }
}
