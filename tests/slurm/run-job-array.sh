#!/usr/bin/env bash
# Starts a one-node Slurm cluster on loopback in a temporary folder (its own munged, slurmctld and
# slurmd, nothing of the system's), submits packaging/slurm/patchbank-suite.sbatch as an array of
# SHARDS tasks and patchbank-suite-merge.sbatch after it, then cuts the last shard's log to one cell and
# resubmits that task alone and the merge again; checks that every job completed with exit code 0, and
# stops the daemons and removes the folder whatever happens.
#
#   SUITE=... DATA="NAME=DIR ..." RESULTS=... PATCHBANK_CLI=/abs/patchbank-cli \
#     run-job-array.sh SLURMCTLD_PORT SLURMD_PORT SHARDS
#
# It waits PATCHBANK_SLURM_TIMEOUT seconds at most (default 150) for the cluster and the jobs. On failure
# it prints the daemons' logs and the jobs' output; PATCHBANK_KEEP_TEST_FILES=1 keeps the folder.
set -euo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 SLURMCTLD_PORT SLURMD_PORT SHARDS" >&2
  exit 2
fi
ctld_port=$1 slurmd_port=$2 shards=$3
: "${SUITE:?}" "${DATA:?}" "${RESULTS:?}" "${PATCHBANK_CLI:?}"
timeout_s=${PATCHBANK_SLURM_TIMEOUT:-150}
templates=$(cd "$(dirname "$0")/../../packaging/slurm" && pwd)

# A PID namespace of its own where the kernel allows one: should this script be killed outright (a test
# timeout), the kernel kills every process in it, the jobs and their slurmstepd included, which no trap
# could reach.
if [ -z "${PATCHBANK_SLURM_NAMESPACE:-}" ] && unshare --pid --fork --mount-proc true 2>/dev/null; then
  PATCHBANK_SLURM_NAMESPACE=1 exec unshare --pid --fork --mount-proc --kill-child "$0" "$@"
fi

export PATH="$PATH:/usr/sbin:/sbin"
missing=()
for tool in munged slurmctld slurmd sbatch squeue sinfo scontrol scancel setpriv; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "FAIL: ${missing[*]} not found: run ./setup.sh, which installs Debian's slurm-wlm and munge" >&2
  exit 3
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "FAIL: the test cluster's slurmd must run as root (it starts the jobs); run the test as root" >&2
  exit 3
fi

# Short: munged's socket path must fit in a sockaddr_un.
dir=$(mktemp -d /tmp/patchbank-slurm.XXXXXX)
# munged refuses a socket in a folder that not everyone can enter.
chmod 755 "$dir"
mkdir -p "$dir"/{munge,state,spool,run,log,jobs}
chmod 755 "$dir/munge"
host=$(hostname -s)
started=$(date +%s)
daemons=()

stop_daemon() {  # PID_FILE NAME
  local pid
  [ -s "$1" ] || return 0
  pid=$(cat "$1")
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  echo "$2 did not stop within 5 s of SIGTERM; killing it" >&2
  kill -9 "$pid" 2>/dev/null || true
}

print_logs() {
  local name f
  for name in munged slurmctld slurmd; do
    f="$dir/log/$name.log"
    [ -s "$f" ] || f="$dir/log/$name.stderr"
    if [ -f "$f" ]; then echo "----- $f (last 60 lines)"; tail -n 60 "$f"; fi
  done
  for f in "$dir"/jobs/*; do
    if [ -f "$f" ]; then echo "----- $f (last 60 lines)"; tail -n 60 "$f"; fi
  done
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM HUP
  # Whatever fails here, the daemons stop and the folder goes.
  set +e
  # Jobs first: slurmd leaves running jobs alone when it stops.
  if [ -n "${SLURM_CONF:-}" ] && timeout 10 scancel --quiet "--user=$(id -un)" 2>/dev/null; then
    for _ in $(seq 20); do [ -z "$(timeout 5 squeue -h -o %i 2>/dev/null)" ] && break; sleep 0.5; done
  fi
  stop_daemon "$dir/run/slurmd.pid" slurmd
  stop_daemon "$dir/run/slurmctld.pid" slurmctld
  stop_daemon "$dir/munge/munged.pid" munged
  # A daemon that hung before it wrote its pid file, while it is still this script's child.
  local pid
  for pid in "${daemons[@]}"; do
    [ "$(cut -d' ' -f4 "/proc/$pid/stat" 2>/dev/null)" = "$$" ] && kill -9 "$pid" 2>/dev/null
  done
  wait 2>/dev/null || true
  if [ "$status" -ne 0 ]; then
    echo "FAIL after $(($(date +%s) - started)) s (exit $status); the cluster's logs follow" >&2
    print_logs >&2
  fi
  if [ "${PATCHBANK_KEEP_TEST_FILES:-}" = 1 ]; then
    echo "kept $dir" >&2
  else
    rm -rf "$dir"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# Each daemon runs in the foreground as a child of this script and gets SIGKILL should the script be
# killed outright (a test timeout), so that no daemon outlives the test. log/NAME.stderr keeps what it
# says before it opens its log file (munged, in the foreground, has no other log).
daemon() {
  setpriv --pdeathsig KILL -- "$@" >"$dir/log/$1.stderr" 2>&1 &
  daemons+=($!)
}

dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$dir/munge/munge.key"
daemon munged --foreground --socket="$dir/munge/munge.sock" --key-file="$dir/munge/munge.key" \
  --pid-file="$dir/munge/munged.pid" --seed-file="$dir/munge/munged.seed"

# The node as slurmd sees it, without its memory (a job here asks for none, and a node that reports
# less than it was configured with is drained).
node=$(slurmd -C | head -n1 | sed 's/ RealMemory=[0-9]*//')
: > "$dir/plugstack.conf"
cat > "$dir/slurm.conf" <<CONF
ClusterName=patchbank-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.sock
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
PlugStackConfig=$dir/plugstack.conf
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SwitchType=switch/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MailProg=/bin/true
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$dir/slurm.conf"

for _ in $(seq 50); do [ -S "$dir/munge/munge.sock" ] && break; sleep 0.1; done
daemon slurmctld -D -f "$SLURM_CONF"
daemon slurmd -D -f "$SLURM_CONF"

alive() {
  local i names=(munged slurmctld slurmd)
  for i in "${!daemons[@]}"; do
    kill -0 "${daemons[$i]}" 2>/dev/null || { echo "${names[$i]} exited" >&2; return 1; }
  done
}

deadline=$((started + timeout_s))
until [ "$(timeout 10 sinfo -h -n "$host" -o %T 2>/dev/null)" = idle ]; do
  alive || exit 1
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "the node did not become idle within $timeout_s s: $(timeout 10 sinfo -h -N -o '%N %T %E' 2>&1)" >&2
    exit 1
  fi
  sleep 0.5
done
echo "cluster up after $(($(date +%s) - started)) s: $(sinfo -h -N -o '%N %c CPUs %T')"

# Waits until no job is queued or running.
drain() {
  local queued
  until queued=$(timeout 10 squeue -h -o %i 2>&1) && [ -z "$queued" ]; do
    alive || exit 1
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "jobs still queued after $timeout_s s:" >&2
      timeout 10 squeue -o '%i %T %r' >&2 || true
      exit 1
    fi
    sleep 1
  done
}

# Fails unless the given jobs (array tasks counted one by one) number COUNT and all completed with exit
# code 0; slurmctld keeps finished jobs for MinJobAge (300 s).
check() {  # COUNT JOB...
  local expected=$1 records=0 failed=0 job line id task state code
  shift
  for job in "$@"; do
    while read -r line; do
      id=$(sed -n 's/^JobId=\([0-9]*\).*/\1/p' <<<"$line")
      task=$(sed -n 's/.* ArrayTaskId=\([0-9]*\).*/\1/p' <<<"$line")
      state=$(sed -n 's/.* JobState=\([A-Z_]*\).*/\1/p' <<<"$line")
      code=$(sed -n 's/.* ExitCode=\([0-9:]*\).*/\1/p' <<<"$line")
      echo "job $id${task:+ (task $task)}: $state, exit $code"
      records=$((records + 1))
      [ "$state" = COMPLETED ] && [ "$code" = 0:0 ] || failed=1
    done < <(timeout 10 scontrol -o show job "$job")
  done
  if [ "$failed" -ne 0 ] || [ "$records" -ne "$expected" ]; then
    echo "expected $expected jobs completed with exit code 0" >&2
    exit 1
  fi
}

# One CPU a task (the template asks for 4): a two-CPU machine runs both tasks at once.
cd "$dir/jobs"
array=$(sbatch --parsable --array="1-$shards" --cpus-per-task=1 --output="$dir/jobs/shard-%a.out" \
  "$templates/patchbank-suite.sbatch")
merge=$(sbatch --parsable --dependency="afterany:$array" --output="$dir/jobs/merge.out" \
  "$templates/patchbank-suite-merge.sbatch")
echo "submitted array $array (1-$shards) and merge $merge"
drain
check $((shards + 1)) "$array" "$merge"

# A task that stopped part-way, resubmitted as packaging/slurm/README.md says: the last shard's log
# keeps its first cell, its index runs again alone, and the merge job once more.
last="$RESULTS/shard-$shards.jsonl"
head -n 1 "$last" >"$last.part"
mv "$last.part" "$last"
again=$(sbatch --parsable --array="$shards" --cpus-per-task=1 --export="ALL,SHARDS=$shards" \
  --output="$dir/jobs/shard-%a-again.out" "$templates/patchbank-suite.sbatch")
merge_again=$(sbatch --parsable --dependency="afterany:$again" --output="$dir/jobs/merge-again.out" \
  "$templates/patchbank-suite-merge.sbatch")
echo "resubmitted task $shards as $again and merge $merge_again"
drain
check 2 "$again" "$merge_again"

for f in "$dir"/jobs/*.out; do echo "----- $(basename "$f")"; cat "$f"; done
echo "done after $(($(date +%s) - started)) s"
