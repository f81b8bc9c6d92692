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

# Group blocks and VIP (issue 5): the Tech Summit's displacement against Golden Week demand, its block, a dry run
# of its rooming list (two lines do not fit and are reported: exit 3) and its attrition if nobody came. The demo
# books nobody (later set-ups count on the confirmation numbers); to load the list for real and see the VIP
# arrivals: hotelsales groups rooming-list TECH27 groups/TECH27-rooming.csv ; hotelsales arrivals --date 2027-05-01
echo
$HS rates import rate-plans/GRP-TECH.yaml
$HS vip levels add --code V1 --rank 1 --name "Chairman level" --amenities "fruit basket; GM greeting" --notes "GM meets the guest at the door"
$HS vip levels add --code V2 --rank 2 --name "Executive" --amenities "welcome letter; late check-out"
if ! $HS groups show TECH27 >/dev/null 2>&1; then
    # Is the group worth 40 DLX in Golden Week at 890.00? (Before the block exists: it holds the rooms after.)
    $HS groups evaluate --room-type DLX --from 2027-05-01 --to 2027-05-04 --rooms 40 --rate 890.00 \
        --demand groups/TECH27-demand.csv --today "$TODAY"
    $HS groups create --code TECH27 --name "Tech Summit 2027" --company ACME --rate-plan GRP-TECH --cutoff 2027-04-20 \
        --attrition 20% --vip V2
fi
$HS vip set --company ACME --level V2
$HS groups block TECH27 --room-type DLX --from 2027-05-01 --to 2027-05-04 --rooms 40 --rate 890.00
$HS groups rooming-list TECH27 groups/TECH27-rooming.csv --dry-run --today "$TODAY" || [ $? -eq 3 ]
$HS groups release-due --today "$TODAY"
$HS groups show TECH27
$HS groups attrition TECH27
