import Foundation
import HubnetCore
import HubnetTestSupport
import Testing
import Vapor
import VaporTesting

@Suite struct OpenAPIDocumentTests {
    /// The document's operations and the routes under /api/v1 must be the same set.
    @Test func theDocumentDescribesExactlyTheRoutes() async throws {
        try await TestApp.with(.sqlite) { app in
            let document = try await fetchDocument(app)
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = document["paths"] as! [String: [String: Any]]
            var documented: Set<String> = []
            for (path, item) in paths {
                for method in item.keys where method != "parameters" { documented.insert("\(method.uppercased()) \(path)") }
            }
            let routed = Set(app.routes.all.compactMap { route -> String? in
                let path = "/" + route.path.map { component in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                return path.hasPrefix("/api/v1/") ? "\(route.method.rawValue) \(path)" : nil
            })
            #expect(documented == routed)
        }
    }

    @Test func theDocumentsEnumsAreTheDomainsValues() async throws {
        try await TestApp.with(.sqlite) { app in
            let document = try await fetchDocument(app)
            let schemas = (document["components"] as! [String: Any])["schemas"] as! [String: [String: Any]]
            /// A schema's enum, following `$ref`s and the branches of `anyOf` (nullable values); null is left out.
            func enumValues(_ schema: [String: Any]?) -> [String]? {
                guard let schema else { return nil }
                if let ref = schema["$ref"] as? String, let name = ref.split(separator: "/").last {
                    return enumValues(schemas[String(name)])
                }
                if let values = schema["enum"] as? [Any] { return values.compactMap { $0 as? String } }
                for branch in schema["anyOf"] as? [[String: Any]] ?? [] {
                    if let values = enumValues(branch) { return values }
                }
                return nil
            }
            let organisation = schemas["Organisation"]!["properties"] as! [String: [String: Any]]
            #expect(enumValues(organisation["kind"]) == OrganisationKind.allCases.map(\.rawValue))
            #expect(enumValues(organisation["hub"]) == Network.hubs.map(\.slug))
            #expect(enumValues(organisation["employees"]) == EmployeeBand.allCases.map(\.rawValue))
            #expect(enumValues(organisation["stage"]) == FundingStage.allCases.map(\.rawValue))
            #expect(enumValues(schemas["TopicSlug"]) == Taxonomy.topics.map(\.slug))
            #expect(enumValues(schemas["OpportunityKind"]) == OpportunityKind.allCases.map(\.rawValue))
            #expect(enumValues(schemas["OpportunityVisibility"]) == OpportunityVisibility.allCases.map(\.rawValue))
            let parameters = ((document["paths"] as! [String: [String: Any]])["/api/v1/organisations"]!["get"] as! [String: Any])["parameters"] as! [[String: Any]]
            let sort = parameters.first { $0["name"] as? String == "sort" }!["schema"] as! [String: Any]
            #expect(sort["enum"] as? [String] == DirectoryQuery.Sort.allCases.map(\.rawValue))
        }
    }

    private func fetchDocument(_ app: Application) async throws -> [String: Any] {
        var document: [String: Any] = [:]
        try await app.testing().test(.GET, "/api/v1/openapi.json") { response in
            #expect(response.status == .ok)
            document = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as! [String: Any]
        }
        return document
    }
}
