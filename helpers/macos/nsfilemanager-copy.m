/*
 * nsfilemanager-copy: copy a file or a folder with
 * -[NSFileManager copyItemAtPath:toPath:error:], the Foundation copy most
 * Cocoa applications use.
 *
 * I/O pattern: Foundation's own preflight (it checks the destination, walks a
 * folder) and then its copy of each item; on APFS, with source and
 * destination on the same volume, it clones, so the data path is exercised
 * only when the destination is another volume (the device under test).
 *
 * Usage: nsfilemanager-copy SOURCE DEST
 *   DEST is the full path of the new item and must not exist.
 *
 * stdout on success (one line):
 *   copied <bytes> bytes files=<n>
 *   counted at DEST after the copy: the sizes of the regular files (DEST
 *   itself, or every regular file under it), symbolic links not followed.
 * stderr on failure (one line):
 *   nsfilemanager-copy: cannot copy SOURCE to DEST: <localizedDescription>
 *       (domain <domain> code <code>)[ (underlying domain <domain> code <code>)][ (errno <n>)]
 *   "(errno <n>)" ends the line when an NSPOSIXErrorDomain error is found in
 *   the error or its NSUnderlyingErrorKey chain. Failures before or after
 *   the copy: nsfilemanager-copy: <what failed> <path>: <strerror> (errno <n>)
 * Exit: 0 copied, 1 failed, 2 usage error.
 *
 * Build by hand (Xcode command-line tools):
 *   xcrun clang -fobjc-arc -O2 -Wall -Wextra -Werror -o nsfilemanager-copy \
 *       nsfilemanager-copy.m -framework Foundation
 */
#import <Foundation/Foundation.h>

#include <errno.h>
#include <fts.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static const char PROGRAM[] = "nsfilemanager-copy";

static const char USAGE[] =
    "usage: nsfilemanager-copy SOURCE DEST\n"
    "  Copies SOURCE (a file or a folder) to DEST, which must not exist, with\n"
    "  -[NSFileManager copyItemAtPath:toPath:error:].\n"
    "  --help  print this help and exit\n"
    "  On success prints: copied <bytes> bytes files=<n>\n"
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

/* Messages stay on one line, whatever the localised text holds. */
static NSString *one_line(NSString *text)
{
    if (text == nil) {
        return @"(no description)";
    }
    NSArray<NSString *> *parts =
        [text componentsSeparatedByCharactersInSet:[NSCharacterSet newlineCharacterSet]];
    return [parts componentsJoinedByString:@" "];
}

static NSError *underlying_error(NSError *error)
{
    id underlying = error.userInfo[NSUnderlyingErrorKey];
    return [underlying isKindOfClass:[NSError class]] ? underlying : nil;
}

/* The first POSIX errno in the error chain, or 0. The depth bound guards
 * against a chain that refers back to itself. */
static int posix_errno(NSError *error)
{
    int depth = 0;
    for (NSError *e = error; e != nil && depth < 16; e = underlying_error(e), depth++) {
        if ([e.domain isEqualToString:NSPOSIXErrorDomain]) {
            return (int)e.code;
        }
    }
    return 0;
}

/* Written with stdio: NSString's %s would read the path bytes in the legacy
 * C string encoding, not UTF-8, and garble non-ASCII names. */
static void report_error(const char *source, const char *dest, NSError *error)
{
    fprintf(stderr, "%s: cannot copy %s to %s: %s (domain %s code %ld)", PROGRAM, source, dest,
            one_line(error.localizedDescription).UTF8String, error.domain.UTF8String,
            (long)error.code);
    NSError *underlying = underlying_error(error);
    if (underlying != nil && ![error.domain isEqualToString:NSPOSIXErrorDomain]) {
        fprintf(stderr, " (underlying domain %s code %ld)", underlying.domain.UTF8String,
                (long)underlying.code);
    }
    int errnum = posix_errno(error);
    if (errnum != 0) {
        fprintf(stderr, " (errno %d)", errnum);
    }
    fputc('\n', stderr);
}

static NSString *path_string(NSFileManager *files, const char *path)
{
    return [files stringWithFileSystemRepresentation:path length:strlen(path)];
}

static int copy_item(int argc, char *argv[])
{
    const char *operands[2] = { NULL, NULL };
    int operand_count = 0;
    BOOL options_done = NO;

    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!options_done && arg[0] == '-' && arg[1] != '\0') {
            if (strcmp(arg, "--") == 0) {
                options_done = YES;
            } else if (strcmp(arg, "--help") == 0) {
                fputs(USAGE, stdout);
                return EXIT_COPIED;
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

    NSFileManager *files = [NSFileManager defaultManager];
    NSString *source_path = path_string(files, source);
    NSString *dest_path = path_string(files, dest);
    if (source_path == nil) {
        return failure("cannot represent the source path", source, EILSEQ);
    }
    if (dest_path == nil) {
        return failure("cannot represent the destination path", dest, EILSEQ);
    }

    NSError *error = nil;
    if (![files copyItemAtPath:source_path toPath:dest_path error:&error]) {
        if (error == nil) {
            return failure("copy failed without an NSError, to", dest, EIO);
        }
        report_error(source, dest, error);
        return EXIT_FAILED;
    }

    long long bytes = 0;
    long long count = 0;
    int measured = measure(dest, &bytes, &count);
    if (measured != 0) {
        return failure("copied, but cannot measure destination", dest, measured);
    }
    printf("copied %lld bytes files=%lld\n", bytes, count);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        return failure("cannot write the summary for", dest, errno != 0 ? errno : EIO);
    }
    return EXIT_COPIED;
}

int main(int argc, char *argv[])
{
    int code;
    @autoreleasepool {
        code = copy_item(argc, argv);
    }
    return code;
}
