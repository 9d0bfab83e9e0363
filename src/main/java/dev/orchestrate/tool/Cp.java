package dev.orchestrate.tool;

import dev.orchestrate.process.Command;
import dev.orchestrate.process.Executables;
import dev.orchestrate.suite.Key;
import dev.orchestrate.suite.Options;
import dev.orchestrate.target.Placement;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** coreutils cp: the everyday copy, through the page cache, as the file system chooses to write it. */
public final class Cp implements Tool {

    @Override
    public String name() {
        return "cp";
    }

    @Override
    public String help() {
        return "cp SOURCE DEST: buffered copy through the page cache onto a mounted volume";
    }

    @Override
    public List<Key> keys() {
        return List.of();
    }

    @Override
    public boolean writesRaw() {
        return false;
    }

    @Override
    public Optional<String> unavailable() {
        return Executables.missing("cp", "apt-get install coreutils");
    }

    @Override
    public Command command(Path source, Placement to, Options options) {
        return new Command(List.of("cp", "--", source.toString(), to.path().toString()), options.duration("timeout"));
    }
}
