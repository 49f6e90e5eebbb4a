#!/usr/bin/env bash
# Fails (exit 1) when a cluster's Ballast score dropped by more than MAX_DROP points over a period,
# and lists the findings that are new since then. Needs curl and jq.
#
#   BALLAST_URL=https://ballast.example.com BALLAST_TOKEN=blst_... \
#     ./fail-on-score-drop.sh prod-eu [max-drop=0] [since=yesterday|last-week|P3D]
set -euo pipefail

cluster=${1:?usage: fail-on-score-drop.sh CLUSTER [MAX_DROP] [SINCE]}
max_drop=${2:-0}
since=${3:-yesterday}
url=${BALLAST_URL:?set BALLAST_URL, e.g. https://ballast.example.com}
token=${BALLAST_TOKEN:?set BALLAST_TOKEN to an API token (Settings, API tokens)}

diff=$(curl --silent --show-error --fail-with-body \
	-H "Authorization: Bearer ${token}" -H "Accept: application/json" \
	"${url%/}/api/v1/clusters/${cluster}/diff?since=${since}") || {
	echo "Ballast did not answer the diff of ${cluster}: ${diff:-no answer}" >&2
	exit 2
}

change=$(jq -r '.scoreChange' <<<"${diff}")
before=$(jq -r '.base.result.score' <<<"${diff}")
after=$(jq -r '.target.result.score' <<<"${diff}")
echo "${cluster}: score ${before} -> ${after} (${change}) since ${since}"
if (( change < -max_drop )); then
	echo "The score dropped by more than ${max_drop}. New findings:" >&2
	jq -r '.newFindings[] | "  \(.severity)\t\(.check)\t\(.kind) \(.namespace)/\(.name)\t\(.path) = \(.actual)"' \
		<<<"${diff}" >&2
	exit 1
fi
