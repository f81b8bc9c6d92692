/// Checks the claims of a statement, one by one, against what the hotel owes.
///
/// Rules, in this order (the first that applies gives the line its code):
/// 1. a booking claimed on an earlier line → DUPLICATE_CLAIM; no booking with that confirmation or channel id
///    → UNKNOWN_BOOKING; a booking of another intermediary or of none → AGENT_MISMATCH; a booking whose
///    commission was approved in an earlier statement → ALREADY_PAID (nothing is due on these lines);
/// 2. nothing due on the booking (a claim of 0 is then OK): NO_STAY, OUTSIDE_TERMS or NOT_COMMISSIONABLE;
/// 3. claimed = due within the tolerance (1 minor unit a line) → OK;
/// 4. otherwise the first explanation that fits: the claimed arrival or departure differs from the stay as it
///    happened → STAY_CHANGED; the claim is the percent of tax-inclusive revenue, or of a room revenue larger
///    than the stay's tax-inclusive room revenue (extras) → WRONG_BASE; the claim counts the nights over the
///    cap → OVER_CAP, nights on a non-commissionable plan → NOT_COMMISSIONABLE, nights outside the terms →
///    OUTSIDE_TERMS; the claim is another percent (in steps of 0.25%) of the eligible revenue → WRONG_PERCENT;
///    the claimed room revenue differs from the stay's → STAY_CHANGED; else AMOUNT_MISMATCH.
///
/// Example: 10% net of 6% tax on 1900.00 is 179.25; a claim of 190.00 is WRONG_BASE.
public struct ClaimCheck: Sendable {
    public var intermediary: Code
    public var taxRate: BasisPoints
    /// The largest difference still taken as rounding, per line, in minor units.
    public var toleranceMinorUnits: Int64

    public init(intermediary: Code, taxRate: BasisPoints, toleranceMinorUnits: Int64 = 1) {
        self.intermediary = intermediary
        self.taxRate = taxRate
        self.toleranceMinorUnits = toleranceMinorUnits
    }

    public func check(_ claim: CommissionClaim, booking: ClaimedBooking, duplicateOfLine: Int?) -> ClaimResult {
        let zero = Money.zero(claim.claimed.currency)
        func result(
            _ reason: ClaimReason?, _ explanation: String, due: Money? = nil, confirmation: String? = nil,
            arithmetic: String = ""
        )
            -> ClaimResult
        {
            ClaimResult(
                line: claim.line, reference: claim.reference, guest: claim.guest, confirmation: confirmation,
                reason: reason,
                explanation: explanation, claimed: claim.claimed, due: due ?? zero, arithmetic: arithmetic)
        }
        func near(_ a: Money, _ b: Money) -> Bool {
            (a.minorUnits - b.minorUnits).magnitude <= toleranceMinorUnits.magnitude
        }

        guard case .found(let reservation, let owner, let paidIn, let due) = booking else {
            if let duplicateOfLine {
                return result(.duplicateClaim, "\(claim.reference) is already claimed on line \(duplicateOfLine)")
            }
            return result(.unknownBooking, "no booking has the confirmation number or channel id \(claim.reference)")
        }
        let confirmation = reservation.confirmation
        if let duplicateOfLine {
            return result(
                .duplicateClaim, "booking \(confirmation) is already claimed on line \(duplicateOfLine)",
                confirmation: confirmation)
        }
        guard owner == intermediary else {
            let whose = owner.map { "belongs to intermediary \($0)" } ?? "was not booked through an intermediary"
            return result(
                .agentMismatch, "booking \(confirmation) \(whose), not \(intermediary)", confirmation: confirmation)
        }
        if let paidIn {
            return result(
                .alreadyPaid, "commission on booking \(confirmation) was approved in statement \(paidIn)",
                confirmation: confirmation)
        }
        func verdict(_ reason: ClaimReason?, _ explanation: String) -> ClaimResult {
            let notes = due.notes.isEmpty ? "" : " (" + due.notes.joined(separator: "; ") + ")"
            return result(
                reason, explanation + notes, due: due.amount, confirmation: confirmation, arithmetic: due.arithmetic)
        }
        if let nothing = due.nothingDueReason {
            if claim.claimed.minorUnits == 0 {
                return verdict(nil, "nothing claimed and nothing due: \(due.arithmetic)")
            }
            let what: String
            switch nothing {
            case .noStay: what = "booking \(confirmation) is \(reservation.status.rawValue): no night was stayed"
            case .outsideTerms: what = "the stay \(reservation.stay) is outside the contract's validity"
            default: what = due.arithmetic
            }
            return verdict(nothing, what)
        }
        let claimed = claim.claimed
        let dueText = "\(due.amount.decimalText) is due"
        if near(claimed, due.amount) { return verdict(nil, "claimed \(claimed.decimalText), \(dueText)") }

        if let stayed = due.stayedStay, claim.arrival != stayed.arrival || claim.departure != stayed.departure {
            let claimedNights = claim.arrival.days(until: claim.departure)
            return verdict(
                .stayChanged,
                "claimed \(claim.arrival)…\(claim.departure) (\(claimedNights) night\(claimedNights == 1 ? "" : "s")) but the guest stayed \(stayed); \(dueText)"
            )
        }
        if let taxInclusive = due.onTaxInclusiveRevenue, near(claimed, taxInclusive) {
            return verdict(
                .wrongBase,
                "claimed \(claimed.decimalText) is \(due.percent.map(\.description) ?? "") of \(due.grossRevenue.decimalText) including \(taxRate) tax; \(dueText) on \(due.eligibleRevenue.decimalText) net of tax"
            )
        }
        if let percent = due.percent, claim.roomRevenue.minorUnits > due.stayRevenue.minorUnits + toleranceMinorUnits {
            let net = CommissionTerms.netOfTax(claim.roomRevenue, taxRate)
            if near(claimed, claim.roomRevenue.share(percent) + due.flatAmount)
                || near(claimed, net.share(percent) + due.flatAmount)
            {
                return verdict(
                    .wrongBase,
                    "claimed on room revenue \(claim.roomRevenue.decimalText), more than the stay's \(due.stayRevenue.decimalText) including tax (extras); \(dueText)"
                )
            }
        }
        if let uncapped = due.withoutCap, near(claimed, uncapped) {
            return verdict(
                .overCap,
                "claimed \(claimed.decimalText) on all \(due.stayedNights.count) nights; the contract pays at most \(due.countedNights); \(dueText)"
            )
        }
        if let all = due.withNonCommissionableNights, near(claimed, all) {
            return verdict(
                .notCommissionable, "claimed \(claimed.decimalText) on non-commissionable nights too; \(dueText)")
        }
        if let all = due.withNightsOutsideTerms, near(claimed, all) {
            return verdict(
                .outsideTerms,
                "claimed \(claimed.decimalText) on nights outside the contract's validity too; \(dueText)")
        }
        if let percent = due.percent, due.eligibleRevenue.minorUnits > 0 {
            let percentPart = claimed - due.flatAmount
            // Contracts use whole, half or quarter percents: any other implied percent is no explanation.
            let implied =
                Money.divideRoundingHalfAway(percentPart.minorUnits * 400, by: due.eligibleRevenue.minorUnits) * 25
            if implied > 0, implied <= 10_000, Int(implied) != percent.value {
                let impliedPercent = BasisPoints(Int(implied))
                if near(due.eligibleRevenue.share(impliedPercent), percentPart) {
                    return verdict(
                        .wrongPercent,
                        "claimed \(claimed.decimalText) is \(impliedPercent) of \(due.eligibleRevenue.decimalText); the commission is \(percent): \(dueText)"
                    )
                }
            }
        }
        let net = CommissionTerms.netOfTax(due.stayRevenue, taxRate)
        if !near(claim.roomRevenue, due.stayRevenue), !near(claim.roomRevenue, net) {
            return verdict(
                .stayChanged,
                "claimed room revenue \(claim.roomRevenue.decimalText) but the stay's was \(due.stayRevenue.decimalText) (\(net.decimalText) net of tax); \(dueText)"
            )
        }
        return verdict(
            .amountMismatch,
            "claimed \(claimed.decimalText) but \(dueText): \((claimed - due.amount).decimalText) more than due")
    }
}
