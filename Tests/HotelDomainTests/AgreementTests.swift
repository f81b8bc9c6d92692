import Testing

@testable import HotelDomain

@Suite("Agreement lifecycle")
struct AgreementTests {
    typealias F = PricingFixtures

    @Test("draft → submitted → approved, then active within its dates and expired after")
    func lifecycle() throws {
        let draft = F.agreement(1, "ACME", status: .draft)
        let submitted = try draft.applying(.submit, today: F.date("2026-11-23"))
        #expect(submitted.recordedStatus == .submitted)
        let approved = try submitted.applying(.approve, today: F.date("2026-11-23"))
        #expect(approved.status(on: F.date("2026-12-31")) == .approved)
        #expect(approved.status(on: F.date("2027-01-01")) == .active)
        #expect(approved.status(on: F.date("2027-12-31")) == .active)
        #expect(approved.status(on: F.date("2028-01-01")) == .expired)
        #expect(approved.grantsRates(on: F.date("2027-06-01")))
        #expect(!approved.grantsRates(on: F.date("2028-01-01")))
    }

    @Test("Approving twice is refused with the current status")
    func approveTwice() throws {
        let approved = F.agreement(7, "ACME", status: .approved)
        #expect(throws: DomainError.refused("agreement 7 is approved; only a submitted agreement can be approved")) {
            try approved.applying(.approve, today: F.date("2026-11-23"))
        }
    }

    @Test("A draft cannot be approved without being submitted; an expired agreement cannot be terminated")
    func refusedTransitions() throws {
        #expect(throws: DomainError.self) { try F.agreement(1, "ACME", status: .draft).applying(.approve, today: F.date("2026-11-23")) }
        #expect(throws: DomainError.self) { try F.agreement(1, "ACME").applying(.terminate, today: F.date("2028-02-01")) }
        let terminated = try F.agreement(1, "ACME").applying(.terminate, today: F.date("2027-02-01"))
        #expect(terminated.status(on: F.date("2027-03-01")) == .terminated)
        #expect(!terminated.grantsRates(on: F.date("2027-03-01")))
    }

    @Test("Type-specific terms are required")
    func requiredTerms() {
        #expect(throws: DomainError.self) {
            try Agreement(companyCode: "ACME", type: .longStay, validity: F.nights("2027-01-01", "2027-12-31"))
        }
        #expect(throws: DomainError.self) {
            try Agreement(companyCode: "ACME", type: .conferenceRoom, validity: F.nights("2027-01-01", "2027-12-31"),
                terms: AgreementTerms(meetingHalfDay: F.money("1200.00")))
        }
    }
}
