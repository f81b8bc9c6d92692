/// EMSR-b protection levels for one night and room type, and the nested booking limits they imply.
///
/// Classes are indexed from 0 (highest fare) to k − 1. `unrounded[j]` protects classes 0…j against class j + 1.
/// Rounding rule: a level is rounded to the nearest whole room, halves up (54.5 → 55, 54.49 → 54).
/// Booking limits: `bookingLimits[0]` = capacity, `bookingLimits[j]` = max(0, capacity − rounded[j − 1]).
/// Example: levels 16.72, 50.94, 83.15 with capacity 100 → rounded 17/51/83 → limits 100/83/49/17.
public struct ProtectionLevels: Sendable, Hashable {
    /// The rooms the levels were computed for.
    public let capacity: Int
    /// EMSR-b levels y_1…y_{k−1} (k − 1 values), in rooms, unrounded.
    public let unrounded: [Double]
    /// The same levels rounded to whole rooms, halves up.
    public let rounded: [Int]
    /// Nested booking limits, one per class: the most rooms classes j…k − 1 may take together.
    public let bookingLimits: [Int]

    init(capacity: Int, unrounded: [Double]) {
        self.capacity = capacity
        self.unrounded = unrounded
        var rounded: [Int] = []
        rounded.reserveCapacity(unrounded.count)
        var limits = [capacity]
        limits.reserveCapacity(unrounded.count + 1)
        for level in unrounded {
            let whole = Self.roundHalfUp(level)
            rounded.append(whole)
            limits.append(max(0, capacity - whole))
        }
        self.rounded = rounded
        self.bookingLimits = limits
    }

    /// The number of fare classes.
    public var classCount: Int { bookingLimits.count }

    /// Rooms protected for the classes above class `classIndex` (unrounded; 0 for the highest class).
    ///
    /// Example: with levels 16.72, 50.94, 83.15, class 2 sees 50.94 rooms protected for classes 0 and 1.
    public func protectedForHigherClasses(than classIndex: Int) -> Double {
        classIndex > 0 && classIndex <= unrounded.count ? unrounded[classIndex - 1] : 0
    }

    /// Whether class `classIndex` may still sell with `remainingCapacity` rooms left.
    ///
    /// The rule (standard nesting): class j is open while remaining capacity > rounded y_{j−1}, which is the same
    /// as rooms sold (all classes) < booking limit b_j; the highest class is open while any room remains.
    /// Example: with rounded levels 17/51/83 and 50 rooms left, classes 0 and 1 are open, 2 and 3 closed.
    public func isOpen(classIndex: Int, remainingCapacity: Int) -> Bool {
        guard classIndex >= 0, classIndex < classCount else { return false }
        return classIndex == 0 ? remainingCapacity > 0 : remainingCapacity > rounded[classIndex - 1]
    }

    /// The open-or-closed decision for every class with `remainingCapacity` rooms left, highest class first.
    ///
    /// Remaining capacity is what can still be sold (e.g. capacity − sold). Example: rounded levels 17/51/83,
    /// 12 rooms left → only class 0 is open; each decision explains itself through `reason(className:night:)`.
    public func decisions(remainingCapacity: Int) -> [FareClassDecision] {
        (0..<classCount).map { index in
            FareClassDecision(
                classIndex: index,
                isOpen: isOpen(classIndex: index, remainingCapacity: remainingCapacity),
                remainingCapacity: remainingCapacity,
                protectedForHigherClasses: protectedForHigherClasses(than: index),
                roundedProtectedForHigherClasses: index > 0 ? rounded[index - 1] : 0,
                bookingLimit: bookingLimits[index])
        }
    }

    /// `level` rounded to the nearest whole room, halves up; capped far beyond any capacity.
    static func roundHalfUp(_ level: Double) -> Int {
        guard level > 0 else { return 0 }
        return Int(min(level, 1e15).rounded(.toNearestOrAwayFromZero))
    }
}
