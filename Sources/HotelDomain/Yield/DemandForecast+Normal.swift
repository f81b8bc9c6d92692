import Foundation

extension DemandForecast {
    /// The standard normal cumulative distribution Φ(z), accurate to about 1e-16 relative.
    ///
    /// Computed as ½·erfc(−z/√2). Example: `standardNormalCDF(1.96)` is 0.9750021048517795.
    public static func standardNormalCDF(_ z: Double) -> Double {
        0.5 * erfc(-z * 0.707_106_781_186_547_524_4)
    }

    /// The standard normal quantile Φ⁻¹(p): the z with Φ(z) = p, accurate to about 1e-15.
    ///
    /// Wichura's algorithm AS241 (PPND16) followed by one Halley step on Φ; the upper half uses the symmetry
    /// Φ⁻¹(p) = −Φ⁻¹(1 − p). `p` = 0 gives −∞, `p` = 1 gives +∞, anything outside [0, 1] or NaN gives NaN.
    /// Example: `standardNormalQuantile(0.975)` is 1.959963984540054.
    public static func standardNormalQuantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p > 0.5 { return -lowerQuantile(1 - p) }
        return lowerQuantile(p)
    }

    /// Φ⁻¹(p) for 0 < p ≤ ½, refined once.
    private static func lowerQuantile(_ p: Double) -> Double {
        var z = wichuraQuantile(p)
        let error = standardNormalCDF(z) - p
        let step = error * 2.506_628_274_631_000_502_4 * exp(0.5 * z * z)
        if step.isFinite {
            z -= step / (1 + 0.5 * z * step)
        }
        return z
    }

    /// Wichura (1988), Algorithm AS241 PPND16, for 0 < p < 1.
    private static func wichuraQuantile(_ p: Double) -> Double {
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            var numerator = r * 2509.080_928_730_122_672_7 + 33430.575_583_588_128_105
            numerator = numerator * r + 67265.770_927_008_700_853
            numerator = numerator * r + 45921.953_931_549_871_457
            numerator = numerator * r + 13731.693_765_509_461_125
            numerator = numerator * r + 1971.590_950_306_551_442_7
            numerator = numerator * r + 133.141_667_891_784_377_45
            numerator = numerator * r + 3.387_132_872_796_366_608
            var denominator = r * 5226.495_278_852_545_925 + 28729.085_735_721_942_674
            denominator = denominator * r + 39307.895_800_092_710_61
            denominator = denominator * r + 21213.794_301_586_595_867
            denominator = denominator * r + 5394.196_021_424_751_107_7
            denominator = denominator * r + 687.187_007_492_057_908_3
            denominator = denominator * r + 42.313_330_701_600_911_252
            denominator = denominator * r + 1
            return q * numerator / denominator
        }
        var r = (-log(min(p, 1 - p))).squareRoot()
        let value: Double
        if r <= 5 {
            r -= 1.6
            var numerator = r * 7.745_450_142_783_414_076_4e-4 + 0.022_723_844_989_269_184_583_3
            numerator = numerator * r + 0.241_780_725_177_450_611_77
            numerator = numerator * r + 1.270_458_252_452_368_382_58
            numerator = numerator * r + 3.647_848_324_763_204_605_04
            numerator = numerator * r + 5.769_497_221_460_691_405_5
            numerator = numerator * r + 4.630_337_846_156_545_295_9
            numerator = numerator * r + 1.423_437_110_749_683_577_34
            var denominator = r * 1.050_750_071_644_416_843_24e-9 + 5.475_938_084_995_344_946e-4
            denominator = denominator * r + 0.015_198_666_563_616_457_196_6
            denominator = denominator * r + 0.148_103_976_427_480_074_59
            denominator = denominator * r + 0.689_767_334_985_100_004_55
            denominator = denominator * r + 1.676_384_830_183_803_849_4
            denominator = denominator * r + 2.053_191_626_637_758_821_87
            denominator = denominator * r + 1
            value = numerator / denominator
        } else {
            r -= 5
            var numerator = r * 2.010_334_399_292_288_132_65e-7 + 2.711_555_568_743_487_578_15e-5
            numerator = numerator * r + 0.001_242_660_947_388_078_438_6
            numerator = numerator * r + 0.026_532_189_526_576_123_093
            numerator = numerator * r + 0.296_560_571_828_504_891_23
            numerator = numerator * r + 1.784_826_539_917_291_335_8
            numerator = numerator * r + 5.463_784_911_164_114_369_9
            numerator = numerator * r + 6.657_904_643_501_103_777_2
            var denominator = r * 2.044_263_103_389_939_785_64e-15 + 1.421_511_758_316_445_888_7e-7
            denominator = denominator * r + 1.846_318_317_510_054_681_8e-5
            denominator = denominator * r + 7.868_691_311_456_132_591e-4
            denominator = denominator * r + 0.014_875_361_290_850_614_852_5
            denominator = denominator * r + 0.136_929_880_922_735_805_31
            denominator = denominator * r + 0.599_832_206_555_887_937_69
            denominator = denominator * r + 1
            value = numerator / denominator
        }
        return q < 0 ? -value : value
    }
}
