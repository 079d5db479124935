// SPDX-License-Identifier: Apache-2.0
// SelfcareClient: the Swift face of one sc_client. Blocking calls through sc_call, async calls
// bridged from sc_call_async, and events as an AsyncStream backed by sc_set_listener.

import Foundation
import Selfcare

/// One SDK client: one data folder, one encrypted store, at most one session.
///
/// Threading: every method may be called from any thread or task, concurrently. The blocking
/// `call(_:args:)` waits for the command (network included), so call it off the main thread;
/// from async code `try await call(_:args:)` runs on the SDK's own worker threads instead and
/// never blocks a thread of the cooperative pool. No app code runs on SDK threads: callbacks
/// only resume a continuation or yield to a stream.
///
/// Lifetime: `close()` (or the last reference going away) closes the client. It waits for
/// blocking calls in flight to return, lets queued async calls finish (each resumes exactly
/// once), ends the event stream, and releases the store. Calls after `close()` throw
/// `client.closed`.
public final class SelfcareClient: @unchecked Sendable {
    // @unchecked: the mutable state below is guarded by `state` (closing, calls in flight) and
    // `listenerLock` (the registered listener). Lock order: listenerLock, then state.
    private let handle: OpaquePointer
    private let state = NSCondition()
    private var closed = false
    private var callsInFlight = 0
    private let listenerLock = NSLock()
    private var listener: Unmanaged<EventListener>?

    /// Opens a client with `config`. Throws the SDK's error: `validation.*` naming the field for
    /// a bad config, `storage.wrong_key` when the store exists but the key does not open it
    /// (the store is never recreated), `storage.key_unavailable`, `storage.corrupt`.
    public convenience init(config: SelfcareConfig) throws {
        var text = try config.jsonBytes()
        // The config may carry the store key: wipe our copy once the SDK has read it.
        defer {
            for i in text.indices {
                text[i] = 0
            }
        }
        try self.init(configBytes: text)
    }

    /// Opens a client from config JSON text (c-abi.md "Config"); see `init(config:)`.
    public convenience init(configJSON: String) throws {
        try self.init(configBytes: Array(configJSON.utf8CString))
    }

    // `bytes` is NUL-terminated UTF-8.
    private init(configBytes bytes: [CChar]) throws {
        var out: OpaquePointer?
        var error: UnsafeMutablePointer<CChar>?
        let status = bytes.withUnsafeBufferPointer { sc_client_open($0.baseAddress, &out, &error) }
        defer { sc_free(error) }
        guard status == Int32(SC_OK), let opened = out else {
            throw SelfcareError(status: status, document: error.map { String(cString: $0) })
        }
        handle = opened
    }

    deinit {
        close()
    }

    /// The ABI version of the loaded library; compare with `SelfcareClient.headerABIVersion`.
    public static var libraryABIVersion: Int32 { sc_version() }
    /// The ABI version of the header this wrapper was compiled against.
    public static var headerABIVersion: Int32 { Int32(SC_ABI_VERSION) }

    // MARK: - Commands

    /// Runs `command` with `args` (JSON object text; nil for none) and blocks until it is done.
    /// Returns the answer (check `queued` for writes accepted offline); throws `SelfcareError`.
    @discardableResult
    public func call(_ command: String, args: String? = nil) throws -> SelfcareReply {
        try beginUse()
        defer { endUse() }
        var out: UnsafeMutablePointer<CChar>?
        let status = withOptionalCString(args) { sc_call(handle, command, $0, &out) }
        defer { sc_free(out) }
        return try SelfcareReply(status: status, document: out.map { String(cString: $0) })
    }

    /// Runs `command` on an SDK worker thread (sc_call_async) and resumes when it is done,
    /// exactly once. Cancelling the task does not stop the command: it completes and its answer
    /// is returned.
    @discardableResult
    public func call(_ command: String, args: String? = nil) async throws -> SelfcareReply {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<SelfcareReply, Error>) in
            let pending = PendingCall(continuation)
            do {
                try beginUse()
            } catch {
                pending.fail(error)
                return
            }
            // The SDK holds this reference until the callback, which takes it back.
            let user = Unmanaged.passRetained(pending).toOpaque()
            let status = withOptionalCString(args) { sc_call_async(handle, command, $0, selfcareResultCallback, user) }
            endUse()
            if status != Int32(SC_OK) {
                // Not queued: the callback will never run, so the reference comes back here.
                Unmanaged<PendingCall>.fromOpaque(user).release()
                pending.fail(SelfcareError(code: status, id: "call.not_queued", message: "the SDK did not accept the call"))
            }
        }
    }

    /// `call(_:args:)` with arguments encoded from an `Encodable` value (keys as written in the
    /// command catalog).
    @discardableResult
    public func call<Args: Encodable>(_ command: String, arguments: Args) async throws -> SelfcareReply {
        try await call(command, args: try SelfcareJSON.encode(arguments))
    }

    // MARK: - Events

    /// The client's events ("ticket.updated", "workorder.updated", "connectivity.changed",
    /// "sync.drained", "session.ended", ...). The SDK has one listener per client, so a new
    /// stream ends the previous one. When the consumer stops (the task is cancelled or the
    /// stream is dropped) the listener is removed; after `close()` the stream ends. Events that
    /// arrive faster than they are read are dropped oldest first beyond `bufferLimit`.
    public func events(bufferLimit: Int = 256) -> AsyncStream<SelfcareEvent> {
        AsyncStream(SelfcareEvent.self, bufferingPolicy: .bufferingNewest(bufferLimit)) { continuation in
            self.startListening(continuation)
        }
    }

    private func startListening(_ continuation: AsyncStream<SelfcareEvent>.Continuation) {
        let box = EventListener(continuation)
        // Set first: a consumer that is already gone removes the listener once it is in place.
        continuation.onTermination = { [weak self] _ in self?.stopListening(box) }
        guard (try? beginUse()) != nil else {
            continuation.finish()
            return
        }
        listenerLock.lock()
        let previous = listener
        let retained = Unmanaged.passRetained(box)
        listener = retained
        _ = sc_set_listener(handle, selfcareEventCallback, retained.toOpaque())
        listenerLock.unlock()
        endUse()
        // sc_set_listener has returned: the previous callback will never run again.
        if let previous {
            previous.takeUnretainedValue().finish()
            previous.release()
        }
    }

    private func stopListening(_ box: EventListener) {
        listenerLock.lock()
        guard let current = listener, current.takeUnretainedValue() === box else {
            listenerLock.unlock()
            return  // replaced already, or released by close()
        }
        guard (try? beginUse()) != nil else {
            listenerLock.unlock()
            return  // closing: close() releases it once no callback can run
        }
        _ = sc_set_listener(handle, nil, nil)  // returns once the callback cannot run any more
        endUse()
        listener = nil
        listenerLock.unlock()
        current.release()
    }

    // MARK: - Closing

    /// Closes the client (see the type's notes). Idempotent; blocks until calls in flight are done.
    public func close() {
        state.lock()
        if closed {
            state.unlock()
            return
        }
        closed = true
        while callsInFlight > 0 {
            state.wait()
        }
        state.unlock()
        // Runs queued async calls to their callback, and waits for a listener callback in flight.
        sc_client_close(handle)
        listenerLock.lock()
        let last = listener
        listener = nil
        listenerLock.unlock()
        if let last {
            last.takeUnretainedValue().finish()
            last.release()
        }
    }

    private func beginUse() throws {
        state.lock()
        defer { state.unlock() }
        if closed {
            throw SelfcareError.wrapper("client.closed", "the client is closed")
        }
        callsInFlight += 1
    }

    private func endUse() {
        state.lock()
        callsInFlight -= 1
        if callsInFlight == 0 {
            state.broadcast()
        }
        state.unlock()
    }
}

/// A successful answer: the result document, and whether the SDK accepted a write offline
/// (SC_E_OFFLINE_QUEUED: stored on the device and sent when the server is reachable).
public struct SelfcareReply: Sendable {
    /// The result document (JSON text).
    public let json: String
    /// True when the write was queued on the device rather than confirmed by the server.
    public let queued: Bool

    init(status: Int32, document: String?) throws {
        guard status == Int32(SC_OK) || status == Int32(SC_E_OFFLINE_QUEUED), let document else {
            throw SelfcareError(status: status, document: document)
        }
        json = document
        queued = status == Int32(SC_E_OFFLINE_QUEUED)
    }

    /// The result decoded as `T`; throws `result.shape` when it does not have T's shape.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try SelfcareJSON.decode(type, from: json)
    }
}

/// One event from the SDK: its name and the whole document {"event": name, "data": {...}}.
public struct SelfcareEvent: Sendable {
    public let name: String
    public let json: String

    init?(json: String) {
        struct Head: Decodable { let event: String }
        guard let head = try? SelfcareJSON.decode(Head.self, from: json) else { return nil }
        name = head.event
        self.json = json
    }

    /// The event's "data" decoded as `T`.
    public func data<T: Decodable>(as type: T.Type) throws -> T {
        try SelfcareJSON.decode(EventEnvelope<T>.self, from: json).data
    }
}

private struct EventEnvelope<T: Decodable>: Decodable {
    let data: T
}

/// Runs `body` with `text` as a NUL-terminated C string, or with NULL for nil.
private func withOptionalCString<R>(_ text: String?, _ body: (UnsafePointer<CChar>?) throws -> R) rethrows -> R {
    guard let text else { return try body(nil) }
    return try text.withCString { try body($0) }
}

// MARK: - Bridging the C callbacks

/// The continuation of one async call, resumed at most once whatever the SDK does.
private final class PendingCall: @unchecked Sendable {
    // @unchecked: `continuation` is read and cleared under `lock`.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<SelfcareReply, Error>?

    init(_ continuation: CheckedContinuation<SelfcareReply, Error>) {
        self.continuation = continuation
    }

    func complete(status: Int32, document: String?) {
        take()?.resume(with: Result { try SelfcareReply(status: status, document: document) })
    }

    func fail(_ error: Error) {
        take()?.resume(throwing: error)
    }

    private func take() -> CheckedContinuation<SelfcareReply, Error>? {
        lock.lock()
        defer { lock.unlock() }
        let c = continuation
        continuation = nil
        return c
    }
}

/// The stream one sc_set_listener registration feeds.
private final class EventListener: Sendable {
    private let continuation: AsyncStream<SelfcareEvent>.Continuation

    init(_ continuation: AsyncStream<SelfcareEvent>.Continuation) {
        self.continuation = continuation
    }

    func deliver(_ json: String) {
        if let event = SelfcareEvent(json: json) {
            continuation.yield(event)
        }
    }

    func finish() {
        continuation.finish()
    }
}

// sc_result_fn: runs once per sc_call_async on an SDK worker thread. The document is the SDK's
// only during this call, so it is copied before anything else happens.
private func selfcareResultCallback(_ user: UnsafeMutableRawPointer?, _ status: Int32, _ json: UnsafePointer<CChar>?) {
    guard let user else { return }
    let document = json.map { String(cString: $0) }
    Unmanaged<PendingCall>.fromOpaque(user).takeRetainedValue().complete(status: status, document: document)
}

// sc_event_fn: runs on an SDK thread. The reference is owned by SelfcareClient.listener, which
// outlives every call of this function (sc_set_listener and sc_client_close wait for it).
private func selfcareEventCallback(_ user: UnsafeMutableRawPointer?, _ json: UnsafePointer<CChar>?) {
    guard let user, let json else { return }
    Unmanaged<EventListener>.fromOpaque(user).takeUnretainedValue().deliver(String(cString: json))
}
