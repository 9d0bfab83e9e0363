#!/bin/bash
# asr-restore.sh SOURCE DEST
#
# Copies one file the way a block-level restore does: builds a read-only disk image whose volume
# holds SOURCE at DEST's path relative to DEST's volume, scans it for restore, and has asr
# restore it onto DEST's volume with --erase. asr then copies the image's blocks, not files:
# the device sees large sequential writes of the whole used part of the volume. The target volume
# is ERASED and comes back under its own name, holding only the file.
#
# Exit codes: 0 copied (prints "copied <bytes> bytes target=<path>"), 1 a step failed, 2 bad arguments.
set -euo pipefail

usage() {
    echo "usage: asr-restore.sh SOURCE DEST   (DEST's volume is erased)" >&2
    exit 2
}
fail() {
    echo "asr-restore.sh: $*" >&2
    exit 1
}

[ "${1:-}" = "--help" ] && { echo "usage: asr-restore.sh SOURCE DEST   (DEST's volume is erased)"; exit 0; }
[ $# -eq 2 ] || usage
source=$1
dest=$2
[ -f "$source" ] || fail "SOURCE $source is not a regular file"
destdir=$(dirname "$dest")
[ -d "$destdir" ] || fail "DEST's folder $destdir does not exist"

# the volume's mount point: the highest folder above DEST still on the same device
mount=$(cd "$destdir" && pwd -P)
device=$(stat -f %d "$mount")
while [ "$mount" != / ] && [ "$(stat -f %d "$(dirname "$mount")")" = "$device" ]; do
    mount=$(dirname "$mount")
done
[ "$mount" != / ] || fail "DEST $dest is on the startup volume; asr would erase it"
relative=$(cd "$destdir" && pwd -P)
relative=${relative#"$mount"}

info=$(diskutil info "$mount") || fail "diskutil info $mount failed"
volname=$(printf '%s\n' "$info" | sed -n 's/^ *Volume Name: *//p')
personality=$(printf '%s\n' "$info" | sed -n 's/^ *File System Personality: *//p')
[ -n "$volname" ] || fail "cannot read the volume name of $mount from diskutil info"

work=$(mktemp -d "${TMPDIR:-/tmp}/asr-restore.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/root$relative"
ditto "$source" "$work/root$relative/$(basename "$dest")" || fail "cannot stage $source in $work"

hdiutil create -quiet -srcfolder "$work/root" -volname "$volname" ${personality:+-fs "$personality"} \
    -format UDRO "$work/volume.dmg" || fail "hdiutil create of the volume image failed"
asr imagescan --source "$work/volume.dmg" >/dev/null || fail "asr imagescan of $work/volume.dmg failed"
asr restore --source "$work/volume.dmg" --target "$mount" --erase --noprompt >/dev/null || fail "asr restore onto $mount failed"

# the restored volume keeps its name, so it mounts at the same place again
[ -f "$dest" ] || fail "after the restore, $dest is not there (did the volume mount elsewhere? see diskutil list)"
echo "copied $(stat -f %z "$dest") bytes target=$dest"
