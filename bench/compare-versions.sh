#!/bin/bash
# Compares this checkout's engine with another commit's on the same applications' kind, in one JVM, the two
# versions taking turns round after round (bench/compare/Compare.java): the fairest before/after these
# machines allow, since they differ by up to 3x from one run to the next.
#
# Usage: bench/compare-versions.sh REV [MODES] [ROUNDS] [SECONDS]     (from the repository's root)
#   REV      the commit to compare with, e.g. b80d36c (the version before the schema redesign)
#   MODES    comma-separated (default 0,1,2,5): 0 the engine alone, 1 explained evaluations in chunks of 32,
#            2 one application at a time (as a single request), 3 the wording alone (outcomes decided beforehand;
#            not for versions before the schema redesign, which word as they decide), 5 a plain Jackson parse of
#            the same JSON
#   ROUNDS   turns per version (default 10); SECONDS per turn (default 3)
# Builds this checkout (when target/ has no jar) and REV (in a temporary worktree); one thread; prints the
# median and best microseconds per application of each, and this version's median over REV's.
set -euo pipefail
REV=$1
MODES=${2:-0,1,2,5}
ROUNDS=${3:-10}
TURN=${4:-3}
ROOT=$(pwd)
WORK=$(mktemp -d)
trap 'git -C "$ROOT" worktree remove --force "$WORK/old" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
[ -f target/policy-evaluator.jar ] || ./mvnw -q package -DskipTests
git worktree add -q --detach "$WORK/old" "$REV"
(cd "$WORK/old" && ./mvnw -q package -DskipTests)
# the Work class for a version's API: decided outcomes worded apart (current), or worded at once (legacy)
compile() {
    local src=legacy
    if jar tf "$1/policy-evaluator.jar" | grep -q '^org/policyevaluator/evaluation/Outcome.class$'; then
        src=current
    fi
    mkdir -p "$2"
    javac -nowarn -cp "$1/policy-evaluator.jar:$1/lib/*" -d "$2" "$ROOT/bench/compare/$src/Work.java" "$ROOT/bench/compare/Rounds.java"
}
compile "$WORK/old/target" "$WORK/work-old"
compile "$ROOT/target" "$WORK/work-new"
for mode in ${MODES//,/ }; do
    # the engines' own logging goes aside; on a failure its end is shown
    if ! java -Xmx4g "$ROOT/bench/compare/Compare.java" "$mode" "$ROUNDS" "$TURN" \
            "$REV=$WORK/old/target:$WORK/work-old" "this=$ROOT/target:$WORK/work-new" >"$WORK/out" 2>"$WORK/log"; then
        tail -20 "$WORK/out" "$WORK/log" >&2
        exit 1
    fi
    grep ' mode ' "$WORK/out"
done
