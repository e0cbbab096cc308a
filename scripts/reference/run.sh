#!/usr/bin/env bash
# Regenerates the reference corpora (fixtures/fields/<rule>.<reference>.json) from
# the pinned reference implementations, in a throwaway virtualenv.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="${INTAKE_REFERENCE_VENV:-/tmp/intake-reference-venv}"
[[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
"$venv/bin/pip" install -q -r "$here/requirements.txt"
"$venv/bin/python" "$here/generate.py" "$here/../../fixtures/fields"
