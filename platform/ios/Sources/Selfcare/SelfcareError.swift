// SPDX-License-Identifier: Apache-2.0
// The error every throwing SelfcareClient method throws: the C ABI's status plus the fields of
// its error document {"error":{"code","message","retryable","field"}} (c-abi.md).

import Foundation
import Selfcare

/// A failed command, or a client that could not be opened.
///
/// `code` is the SC_E_* status the C function returned (see `SelfcareStatus`), `id` the stable
/// string code of the error document ("storage.wrong_key", "validation.required", ...). Compare
/// `id`, never `message`: messages are for people and may change. Values are immutable, so an
/// error may be passed between threads freely.
public struct SelfcareError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The SC_E_* status (never SC_OK or SC_E_OFFLINE_QUEUED).
    public let code: Int32
    /// The stable string code, e.g. "auth.no_session".
    public let id: String
    /// A readable explanation; contains no secrets.
    public let message: String
    /// The argument or config field at fault ("args", "data_dir", "key.hex", ...), when one is.
    public let field: String?
    /// True when the same call may succeed later unchanged (network trouble, server busy).
    public let retryable: Bool

    public init(code: Int32, id: String, message: String, field: String? = nil, retryable: Bool = false) {
        self.code = code
        self.id = id
        self.message = message
        self.field = field
        self.retryable = retryable
    }

    /// The status as a named case, or nil for a code newer than this wrapper.
    public var status: SelfcareStatus? { SelfcareStatus(rawValue: code) }

    public var description: String {
        "SelfcareError(\(code), \(id)\(field.map { ", field \($0)" } ?? ""), \(message))"
    }

    /// Builds the error from a status and the SDK's error document. A document that cannot be
    /// read still gives an error carrying the status (id "internal.unreadable_error").
    init(status: Int32, document: String?) {
        struct Document: Decodable {
            struct Body: Decodable {
                let code: String
                let message: String?
                let retryable: Bool?
                let field: String?
            }
            let error: Body
        }
        if let text = document, let body = try? JSONDecoder().decode(Document.self, from: Data(text.utf8)).error {
            self.init(code: status, id: body.code, message: body.message ?? "", field: body.field,
                      retryable: body.retryable ?? false)
        } else {
            self.init(code: status, id: "internal.unreadable_error", message: "the SDK's error document could not be read")
        }
    }

    /// An error made on the Swift side, before the SDK was called (e.g. the client is closed).
    static func wrapper(_ id: String, _ message: String, code: Int32 = Int32(SC_E_INVALID_ARGUMENT)) -> SelfcareError {
        SelfcareError(code: code, id: id, message: message)
    }
}

/// The C ABI's status codes (selfcare.h; append-only there).
public enum SelfcareStatus: Int32, Sendable {
    case ok = 0
    case invalidArgument = 1
    case unauthenticated = 2
    case forbidden = 3
    case notFound = 4
    case conflict = 5
    case offlineQueued = 6
    case network = 7
    case server = 8
    case storage = 9
    case `internal` = 10
}
