import Crypto
import Foundation
import Vapor

/// A random secret shown once (e-mail links, API tokens); only its SHA-256 is stored.
public struct SecretToken: Sendable {
    public let value: String

    public static func generate(prefix: String = "") -> SecretToken {
        SecretToken(value: prefix + DatabaseSessionDriver.randomID())
    }

    public var hash: String { Self.hash(value) }

    public static func hash(_ value: String) -> String {
        SHA256.hash(data: Data(value.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
