package dev.orchestrate.copier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Locale;

/** The copier's entry point: parses the request, copies, and answers with an exit code and one line. */
public final class Copier {

    private Copier() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Request request;
        try {
            request = Request.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("copier: " + e.getMessage());
            err.println(Request.USAGE);
            return 2;
        }
        try {
            long writes = switch (request.method()) {
                case FILES_COPY, TRANSFER_TO -> NioCopy.copy(request);
                case MMAP -> MmapCopy.copy(request);
                case DIRECT -> DirectCopy.copy(request);
            };
            out.println("copied " + Files.size(request.destination()) + " bytes in " + writes + " writes");
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("copier " + request.method().name().toLowerCase(Locale.ROOT) + ": copying " + request.source()
                    + " to " + request.destination() + " failed: " + e);
            return 1;
        }
    }
}
