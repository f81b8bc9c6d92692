#!/usr/bin/env python3
"""Writes a synthetic channel feed of N bookings for the import benchmark.

Each booking is its own OTA_HotelResNotifRQ of about 2 KB: a guest with contacts, 3 nightly rates, a total,
a commission, guest counts with a child's age and a comment. Deterministic for a given N and seed.
Usage: generate-feed.py N OUT.xml [--seed S]
"""
import datetime
import random
import sys


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit("usage: generate-feed.py N OUT.xml [--seed S]")
    count = int(sys.argv[1])
    out = sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1
    rng = random.Random(seed)
    rooms = ["STD", "DLX", "EXE", "FAM", "STE"]
    first = datetime.date(2027, 1, 1)
    with open(out, "w", encoding="utf-8") as feed:
        feed.write('<?xml version="1.0" encoding="UTF-8"?>\n<Feed>\n')
        for index in range(count):
            arrival = first + datetime.timedelta(days=rng.randrange(0, 360))
            room = rng.choice(rooms)
            amounts = [rng.randrange(600, 1600) for _ in range(3)]
            rates = "".join(
                f'<Rate EffectiveDate="{arrival + datetime.timedelta(days=k)}" '
                f'ExpireDate="{arrival + datetime.timedelta(days=k + 1)}" RateTimeUnit="Day" UnitMultiplier="1">'
                f'<Base AmountAfterTax="{amount}.00" CurrencyCode="CNY" DecimalPlaces="2"/></Rate>'
                for k, amount in enumerate(amounts))
            minute = index % 1440
            feed.write(
                f'<OTA_HotelResNotifRQ xmlns="http://www.opentravel.org/OTA/2003/05" EchoToken="bench-{index}" '
                f'TimeStamp="2026-11-23T{minute // 60:02d}:{minute % 60:02d}:00Z" Version="1.0">\n'
                f'<HotelReservations><HotelReservation CreateDateTime="2026-11-22T10:00:00Z" '
                f'LastModifyDateTime="2026-11-22T10:00:00Z" ResStatus="Book">\n'
                f'<UniqueID Type="14" ID="BENCH-{index}"/>\n'
                f'<RoomStays><RoomStay><RoomTypes><RoomType RoomTypeCode="{room}" NumberOfUnits="1"/></RoomTypes>\n'
                f'<RatePlans><RatePlan RatePlanCode="BAR"><Commission Percent="15"/></RatePlan></RatePlans>\n'
                f'<RoomRates><RoomRate RoomTypeCode="{room}" RatePlanCode="BAR"><Rates>{rates}</Rates></RoomRate></RoomRates>\n'
                f'<GuestCounts><GuestCount AgeQualifyingCode="10" Count="2"/><GuestCount AgeQualifyingCode="8" Count="1" Age="7"/></GuestCounts>\n'
                f'<TimeSpan Start="{arrival}" End="{arrival + datetime.timedelta(days=3)}"/>'
                f'<Total AmountAfterTax="{sum(amounts)}.00" CurrencyCode="CNY" DecimalPlaces="2"/>'
                f'<BasicPropertyInfo HotelCode="SHBUND"/></RoomStay></RoomStays>\n'
                f'<ResGuests><ResGuest><Profiles><ProfileInfo><Profile ProfileType="1"><Customer>'
                f'<PersonName><GivenName>Guest</GivenName><Surname>Number {index}</Surname></PersonName>'
                f'<Telephone PhoneNumber="+86 21 5555 {index % 10000:04d}"/><Email>guest{index}@example.com</Email>'
                f'</Customer></Profile></ProfileInfo></Profiles></ResGuest></ResGuests>\n'
                f'<ResGlobalInfo><Comments><Comment><Text>Quiet room away from the elevator if possible; '
                f'arriving by train from Hongqiao around 21:00.</Text></Comment></Comments></ResGlobalInfo>\n'
                f'</HotelReservation></HotelReservations></OTA_HotelResNotifRQ>\n')
        feed.write("</Feed>\n")


if __name__ == "__main__":
    main()
