#!/usr/bin/env bash
# Runs every CareFleet test against real parts: SQLite, a throwaway PostgreSQL, a throwaway Mosquitto
# (with its dynamic-security plugin), the embedded broker, and Chromium through Playwright.
# Installs PostgreSQL, Mosquitto and Chromium from Debian's packages when they are missing (needs root).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
run="$root/.test-run"
rm -rf "$run"; mkdir -p "$run"
pids=()

cleanup() {
  set +e
  if [ -n "${pg_data:-}" ] && [ -f "$pg_data/postmaster.pid" ]; then
    pg_pid=$(head -1 "$pg_data/postmaster.pid")
    kill -INT "$pg_pid" 2>/dev/null
  fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
}
trap cleanup EXIT

# ---- what the tests need ------------------------------------------------------------------------
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
missing=()
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || missing+=(postgresql)
command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || missing+=(mosquitto)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# Residents' names are Chinese: without a CJK font the browser draws boxes (and screenshots show them).
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "test.sh: missing ${missing[*]}; run as root to install them, or install them yourself." >&2
    exit 1
  fi
  echo "Installing ${missing[*]} …"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
mosquitto_bin=$(command -v mosquitto || echo /usr/sbin/mosquitto)
dynsec=$(ls /usr/lib/*/mosquitto_dynamic_security.so /usr/lib/mosquitto_dynamic_security.so 2>/dev/null | head -1 || true)
[ -n "$dynsec" ] || { echo "test.sh: Mosquitto's dynamic-security plugin is missing." >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# ---- a throwaway PostgreSQL on loopback -----------------------------------------------------------
pg_port=$(free_port)
pg_data="$run/pg"
pg_logs="$run/pg-logs"
mkdir -p "$pg_data" "$pg_logs"
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$pg_data" "$pg_logs" || true
as_pg "'$pg_bin/initdb' -D '$pg_data' -U postgres --auth=trust -E UTF8 --no-locale >'$pg_logs/init.log' 2>&1"
as_pg "'$pg_bin/pg_ctl' -D '$pg_data' -l '$pg_logs/server.log' -w -t 60 -o \"-p $pg_port -k '$pg_data' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start >/dev/null"
export CAREFLEET_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Include Error Detail=true"

# ---- a throwaway Mosquitto with dynamic security --------------------------------------------------
mq_port=$(free_port)
mq_admin_password="test-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
mq_dir="$run/mq"; mkdir -p "$mq_dir"
mosquitto_ctrl dynsec init "$mq_dir/dynsec.json" carefleet "$mq_admin_password" >/dev/null
cat > "$mq_dir/mosquitto.conf" <<CONF
listener $mq_port 127.0.0.1
allow_anonymous false
persistence false
plugin $dynsec
plugin_opt_config_file $mq_dir/dynsec.json
log_dest file $mq_dir/mosquitto.log
log_type error
log_type warning
log_type notice
log_type information
connection_messages true
CONF
[ "$(id -u)" = 0 ] && chown -R mosquitto "$mq_dir" 2>/dev/null || true
"$mosquitto_bin" -c "$mq_dir/mosquitto.conf" >"$mq_dir/mosquitto.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do
  mosquitto_ctrl -h 127.0.0.1 -p "$mq_port" -u carefleet -P "$mq_admin_password" dynsec listClients >/dev/null 2>&1 && break
  sleep 0.2
done
# CareFleet's own broker user reads every robot's topics and writes their orders.
mq() { mosquitto_ctrl -h 127.0.0.1 -p "$mq_port" -u carefleet -P "$mq_admin_password" dynsec "$@" >/dev/null 2>&1; }
mq createRole carefleet-server
for acl in publishClientSend subscribePattern; do mq addRoleACL carefleet-server "$acl" 'uagv/#' allow 10; mq addRoleACL carefleet-server "$acl" 'carefleet/#' allow 10; done
mq addRoleACL carefleet-server subscribePattern '$share/#' allow 10
mq addClientRole carefleet carefleet-server
export CAREFLEET_TEST_MOSQUITTO="127.0.0.1:$mq_port"
export CAREFLEET_TEST_MOSQUITTO_USER=carefleet
export CAREFLEET_TEST_MOSQUITTO_PASSWORD="$mq_admin_password"
export CAREFLEET_TEST_MOSQUITTO_LOG="$mq_dir/mosquitto.log"
export CAREFLEET_TEST_CHROMIUM=/usr/bin/chromium

# ---- build once, then every test project --------------------------------------------------------
# Arguments, if any, pick what to run instead of the whole solution, e.g.
#   ./test.sh --project tests/CareFleet.Host.Tests/CareFleet.Host.Tests.csproj
dotnet build CareFleet.slnx -c Release --nologo -v quiet -clp:ErrorsOnly
status=0
if [ $# -gt 0 ]; then
  dotnet test -c Release --no-build --no-progress "$@" || status=$?
else
  dotnet test --solution CareFleet.slnx -c Release --no-build --no-progress || status=$?
fi
exit $status
