/*
 * copyfile-copy: copy one regular file with copyfile(3), the libSystem copy
 * engine behind cp(1) on macOS, ditto(1) and Foundation's file copies.
 *
 * I/O pattern: by default copyfile() first tries to clone (APFS, same volume:
 * no data I/O at all, only metadata); otherwise it preallocates the
 * destination and runs a read()/write() loop whose chunk size is the smaller
 * of the two file systems' preferred I/O sizes (statfs f_iosize), or the
 * buffer size given with --block-size. Each write() is followed by a progress
 * call-back, so "progress-calls" in the summary is the number of write()
 * calls the data loop issued.
 *
 * Usage: copyfile-copy [--no-clone] [--data-only] [--block-size BYTES] SOURCE DEST
 *
 *   flags          COPYFILE_ALL | COPYFILE_CLONE | COPYFILE_EXCL by default;
 *                  --no-clone drops COPYFILE_CLONE, --data-only uses
 *                  COPYFILE_DATA instead of COPYFILE_ALL. COPYFILE_EXCL is
 *                  always set (copyfile(3) documents COPYFILE_CLONE as
 *                  implying it), so DEST must not exist, with or without
 *                  clone.
 *   --block-size   copy buffer size through COPYFILE_STATE_BSIZE (a size_t);
 *                  a power of two from 4096 to 67108864. The file systems'
 *                  own I/O sizes may still cap a single write.
 *
 * stdout on success (one line):
 *   copied <size> bytes files=1 cloned=<yes|no> data-bytes=<n> progress-calls=<n>
 *       block-size=<bytes|default> flags=0x<hex>
 *   where <size> is the destination's size after the copy and data-bytes is
 *   COPYFILE_STATE_COPIED (bytes written by the data loop; a clone writes none).
 * stderr on failure: copyfile-copy: <what failed> <path>: <strerror> (errno <n>)
 * Exit: 0 copied, 1 the copy or a check failed, 2 usage error.
 *
 * Build by hand (Xcode command-line tools):
 *   xcrun clang -std=c17 -O2 -Wall -Wextra -Werror -o copyfile-copy copyfile-copy.c
 */
#define _DARWIN_C_SOURCE 1

#include <copyfile.h>
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

static const char PROGRAM[] = "copyfile-copy";

static const char USAGE[] =
    "usage: copyfile-copy [--no-clone] [--data-only] [--block-size BYTES] SOURCE DEST\n"
    "  Copies the regular file SOURCE to DEST (which must not exist) with copyfile(3).\n"
    "  --no-clone         never clone; always copy the data (drops COPYFILE_CLONE)\n"
    "  --data-only        copy the data fork only (COPYFILE_DATA instead of COPYFILE_ALL)\n"
    "  --block-size BYTES copy buffer size (COPYFILE_STATE_BSIZE): a power of two,\n"
    "                     4096 to 67108864\n"
    "  --help             print this help and exit\n"
    "  On success prints: copied <size> bytes files=1 cloned=<yes|no> data-bytes=<n>\n"
    "                     progress-calls=<n> block-size=<bytes|default> flags=0x<hex>\n"
    "  Exit status: 0 copied, 1 failed, 2 usage error.\n";

enum { EXIT_COPIED = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

#define MIN_BLOCK_SIZE ((uint64_t)4096)
#define MAX_BLOCK_SIZE ((uint64_t)64 * 1024 * 1024)

/* Counts what the status call-back saw; passed as COPYFILE_STATE_STATUS_CTX. */
struct progress {
    uint64_t data_writes;
};

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

/* Decimal digits only: no sign, no blanks, no hex, no suffix. */
static bool parse_block_size(const char *text, uint64_t *out)
{
    if (text[0] == '\0') {
        return false;
    }
    for (const char *p = text; *p != '\0'; p++) {
        if (*p < '0' || *p > '9') {
            return false;
        }
    }
    errno = 0;
    char *end = NULL;
    unsigned long long value = strtoull(text, &end, 10);
    if (errno != 0 || end == NULL || *end != '\0') {
        return false;
    }
    if (value < MIN_BLOCK_SIZE || value > MAX_BLOCK_SIZE) {
        return false;
    }
    if ((value & (value - 1)) != 0) {
        return false;
    }
    *out = (uint64_t)value;
    return true;
}

/*
 * copyfile(3) status call-back. After every write() of the data loop it is
 * called with COPYFILE_COPY_DATA / COPYFILE_PROGRESS. On an error it is called
 * with stage COPYFILE_ERR, and answering COPYFILE_CONTINUE there makes
 * copyfile retry the failed write (or ignore a failed metadata step), which
 * on a failing device would spin for ever or hide the failure. Answering
 * COPYFILE_QUIT makes copyfile fail as it would without a call-back.
 */
static int on_status(int what, int stage, copyfile_state_t state, const char *src,
                     const char *dst, void *ctx)
{
    (void)state;
    (void)src;
    (void)dst;
    struct progress *progress = ctx;
    if (stage == COPYFILE_ERR) {
        return COPYFILE_QUIT;
    }
    if (what == COPYFILE_COPY_DATA && stage == COPYFILE_PROGRESS && progress != NULL) {
        progress->data_writes++;
    }
    return COPYFILE_CONTINUE;
}

int main(int argc, char *argv[])
{
    bool clone = true;
    bool data_only = false;
    bool block_size_given = false;
    uint64_t block_size = 0;
    const char *operands[2] = { NULL, NULL };
    int operand_count = 0;
    bool options_done = false;

    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!options_done && arg[0] == '-' && arg[1] != '\0') {
            if (strcmp(arg, "--") == 0) {
                options_done = true;
            } else if (strcmp(arg, "--help") == 0) {
                fputs(USAGE, stdout);
                return EXIT_COPIED;
            } else if (strcmp(arg, "--no-clone") == 0) {
                clone = false;
            } else if (strcmp(arg, "--data-only") == 0) {
                data_only = true;
            } else if (strcmp(arg, "--block-size") == 0 || strncmp(arg, "--block-size=", 13) == 0) {
                const char *value;
                if (arg[12] == '=') {
                    value = arg + 13;
                } else if (i + 1 < argc) {
                    value = argv[++i];
                } else {
                    return usage_error("missing value for", "--block-size");
                }
                if (block_size_given) {
                    return usage_error("option given twice:", "--block-size");
                }
                if (!parse_block_size(value, &block_size)) {
                    return usage_error("--block-size must be a power of two from 4096 to 67108864, not",
                                       value);
                }
                block_size_given = true;
            } else {
                return usage_error("unknown option", arg);
            }
        } else {
            if (operand_count == 2) {
                return usage_error("extra argument", arg);
            }
            operands[operand_count++] = arg;
        }
    }
    if (operand_count < 2) {
        return usage_error(operand_count == 0 ? "missing SOURCE and DEST" : "missing DEST", NULL);
    }
    const char *source = operands[0];
    const char *dest = operands[1];

    struct stat source_stat;
    if (lstat(source, &source_stat) != 0) {
        return failure("cannot stat source", source, errno);
    }
    if (S_ISDIR(source_stat.st_mode)) {
        return failure("source is not a regular file", source, EISDIR);
    }
    if (!S_ISREG(source_stat.st_mode)) {
        return failure("source is not a regular file", source, EFTYPE);
    }

    copyfile_flags_t flags = (data_only ? COPYFILE_DATA : COPYFILE_ALL) | COPYFILE_EXCL;
    if (clone) {
        flags |= COPYFILE_CLONE;
    }

    copyfile_state_t state = copyfile_state_alloc();
    if (state == NULL) {
        return failure("cannot allocate copyfile state for", source, errno != 0 ? errno : ENOMEM);
    }

    struct progress progress = { 0 };
    if (copyfile_state_set(state, COPYFILE_STATE_STATUS_CB, (const void *)&on_status) != 0) {
        int error = errno;
        copyfile_state_free(state);
        return failure("cannot set the copyfile status call-back for", source, error);
    }
    if (copyfile_state_set(state, COPYFILE_STATE_STATUS_CTX, &progress) != 0) {
        int error = errno;
        copyfile_state_free(state);
        return failure("cannot set the copyfile status context for", source, error);
    }
    if (block_size_given) {
#ifdef COPYFILE_STATE_BSIZE
        size_t buffer_size = (size_t)block_size;
        if (copyfile_state_set(state, COPYFILE_STATE_BSIZE, &buffer_size) != 0) {
            int error = errno;
            copyfile_state_free(state);
            return failure("this macOS's copyfile() does not take COPYFILE_STATE_BSIZE; cannot set the block size for",
                           source, error);
        }
#else
        copyfile_state_free(state);
        return failure("this SDK's copyfile.h has no COPYFILE_STATE_BSIZE; cannot set the block size for",
                       source, ENOTSUP);
#endif
    }

    errno = 0;
    if (copyfile(source, dest, state, flags) != 0) {
        int error = errno != 0 ? errno : EIO;
        copyfile_state_free(state);
        fprintf(stderr, "%s: cannot copy %s to %s: %s (errno %d)\n", PROGRAM, source, dest,
                strerror(error), error);
        return EXIT_FAILED;
    }

    bool was_cloned = false;
    if (copyfile_state_get(state, COPYFILE_STATE_WAS_CLONED, &was_cloned) != 0) {
        was_cloned = false;
    }
    off_t data_bytes = 0;
    if (copyfile_state_get(state, COPYFILE_STATE_COPIED, &data_bytes) != 0) {
        data_bytes = 0;
    }
    copyfile_state_free(state);

    struct stat dest_stat;
    if (lstat(dest, &dest_stat) != 0) {
        return failure("copied, but cannot stat destination", dest, errno);
    }

    char block_text[32];
    if (block_size_given) {
        snprintf(block_text, sizeof block_text, "%" PRIu64, block_size);
    } else {
        snprintf(block_text, sizeof block_text, "default");
    }
    printf("copied %lld bytes files=1 cloned=%s data-bytes=%lld progress-calls=%" PRIu64
           " block-size=%s flags=0x%08" PRIx32 "\n",
           (long long)dest_stat.st_size, was_cloned ? "yes" : "no", (long long)data_bytes,
           progress.data_writes, block_text, (uint32_t)flags);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        return failure("cannot write the summary for", dest, errno != 0 ? errno : EIO);
    }
    return EXIT_COPIED;
}
