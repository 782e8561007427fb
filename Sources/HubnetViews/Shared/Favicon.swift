/// The site's icon: the network's red hub dot on the header's ink, as SVG (one file, sharp at
/// every size).
public enum Favicon {
    public static let path = "/favicon.svg"

    public static let svg = """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">\
    <rect width="64" height="64" rx="14" fill="#1d2433"/>\
    <path d="M20 44 L32 20 L44 44" fill="none" stroke="#8892ad" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/>\
    <circle cx="32" cy="20" r="8" fill="#e0413b" stroke="#fff" stroke-width="3"/>\
    <circle cx="20" cy="44" r="6" fill="#fff"/><circle cx="44" cy="44" r="6" fill="#fff"/>\
    </svg>
    """
}
