import Foundation

/// The OpenAPI 3.1 description of API v1, kept as a file beside the code it describes;
/// `OpenAPIDocumentTests` checks that it and the registered routes agree.
enum OpenAPIDocument {
    static let json: Data = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
              let data = try? Data(contentsOf: url)
        else { fatalError("openapi.json is a resource of HubnetServer") }
        return data
    }()
}
