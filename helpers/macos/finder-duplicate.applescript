-- finder-duplicate: copy a file or a folder with the Finder, through an Apple
-- event ("duplicate"), as a user dragging it in a Finder window would.
--
-- I/O pattern: the Finder's copy engine (the one behind drag-and-drop and
-- Duplicate), with its own preflight, buffer sizes and metadata handling.
--
-- Usage: osascript finder-duplicate.applescript SOURCE DEST_DIR
--   SOURCE and DEST_DIR are absolute POSIX paths; DEST_DIR must be an existing
--   folder. The Finder keeps the source's name: the copy is DEST_DIR/<name of
--   SOURCE>, and an item of that name already there is replaced. DEST_DIR
--   must not be SOURCE's own folder (the Finder would make "<name> copy").
--   The Apple event waits up to 24 hours for the Finder to finish.
--
-- stdout on success (one line, osascript prints the run handler's result):
--   copied <bytes> bytes files=<n> target=<POSIX path of the copy>
--   counted at the copy: the sizes of its regular files; target= runs to the
--   end of the line (a folder's path ends in "/").
-- stderr on failure (one line, written by osascript):
--   <script>: execution error: finder-duplicate: <what failed> (<number>)
--   <number> is the AppleScript/Apple event error number, e.g. -1743 when
--   this process may not send Apple events to the Finder.
-- Exit: 0 copied, 1 on any failure, a usage error included (osascript has no
--   other exit status for a script error).
--
-- Nothing to build; run it with osascript. The first run asks the user to let
-- the calling application (Terminal, iTerm, the Java process's parent...)
-- control the Finder; without that answer the script fails with -1743.

on run argv
	-- Without arguments some osascript versions pass no list at all.
	try
		set argumentCount to count of argv
	on error
		set argumentCount to 0
	end try
	if argumentCount is 1 and item 1 of argv is "--help" then
		set helpText to "usage: osascript finder-duplicate.applescript SOURCE DEST_DIR" & linefeed
		set helpText to helpText & "  Asks the Finder to duplicate SOURCE into the folder DEST_DIR (replacing an item" & linefeed
		set helpText to helpText & "  of the same name); the copy keeps SOURCE's name. Absolute paths only." & linefeed
		set helpText to helpText & "  On success prints: copied <bytes> bytes files=<n> target=<path>" & linefeed
		set helpText to helpText & "  Exit status: 0 copied, 1 failed (usage errors included)."
		return helpText
	end if
	if argumentCount is not 2 then
		error "finder-duplicate: usage: osascript finder-duplicate.applescript SOURCE DEST_DIR (got " & argumentCount & " arguments)" number -50
	end if
	set sourcePath to item 1 of argv
	set destPath to item 2 of argv
	if sourcePath does not start with "/" then
		error "finder-duplicate: usage: SOURCE must be an absolute path, not " & sourcePath number -50
	end if
	if destPath does not start with "/" then
		error "finder-duplicate: usage: DEST_DIR must be an absolute path, not " & destPath number -50
	end if

	try
		set sourceItem to (POSIX file sourcePath) as alias
	on error errorMessage number errorNumber
		error "finder-duplicate: source does not exist: " & sourcePath & " (" & errorMessage & ")" number errorNumber
	end try
	try
		do shell script "test -d " & quoted form of destPath
	on error
		error "finder-duplicate: destination is not an existing folder: " & destPath number -43
	end try
	set destFolder to (POSIX file destPath) as alias

	try
		with timeout of 86400 seconds
			tell application "Finder"
				set copiedItem to duplicate sourceItem to destFolder with replacing
				set copiedAlias to copiedItem as alias
			end tell
		end timeout
	on error errorMessage number errorNumber
		if errorNumber is -1743 then
			error "finder-duplicate: not allowed to send Apple events to the Finder (" & errorMessage & "). Grant Automation permission: System Settings > Privacy & Security > Automation, turn on Finder under the application running this script (your terminal, or the one that started orchestrate), then run again." number errorNumber
		else if errorNumber is -1744 then
			error "finder-duplicate: controlling the Finder needs the user's consent, which cannot be asked here (" & errorMessage & "). Run this script once from a terminal in a logged-in session and answer the prompt, or grant it in System Settings > Privacy & Security > Automation." number errorNumber
		else if errorNumber is -1712 then
			error "finder-duplicate: the Finder did not finish within 24 hours; the copy of " & sourcePath & " may still be running (" & errorMessage & ")" number errorNumber
		else if errorNumber is -600 then
			error "finder-duplicate: the Finder is not running; log in to a desktop session (" & errorMessage & ")" number errorNumber
		else
			error "finder-duplicate: the Finder could not duplicate " & sourcePath & " into " & destPath & ": " & errorMessage number errorNumber
		end if
	end try

	set copiedPath to POSIX path of copiedAlias
	try
		set measured to do shell script "find " & quoted form of copiedPath & " -type f -exec stat -f %z {} + | awk '{ s += $1; n++ } END { printf \"%.0f %d\", s, n }'"
	on error errorMessage number errorNumber
		error "finder-duplicate: copied, but cannot measure " & copiedPath & ": " & errorMessage number errorNumber
	end try
	set savedDelimiters to AppleScript's text item delimiters
	set AppleScript's text item delimiters to " "
	set byteCount to text item 1 of measured
	set fileCount to text item 2 of measured
	set AppleScript's text item delimiters to savedDelimiters
	return "copied " & byteCount & " bytes files=" & fileCount & " target=" & copiedPath
end run
