package dev.orchestrate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orchestrate.engine.Catalog;
import dev.orchestrate.suite.Reference;
import dev.orchestrate.suite.Schema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orchestrate schema}: the suite format as JSON Schema, or as the Markdown reference. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Prints the JSON Schema of the suite format, for editors.",
                "With a YAML language server: '# yaml-language-server: $schema=suite.schema.json' on a suite's first line."})
final class SchemaCommand implements Callable<Integer> {

    @Option(names = "--reference", description = "print the suite reference as Markdown instead")
    boolean reference;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        if (reference) {
            out.print(Reference.markdown(Catalog.VOCABULARY));
        } else {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(Schema.of(Catalog.VOCABULARY)));
        }
        out.flush();
        return Exit.PASSED;
    }
}
