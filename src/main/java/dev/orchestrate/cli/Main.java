package dev.orchestrate.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code orchestrate}: run, validate and describe suites. */
@Command(name = "orchestrate", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Runs copy-tool matrices against a storage target, verifies every sector through a known-good path,"
                + " and reports in Allure.",
        subcommands = {RunCommand.class, ResumeCommand.class, ValidateCommand.class, VerifyCommand.class, SchemaCommand.class,
                CompareCommand.class, SignOffCommand.class, ReportCommand.class, PruneCommand.class, CleanupCommand.class,
                DoctorCommand.class, BenchCommand.class, CompletionCommand.class, ListCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every cell passed, or failed as its suite expects",
                "1:some cell failed unexpectedly: the device lost or damaged data, or an expected failure passed",
                "2:bad input (suite or options); nothing was run", "3:the rig broke (a tool crashed or timed out)",
                "4:not finished: the run stopped at a reboot and awaits 'orchestrate resume'",
                "130, 143:interrupted by SIGINT or SIGTERM: torn down, the report holds the cells that finished"})
public final class Main {

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(out, err, args));
    }

    /** Runs the command line and returns the exit code; errors in the arguments exit 2. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        // enum values as people type them: --paper letter
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // an exception escaping a command is the rig breaking; a bad argument is bad input
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? Exit.BAD_INPUT : Exit.BROKEN);
        cli.setParameterExceptionHandler(Main::badArguments);
        return cli.execute(args);
    }

    /** What is wrong and what was meant, in a few lines; the whole usage is one --help away. */
    private static int badArguments(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println(e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return Exit.BAD_INPUT;
    }
}
