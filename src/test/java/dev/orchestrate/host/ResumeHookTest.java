package dev.orchestrate.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orchestrate.outcome.RigBroken;
import dev.orchestrate.process.Command;
import dev.orchestrate.process.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resume hooks as values: nothing is installed on this machine. */
class ResumeHookTest {

    private static final Path RUN = Path.of("/lab/reports/resume/2025-06-01_02-00-00");

    @Test
    void onMacOsALaunchDaemonRunsResumeOnceAtBoot() {
        ResumeHook hook = ResumeHook.of(Platform.MACOS, "00000000000000ab", List.of("/opt/orchestrate & co/orchestrate"), RUN);
        assertEquals(Path.of("/Library/LaunchDaemons/dev.orchestrate.resume.00000000000000ab.plist"), hook.file());
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
                <plist version="1.0">
                <dict>
                	<key>Label</key>
                	<string>dev.orchestrate.resume.00000000000000ab</string>
                	<key>ProgramArguments</key>
                	<array>
                		<string>/opt/orchestrate &amp; co/orchestrate</string>
                		<string>resume</string>
                		<string>/lab/reports/resume/2025-06-01_02-00-00</string>
                	</array>
                	<key>RunAtLoad</key>
                	<true/>
                	<key>StandardOutPath</key>
                	<string>/lab/reports/resume/2025-06-01_02-00-00/resume.log</string>
                	<key>StandardErrorPath</key>
                	<string>/lab/reports/resume/2025-06-01_02-00-00/resume.log</string>
                </dict>
                </plist>
                """, hook.content());
        assertEquals(List.of("install -m 644 /lab/reports/resume/2025-06-01_02-00-00/dev.orchestrate.resume.00000000000000ab.plist"
                        + " /Library/LaunchDaemons/dev.orchestrate.resume.00000000000000ab.plist",
                "plutil -lint /Library/LaunchDaemons/dev.orchestrate.resume.00000000000000ab.plist"), display(hook.installCommands()));
        assertEquals(List.of("rm -f /Library/LaunchDaemons/dev.orchestrate.resume.00000000000000ab.plist",
                "launchctl bootout system/dev.orchestrate.resume.00000000000000ab"), display(hook.removeCommands()));
    }

    @Test
    void onLinuxASystemdUnitRunsResumeOnceAfterTheFileSystemsAndTheNetwork() {
        ResumeHook hook = ResumeHook.of(Platform.LINUX, "00000000000000ab", List.of("/opt/orchestrate/orchestrate"),
                Path.of("/lab/100% sure/run"));
        assertEquals(Path.of("/etc/systemd/system/orchestrate-resume-00000000000000ab.service"), hook.file());
        assertEquals("""
                [Unit]
                Description=orchestrate: resume run 00000000000000ab after the reboot
                Wants=network-online.target
                After=local-fs.target network-online.target

                [Service]
                Type=oneshot
                ExecStart=/opt/orchestrate/orchestrate resume "/lab/100%% sure/run"
                StandardOutput=append:/lab/100%% sure/run/resume.log
                StandardError=append:/lab/100%% sure/run/resume.log

                [Install]
                WantedBy=multi-user.target
                """, hook.content());
        assertEquals(List.of("install -m 644 '/lab/100% sure/run/orchestrate-resume-00000000000000ab.service'"
                        + " /etc/systemd/system/orchestrate-resume-00000000000000ab.service",
                "systemctl daemon-reload", "systemctl enable orchestrate-resume-00000000000000ab.service"),
                display(hook.installCommands()));
        assertEquals(List.of("systemctl disable orchestrate-resume-00000000000000ab.service",
                "rm -f /etc/systemd/system/orchestrate-resume-00000000000000ab.service", "systemctl daemon-reload"),
                display(hook.removeCommands()));
    }

    @Test
    void aHookThatIsNotInstalledIsNotRemoved() {
        ResumeHook hook = new ResumeHook(Path.of("/nonexistent/orchestrate-resume-test.service"), Path.of("/nonexistent/staged"), "",
                List.of(), List.of(Command.of(Duration.ofSeconds(1), "false")));
        assertEquals(List.of(), hook.remove());
    }

    @Test
    void theHostIsHandedOverOnlyAfterTheHookIsInPlaceAndEveryChangeGoesThroughTheRunner(@TempDir Path run) throws IOException {
        ResumeHook hook = ResumeHook.of(Platform.LINUX, "00000000000000ab", List.of("/opt/orchestrate/orchestrate"), run);
        List<String> ran = new ArrayList<>();
        hook.handOver(Command.of(Duration.ofMinutes(2), "sudo", "shutdown", "-r", "now"), c -> {
            ran.add(c.display());
            return new Outcome(c, 0, Duration.ZERO, "");
        });
        assertEquals(List.of("install -m 644 " + run.toAbsolutePath().resolve("orchestrate-resume-00000000000000ab.service")
                        + " /etc/systemd/system/orchestrate-resume-00000000000000ab.service",
                "systemctl daemon-reload", "systemctl enable orchestrate-resume-00000000000000ab.service", "sudo shutdown -r now"), ran);
        assertEquals(hook.content(), Files.readString(hook.staged()), "the staged file is what install puts in place");

        List<String> afterAFailure = new ArrayList<>();
        RigBroken e = assertThrows(RigBroken.class,
                () -> hook.handOver(Command.of(Duration.ofMinutes(2), "pdu-ctl", "outlet", "3", "cycle"), c -> {
                    afterAFailure.add(c.display());
                    return new Outcome(c, c.program().equals("systemctl") ? 1 : 0, Duration.ZERO, "Access denied");
                }));
        assertTrue(e.getMessage().startsWith("cannot install the resume hook "
                + "/etc/systemd/system/orchestrate-resume-00000000000000ab.service"
                + " ('systemctl daemon-reload' exited with 1: Access denied); the host was not taken down"), e.getMessage());
        assertFalse(afterAFailure.contains("pdu-ctl outlet 3 cycle"), "without the hook the power is not cut: " + afterAFailure);
    }

    private static List<String> display(List<Command> commands) {
        return commands.stream().map(Command::display).toList();
    }
}
