import Foundation

extension UUID {
    /// Ids are lowercase wherever Hubnet prints them.
    public var lowercased: String { uuidString.lowercased() }
}
