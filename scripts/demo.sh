#!/usr/bin/env bash
# The main job on the embedded default database (./hotelsales.sqlite, or $HOTELSALES_DB) with the shipped
# sample data: set up the hotel from rate-plans/, register companies, sign and approve their agreements,
# import BAR and the negotiated rates, then print a quote and a rate sheet (the contract's rate grid).
# Safe to run again: what already exists is left as it is.
set -euo pipefail
HS=${HS:-.build/release/hotelsales}
TODAY=${TODAY:-2026-11-23}
cd "$(dirname "$0")/.."

$HS init --hotel rate-plans/hotel.yaml
$HS rates import rate-plans/bar-2027.yaml

add_company() {  # code, then the remaining `companies add` options
    local code=$1
    shift
    if $HS companies show "$code" >/dev/null 2>&1; then
        echo "Company $code already registered."
    else
        $HS companies add --code "$code" "$@"
    fi
}
add_company ACME --name "Acme Industrial Ltd" --segment corporate --credit-limit 20000.00 --sales-owner lwang \
    --payment-terms 30 --contact-name "Zhou Min" --email travel@acme-industrial.example --phone "+86 21 5555 0101" \
    --address "88 Century Avenue, Pudong, Shanghai"
add_company GLOBEX --name "Globex Consulting (Shanghai) Co." --segment corporate --credit-limit 50000.00 \
    --sales-owner lwang --payment-terms 45 --email bookings@globex.example
add_company SHGOV --name "Shanghai Municipal Commerce Commission" --segment government --credit-limit 0 --sales-owner hzhang
add_company SHGOV-TRANS --name "Shanghai Transport Bureau" --segment government --credit-limit 0 --sales-owner hzhang --parent SHGOV
add_company EVENTPRO --name "EventPro MICE Services" --segment mice --credit-limit 80000.00 --sales-owner jli

sign() {  # company, type, then extra options: drafts, submits and approves an agreement unless one exists
    local company=$1 type=$2
    shift 2
    local existing
    existing=$($HS agreements list --company "$company" --format csv --today "$TODAY" | awk -F, -v t="$type" 'NR>1 && $3==t {print $1; exit}')
    if [ -n "$existing" ]; then
        echo "$company already has $type agreement $existing."
        return
    fi
    local id
    id=$($HS agreements add --company "$company" --type "$type" --from 2027-01-01 --to 2027-12-31 "$@")
    $HS agreements submit "$id" --today "$TODAY"
    $HS agreements approve "$id" --today "$TODAY"
}
sign ACME cumulative-room --opening-room-nights 0
sign ACME long-stay --min-nights 14 --discount 25%
sign GLOBEX cumulative-room
sign SHGOV cumulative-room
sign SHGOV-TRANS cumulative-room
sign EVENTPRO conference-room --half-day 1800.00 --full-day 3000.00

$HS rates import rate-plans/acme-2027.yaml rate-plans/globex-2027.yaml rate-plans/shgov-2027.yaml
echo
$HS rates list
echo
$HS rates quote --company ACME --room-type DLX --arrival 2027-03-01 --nights 3 --today "$TODAY"
echo
acme=$($HS agreements list --company ACME --format csv | awk -F, 'NR>1 && $3=="cumulative-room" {print $1; exit}')
$HS agreements contract "$acme" --today "$TODAY"
