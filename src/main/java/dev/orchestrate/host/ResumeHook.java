package dev.orchestrate.host;

import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Outcome;
import dev.orchestrate.process.Processes;
import dev.orchestrate.process.Runner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What runs {@code orchestrate resume <run dir>} once after a real reboot: a LaunchDaemon on macOS,
 * a systemd unit on Linux. Its file and the commands that install and remove it are values, built
 * here and run only when a real host reboot (or power cut) is about to happen. The file is written
 * into the run directory and put in place by a command, so that every change to the host goes
 * through the runner a dry run replaces.
 *
 * @param file where the daemon or unit goes
 * @param staged where it is written first, in the run directory, for {@code install} to put in place
 * @param content the file's content
 * @param installCommands run after the staged file is written, the first of them putting it in place
 * @param removeCommands run in order to take the hook away again (the file's removal among them)
 */
public record ResumeHook(Path file, Path staged, String content, List<Command> installCommands, List<Command> removeCommands) {

    /** Set by the launcher script to its own path: the hook runs orchestrate as a person would. */
    public static final String LAUNCHER = "ORCHESTRATE_LAUNCHER";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The hook for run {@code run} (its id) in {@code runDir}, started with {@code launcher}. */
    public static ResumeHook of(Platform platform, String run, List<String> launcher, Path runDir) {
        List<String> argv = new ArrayList<>(launcher);
        argv.add("resume");
        argv.add(runDir.toAbsolutePath().toString());
        Path log = runDir.toAbsolutePath().resolve("resume.log");
        return switch (platform) {
            case MACOS -> {
                String label = "dev.orchestrate.resume." + run;
                Path plist = Path.of("/Library/LaunchDaemons", label + ".plist");
                // launchd loads the daemon at the next boot; bootstrapping it now would run it now (RunAtLoad)
                Path staged = runDir.toAbsolutePath().resolve(plist.getFileName());
                yield new ResumeHook(plist, staged, launchDaemon(label, argv, log),
                        List.of(put(staged, plist), Command.of(TIMEOUT, "plutil", "-lint", plist.toString())),
                        List.of(Command.of(TIMEOUT, "rm", "-f", plist.toString()),
                                Command.of(TIMEOUT, "launchctl", "bootout", "system/" + label)));
            }
            case LINUX -> {
                String unit = "orchestrate-resume-" + run + ".service";
                Path file = Path.of("/etc/systemd/system", unit);
                Path staged = runDir.toAbsolutePath().resolve(file.getFileName());
                yield new ResumeHook(file, staged, systemdUnit(run, argv, log),
                        List.of(put(staged, file), Command.of(TIMEOUT, "systemctl", "daemon-reload"),
                                Command.of(TIMEOUT, "systemctl", "enable", unit)),
                        List.of(Command.of(TIMEOUT, "systemctl", "disable", unit), Command.of(TIMEOUT, "rm", "-f", file.toString()),
                                Command.of(TIMEOUT, "systemctl", "daemon-reload")));
            }
        };
    }

    /** The hook on this host, started by the launcher script that started this process (else by this Java and class path). */
    public static ResumeHook forThisHost(String run, Path runDir) {
        Platform platform = Platform.current();
        if (platform == null) {
            throw new RigBroken("a resume hook can only be installed on Linux (systemd) or macOS (launchd), not on "
                    + System.getProperty("os.name"));
        }
        String script = System.getenv(LAUNCHER);
        List<String> launcher = script != null ? List.of(script)
                : List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "dev.orchestrate.cli.Main");
        return of(platform, run, launcher, runDir);
    }

    /**
     * Hands the host over to {@code hostCommand} (the reboot, or the switched PDU's power cut): the hook
     * is installed first, so that the run goes on at the next boot; both through {@code changes}, so a
     * dry run prints them. Without the hook in place the host must not go down, so a failure breaks the rig.
     */
    public void handOver(Command hostCommand, Runner changes) {
        try {
            Files.writeString(staged, content);
            installCommands.forEach(changes::require);
        } catch (IOException | RigBroken e) {
            throw new RigBroken("cannot install the resume hook " + file + " (" + e.getMessage()
                    + "); the host was not taken down; the run needs root to reboot the host and resume after it", e);
        }
        changes.require(hostCommand);
    }

    /** Takes the hook away if it is installed; returns what could not be done (launchctl says no such process when run by hand). */
    public List<String> remove() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (Command command : removeCommands) {
            Outcome outcome = Processes.run(command);
            if (!outcome.succeeded()) {
                problems.add("'" + command.display() + "' exited with " + outcome.exitCode() + ": " + outcome.lastLine());
            }
        }
        return problems;
    }

    /** install(1) puts the file in place owned by the user who runs it (root), readable by all, as launchd and systemd require. */
    private static Command put(Path staged, Path file) {
        return Command.of(TIMEOUT, "install", "-m", "644", staged.toString(), file.toString());
    }

    private static String launchDaemon(String label, List<String> argv, Path log) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
                <plist version="1.0">
                <dict>
                	<key>Label</key>
                	<string>%s</string>
                	<key>ProgramArguments</key>
                	<array>
                %s
                	</array>
                	<key>RunAtLoad</key>
                	<true/>
                	<key>StandardOutPath</key>
                	<string>%s</string>
                	<key>StandardErrorPath</key>
                	<string>%s</string>
                </dict>
                </plist>
                """.formatted(xml(label), argv.stream().map(a -> "\t\t<string>" + xml(a) + "</string>").collect(Collectors.joining("\n")),
                xml(log.toString()), xml(log.toString()));
    }

    private static String systemdUnit(String run, List<String> argv, Path log) {
        return """
                [Unit]
                Description=orchestrate: resume run %s after the reboot
                Wants=network-online.target
                After=local-fs.target network-online.target

                [Service]
                Type=oneshot
                ExecStart=%s
                StandardOutput=append:%s
                StandardError=append:%s

                [Install]
                WantedBy=multi-user.target
                """.formatted(run, argv.stream().map(ResumeHook::systemdWord).collect(Collectors.joining(" ")), unitText(log.toString()),
                        unitText(log.toString()));
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** systemd splits ExecStart at spaces unless quoted, and expands % specifiers. */
    private static String systemdWord(String word) {
        String text = unitText(word);
        return text.matches("[A-Za-z0-9_./=:,+@-]+") ? text : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String unitText(String text) {
        return text.replace("%", "%%");
    }
}
