/// `RatePlan`: the channel's rate plan code with its commission and meal plan.
///
/// Rule: the commission percent is kept as written; whether `"0.20"` means 20 % is a per-channel setting.
/// Example: AlpineBits gives `RatePlanCode="123456-xyz"`, `Commission Percent="15"`, `MealPlanCodes="1"`.
public struct OTARatePlan: Sendable, Equatable, Codable {
    /// `RatePlanCode`, e.g. `"CORA999"`.
    public var ratePlanCode: String?
    /// `RatePlanName`, e.g. `"Non refundable"`.
    public var ratePlanName: String?
    /// `Commission` of the rate plan.
    public var commission: OTACommission?
    /// `MealsIncluded` of the rate plan.
    public var mealsIncluded: OTAMealsIncluded?

    /// An empty rate plan.
    public init() {}
}
