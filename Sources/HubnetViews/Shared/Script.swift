/// The site's only script, served as a file (the Content-Security-Policy allows no inline
/// script). Pages work without it; it only shows times in the visitor's own time zone.
public enum Script {
    public static let path = "/assets/hubnet.js?v=" + String(source.utf8.reduce(UInt64(14_695_981_039_346_656_037)) {
        ($0 ^ UInt64($1)) &* 1_099_511_628_211
    }, radix: 36)

    public static let source = """
    // Times are written in Berlin time; the browser shows them in the visitor's own zone.
    document.querySelectorAll('time[data-local]').forEach(function (element) {
      var date = new Date(element.getAttribute('datetime'));
      if (isNaN(date.getTime())) { return; }
      var language = document.documentElement.lang || 'de';
      var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      element.textContent = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(date) + (zone ? ' (' + zone + ')' : '');
      element.title = element.getAttribute('datetime');
    });
    """
}
