import HubnetCore

/// The site's whole stylesheet, served as a file (the Content-Security-Policy allows no
/// inline style) under a name that changes with its content, so browsers may keep it for a year.
public enum Stylesheet {
    /// Where pages link it: the version is a hash of the text.
    public static let path = "/assets/hubnet.css?v=" + String(css.utf8.reduce(UInt64(14_695_981_039_346_656_037)) {
        ($0 ^ UInt64($1)) &* 1_099_511_628_211
    }, radix: 36)

    /// A hub's card shows while its link is hovered or focused; the cards are drawn after all
    /// links (to lie on top), so each needs its own rule.
    static let hubCardRules = Network.hubs.map { hub in
        ".map svg:has(a[data-hub=\"\(hub.slug)\"]:hover, a[data-hub=\"\(hub.slug)\"]:focus) .hub-card[data-hub=\"\(hub.slug)\"] { display: inline; }"
    }.joined(separator: "\n")

    public static let css = """
    :root { --ink: #1d2433; --muted: #5b6475; --line: #dfe3ea; --paper: #ffffff; --wash: #f4f6f9;
      --accent: #0b5fff; --accent-ink: #073b9e; --hub: #e0413b; --radius: 10px; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--wash); }
    a { color: var(--accent-ink); }
    .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
    .site-header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between;
      padding: .8rem clamp(1rem, 4vw, 3rem); background: var(--ink); color: #fff; }
    .site-header a { color: #fff; text-decoration: none; }
    .brand strong { font-size: 1.35rem; letter-spacing: .02em; margin-right: .7rem; }
    .brand .tagline { color: #c4cbe0; font-size: .9rem; }
    nav { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; align-items: center; }
    nav a[aria-current] { border-bottom: 2px solid #fff; }
    .badge { display: inline-block; min-width: 1.3rem; margin-left: .3rem; padding: 0 .35rem; border-radius: 999px;
      background: var(--hub); color: #fff; font-size: .8rem; text-align: center; line-height: 1.3rem; }
    nav .language { border: 1px solid #8892ad; border-radius: 999px; padding: .15rem .75rem; }
    main { max-width: 1180px; margin: 0 auto; padding: 1.5rem clamp(1rem, 4vw, 3rem) 3rem; }
    h1 { font-size: clamp(1.6rem, 3vw, 2.3rem); margin: .5rem 0 1rem; line-height: 1.2; }
    h2 { font-size: 1.3rem; margin: 2rem 0 .8rem; }
    .lead { font-size: 1.1rem; color: var(--muted); max-width: 60rem; }
    .card { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); padding: 1.2rem 1.4rem; }
    .logo { object-fit: contain; vertical-align: middle; background: #fff; border: 1px solid var(--line); border-radius: 6px; margin-right: .6rem; }
    .logo-card { width: 40px; height: 40px; }
    .logo-profile { width: 72px; height: 72px; }
    .grid { display: grid; gap: 1.5rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr)); align-items: start; }
    .map svg { width: 100%; height: auto; display: block; }
    .map .land { fill: #e8edf5; stroke: #9aa6bd; stroke-width: 1.2; }
    .map .dot { fill: var(--hub); fill-opacity: .85; stroke: #fff; stroke-width: 1.5; }
    .map a:hover .dot, .map a:focus .dot { fill: var(--accent); }
    .map a:focus { outline: none; } .map a:focus .dot { stroke: var(--ink); stroke-width: 3; }
    /* Labels stay legible when a phone scales the map down (about 11 px at 390 px wide). */
    .map .label { font-size: 15px; fill: var(--ink); paint-order: stroke; stroke: #fff; stroke-width: 4px; stroke-linejoin: round; }
    .map .hub-card { display: none; pointer-events: none; }
    \(hubCardRules)
    .map .hub-card rect { fill: #fff; stroke: var(--line); filter: drop-shadow(0 2px 4px rgba(0,0,0,.15)); }
    .map .hub-card text { font-size: 13px; fill: var(--muted); } .map .hub-card .card-name { font-size: 15px; font-weight: 700; fill: var(--ink); }
    table { border-collapse: collapse; width: 100%; font-size: .92rem; background: var(--paper); }
    th, td { padding: .45rem .6rem; border-bottom: 1px solid var(--line); text-align: right; }
    th:first-child, td:first-child { text-align: left; }
    thead th { background: var(--wash); font-weight: 600; }
    tfoot td { font-weight: 600; }
    .table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: var(--radius); }
    .tags { display: flex; flex-wrap: wrap; gap: .35rem; padding: 0; margin: .3rem 0; list-style: none; }
    .tags li, .tag { background: #e9f0ff; color: var(--accent-ink); border-radius: 999px; padding: .1rem .6rem; font-size: .85rem; }
    .tag.focus, .tags li.focus { background: #ffe9e7; color: #8f1d17; }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1.2rem; margin: 0; }
    .facts dt { color: var(--muted); } .facts dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
    .search { display: flex; flex-wrap: wrap; gap: .6rem; margin-bottom: 1.2rem; align-items: end; }
    .search label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); gap: .2rem; }
    .search input[type=search] { min-width: min(100%, 22rem); }
    input, select, button { font: inherit; padding: .45rem .6rem; border: 1px solid #b9c1cf; border-radius: 8px; background: #fff; }
    button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
    .directory { display: grid; grid-template-columns: 270px 1fr; gap: 1.5rem; }
    .card > h2:first-child, .card > h3:first-child, .facets > h3:first-child { margin-top: 0; }
    @media (max-width: 820px) { .directory { grid-template-columns: 1fr; } .directory > .facets { order: 2; } }
    /* Phones: the header wraps onto lines of its own instead of pushing links off screen. */
    @media (max-width: 640px) {
      .brand .tagline { display: none; }
      .site-header { gap: .4rem; padding-top: .6rem; padding-bottom: .6rem; }
      nav { gap: .3rem .9rem; font-size: .95rem; }
      .card { padding: 1rem; }
      /* Facts stack: a label over its value, so long labels take no width from the values. */
      .facts { grid-template-columns: minmax(0, 1fr); gap: 0; } .facts dd { margin-bottom: .6rem; }
      /* The map uses the whole width, and its labels grow so they read at about 12 px. */
      .card.map { padding: 1rem .25rem; } .card.map > h2, .card.map > p { padding: 0 .75rem; }
      .map .label { font-size: 19px; }
      /* The search form in two columns: the words across, the choices side by side. */
      .search { display: grid; grid-template-columns: 1fr 1fr; }
      .search > label:first-child { grid-column: 1 / -1; }
      .search input, .search select { width: 100%; min-width: 0; }
      .search input[type=search] { min-width: 0; }
    }
    .facets h3 { font-size: .95rem; margin: 1rem 0 .4rem; }
    .facets ul { list-style: none; padding: 0; margin: 0; font-size: .92rem; }
    .facets li a { display: flex; justify-content: space-between; gap: .6rem; padding: .12rem .3rem; border-radius: 6px; text-decoration: none; }
    .facets li a span:first-child { overflow-wrap: anywhere; }
    .facets li a[aria-pressed=true] { background: var(--accent); color: #fff; }
    .facets .count { color: var(--muted); } .facets a[aria-pressed=true] .count { color: #fff; }
    .results { list-style: none; padding: 0; margin: 0; display: grid; gap: .8rem; }
    .results h3 { margin: 0 0 .2rem; font-size: 1.08rem; }
    .meta { color: var(--muted); font-size: .9rem; }
    .pagination { display: flex; gap: 1rem; align-items: center; margin-top: 1.2rem; }
    .kind-group h3 { margin-bottom: .3rem; }
    .kind-group ul { margin: 0 0 .4rem; padding-left: 1.1rem; }
    .notice { background: #fff8e1; border: 1px solid #f0d98c; border-radius: var(--radius); padding: .8rem 1rem; }
    form.inline { display: inline; margin: 0; }
    button.link { background: none; border: none; color: inherit; padding: 0; text-decoration: underline; cursor: pointer; }
    .site-header button.link { color: #fff; text-decoration: none; }
    .field { display: flex; flex-direction: column; gap: .25rem; margin-bottom: .9rem; max-width: 34rem; }
    .field label { font-weight: 600; font-size: .92rem; }
    .field.consent label { font-weight: 400; }
    label.required::after { content: " *"; color: #a11d17; }
    .card + .card, .card + form.card, form.card + .card { margin-top: 1rem; }
    .grid + .card, .grid + details, details + .card, .card + .grid { margin-top: 1.5rem; }
    /* Cards side by side in a grid start on one line; the gap spaces them. */
    .grid > .card + .card { margin-top: 0; }
    button.secondary { background: #fff; color: var(--accent); }
    .routing label.choice { display: block; padding: .25rem 0; }
    .routing .why { display: block; margin-left: 1.6rem; font-size: .85rem; }
    .routing .steps form.step { margin: .6rem 0; }
    .routing .step-row { display: grid; gap: .4rem 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 260px), 1fr)); align-items: end; }
    .routing .history li { margin: .3rem 0; }
    .routing blockquote { margin: .2rem 0 .2rem 1rem; color: var(--muted, #555); }
    .card.unread { border-left: 4px solid var(--accent); }
    /* Wide tables scroll inside their card on a phone instead of widening the page. */
    #funnel table, #service-levels table, #referral-matrix table { display: block; overflow-x: auto; max-width: 100%; }
    .overdue { color: #a11d17; font-weight: 600; }
    .filters { display: flex; flex-wrap: wrap; gap: .4rem 1rem; margin: 1rem 0; }
    .logo-actions { display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; }
    #staff-table th, #staff-table td { text-align: left; overflow-wrap: anywhere; vertical-align: top; }
    .field textarea { font: inherit; padding: .45rem .6rem; border: 1px solid #b9c1cf; border-radius: 8px; }
    .problem { color: #a11d17; margin: 0; font-size: .9rem; }
    [aria-invalid=true] { border-color: #a11d17; }
    .secret { font-family: ui-monospace, monospace; background: #eef2f8; padding: .5rem .7rem; border-radius: 8px; word-break: break-all; }
    .danger button { background: #a11d17; border-color: #a11d17; }
    .audit .changes th { text-align: left; }
    .audit .changes td { overflow-wrap: anywhere; vertical-align: top; text-align: left; }
    .audit .changes td.before { color: #8f1d17; } .audit .changes td.after { color: #1d6b35; }
    .audit h3 { margin: .1rem 0 .3rem; }
    .legal p { white-space: pre-line; }
    pre.example { background: #eef2f8; padding: .6rem .8rem; border-radius: 8px; overflow-x: auto; font-size: .85rem; }
    .mail { white-space: pre-wrap; font-family: ui-monospace, monospace; font-size: .88rem; }
    .topic-choice { display: inline-block; margin: .2rem 1rem .2rem 0; white-space: nowrap; }
    fieldset { border: 1px solid var(--line); border-radius: var(--radius); margin: 0 0 .9rem; padding: .6rem 1rem; }
    legend { font-weight: 600; font-size: .92rem; padding: 0 .3rem; }
    #saved { background: #e7f6ec; border-color: #9fd5b0; }
    .reasons { margin: .3rem 0 0; padding-left: 1.1rem; font-size: .92rem; }
    details summary { cursor: pointer; color: var(--muted); font-size: .92rem; }
    .actions a { font-weight: 600; }
    /* Calls */
    .pre { white-space: pre-line; }
    .two { display: grid; gap: 0 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 260px), 1fr)); }
    .call-form .row { display: grid; gap: 0 .8rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 170px), 1fr)); align-items: end;
      border-bottom: 1px dashed var(--line); margin-bottom: .6rem; }
    .call-form .row .field { margin-bottom: .5rem; }
    ul.plain { list-style: none; padding: 0; margin: 0; } ul.plain > li { padding: .45rem 0; border-bottom: 1px solid var(--line); }
    ul.plain > li:last-child { border-bottom: none; }
    .phase.open { color: #1d6b35; font-weight: 600; }
    #assignment-table td { text-align: left; vertical-align: top; } #assignment-table .pair { padding: .15rem 0; }
    #ranking-table td:nth-child(2), #ranking-table th:nth-child(2) { overflow-wrap: anywhere; text-align: left; }
    .inline-form { display: inline-flex; flex-wrap: wrap; gap: .4rem; margin-left: .6rem; align-items: center; }
    .inline-form input[type=text] { min-width: 0; width: 14rem; max-width: 100%; }
    a.button { display: inline-block; background: var(--accent); color: #fff; padding: .45rem .9rem; border-radius: 8px; text-decoration: none; }
    .decision { border-left: 4px solid var(--accent); }
    /* Places and events */
    .week-nav { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: .4rem 1rem; }
    .week-nav h2 { margin: .2rem 0; font-size: 1.1rem; }
    .week { display: grid; gap: .8rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 8.5rem), 1fr)); margin-top: .6rem; }
    .week .day h3 { margin: 0 0 .3rem; font-size: .95rem; }
    .slots { display: flex; flex-wrap: wrap; gap: .3rem; }
    .slot { display: inline-block; min-width: 3.6rem; text-align: center; padding: .3rem .4rem; border-radius: 6px; font-size: .88rem; border: 1px solid var(--line); }
    button.slot.free { background: #fff; color: var(--accent); border-color: var(--accent); cursor: pointer; }
    button.slot.free:hover, button.slot.free:focus { background: var(--accent); color: #fff; }
    .slot.taken { background: #e4e7ec; color: #5b6475; text-decoration: line-through; }
    .slot.own { background: #e7f6ec; color: #1d6b35; border-color: #9fd5b0; font-weight: 600; }
    .slot.past { color: #9aa3b2; border-style: dashed; }
    .closed { font-style: italic; }
    .check-in li { display: flex; flex-wrap: wrap; align-items: center; }
    button.tick { font-size: 1.1rem; padding: .7rem 1rem; min-width: 14rem; text-align: left; background: #fff; color: var(--ink, #1b2330); border: 2px solid var(--line); }
    button.tick.done { background: #e7f6ec; border-color: #1d6b35; color: #1d6b35; }
    .suggested { color: #1d6b35; }
    @media print { .site-header, .site-footer, .no-print, .skip { display: none !important; } body { background: #fff; } }
    .site-footer .footer-links { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; margin-bottom: .6rem; }
    .site-footer a { color: var(--accent-ink); }
    .site-footer { color: var(--muted); font-size: .85rem; padding: 1.5rem clamp(1rem, 4vw, 3rem); border-top: 1px solid var(--line); }
    """
}
