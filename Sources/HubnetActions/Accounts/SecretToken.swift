import Crypto
import Foundation

/// A random secret shown once (e-mail links, API tokens, session ids); only its SHA-256 is stored.
public struct SecretToken: Sendable {
    public let value: String

    public static func generate(prefix: String = "") -> SecretToken {
        SecretToken(value: prefix + randomID())
    }

    public var hash: String { Self.hash(value) }

    public static func hash(_ value: String) -> String {
        SHA256.hash(data: Data(value.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// 256 random bits, URL-safe.
    public static func randomID() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
