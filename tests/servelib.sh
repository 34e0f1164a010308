# servelib.sh — starting and stopping `tidings serve` for the end-to-end tests that talk to it
# (sourced after tests/clilib.sh, which sets TD and tmp): the test is skipped without curl and
# python3; start_server, stop_server, and the trap that stops the server and removes the temporary
# folder when the test ends.

if ! command -v curl >/dev/null 2>&1 || [ "$have_python" -eq 0 ]; then
    skip "tidings serve: needs curl and python3"
    finish
    exit $?
fi

pid=""
stop_server() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    pid=""
}
trap 'stop_server; rm -rf "$tmp"' EXIT

# start_server STORE [OPTIONS…]: starts it on a free port, sets pid, port and base.
start_server() {
    store=$1
    shift
    : > "$tmp/log"
    "$TD" serve --store "$store" --port 0 "$@" 2>"$tmp/log" &
    pid=$!
    port=""
    for _ in $(seq 50); do
        port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/$|\1|p' "$tmp/log")
        [ -n "$port" ] && break
        sleep 0.1
    done
    base="http://127.0.0.1:$port"
}
