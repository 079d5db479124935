// SPDX-License-Identifier: Apache-2.0
// The sc_client_open configuration (c-abi.md "Config") as a Swift value.

import Foundation

/// What `SelfcareClient(config:)` opens. Unknown fields are ignored by the SDK, so a newer SDK
/// accepts this wrapper's config unchanged.
public struct SelfcareConfig: Encodable, Sendable {
    /// Where the store key comes from.
    public enum Key: Sendable {
        /// A 32-byte key kept by the app (on iOS: `KeychainKeyStore`), handed over as 64 hex
        /// digits. A new store is created with it; an existing store opened with another key
        /// fails with `storage.wrong_key` and is never recreated.
        case supplied(hex: String)
        /// A key derived from a passphrase the user types.
        case passphrase(String)
    }

    /// Device kind as the server knows it.
    public enum DeviceKind: String, Encodable, Sendable {
        case app, engineer, kiosk
    }

    /// The folder of the store; it must exist (see `SelfcareConfig.defaultDataDirectory()`).
    public var dataDirectory: URL
    /// https:// base URL of the service platform; nil for a device that stays offline.
    public var server: URL?
    public var key: Key
    public var deviceKind: DeviceKind = .app
    public var deviceID: String?
    /// "zh-CN", "zh-TW" or "en".
    public var locale: String?
    /// "sha256//<base64>" pins separated by ';'.
    public var pinnedPublicKey: String?

    public init(dataDirectory: URL, server: URL?, key: Key) {
        self.dataDirectory = dataDirectory
        self.server = server
        self.key = key
    }

    /// Application Support/selfcare, created if missing and kept out of device backups (the
    /// store's key never leaves the device, so a restored copy could not be opened anyway).
    public static func defaultDataDirectory() throws -> URL {
        var folder = try FileManager.default.url(for: .applicationSupportDirectory, in: .userDomainMask,
                                                 appropriateFor: nil, create: true)
            .appendingPathComponent("selfcare", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var values = URLResourceValues()
        values.isExcludedFromBackup = true
        try folder.setResourceValues(values)
        return folder
    }

    private enum CodingKeys: String, CodingKey {
        case dataDirectory = "data_dir", server, key, device, locale, pinnedPublicKey = "pinned_public_key"
    }

    private enum KeyKeys: String, CodingKey {
        case provider, hex, passphrase
    }

    private enum DeviceKeys: String, CodingKey {
        case kind, id
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(dataDirectory.path, forKey: .dataDirectory)
        try c.encodeIfPresent(server?.absoluteString, forKey: .server)
        var k = c.nestedContainer(keyedBy: KeyKeys.self, forKey: .key)
        switch key {
        case let .supplied(hex):
            try k.encode("supplied", forKey: .provider)
            try k.encode(hex, forKey: .hex)
        case let .passphrase(passphrase):
            try k.encode("passphrase", forKey: .provider)
            try k.encode(passphrase, forKey: .passphrase)
        }
        var d = c.nestedContainer(keyedBy: DeviceKeys.self, forKey: .device)
        try d.encode(deviceKind, forKey: .kind)
        try d.encodeIfPresent(deviceID, forKey: .id)
        try c.encodeIfPresent(locale, forKey: .locale)
        try c.encodeIfPresent(pinnedPublicKey, forKey: .pinnedPublicKey)
    }

    /// The config as NUL-terminated UTF-8, for sc_client_open. The caller wipes it after use.
    func jsonBytes() throws -> [CChar] {
        do {
            var data = try JSONEncoder().encode(self)
            defer { data.resetBytes(in: 0..<data.count) }
            return data.map { CChar(bitPattern: $0) } + [0]
        } catch {
            throw SelfcareError.wrapper("config.encoding", "the config could not be encoded as JSON")
        }
    }
}
