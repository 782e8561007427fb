import Foundation
import Vapor

extension Console {
    /// The last line of an `eval` or `bench` command run with `--json`: every figure in one
    /// JSON object, keys sorted, so scripts can read it.
    func printFigures(_ figures: [String: Any]) throws {
        print(String(decoding: try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys]), as: UTF8.self))
    }
}
