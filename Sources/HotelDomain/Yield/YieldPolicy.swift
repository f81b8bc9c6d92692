/// A booking-control policy compared by the yield simulator.
///
/// - `fcfs`: first come, first served — sell to anyone while a room is left.
/// - `emsr-b-once`: EMSR-b nested booking limits computed once before the first request, never refreshed.
/// - `emsr-b-reoptimised`: EMSR-b recomputed from the remaining expected demand before each request.
/// - `optimum`: the decision rule of the exact dynamic programme for the scenario's arrival pattern.
public enum YieldPolicy: String, Codable, Sendable, Hashable, CaseIterable {
    case firstComeFirstServed = "fcfs"
    case emsrbOnce = "emsr-b-once"
    case emsrbReoptimised = "emsr-b-reoptimised"
    case optimum

    /// A short label for reports, e.g. `EMSR-b re-optimised`.
    public var title: String {
        switch self {
        case .firstComeFirstServed: return "FCFS"
        case .emsrbOnce: return "EMSR-b once"
        case .emsrbReoptimised: return "EMSR-b re-optimised"
        case .optimum: return "DP optimum"
        }
    }
}
