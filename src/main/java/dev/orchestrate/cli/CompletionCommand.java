package dev.orchestrate.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code orchestrate completion}: the shell completion script picocli makes from the commands and options themselves. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Prints a bash completion script for orchestrate's commands and options.",
                "Load it with: source <(./orchestrate completion); zsh loads it too after 'autoload -U bashcompinit && bashcompinit'."})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        spec.commandLine().getOut().print(AutoComplete.bash(root.getCommandName(), root));
        spec.commandLine().getOut().flush();
        return Exit.PASSED;
    }
}
