/// `MealsIncluded`: the meal plan of a rate plan.
///
/// Rule: `mealPlanCodes` is the raw OpenTravel MPT list, e.g. `"1"` (all inclusive) or `"3 12"`.
/// Example: OpenTravel's sample sets `Breakfast="true" Lunch="true" Dinner="true"` and no codes.
public struct OTAMealsIncluded: Sendable, Equatable, Codable {
    /// `MealPlanIndicator`, e.g. `"true"`.
    public var mealPlanIndicator: String?
    /// `MealPlanCodes`, a space-separated list, e.g. `"1"`.
    public var mealPlanCodes: String?
    /// `Breakfast`, e.g. `"true"`.
    public var breakfast: String?
    /// `Lunch`, e.g. `"true"`.
    public var lunch: String?
    /// `Dinner`, e.g. `"true"`.
    public var dinner: String?

    /// No meal information.
    public init() {}
}
