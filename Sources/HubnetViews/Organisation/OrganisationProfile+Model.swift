import HubnetCore

public struct OrganisationProfileModel: Sendable {
    public enum ClaimState: Sendable, Equatable {
        /// A visitor: sign in first.
        case signInFirst
        case possible
        case pending
        /// Already acts for it, or was declined.
        case none
    }

    public let organisation: Organisation
    public let canEdit: Bool
    public let claim: ClaimState
    public let csrf: String?
    public let notice: String?

    public init(organisation: Organisation, canEdit: Bool = false, claim: ClaimState = .none, csrf: String? = nil,
                notice: String? = nil) {
        self.organisation = organisation
        self.canEdit = canEdit
        self.claim = claim
        self.csrf = csrf
        self.notice = notice
    }
}
