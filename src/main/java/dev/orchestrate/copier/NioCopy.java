package dev.orchestrate.copier;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Java NIO's own copy engines: Files.copy (the JDK picks the system call) and FileChannel.transferTo. */
final class NioCopy {

    private NioCopy() {
    }

    /** Returns the number of calls made. */
    static long copy(Request r) throws IOException {
        if (r.method() == Request.Method.FILES_COPY) {
            Files.copy(r.source(), r.destination(), StandardCopyOption.REPLACE_EXISTING);
            return 1;
        }
        try (FileChannel in = FileChannel.open(r.source(), StandardOpenOption.READ);
             FileChannel out = FileChannel.open(r.destination(), StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            long size = in.size();
            long calls = 0;
            for (long at = 0; at < size; calls++) {
                long n = in.transferTo(at, Math.min(r.chunk(), size - at), out);
                if (n <= 0) {
                    throw new IOException("transferTo made no progress at offset " + at + " of " + size);
                }
                at += n;
            }
            return calls;
        }
    }
}
