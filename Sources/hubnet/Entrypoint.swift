import HubnetServer
@main enum Entrypoint { static func main() async throws {} }
