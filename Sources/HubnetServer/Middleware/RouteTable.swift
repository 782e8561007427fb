import Vapor

/// The paths the site serves and the methods each takes, read from the registered routes
/// once: for 405 answers with their `Allow` header, and to accept a return address only
/// when it is a page of this site.
struct RouteTable: Sendable {
    private let routes: [(method: HTTPMethod, path: [PathComponent])]

    init(_ routes: Routes) {
        self.routes = routes.all.map { ($0.method, $0.path) }
    }

    /// The methods served at this path, in registration order; empty if none is.
    func methods(for path: String) -> [HTTPMethod] {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var methods: [HTTPMethod] = []
        for route in routes where Self.matches(route.path, parts) && !methods.contains(route.method) {
            methods.append(route.method)
        }
        if methods.contains(.GET), !methods.contains(.HEAD) { methods.append(.HEAD) }
        return methods
    }

    func servesPage(at path: String) -> Bool {
        methods(for: path).contains(.GET)
    }

    private static func matches(_ pattern: [PathComponent], _ parts: [String]) -> Bool {
        var index = 0
        for component in pattern {
            switch component {
            case .catchall: return true
            case .anything, .parameter:
                guard index < parts.count else { return false }
            case .constant(let constant):
                guard index < parts.count, parts[index] == constant else { return false }
            }
            index += 1
        }
        return index == parts.count
    }
}

extension Application {
    private struct RouteTableKey: StorageKey { typealias Value = RouteTable }

    /// Set in `configure`, once every route is registered.
    var routeTable: RouteTable {
        get { storage[RouteTableKey.self] ?? RouteTable(routes) }
        set { storage[RouteTableKey.self] = newValue }
    }
}
