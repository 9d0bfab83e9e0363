package dev.orchestrate.tool;

/** How a tool is driven: the copy engine it exercises is reached through a program, an API or an app. */
public enum Via {
    COMMAND("a command-line program"),
    API("an API, through a small helper program"),
    APP("an app, scripted");

    private final String help;

    Via(String help) {
        this.help = help;
    }

    public String help() {
        return help;
    }
}
