/*
 * fscopyobject-copy: copy a file or a folder with FSPathCopyObjectSync, the
 * CoreServices FSFileOperation engine (deprecated since OS X 10.8 but still
 * shipped), which grew up with the Finder's copy engine and still carries
 * its habits: a preflight of the whole tree and its own buffer sizes.
 *
 * I/O pattern: FSFileOperation's preflight (sizes and permissions of the
 * whole source), then its copy of each item into the destination folder.
 *
 * Usage: fscopyobject-copy [--overwrite] SOURCE DEST
 *   DEST is the full path of the new item: the part before the last '/' is
 *   the destination folder (it must exist), the last component the new name.
 *   Options are kFSFileOperationDefaultOptions, or kFSFileOperationOverwrite
 *   with --overwrite (an existing DEST is replaced instead of failing).
 *
 * stdout on success (one line):
 *   copied <bytes> bytes files=<n> target=<path of the new item>
 *   counted at the new item after the copy: the sizes of its regular files,
 *   symbolic links not followed; target= runs to the end of the line.
 * stderr on failure (one line):
 *   fscopyobject-copy: cannot copy SOURCE to DEST: <text> (OSStatus <n>[ <name>])[ (errno <n>)]
 *   <name> is GetMacOSStatusErrorString's (e.g. fnfErr), <text> its comment
 *   where CoreServices has one; "(errno <n>)" when the status is a POSIX
 *   error number. Failures before or after the copy:
 *   fscopyobject-copy: <what failed> <path>: <strerror> (errno <n>)
 * Exit: 0 copied, 1 failed, 2 usage error.
 *
 * Build by hand (Xcode command-line tools):
 *   xcrun clang -std=c17 -O2 -Wall -Wextra -Werror -Wno-deprecated-declarations \
 *       -o fscopyobject-copy fscopyobject-copy.c -framework CoreServices -framework CoreFoundation
 */
#define _DARWIN_C_SOURCE 1

#include <CoreFoundation/CoreFoundation.h>
#include <CoreServices/CoreServices.h>

#include <errno.h>
#include <fts.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char PROGRAM[] = "fscopyobject-copy";

static const char USAGE[] =
    "usage: fscopyobject-copy [--overwrite] SOURCE DEST\n"
    "  Copies SOURCE (a file or a folder) to DEST with FSPathCopyObjectSync: into\n"
    "  the folder DEST names (it must exist), under DEST's last component.\n"
    "  --overwrite  replace an existing DEST (kFSFileOperationOverwrite)\n"
    "  --help       print this help and exit\n"
    "  On success prints: copied <bytes> bytes files=<n> target=<path>\n"
    "  Exit status: 0 copied, 1 failed, 2 usage error.\n";

enum { EXIT_COPIED = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

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

/* Sums the sizes of the regular files at or under path; 0 or an errno. */
static int measure(const char *path, long long *bytes, long long *files)
{
    char *paths[] = { (char *)path, NULL };
    *bytes = 0;
    *files = 0;
    FTS *tree = fts_open(paths, FTS_PHYSICAL | FTS_NOCHDIR, NULL);
    if (tree == NULL) {
        return errno;
    }
    int error = 0;
    errno = 0;
    FTSENT *entry;
    while ((entry = fts_read(tree)) != NULL) {
        switch (entry->fts_info) {
        case FTS_F:
            *bytes += (long long)entry->fts_statp->st_size;
            *files += 1;
            break;
        case FTS_DNR:
        case FTS_ERR:
        case FTS_NS:
            if (error == 0) {
                error = entry->fts_errno != 0 ? entry->fts_errno : EIO;
            }
            break;
        default:
            break;
        }
    }
    if (error == 0 && errno != 0) {
        error = errno;
    }
    fts_close(tree);
    return error;
}

/*
 * Splits DEST into a folder and a name at its last '/': "a/b/c" gives "a/b"
 * and "c", "/c" gives "/" and "c", "c" gives "." and "c". Returns false when
 * DEST names no item ("", a trailing '/', "." or "..").
 */
static bool split_dest(const char *dest, char **folder, const char **name)
{
    size_t length = strlen(dest);
    if (length == 0 || dest[length - 1] == '/') {
        return false;
    }
    const char *slash = strrchr(dest, '/');
    *name = slash == NULL ? dest : slash + 1;
    if (strcmp(*name, ".") == 0 || strcmp(*name, "..") == 0) {
        return false;
    }
    if (slash == NULL) {
        *folder = strdup(".");
    } else if (slash == dest) {
        *folder = strdup("/");
    } else {
        *folder = strndup(dest, (size_t)(slash - dest));
    }
    return true;
}

static bool has_text(const char *text)
{
    return text != NULL && text[0] != '\0';
}

static void report_status(const char *source, const char *dest, OSStatus status)
{
    const char *name = GetMacOSStatusErrorString(status);
    const char *comment = GetMacOSStatusCommentString(status);
    bool posix = status > 0 && status <= ELAST;
    const char *text = has_text(comment) ? comment
                     : posix             ? strerror((int)status)
                     : has_text(name)    ? name
                                         : "copy failed";
    fprintf(stderr, "%s: cannot copy %s to %s: %s (OSStatus %ld", PROGRAM, source, dest, text,
            (long)status);
    if (has_text(name)) {
        fprintf(stderr, " %s", name);
    }
    fputc(')', stderr);
    if (posix) {
        fprintf(stderr, " (errno %ld)", (long)status);
    }
    fputc('\n', stderr);
}

int main(int argc, char *argv[])
{
    bool overwrite = false;
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
            } else if (strcmp(arg, "--overwrite") == 0) {
                overwrite = true;
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

    char *folder = NULL;
    const char *name = NULL;
    if (!split_dest(dest, &folder, &name)) {
        return usage_error("DEST must name the new item (no trailing '/', not '.' or '..'):", dest);
    }
    if (folder == NULL) {
        return failure("cannot split destination", dest, ENOMEM);
    }

    struct stat source_stat;
    if (lstat(source, &source_stat) != 0) {
        int error = errno;
        free(folder);
        return failure("cannot stat source", source, error);
    }

    CFStringRef new_name = CFStringCreateWithFileSystemRepresentation(kCFAllocatorDefault, name);
    if (new_name == NULL) {
        free(folder);
        return failure("cannot represent the new name of", dest, EILSEQ);
    }

    OptionBits options = kFSFileOperationDefaultOptions;
    if (overwrite) {
        options |= kFSFileOperationOverwrite;
    }
    char *target = NULL;
    OSStatus status = FSPathCopyObjectSync(source, folder, new_name, &target, options);
    CFRelease(new_name);
    free(folder);
    if (status != noErr) {
        free(target);
        report_status(source, dest, status);
        return EXIT_FAILED;
    }

    const char *copied = target != NULL ? target : dest;
    long long bytes = 0;
    long long count = 0;
    int measured = measure(copied, &bytes, &count);
    if (measured != 0) {
        int code = failure("copied, but cannot measure destination", copied, measured);
        free(target);
        return code;
    }
    printf("copied %lld bytes files=%lld target=%s\n", bytes, count, copied);
    int code = EXIT_COPIED;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        code = failure("cannot write the summary for", copied, errno != 0 ? errno : EIO);
    }
    free(target);
    return code;
}
