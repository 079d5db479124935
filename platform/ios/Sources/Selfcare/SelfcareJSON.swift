// SPDX-License-Identifier: Apache-2.0
// JSON in and out of the C ABI: arguments encoded from Encodable values, results decoded into
// the Codable types of SelfcareResults.swift. Keys are spelled as the command catalog spells
// them (each type's CodingKeys), so no key strategy is applied here.

import Foundation
import Selfcare

enum SelfcareJSON {
    /// `value` as JSON text. Throws `args.encoding` when it cannot be encoded.
    static func encode<T: Encodable>(_ value: T) throws -> String {
        do {
            let data = try JSONEncoder().encode(value)
            return String(decoding: data, as: UTF8.self)
        } catch {
            throw SelfcareError.wrapper("args.encoding", "the arguments could not be encoded as JSON")
        }
    }

    /// `json` decoded as `T`. Throws `result.shape` naming the path that did not match (never
    /// the values, which may be personal data).
    static func decode<T: Decodable>(_ type: T.Type, from json: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(json.utf8))
        } catch let DecodingError.keyNotFound(key, context) {
            throw shape(context.codingPath + [key], "is missing")
        } catch let DecodingError.typeMismatch(_, context) {
            throw shape(context.codingPath, "has another type")
        } catch let DecodingError.valueNotFound(_, context) {
            throw shape(context.codingPath, "is null")
        } catch {
            throw SelfcareError(code: Int32(SC_E_INTERNAL), id: "result.shape", message: "the result is not \(T.self)")
        }
    }

    private static func shape(_ path: [CodingKey], _ what: String) -> SelfcareError {
        let dotted = path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return SelfcareError(code: Int32(SC_E_INTERNAL), id: "result.shape", message: "result field \(dotted) \(what)",
                             field: dotted)
    }
}
