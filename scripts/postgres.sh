# Sourced by scripts/test and scripts/bench: a throwaway PostgreSQL server in a temp folder.
# initdb refuses to run as root, so the server runs as the unprivileged `postgres` user.

start_postgres() {
    local bin
    bin=$(dirname "$(command -v initdb 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | tail -1)")
    if [ ! -x "$bin/initdb" ]; then
        echo "Installing PostgreSQL …"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | tail -1)")
    fi
    PG_DIR=$(mktemp -d /tmp/hubnet-pg.XXXXXX)
    PG_PORT=${PG_PORT:-$(( 20000 + RANDOM % 20000 ))}
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
