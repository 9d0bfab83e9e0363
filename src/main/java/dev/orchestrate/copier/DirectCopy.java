package dev.orchestrate.copier;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * O_DIRECT writes of one chunk each, several in flight at once, so they reach the device in
 * whatever order they complete: the pattern of a copy engine that bypasses the cache and keeps a
 * queue full. The last chunk is padded to the block size and the file truncated to its length.
 */
final class DirectCopy {

    private DirectCopy() {
    }

    /** Returns the number of writes made. */
    static long copy(Request r) throws IOException {
        int block = (int) Files.getFileStore(r.destination().toAbsolutePath().getParent()).getBlockSize();
        if (r.chunk() % block != 0) {
            throw new IllegalArgumentException("--chunk " + r.chunk() + " is not a multiple of the block size " + block + " of "
                    + r.destination().getParent() + ", which O_DIRECT needs");
        }
        try (FileChannel in = FileChannel.open(r.source(), StandardOpenOption.READ);
             FileChannel out = FileChannel.open(r.destination(), StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                     StandardOpenOption.TRUNCATE_EXISTING, ExtendedOpenOption.DIRECT)) {
            long size = in.size();
            long chunks = (size + r.chunk() - 1) / r.chunk();
            AtomicLong next = new AtomicLong();
            try (ExecutorService pool = Executors.newFixedThreadPool(r.threads())) {
                List<Future<Void>> workers = new ArrayList<>();
                for (int t = 0; t < r.threads(); t++) {
                    workers.add(pool.submit(() -> {
                        write(in, out, r.chunk(), block, size, chunks, next);
                        return null;
                    }));
                }
                for (Future<Void> w : workers) {
                    w.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
            out.truncate(size);
            return chunks;
        }
    }

    private static void write(FileChannel in, FileChannel out, long chunk, int block, long size, long chunks, AtomicLong next)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect((int) chunk + block).alignedSlice(block);
        for (long i = next.getAndIncrement(); i < chunks; i = next.getAndIncrement()) {
            long at = i * chunk;
            int length = (int) Math.min(chunk, size - at);
            buffer.clear().limit(length);
            while (buffer.hasRemaining()) {
                if (in.read(buffer, at + buffer.position()) < 0) {
                    throw new IOException("the source ended at " + (at + buffer.position()) + " while copying " + size + " bytes");
                }
            }
            int padded = (length + block - 1) / block * block;
            buffer.limit(padded);
            while (buffer.position() < padded) {
                buffer.put((byte) 0);
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                out.write(buffer, at + buffer.position());
            }
        }
    }
}
