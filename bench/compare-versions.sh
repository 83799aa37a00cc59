#!/bin/bash
# Compares this checkout's engine with another commit's on the same applications' kind, in one JVM, the two
# versions taking turns round after round (bench/compare/Compare.java): the fairest before/after these
# machines allow, since they differ by up to 3x from one run to the next.
#
# Usage: bench/compare-versions.sh [--same-policy] REV [MODES] [ROUNDS] [SECONDS]     (from the repository's root)
#   --same-policy  both versions on the same policy and the same applications: REV's synthetic applications, and
#            this version's rules less what REV's did not have (the rules REV has no id for, evidence that no
#            programme asks for, flags that only ask for a check and hold no points), compiled at run time as REV
#            compiled its own (the classic DRL build); for a REV before the schema redesign. Without it each
#            version runs its own bundled rules on its own synthetic applications.
#   REV      the commit to compare with, e.g. b80d36c (the version before the schema redesign)
#   MODES    comma-separated (default 0,1,2,5): 0 the engine alone, 1 explained evaluations in chunks of 32,
#            2 one application at a time (as a single request), 3 the wording alone (outcomes decided beforehand;
#            not for versions before the schema redesign, which word as they decide), 4 the engine alone one
#            application at a time (what a session of its own costs; not for versions before the redesign either),
#            5 a plain Jackson parse of the same JSON
#   ROUNDS   turns per version (default 10); SECONDS per turn (default 3)
# Builds this checkout (when target/ has no jar) and REV (in a temporary worktree); one thread; prints the
# median and best microseconds per application of each, this version's median over REV's, and the median of the
# ratios round by round (each round's turns ran one after the other) with its middle half.
set -euo pipefail
SAME_POLICY=
if [ "${1:-}" = --same-policy ]; then
    SAME_POLICY=1
    shift
fi
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
api() {
    if jar tf "$1/policy-evaluator.jar" | grep -q '^org/policyevaluator/evaluation/Outcome.class$'; then
        echo current
    else
        echo legacy
    fi
}
compile() {
    mkdir -p "$2"
    javac -nowarn -cp "$1/policy-evaluator.jar:$1/lib/*" -d "$2" "$ROOT/bench/compare/$(api "$1")/Work.java" "$ROOT/bench/compare/Rounds.java"
}
compile "$WORK/old/target" "$WORK/work-old"
compile "$ROOT/target" "$WORK/work-new"

# the ids of the rules in a rules folder's DRL files, sorted
rule_ids() {
    sed -n 's/^rule "\([A-Z][A-Z]*-[0-9][0-9]*\) .*/\1/p' "$1"/drl/*.drl | sort
}
OPTIONS=()
if [ -n "$SAME_POLICY" ]; then
    if [ "$(api "$WORK/old/target")" != legacy ]; then
        echo "--same-policy compares with a version before the schema redesign; $REV is not one" >&2
        exit 2
    fi
    cp -r "$ROOT/rules" "$WORK/rules"
    for id in $(comm -13 <(rule_ids "$WORK/old/rules") <(rule_ids "$ROOT/rules")); do
        for drl in "$WORK"/rules/drl/*.drl; do
            awk -v id="$id" '$0 ~ "^rule \"" id " " { skip = 1 } !skip { print } skip && /^end[[:space:]]*$/ { skip = 0 }' \
                "$drl" >"$drl.new" && mv "$drl.new" "$drl"
        done
        for table in scoring flags suggestions; do
            grep -v "^$id," "$WORK/rules/tables/$table.csv" >"$WORK/rules/tables/$table.new" || true
            mv "$WORK/rules/tables/$table.new" "$WORK/rules/tables/$table.csv"
        done
        for bundle in "$WORK"/rules/messages/*.properties; do
            grep -v "^$id\." "$bundle" >"$bundle.new" || true
            mv "$bundle.new" "$bundle"
        done
    done
    awk -F, -v OFS=, 'NR > 1 { $3 = "" } { print }' "$WORK/rules/tables/evidence.csv" >"$WORK/rules/tables/evidence.new"
    mv "$WORK/rules/tables/evidence.new" "$WORK/rules/tables/evidence.csv"
    awk -F, -v OFS=, 'NR > 1 { $2 = "check"; $3 = "" } { print }' "$WORK/rules/tables/flags.csv" >"$WORK/rules/tables/flags.new"
    mv "$WORK/rules/tables/flags.new" "$WORK/rules/tables/flags.csv"
    java -jar "$ROOT/target/policy-evaluator.jar" rules check "$WORK/rules" | sed -n 1p
    java -cp "$WORK/work-old:$WORK/old/target/policy-evaluator.jar:$WORK/old/target/lib/*" Work "$WORK/applications.json" 2>/dev/null
    OPTIONS=("-Dcompare.rules=$WORK/rules" "-Dcompare.applications=$WORK/applications.json")
fi
for mode in ${MODES//,/ }; do
    # the engines' own logging goes aside; on a failure its end is shown
    if ! java -Xmx4g "${OPTIONS[@]}" "$ROOT/bench/compare/Compare.java" "$mode" "$ROUNDS" "$TURN" \
            "$REV=$WORK/old/target:$WORK/work-old" "this=$ROOT/target:$WORK/work-new" >"$WORK/out" 2>"$WORK/log"; then
        tail -20 "$WORK/out" "$WORK/log" >&2
        exit 1
    fi
    grep ' mode ' "$WORK/out"
done
