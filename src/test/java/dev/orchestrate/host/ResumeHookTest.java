package dev.orchestrate.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orchestrate.process.Command;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

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
        assertEquals(List.of("plutil -lint /Library/LaunchDaemons/dev.orchestrate.resume.00000000000000ab.plist"), display(hook.installCommands()));
        assertEquals(List.of("rm -f /Library/LaunchDaemons/dev.orchestrate.resume.00000000000000ab.plist",
                "launchctl bootout system/dev.orchestrate.resume.00000000000000ab"), display(hook.removeCommands()));
    }

    @Test
    void onLinuxASystemdUnitRunsResumeOnceAfterTheFileSystemsAndTheNetwork() {
        ResumeHook hook = ResumeHook.of(Platform.LINUX, "00000000000000ab", List.of("/opt/orchestrate/orchestrate"), Path.of("/lab/100% sure/run"));
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
        assertEquals(List.of("systemctl daemon-reload", "systemctl enable orchestrate-resume-00000000000000ab.service"), display(hook.installCommands()));
        assertEquals(List.of("systemctl disable orchestrate-resume-00000000000000ab.service",
                "rm -f /etc/systemd/system/orchestrate-resume-00000000000000ab.service", "systemctl daemon-reload"), display(hook.removeCommands()));
    }

    @Test
    void aHookThatIsNotInstalledIsNotRemoved() {
        ResumeHook hook = new ResumeHook(Path.of("/nonexistent/orchestrate-resume-test.service"), "", List.of(),
                List.of(Command.of(java.time.Duration.ofSeconds(1), "false")));
        assertEquals(List.of(), hook.remove());
    }

    private static List<String> display(List<Command> commands) {
        return commands.stream().map(Command::display).toList();
    }
}
