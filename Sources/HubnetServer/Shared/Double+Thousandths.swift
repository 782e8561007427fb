extension Double {
    /// Three decimals: enough for scores and milliseconds, short on the wire.
    var thousandths: Double { (self * 1000).rounded() / 1000 }
}
