#!/usr/bin/env bash
# Sets up what the sample statements TRAVELCO-2027-04.csv and TRAVELCO-2027-05.csv claim for, on the database of
# scripts/demo.sh ($HOTELSALES_DB or ./hotelsales.sqlite; run the demo first): the 6% tax included in prices, the
# intermediaries TRAVELCO (10% net of tax, at most 29 nights, stays 2027-03-01…2027-12-31) and GLOBALTOURS, and
# their bookings from the channel manager (SITEMINDER_*.xml here: the agencies are known by their IATA numbers) —
# stayed, shortened, no-show, cancelled, on ACME's negotiated rate, 31 nights, in February, one at the channel's
# own 12% — then checks and approves the April statement, so that the May statement exercises every reason code:
#   hotelsales commissions check --intermediary TRAVELCO --statement channel-feeds/statements/TRAVELCO-2027-05.csv
# The statements name the bookings by their channel ids (TC-1002…), so the hotel's confirmation numbers do not
# matter. Run it once per database.
set -euo pipefail
HS=${HS:-.build/release/hotelsales}
cd "$(dirname "$0")/../.."

if $HS intermediaries show GLOBALTOURS >/dev/null 2>&1; then
    echo "The sample statements are already set up; use a fresh database to run this again."
    exit 0
fi
$HS commissions tax-rate 6%
if ! $HS intermediaries show TRAVELCO >/dev/null 2>&1; then  # the issue's own command may have added it
    $HS intermediaries add --code TRAVELCO --name "TravelCo Agency" --iata 12345678 --commission 10% \
        --basis room-net-of-tax --flat-per-night 0 --cap-nights 29 --from 2027-03-01 --to 2027-12-31
fi
$HS intermediaries add --code GLOBALTOURS --name "Global Tours Ltd" --iata 87654321 --commission 8%

$HS channels import channel-feeds/channels.yaml >/dev/null
$HS channels map --channel SITEMINDER --rate-plan-code ACME27 --to ACME27 >/dev/null
$HS feeds import channel-feeds/statements/SITEMINDER_2027-04-28_0300.xml channel-feeds/statements/SITEMINDER_2027-04-28_0301.xml >/dev/null

bookings=$({
    $HS commissions due --intermediary TRAVELCO --from 2027-01-01 --to 2027-12-31 --format csv 2>/dev/null
    $HS commissions due --intermediary GLOBALTOURS --from 2027-01-01 --to 2027-12-31 --format csv 2>/dev/null
})
conf() { awk -F, -v ref="$1" '$2 == ref {print $1; exit}' <<<"$bookings"; }
stayed() {  # channel id, arrival, departure: checks the guest in and out
    $HS bookings check-in "$(conf "$1")" --today "$2" >/dev/null
    $HS bookings check-out "$(conf "$1")" --today "$3" >/dev/null
}
stayed TC-1001 2027-04-10 2027-04-12
stayed TC-1002 2027-05-10 2027-05-13
stayed TC-1003 2027-05-10 2027-05-12
stayed TC-1004 2027-05-12 2027-05-14
$HS bookings check-in "$(conf TC-1005)" --today 2027-05-14 >/dev/null
$HS bookings modify "$(conf TC-1005)" --nights 2 --today 2027-05-15 >/dev/null  # left a night early
$HS bookings check-out "$(conf TC-1005)" --today 2027-05-16 >/dev/null
$HS bookings no-show "$(conf TC-1006)" --today 2027-05-19 >/dev/null
stayed TC-1007 2027-05-20 2027-05-22
stayed TC-1008 2027-04-20 2027-05-21
stayed TC-1009 2027-02-20 2027-02-22
stayed GT-2001 2027-05-24 2027-05-25
stayed TC-1011 2027-05-25 2027-05-26
stayed TC-1012 2027-05-26 2027-05-28
$HS bookings cancel "$(conf TC-1013)" >/dev/null
stayed SM-TC-4411 2027-05-20 2027-05-23

# April: checked and approved, so the May statement's claim on the same booking is ALREADY_PAID.
statement=$($HS commissions check --intermediary TRAVELCO --statement channel-feeds/statements/TRAVELCO-2027-04.csv \
    | sed -n 's/^Statement \([0-9]*\) .*/\1/p')
$HS commissions approve --statement-id "$statement"
echo "TRAVELCO and GLOBALTOURS set up with 14 channel bookings; April statement $statement approved."
