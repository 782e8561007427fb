import CSV
import Foundation
import HubnetCore
import Vapor

/// An HTML response in a language.
func htmlResponse(_ body: String, _ language: SiteLanguage, status: HTTPResponseStatus = .ok) -> Response {
    let response = Response(status: status, body: .init(string: body))
    response.headers.contentType = .html
    response.headers.replaceOrAdd(name: "Content-Language", value: language.rawValue)
    // Pages carry per-member content and CSRF tokens: never from a shared cache.
    response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
    return response
}

/// A spreadsheet to download: a header row and the rows, as a file of that name. Cells with
/// members' text go through `CSVCell.safe` first.
func csvResponse(header: [String], rows: [[String]], filename: String) throws -> Response {
    let writer = try CSVWriter(stream: .toMemory())
    try writer.write(row: header)
    for row in rows { try writer.write(row: row) }
    writer.stream.close()
    let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
    let response = Response(status: .ok, body: .init(data: data))
    response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
    response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
    response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
    return response
}

/// A JSON answer of any encodable value, in the API's formats (ISO 8601 dates, sorted keys).
func jsonResponse(_ value: some Encodable, status: HTTPResponseStatus = .ok) throws -> Response {
    let response = Response(status: status)
    try response.content.encode(value, as: .json)
    return response
}
