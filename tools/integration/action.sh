#!/usr/bin/env bash
# make integration: stacklint's GitHub Action (action.yml), as far as this
# machine allows. internal/ghaction's TestActionRunSteps runs the action's
# shell steps as a runner would (bash -eo pipefail in a throw-away
# workspace holding testdata/demo at clouds/prod; inputs substituted;
# GITHUB_OUTPUT, GITHUB_PATH and RUNNER_TEMP faked), builds stacklint with
# the install step, stands in for actions/setup-go (this machine's Go
# against go.mod) and for the upload (the SARIF log validated against the
# schema, its URIs resolved in the workspace), in three runs: defaults,
# args with fail-level none and no upload, and a missing path.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
STACKLINT_ACTION=1 "${GO:-go}" test -count=1 -v -run 'TestActionRunSteps' ./internal/ghaction/
