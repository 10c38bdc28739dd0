#if canImport(Glibc)
import Glibc
#endif

/// A colour in CIELAB (D65), where the straight-line distance between two colours follows
/// how different they look (CIE76 ΔE), unlike distance in RGB, which overrates differences
/// in green and underrates those in blue.
struct LabColor: Sendable {
    var lightness: Double
    var a: Double
    var b: Double

    /// Converts 8-bit sRGB: gamma-expanded to linear light, to XYZ, to L*a*b*.
    init(red: UInt8, green: UInt8, blue: UInt8) {
        let (r, g, b) = (Self.linear(red), Self.linear(green), Self.linear(blue))
        let x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
        let y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
        let z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883
        let (fx, fy, fz) = (Self.f(x), Self.f(y), Self.f(z))
        lightness = 116 * fy - 16
        a = 500 * (fx - fy)
        self.b = 200 * (fy - fz)
    }

    /// The squared ΔE (CIE76) to another colour; squared because only the order matters.
    func squaredDistance(to other: LabColor) -> Double {
        let dl = lightness - other.lightness, da = a - other.a, db = b - other.b
        return dl * dl + da * da + db * db
    }

    private static func linear(_ channel: UInt8) -> Double {
        let value = Double(channel) / 255
        return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
    }

    private static func f(_ t: Double) -> Double {
        t > 216.0 / 24_389 ? cbrt(t) : (24_389.0 / 27 * t + 16) / 116
    }
}
