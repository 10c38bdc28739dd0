import EcotopCore

/// Times and durations as people type them on the command line.
public enum TimeExpression {
    /// Parses `now`, a relative time (`-30d`, `-15m`, `-1h30m`, `+5m`), or an absolute time as
    /// `Timestamp` reads it: a Unix time (`1732680000`, `1732680000.5`, or in milliseconds,
    /// microseconds or nanoseconds, told by its size) or RFC 3339 (`2026-11-27T04:43:06Z`),
    /// giving seconds since the epoch.
    /// Refuses times outside the years 1 to 9999, so that no later conversion to milliseconds
    /// can overflow.
    public static func time(_ text: String, now: Double) throws -> Double {
        let seconds = try readTime(text, now: now)
        guard seconds >= earliest, seconds <= latest else {
            throw StoreError(.invalidRequest, "time \"\(text)\" is outside the years 1 to 9999")
        }
        return seconds
    }

    /// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z in seconds since the epoch.
    static let earliest = -62_135_596_800.0
    static let latest = 253_402_300_799.0

    private static func readTime(_ text: String, now: Double) throws -> Double {
        let trimmed = text.trimmingSpaces
        if trimmed == "now" { return now }
        if let sign = trimmed.first, sign == "-" || sign == "+" {
            let seconds = try duration(String(trimmed.dropFirst()))
            return sign == "-" ? now - seconds : now + seconds
        }
        if let timestamp = Timestamp(parsing: trimmed) { return timestamp.seconds }
        throw StoreError(.invalidRequest,
            "cannot read time \"\(text)\": expected now, a relative time like -30d or -15m, a Unix time, or RFC 3339 like 2026-11-27T04:43:06Z")
    }

    /// Parses a duration: one or more of a number and a unit (`ms`, `s`, `m`, `h`, `d`, `w`),
    /// as in `30d`, `15m`, `1h30m`, `90s`, giving seconds: 0, or from 1 ms to 10,000 years.
    public static func duration(_ text: String) throws -> Double {
        let scalars = Array(text.trimmingSpaces.unicodeScalars)
        var index = 0
        var total = 0.0
        func failure() -> StoreError {
            StoreError(.invalidRequest, "cannot read duration \"\(text)\": expected a number and a unit (ms, s, m, h, d, w), like 30d, 15m or 1h30m")
        }
        guard !scalars.isEmpty else { throw failure() }
        while index < scalars.count {
            var number = ""
            while index < scalars.count, ("0"..."9").contains(scalars[index]) || scalars[index] == "." {
                number.unicodeScalars.append(scalars[index])
                index += 1
            }
            var unit = ""
            while index < scalars.count, scalars[index].properties.isAlphabetic {
                unit.unicodeScalars.append(scalars[index])
                index += 1
            }
            guard let value = Double(number), let scale = units[unit] else { throw failure() }
            total += value * scale
        }
        guard total <= latest - earliest else {
            throw StoreError(.invalidRequest, "duration \"\(text)\" is longer than 10,000 years")
        }
        guard total == 0 || total >= 0.001 else {
            throw StoreError(.invalidRequest, "duration \"\(text)\" is shorter than 1ms, the store's resolution")
        }
        return total
    }

    /// RFC 3339 in UTC, with milliseconds when there are any: `2026-11-27T04:43:06Z`.
    public static func rfc3339(_ seconds: Double) -> String {
        Timestamp(seconds: seconds).rfc3339
    }

    private static let units: [String: Double] = [
        "ms": 0.001, "s": 1, "m": 60, "h": 3_600, "d": 86_400, "w": 7 * 86_400,
    ]
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
