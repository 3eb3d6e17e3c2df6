#!/usr/bin/env bash
# Quarterly review: list every BigID data source and write them to a CSV
# file, to compare with the data catalog.
#
# Everything it needs comes from the environment, so no secret is ever
# written into this file:
#
#   BIGID_BASE_URL    BigID's address, without /api/v1, for example
#                     https://bigid.example.com, or the playground's
#                     sandbox at http://127.0.0.1:3000/sandbox
#   BIGID_USER_TOKEN  a user token (Administration > Access Management), or
#   BIGID_USERNAME and BIGID_PASSWORD
#                     for the legacy sign-in of on-premises installations
#   BIGID_OUTPUT      the CSV file to write (default: data-sources.csv)
#   BIGID_PAGE_SIZE   data sources asked for per request (default: 100)
#
# Needs bash, curl and jq.
set -euo pipefail

base_url="${BIGID_BASE_URL:-}"
output="${BIGID_OUTPUT:-data-sources.csv}"
page_size="${BIGID_PAGE_SIZE:-100}"

fail() {
  printf 'quarterly-review: %s\n' "$*" >&2
  exit 1
}

[[ -n "$base_url" ]] ||
  fail 'set BIGID_BASE_URL, for example http://127.0.0.1:3000/sandbox'
[[ "$page_size" =~ ^[1-9][0-9]*$ ]] ||
  fail "BIGID_PAGE_SIZE must be a whole number above 0, not '$page_size'"
base_url="${base_url%/}"

# call METHOD PATH [TOKEN] — prints the reply body, or stops on any status
# but 200. The token goes to curl through a file descriptor rather than
# its command line, where other users of the machine could read it. A
# body, when there is one, is read from standard input.
call() {
  local method="$1" path="$2" token="${3:-}"
  local args=(--silent --show-error --max-time 30 --request "$method"
    --write-out '\n%{http_code}')
  if [[ "$method" == POST ]]; then
    args+=(--header 'Content-Type: application/json' --data-binary @-)
  fi

  local reply
  if [[ -n "$token" ]]; then
    reply=$(curl "${args[@]}" --header @<(printf 'Authorization: %s\n' "$token") \
      "$base_url$path") || fail "could not reach $base_url"
  else
    reply=$(curl "${args[@]}" "$base_url$path") || fail "could not reach $base_url"
  fi

  local status="${reply##*$'\n'}" body="${reply%$'\n'*}"
  [[ "$status" == 200 ]] || fail "$method $path answered $status: ${body:0:300}"
  printf '%s' "$body"
}

# BigID answers a refused sign-in with 200 and "success": false, so the
# body decides, not the status.
read_token() {
  local reply="$1" field="$2"
  jq -er --arg field "$field" 'select(.success == true) | .[$field]' \
    <<<"$reply" 2>/dev/null ||
    fail "BigID refused the sign-in: $(jq -r '.message // .' <<<"$reply" 2>/dev/null || printf '%s' "$reply")"
}

if [[ -n "${BIGID_USER_TOKEN:-}" ]]; then
  reply=$(call GET /api/v1/refresh-access-token "$BIGID_USER_TOKEN" </dev/null)
  token=$(read_token "$reply" systemToken)
elif [[ -n "${BIGID_USERNAME:-}" && -n "${BIGID_PASSWORD:-}" ]]; then
  reply=$(jq -n --arg username "$BIGID_USERNAME" --arg password "$BIGID_PASSWORD" \
    '{username: $username, password: $password}' | call POST /api/v1/sessions)
  token=$(read_token "$reply" auth_token)
else
  fail 'set BIGID_USER_TOKEN, or BIGID_USERNAME and BIGID_PASSWORD'
fi

# Page through the list until skip reaches totalCount, which counts every
# data source, not just the ones in this reply.
pages=$(mktemp -d)
trap 'rm -rf "$pages"' EXIT
skip=0
page=0
while :; do
  reply=$(call GET \
    "/api/v1/ds-connections?skip=$skip&limit=$page_size&requireTotalCount=true" \
    "$token" </dev/null)
  count=$(jq -er '.data.ds_connections | length' <<<"$reply" 2>/dev/null) ||
    fail "the list answered something unexpected: ${reply:0:300}"
  total=$(jq -er '.data.totalCount' <<<"$reply")
  page=$((page + 1))
  printf '%s' "$reply" >"$pages/$(printf '%06d' "$page").json"
  skip=$((skip + count))
  if ((count == 0 || skip >= total)); then break; fi
done

jq -r -s '
  ["name", "type", "enabled", "location", "security_tier", "updated_at"],
  (.[].data.ds_connections[]
    | [.name, .type, .enabled, .location, .security_tier, .updated_at]
    | map(. // "" | tostring))
  | @csv
' "$pages"/*.json >"$output"

printf 'Wrote %d data sources to %s (%d of %d listed, %d pages).\n' \
  "$skip" "$output" "$skip" "$total" "$page" >&2
