import Foundation
import HubnetCore

/// A member's request to act for an existing profile, as the actions return it.
public struct Claim: Hashable, Sendable {
    public enum Status: String, Sendable, Codable { case pending, approved, rejected }

    public let id: UUID
    public let organisationID: UUID
    public let memberID: UUID
    public let message: String
    public let status: Status
    public let createdAt: Date?
}

/// A pending claim with what a hub manager needs to decide it.
public struct PendingClaim: Sendable {
    public let claim: Claim
    public let organisation: Organisation
    /// Name and address; nil when the account is gone.
    public let claimant: (name: String, email: String)?
}

/// A decided claim as the hub's history shows it.
public struct DecidedClaim: Sendable {
    public let claim: Claim
    public let organisation: Organisation
    /// Nil when the account is gone.
    public let claimant: String?
    public let decidedBy: String?
    public let decidedAt: Date?
}
