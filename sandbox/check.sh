#!/usr/bin/env bash
# Smoke test of the Trackdesk sandbox (WireMock) running at a base URL.
#   usage: sandbox/check.sh [base-url]        (default http://localhost:8089)
# Needs bash, curl, grep, sort and date. Exits 0 when every check passes, 1 otherwise.
set -uo pipefail

BASE="${1:-http://localhost:8089}"
BASE="${BASE%/}"
KEY="demo-key"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
FAILED=0

pass() { printf 'ok    %s\n' "$1"; }
fail() { printf 'FAIL  %s\n' "$1"; FAILED=1; }

# days_ago N -> RFC 3339 UTC timestamp N days before now (GNU date, BSD date fallback)
days_ago() {
    date -u -d "-$1 days" +%Y-%m-%dT%H:%M:%SZ 2>/dev/null || date -u -v-"$1"d +%Y-%m-%dT%H:%M:%SZ
}

# call NAME METHOD PATH [BODY] [KEY-HEADER...]: response body in $TMP/NAME, status in $STATUS
call() {
    local name="$1" method="$2" path="$3" body="${4:-}"
    shift 4 2>/dev/null || shift $#
    local args=(-sS -o "$TMP/$name" -w '%{http_code}' -X "$method" "$BASE$path" -H 'Content-Type: application/json')
    if [ -n "$body" ]; then args+=(--data "$body"); fi
    STATUS="$(curl "${args[@]}" "$@" 2>"$TMP/$name.err")" || STATUS="000"
}

# first bytes of a response (or the curl error) for failure messages
snippet() { { head -c 200 "$TMP/$1" 2>/dev/null; cat "$TMP/$1.err" 2>/dev/null; } | tr '\n' ' '; }

# values of a string field, in document order
field_values() { grep -o "\"$1\" *: *\"[^\"]*\"" "$TMP/$2" | sed 's/.*: *"\(.*\)"/\1/'; }

WEEK_AGO="$(days_ago 7)"
if [ -z "$WEEK_AGO" ]; then echo "cannot compute dates with 'date'"; exit 2; fi

# 1. list affiliates: 200, ~12 affiliates, newest first, someone joined in the last 7 days
call affiliates POST /api/node/affiliates/v1 '{"pagination":{"limit":100,"offset":0}}' -H "X-Api-Key: $KEY"
if [ "$STATUS" = 200 ] && grep -q '"affiliates"' "$TMP/affiliates"; then
    field_values registeredAt affiliates > "$TMP/dates"
    count="$(wc -l < "$TMP/dates" | tr -d ' ')"
    newest="$(head -n 1 "$TMP/dates")"
    if [ "$count" -ge 10 ]; then pass "ListAffiliates returns $count affiliates"; else fail "ListAffiliates returned $count affiliates (expected >= 10)"; fi
    if sort -r "$TMP/dates" | cmp -s - "$TMP/dates"; then pass "affiliates are sorted newest first"; else fail "affiliates are not sorted by registeredAt, newest first"; fi
    if [[ "$newest" > "$WEEK_AGO" ]]; then pass "newest affiliate joined recently ($newest)"; else fail "newest affiliate joined $newest, not within 7 days: dates are stale"; fi
else
    fail "ListAffiliates: HTTP $STATUS $(snippet affiliates)"
fi

# 2. conversion report filtered by status APPROVED over the last 7 days: only approved rows, at least one
call approved POST /api/reports/conversion-report/v1 \
    "{\"pagination\":{\"limit\":100,\"offset\":0},\"filters\":{\"conversionStatuses\":[\"CONVERSION_STATUS_APPROVED\"],\"timeRange\":{\"from\":\"$WEEK_AGO\"}}}" \
    -H "X-Api-Key: $KEY"
if [ "$STATUS" = 200 ] && grep -q '"rows"' "$TMP/approved"; then
    field_values conversionStatus approved > "$TMP/statuses"
    total="$(wc -l < "$TMP/statuses" | tr -d ' ')"
    approved="$(grep -c '^CONVERSION_STATUS_APPROVED$' "$TMP/statuses")"
    old="$(field_values createdAt approved | awk -v from="$WEEK_AGO" '$0 < from' | wc -l | tr -d ' ')"
    if [ "$total" -ge 1 ] && [ "$total" = "$approved" ] && [ "$old" = 0 ]; then
        pass "ConversionReport (approved, last 7 days) returns $total approved conversions"
    else
        fail "ConversionReport (approved, last 7 days): $total rows, $approved approved, $old older than 7 days"
    fi
else
    fail "ConversionReport: HTTP $STATUS $(snippet approved)"
fi

# 3. no X-Api-Key: 401 with a google.rpc.Status body (code 16 = UNAUTHENTICATED)
call nokey POST /api/node/affiliates/v1 '{}'
if [ "$STATUS" = 401 ] && grep -q '"code" *: *16' "$TMP/nokey"; then pass "missing X-Api-Key -> 401"; else fail "missing X-Api-Key: HTTP $STATUS $(snippet nokey)"; fi

# 4. revoked key: 401
call revoked POST /api/node/affiliates/v1 '{}' -H 'X-Api-Key: revoked-demo-key'
if [ "$STATUS" = 401 ] && grep -q '"code" *: *16' "$TMP/revoked"; then pass "revoked-demo-key -> 401"; else fail "revoked-demo-key: HTTP $STATUS $(snippet revoked)"; fi

# 5. unknown endpoint with a key: 404 (code 5 = NOT_FOUND)
call unknown GET /api/node/no-such-endpoint/v1 '' -H "X-Api-Key: $KEY"
if [ "$STATUS" = 404 ] && grep -q '"code" *: *5' "$TMP/unknown"; then pass "unknown endpoint -> 404"; else fail "unknown endpoint: HTTP $STATUS $(snippet unknown)"; fi

if [ "$FAILED" = 0 ]; then echo "sandbox at $BASE: all checks passed"; else echo "sandbox at $BASE: some checks FAILED"; fi
exit "$FAILED"
