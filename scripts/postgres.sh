# Sourced by scripts/test and scripts/bench: a throwaway PostgreSQL server in a temp folder,
# and free ports for the servers the tests start.
# initdb refuses to run as root, so the server runs as the unprivileged `postgres` user.

# A port nobody listens on, below Linux's ephemeral range (32768+), where outgoing
# connections would otherwise take it from under a server that is about to bind it.
free_port() {
    python3 - <<'PY'
import random, socket
for _ in range(200):
    port = random.randint(20000, 32000)
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            continue
    print(port)
    break
PY
}

start_postgres() {
    local bin
    bin=$(dirname "$(command -v initdb 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | tail -1)")
    if [ ! -x "$bin/initdb" ]; then
        echo "Installing PostgreSQL …"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | tail -1)")
    fi
    PG_DIR=$(mktemp -d /tmp/hubnet-pg.XXXXXX)
    PG_PORT=${PG_PORT:-$(free_port)}
    local as_user=()
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
        chown postgres "$PG_DIR"
        as_user=(runuser -u postgres --)
    fi
    "${as_user[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 >/dev/null
    "${as_user[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
        -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        start >/dev/null
    PG_STOP=("${as_user[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -m immediate stop)
    export POSTGRES_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
    echo "PostgreSQL running on port $PG_PORT ($PG_DIR)"
}

stop_postgres() {
    if [ -n "${PG_DIR:-}" ]; then
        "${PG_STOP[@]}" >/dev/null 2>&1 || true
        rm -rf "$PG_DIR"
        PG_DIR=""
    fi
}
