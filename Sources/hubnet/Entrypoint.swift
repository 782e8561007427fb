import HubnetServer
import Logging
import Vapor

@main
enum Entrypoint {
    static func main() async throws {
        let environment = try Environment.detect()
        // Logs go to standard error, so `hubnet export` can write data to standard output.
        let level = Logger.Level(rawValue: Environment.get("LOG_LEVEL") ?? "info") ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let app = try await Application.make(environment)
        do {
            try await configure(app)
            let command = environment.commandInput.arguments.first
            if command == nil || command == "serve" {
                try await prepareForServing(app)
            }
            try await app.execute()
        } catch {
            // A refused setting or command prints its reason, not a stack trace.
            FileHandle.standardError.write(Data("hubnet: \(error)\n".utf8))
            try? await app.asyncShutdown()
            exit(1)
        }
        try await app.asyncShutdown()
    }
}
