// SPDX-License-Identifier: Apache-2.0
// The iOS key-store hook: the store's 32-byte key lives in the Keychain, is created once per
// device, and is handed to the SDK as {"provider":"supplied","hex":"..."}.

import Foundation
import Security
import Selfcare

/// Keeps the store key as a generic-password Keychain item readable after the first unlock
/// following a boot, on this device only (not in backups, not synced).
///
/// The rule that matters: only "no such item" creates a key. Any other failure to read (the
/// device has not been unlocked since it booted, the Keychain is unavailable, the item is not a
/// 32-byte key) is an error, never a reason to make a new key, because a new key would not open
/// the existing store and the customer's data would be lost.
///
/// Thread-safety: the Keychain is; two first-time callers racing to create the key both end up
/// with the one that was stored first.
public struct KeychainKeyStore: Sendable {
    public let service: String
    public let account: String

    public init(service: String = "com.selfcare.store-key", account: String = "store") {
        self.service = service
        self.account = account
    }

    /// The key config for `SelfcareConfig.key`: reads the key, or creates it when there is none.
    public func storeKey() throws -> SelfcareConfig.Key {
        var key = try loadOrCreateKey()
        defer { key.resetBytes(in: 0..<key.count) }
        return .supplied(hex: key.map { String(format: "%02x", $0) }.joined())
    }

    /// The 32-byte key; created and stored on first use.
    func loadOrCreateKey() throws -> Data {
        if let existing = try readKey() {
            return existing
        }
        var fresh = try randomKey()
        var add = baseQuery()
        add[kSecValueData as String] = fresh
        add[kSecAttrAccessible as String] = kSecAttrAccessibleAfterFirstUnlockThisDeviceOnly
        let status = SecItemAdd(add as CFDictionary, nil)
        switch status {
        case errSecSuccess:
            return fresh
        case errSecDuplicateItem:
            // Someone stored a key between our read and our add: theirs is the key, ours is dropped.
            fresh.resetBytes(in: 0..<fresh.count)
            guard let stored = try readKey() else {
                throw KeychainKeyError.unreadable(errSecItemNotFound)
            }
            return stored
        default:
            fresh.resetBytes(in: 0..<fresh.count)
            throw KeychainKeyError.notStored(status)
        }
    }

    /// The stored key, nil when there is none; throws on every other outcome.
    private func readKey() throws -> Data? {
        var query = baseQuery()
        query[kSecReturnData as String] = true
        query[kSecMatchLimit as String] = kSecMatchLimitOne
        var item: CFTypeRef?
        let status = SecItemCopyMatching(query as CFDictionary, &item)
        switch status {
        case errSecSuccess:
            guard let data = item as? Data, data.count == 32 else {
                throw KeychainKeyError.malformed
            }
            return data
        case errSecItemNotFound:
            return nil
        default:
            // errSecInteractionNotAllowed before the first unlock, among others: try again later.
            throw KeychainKeyError.unreadable(status)
        }
    }

    private func baseQuery() -> [String: Any] {
        [kSecClass as String: kSecClassGenericPassword,
         kSecAttrService as String: service,
         kSecAttrAccount as String: account]
    }

    private func randomKey() throws -> Data {
        var bytes = [UInt8](repeating: 0, count: 32)
        let status = SecRandomCopyBytes(kSecRandomDefault, bytes.count, &bytes)
        defer {
            for i in bytes.indices {
                bytes[i] = 0
            }
        }
        guard status == errSecSuccess else {
            throw KeychainKeyError.noRandom(status)
        }
        return Data(bytes)
    }
}

/// Why the store key could not be had. Each maps to the SDK's `storage.key_unavailable`, the
/// id an app already handles for a key that cannot be obtained (see `selfcareError`).
public enum KeychainKeyError: Error, Equatable, Sendable {
    /// SecItemCopyMatching failed with something other than "not found" (e.g. the device has not
    /// been unlocked since it booted). Retry later; do not create a new key.
    case unreadable(OSStatus)
    /// The item exists but is not a 32-byte key. Needs support: a new key would lose the data.
    case malformed
    /// SecItemAdd failed for a key that did not exist yet.
    case notStored(OSStatus)
    /// The system random generator failed.
    case noRandom(OSStatus)

    /// The same failure as the SDK's error, for apps that handle one kind of error.
    public var selfcareError: SelfcareError {
        let retryable: Bool
        switch self {
        case .unreadable, .noRandom: retryable = true
        case .malformed, .notStored: retryable = false
        }
        return SelfcareError(code: Int32(SC_E_STORAGE), id: "storage.key_unavailable",
                             message: "the store key could not be read from the Keychain (\(self))", retryable: retryable)
    }
}
