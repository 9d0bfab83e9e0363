package dev.orchestrate.host;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The operating systems orchestrate runs on, and so the ones a tool is made for. */
public enum Platform {
    LINUX("Linux"),
    MACOS("macOS");

    private final String label;

    Platform(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** This host's platform, or null on one orchestrate has no tools for. */
    public static Platform current() {
        return of(System.getProperty("os.name", ""));
    }

    public static Platform of(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            return LINUX;
        }
        return os.startsWith("mac") || os.startsWith("darwin") ? MACOS : null;
    }

    /** "macOS only", "Linux and macOS". */
    public static String describe(List<Platform> platforms) {
        String names = platforms.stream().map(Platform::label).collect(Collectors.joining(" and "));
        return platforms.size() == 1 ? names + " only" : names;
    }
}
