#!/usr/bin/env bash
# Rewrites this fixture: builds Generator/ against the ledger of the commit that last wrote storage layout 3,
# in a throwaway worktree, and runs it. The output (ledger.sql, expected.json) is committed; the migration
# test loads it. Run again only to change the scenario.
#   tests/Fixtures/Layout3/make.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(git -C "$here" rev-parse --show-toplevel)"
commit=5022d87  # the last commit that writes layout 3
work=$(mktemp -d /tmp/layout3.XXXXXX)
trap 'git -C "$repo" worktree remove --force "$work/src" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$repo" worktree add --detach "$work/src" "$commit" >/dev/null
cp -r "$here/Generator" "$work/src/generator"
dotnet run -v q --project "$work/src/generator/Generator.csproj" -- "$here"
