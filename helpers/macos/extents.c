/*
 * extents: print where a file's bytes lie on its device, with
 * fcntl(F_LOG2PHYS_EXT), so a verdict can name the device offsets (LBAs) of
 * damaged file ranges. It copies nothing; it only reads the file system's
 * block map (and with --sync first flushes the file with F_FULLFSYNC).
 *
 * F_LOG2PHYS_EXT, as xnu implements it: on input l2p_devoffset is the file
 * offset to map and l2p_contigbytes the most bytes to map (negative is
 * EINVAL); on output l2p_devoffset is the device byte offset of that file
 * offset and l2p_contigbytes how many bytes from there are contiguous on the
 * device. A file offset not backed by device blocks (a hole, or data still
 * waiting for delayed allocation) comes back as l2p_devoffset == -1; some
 * file systems answer ERANGE instead. Both are printed as device offset -1,
 * for as long as the file system says, or up to the next data (SEEK_DATA),
 * or one file-system block at a time.
 *
 * Usage: extents [--sync] FILE
 *
 * stdout on success:
 *   # extents of <FILE> (device block size <n|unknown>)
 *   # device <statfs f_mntfromname, e.g. /dev/disk4s1>
 *   # mount <f_mntonname> (<f_fstypename>, block size <f_bsize>)
 *   # synced with <F_FULLFSYNC|fsync>                     (only with --sync)
 *   # size <st_size> bytes
 *   <file offset> <device offset> <length>                (one line per run)
 *   # end: <runs> runs, <bytes> bytes mapped, <bytes> bytes unallocated
 *   All numbers are decimal bytes; a run is contiguous both in the file and
 *   on the device; device offset -1 is an unallocated run. The device block
 *   size needs read access to the device node (root); else it is "unknown".
 * stderr on failure: extents: <what failed> <path>: <strerror> (errno <n>)
 * Exit: 0 mapped, 1 failed, 2 usage error.
 *
 * Build by hand (Xcode command-line tools):
 *   xcrun clang -std=c17 -O2 -Wall -Wextra -Werror -o extents extents.c
 */
#define _DARWIN_C_SOURCE 1

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/disk.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/param.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static const char PROGRAM[] = "extents";

static const char USAGE[] =
    "usage: extents [--sync] FILE\n"
    "  Prints FILE's extent map from fcntl(F_LOG2PHYS_EXT): one line per run,\n"
    "  '<file offset> <device offset> <length>' in decimal bytes, device offset -1\n"
    "  for a range with no device blocks (a hole, or delayed allocation).\n"
    "  --sync  flush FILE with F_FULLFSYNC first, so delayed allocations are made\n"
    "  --help  print this help and exit\n"
    "  Exit status: 0 mapped, 1 failed, 2 usage error.\n";

enum { EXIT_MAPPED = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

static int usage_error(const char *problem, const char *detail)
{
    if (detail != NULL) {
        fprintf(stderr, "%s: %s '%s'\n", PROGRAM, problem, detail);
    } else {
        fprintf(stderr, "%s: %s\n", PROGRAM, problem);
    }
    fputs(USAGE, stderr);
    return EXIT_USAGE;
}

static int failure(const char *what, const char *path, int error)
{
    fprintf(stderr, "%s: %s %s: %s (errno %d)\n", PROGRAM, what, path, strerror(error), error);
    return EXIT_FAILED;
}

/* A run being gathered: contiguous in the file and on the device. */
struct run {
    off_t file_offset;
    off_t device_offset; /* -1: unallocated */
    off_t length;
};

struct totals {
    long long runs;
    long long mapped;
    long long unallocated;
};

static void print_run(const struct run *run, struct totals *totals)
{
    if (run->length <= 0) {
        return;
    }
    printf("%lld %lld %lld\n", (long long)run->file_offset, (long long)run->device_offset,
           (long long)run->length);
    totals->runs++;
    if (run->device_offset < 0) {
        totals->unallocated += (long long)run->length;
    } else {
        totals->mapped += (long long)run->length;
    }
}

/* Adds a piece to the pending run, printing the pending run when the piece
 * does not continue it. Pieces arrive in file order without gaps. */
static void add_piece(struct run *pending, off_t file_offset, off_t device_offset, off_t length,
                      struct totals *totals)
{
    bool continues = pending->length > 0
                  && pending->file_offset + pending->length == file_offset
                  && ((pending->device_offset < 0 && device_offset < 0)
                      || (pending->device_offset >= 0 && device_offset >= 0
                          && pending->device_offset + pending->length == device_offset));
    if (continues) {
        pending->length += length;
        return;
    }
    print_run(pending, totals);
    pending->file_offset = file_offset;
    pending->device_offset = device_offset < 0 ? -1 : device_offset;
    pending->length = length;
}

/* Bytes from offset to the next file-system block boundary (at least 1). */
static off_t to_block_boundary(off_t offset, off_t block)
{
    off_t step = block - (offset % block);
    return step > 0 ? step : block;
}

/*
 * Length of an unallocated range at offset when the file system gave none:
 * up to the next data if SEEK_DATA knows it, else one file-system block.
 */
static off_t unallocated_length(int fd, off_t offset, off_t size, off_t block)
{
#ifdef SEEK_DATA
    off_t data = lseek(fd, offset, SEEK_DATA);
    if (data > offset) {
        return data - offset;
    }
    if (data < 0 && errno == ENXIO) {
        return size - offset;
    }
#else
    (void)fd;
    (void)size;
#endif
    return to_block_boundary(offset, block);
}

/* The device's logical block size, or 0 when the device cannot be opened
 * (reading a disk node needs root) or does not say. */
static uint32_t device_block_size(const char *device)
{
    if (strncmp(device, "/dev/", 5) != 0) {
        return 0;
    }
    int fd = open(device, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return 0;
    }
    uint32_t block_size = 0;
    if (ioctl(fd, DKIOCGETBLOCKSIZE, &block_size) != 0) {
        block_size = 0;
    }
    close(fd);
    return block_size;
}

/* F_FULLFSYNC asks the drive to flush its cache too; where the file system
 * does not support it (or refuses it on a read-only descriptor), fall back
 * to fsync(2) and say so in the header. */
static int full_sync(int fd, const char **how)
{
    if (fcntl(fd, F_FULLFSYNC) == 0) {
        *how = "F_FULLFSYNC";
        return 0;
    }
    if (errno != ENOTSUP && errno != ENOTTY && errno != EINVAL && errno != EBADF) {
        return errno;
    }
    if (fsync(fd) == 0) {
        *how = "fsync";
        return 0;
    }
    return errno;
}

int main(int argc, char *argv[])
{
    bool sync_first = false;
    const char *path = NULL;
    bool options_done = false;

    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!options_done && arg[0] == '-' && arg[1] != '\0') {
            if (strcmp(arg, "--") == 0) {
                options_done = true;
            } else if (strcmp(arg, "--help") == 0) {
                fputs(USAGE, stdout);
                return EXIT_MAPPED;
            } else if (strcmp(arg, "--sync") == 0) {
                sync_first = true;
            } else {
                return usage_error("unknown option", arg);
            }
        } else {
            if (path != NULL) {
                return usage_error("extra argument", arg);
            }
            path = arg;
        }
    }
    if (path == NULL) {
        return usage_error("missing FILE", NULL);
    }

    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return failure("cannot open", path, errno);
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int error = errno;
        close(fd);
        return failure("cannot stat", path, error);
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return failure("not a regular file:", path, S_ISDIR(st.st_mode) ? EISDIR : EFTYPE);
    }
    struct statfs fs;
    if (fstatfs(fd, &fs) != 0) {
        int error = errno;
        close(fd);
        return failure("cannot statfs the file system of", path, error);
    }
    const char *synced_with = NULL;
    if (sync_first) {
        int error = full_sync(fd, &synced_with);
        if (error != 0) {
            close(fd);
            return failure("cannot flush (F_FULLFSYNC)", path, error);
        }
        /* The size may have changed while dirty data was flushed. */
        if (fstat(fd, &st) != 0) {
            int error2 = errno;
            close(fd);
            return failure("cannot stat", path, error2);
        }
    }

    uint32_t device_block = device_block_size(fs.f_mntfromname);
    if (device_block != 0) {
        printf("# extents of %s (device block size %u)\n", path, (unsigned)device_block);
    } else {
        printf("# extents of %s (device block size unknown)\n", path);
    }
    printf("# device %s\n", fs.f_mntfromname);
    printf("# mount %s (%s, block size %u)\n", fs.f_mntonname, fs.f_fstypename,
           (unsigned)fs.f_bsize);
    if (synced_with != NULL) {
        printf("# synced with %s\n", synced_with);
    }
    printf("# size %lld bytes\n", (long long)st.st_size);

    const off_t size = st.st_size;
    const off_t block = fs.f_bsize > 0 ? (off_t)fs.f_bsize : 4096;
    struct run pending = { 0, -1, 0 };
    struct totals totals = { 0, 0, 0 };
    off_t offset = 0;
    while (offset < size) {
        struct log2phys l2p;
        memset(&l2p, 0, sizeof l2p);
        l2p.l2p_contigbytes = size - offset; /* in: the most to map */
        l2p.l2p_devoffset = offset;          /* in: the file offset */

        off_t device_offset;
        off_t length;
        if (fcntl(fd, F_LOG2PHYS_EXT, &l2p) == -1) {
            if (errno != ERANGE) {
                int error = errno;
                fflush(stdout);
                char where[96];
                snprintf(where, sizeof where, "F_LOG2PHYS_EXT failed at file offset %lld of",
                         (long long)offset);
                close(fd);
                return failure(where, path, error);
            }
            device_offset = -1;
            length = unallocated_length(fd, offset, size, block);
        } else if (l2p.l2p_devoffset < 0) {
            device_offset = -1;
            length = l2p.l2p_contigbytes > 0 ? l2p.l2p_contigbytes
                                             : unallocated_length(fd, offset, size, block);
        } else {
            device_offset = l2p.l2p_devoffset;
            /* A mapped offset with no contiguous bytes would be a file-system
             * oddity; step one block so the walk still ends. */
            length = l2p.l2p_contigbytes > 0 ? l2p.l2p_contigbytes
                                             : to_block_boundary(offset, block);
        }
        if (length > size - offset) {
            length = size - offset; /* the last block runs past the end of file */
        }
        add_piece(&pending, offset, device_offset, length, &totals);
        offset += length;
    }
    print_run(&pending, &totals);
    close(fd);

    printf("# end: %lld runs, %lld bytes mapped, %lld bytes unallocated\n", totals.runs,
           totals.mapped, totals.unallocated);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        return failure("cannot write the map of", path, errno != 0 ? errno : EIO);
    }
    return EXIT_MAPPED;
}
