# lib.sh - what the CLI test scripts share (source it):
#   check NAME COMMAND...  runs COMMAND; counts a pass, or prints
#                          "FAIL: NAME" on standard error and counts a failure
#   finish                 prints "N passed, M failed"; fails when M > 0
fails=0
pass=0
check() {
	local name=$1
	shift
	if "$@"; then
		pass=$((pass + 1))
	else
		echo "FAIL: $name" >&2
		fails=$((fails + 1))
	fi
}
finish() {
	echo "$pass passed, $fails failed"
	[ $fails -eq 0 ]
}
