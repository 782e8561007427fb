import FluentKit
import Foundation
import HubnetCore
import HubnetPersistence
import Vapor

/// `hubnet match --text WORDS [--topic T] [--kind K] [--hub H] [--limit N] [--json]`
/// `hubnet match --organisation ID` · `--opportunity ID` · `--investors-for ID`
///
/// Find partners (or investors) from the command line, with the reasons for each result,
/// as the agency's routing desk does it. The CLI acts as the operator: it sees every post.
struct MatchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "text", short: "t", help: "What is sought, in German or English (quote several words).")
        var words: String?
        @Option(name: "topic", help: "Topic slugs, comma-separated.")
        var topic: String?
        @Option(name: "kind", help: "Kinds of partner, comma-separated: corporate, mittelstand, startup, research, investor, public.")
        var kind: String?
        @Option(name: "hub", help: "Preferred hubs, comma-separated.")
        var hub: String?
        @Option(name: "organisation", help: "Partners for this organisation (id).")
        var organisation: String?
        @Option(name: "opportunity", help: "Partners for this opportunity (id).")
        var opportunity: String?
        @Option(name: "investors-for", help: "Investors for this startup (id).")
        var investorsFor: String?
        @Option(name: "limit", help: "How many results (1–100, default 10).")
        var limit: Int?
        @Option(name: "language", help: "Language of the reasons: de or en (default en).")
        var language: String?
        @Flag(name: "json", help: "End with one line of JSON holding the results.")
        var json: Bool
    }

    var help: String { "Finds partners for words, an organisation or an opportunity, or investors for a startup, with reasons." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let console = context.console
        guard let language = SiteLanguage(rawValue: signature.language ?? "en") else {
            throw CommandProblem("--language must be de or en, got '\(signature.language ?? "")'.")
        }
        let limit = signature.limit ?? 10
        guard MatchRequest.limits.contains(limit) else { throw CommandProblem("--limit must be between 1 and 100, got \(limit).") }
        try await app.autoMigrate()
        let service = MatchService(application: app, database: app.db)

        if let raw = signature.investorsFor {
            let company = try await organisation(raw, option: "--investors-for", on: app.db)
            let rows = try await service.investors(for: company, limit: limit)
            console.print("Investors for \(company.name):")
            for (rank, row) in rows.enumerated() {
                console.print("\(rank + 1). \(row.investor.name) (\(row.investor.hubSlug))")
                for factor in row.recommendation.factors where factor.kind == .activity || factor.deals > 0 {
                    console.print("     \(factor.explanation[language])")
                }
            }
            if rows.isEmpty { console.print("No deals in the network to learn from yet.") }
            if signature.json { try printJSON(InvestorListDTO(company: company, rows), console) }
            return
        }

        let list: PartnerList
        let heading: String
        if let raw = signature.organisation {
            let organisation = try await organisation(raw, option: "--organisation", on: app.db)
            list = try await service.partners(for: organisation, limit: limit)
            heading = "Partners for \(organisation.name):"
        } else if let raw = signature.opportunity {
            guard let id = UUID(uuidString: raw), let post = try await OpportunityStore(app.db).find(id) else {
                throw CommandProblem("--opportunity: there is no opportunity with id '\(raw)'.")
            }
            let poster = try await OrganisationStore(app.db).find(post.organisationID)
            list = try await service.partners(for: post, posterHub: poster?.hubSlug, limit: limit)
            heading = "Partners for “\(post.title)”:"
        } else {
            // The options read as the API's query parameters, so both check them the same way.
            let options = [("q", signature.words), ("topic", signature.topic), ("kind", signature.kind), ("hub", signature.hub),
                           ("limit", String(limit))]
            let query: MatchQuery
            do {
                query = try MatchRequest(parameters: options.compactMap { name, value in value.map { (name, $0) } }).query()
            } catch {
                throw CommandProblem(error.problems.map { "\($0.field): \($0.message.en)" }.joined(separator: "\n"))
            }
            list = try await service.partners(query)
            heading = "Partners for “\(signature.words ?? "")”:"
        }
        console.print(heading)
        if !list.topics.isEmpty { console.print("topics: \(list.topics.joined(separator: ", "))") }
        if !list.suggestedHubs.isEmpty {
            console.print("hubs whose focus fits: " + list.suggestedHubs.map { "\($0.hubSlug) (\($0.fittingTopics.joined(separator: ", ")))" }.joined(separator: "; "))
        }
        for (rank, match) in list.matches.enumerated() {
            let o = match.organisation
            console.print("\(rank + 1). \(o.name) — \(o.kind.rawValue), \(o.city) (\(o.hubSlug)), score \(String(format: "%.2f", match.result.score))")
            for reason in match.result.reasons.prefix(5) {
                console.print("     +\(String(format: "%.2f", reason.points)) \(reason.explanation[language])")
            }
        }
        if list.matches.isEmpty { console.print("No fitting organisations.") }
        if signature.json { try printJSON(PartnerListDTO(list), console) }
    }

    private func organisation(_ raw: String, option: String, on database: any Database) async throws -> Organisation {
        guard let id = UUID(uuidString: raw) else { throw CommandProblem("\(option): '\(raw)' is not a UUID.") }
        guard let organisation = try await OrganisationStore(database).find(id) else {
            throw CommandProblem("\(option): there is no organisation with id \(raw).")
        }
        return organisation
    }

    private func printJSON(_ value: some Encodable, _ console: any Console) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        console.print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
