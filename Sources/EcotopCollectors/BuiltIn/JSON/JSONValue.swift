import Foundation

/// A parsed JSON document, for the `http-json` collector's paths and the `log-tail`
/// collector's JSON rules.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses a whole JSON text (any value at the top); the error says where it broke.
    public init(parsing data: Data) throws(JSONValueError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch let error as NSError {
            let detail = error.userInfo[NSDebugDescriptionErrorKey] as? String ?? "not valid JSON"
            throw JSONValueError(reason: "invalid JSON: \(detail)")
        } catch {
            throw JSONValueError(reason: "invalid JSON")
        }
        self.init(foundation: object)
    }

    private init(foundation object: Any) {
        switch object {
        case let number as NSNumber:
            // JSONSerialization gives booleans as NSNumbers of type `char`; JSON numbers never are.
            self = String(cString: number.objCType) == "c" ? .bool(number.boolValue) : .number(number.doubleValue)
        case let string as String: self = .string(string)
        case let array as [Any]: self = .array(array.map(JSONValue.init(foundation:)))
        case let object as [String: Any]: self = .object(object.mapValues(JSONValue.init(foundation:)))
        default: self = .null
        }
    }

    /// The value as a sample value: a number, or a boolean as 1 or 0.
    public var numericValue: Double? {
        switch self {
        case .number(let number): number
        case .bool(let flag): flag ? 1 : 0
        default: nil
        }
    }

    /// The value as label text: strings as they are, numbers and booleans as JSON writes them.
    public var labelText: String? {
        switch self {
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        default: nil
        }
    }

    /// What kind of value this is, for errors: `a string`, `null`.
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A JSON text that could not be parsed.
public struct JSONValueError: Error, Hashable, Sendable, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
}
