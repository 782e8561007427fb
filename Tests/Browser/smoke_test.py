"""Browser smoke test: a visitor in real headless Chromium opens the home page, searches the
directory, opens a profile and switches the language; a member signs up, becomes the network
admin and looks at the main pages at desktop width and at phone width (390 px), where no page
may scroll sideways and no header link may sit off screen. Run by scripts/test against a live
server started with HUBNET_DEV_MAILBOX=1 and HUBNET_ADMIN_TOKEN (the same token in this
script's environment).

Usage: python3 Tests/Browser/smoke_test.py http://127.0.0.1:PORT [screenshot-dir]
"""
import json
import math
import os
import struct
import sys
import tempfile
import time
import urllib.request
import zlib
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

BASE = sys.argv[1].rstrip("/")
SHOTS = sys.argv[2] if len(sys.argv) > 2 else None
passed, failed = 0, 0


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok   {what}")
    else:
        failed += 1
        print(f"FAIL {what}")


def shot(driver, name):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        driver.save_screenshot(f"{SHOTS}/{name}.png")


def write_logo():
    """A 300 x 300 PNG logo (a ring on transparent ground), written without any image library."""
    rows = b""
    for y in range(300):
        row = b"\x00"
        for x in range(300):
            distance = math.hypot(x - 150, y - 150)
            row += bytes([0, 84, 166, 255]) if 80 <= distance <= 130 else (bytes([230, 120, 20, 255]) if distance < 50 else bytes(4))
        rows += row

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 300, 300, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    path = os.path.join(tempfile.mkdtemp(), "smoke-logo.png")
    with open(path, "wb") as f:
        f.write(png)
    return path


def left(element):
    """A wait condition: the page that held `element` is gone (Chromium may report a detached
    node in more than one way, so any error counts as gone)."""
    def condition(_):
        try:
            element.is_enabled()
            return False
        except Exception:
            return True
    return condition


PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}


def fits_the_screen(driver, name):
    """No sideways scrolling, and every link and button of the header inside the viewport."""
    viewport = driver.execute_script("return document.documentElement.clientWidth")
    width = driver.execute_script("return document.documentElement.scrollWidth")
    check(width <= viewport, f"{name}: no sideways scrolling at {viewport} px (document {width} px)")
    off = driver.execute_script("""
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll('.site-header a, .site-header button')]
            .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.left < -0.5 || r.right > width + 0.5); })
            .map(e => e.textContent.trim());""")
    check(not off, f"{name}: every header link on screen at {viewport} px (off screen: {off})")


def at_both_widths(driver, wait, path, name, ready):
    """Opens a page at desktop width and at phone width, checks its layout, keeps a screenshot."""
    for width, metrics in (("desktop", None), ("phone", PHONE)):
        if metrics:
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        driver.get(BASE + path)
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ready)))
        fits_the_screen(driver, f"{name} ({width})")
        shot(driver, f"{name}-{width}")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def local(moment):
    """A moment as a datetime-local field takes it."""
    return moment.strftime("%Y-%m-%dT%H:%M")


def sign_in(address, password):
    driver.get(BASE + "/de/sign-in")
    wait.until(EC.presence_of_element_located((By.ID, "sign-in-form")))
    driver.find_element(By.ID, "email").send_keys(address)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.ID, "sign-in-form").submit()
    wait.until(EC.presence_of_element_located((By.ID, "account-link")))


def make_network_admin(email):
    """The first network admin, appointed with the bootstrap token as an operator would."""
    token = os.environ.get("HUBNET_ADMIN_TOKEN", "")
    request = urllib.request.Request(BASE + "/api/v1/bootstrap", method="POST", data=json.dumps({"email": email}).encode(),
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status == 204
    except urllib.error.HTTPError as error:
        print(f"     bootstrap answered {error.code}: {error.read()[:200]!r}")
        return False


options = Options()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1000",
             "--lang=de-DE"):
    options.add_argument(flag)
options.add_experimental_option("prefs", {"intl.accept_languages": "de-DE,de"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
wait = WebDriverWait(driver, 15)
try:
    # Home: a German browser lands on the German page with the map of the 12 hubs.
    driver.get(BASE + "/")
    wait.until(EC.presence_of_element_located((By.ID, "map")))
    check(driver.current_url.endswith("/de"), "a German browser lands on /de")
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de", "the page is German")
    hubs = driver.find_elements(By.CSS_SELECTOR, "#map a[data-hub]")
    check(len(hubs) == 12, f"the map shows 12 hubs (saw {len(hubs)})")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#map circle.dot")) == 16, "the map has 16 city dots")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#counts-table tbody tr")) == 12, "the counts table has 12 hubs")
    shot(driver, "home")
    # A visitor's header at phone width: sign in, sign up and the language switch on screen.
    at_both_widths(driver, wait, "/de", "home-visitor", "#map")
    at_both_widths(driver, wait, "/en/directory?q=logistics", "directory-visitor", "#result-count")
    driver.get(BASE + "/de")

    # Directory: search by word, narrow with a facet.
    driver.find_element(By.LINK_TEXT, "Verzeichnis").click()
    box = wait.until(EC.presence_of_element_located((By.ID, "q")))
    box.send_keys("logistik")
    box.submit()
    wait.until(EC.presence_of_element_located((By.ID, "result-count")))
    check("q=logistik" in driver.current_url, "the search is in the URL")
    results = driver.find_elements(By.CSS_SELECTOR, ".results .result-name")
    check(len(results) > 0, f"the search finds organisations ({len(results)} on the page)")
    count_text = driver.find_element(By.ID, "result-count").text
    hamburg = driver.find_element(By.XPATH, "//ul[@id='facet-hub']//a[span[1][normalize-space()='Hamburg']]")
    hamburg_count = int(hamburg.find_element(By.CLASS_NAME, "count").text.replace(".", ""))
    hamburg.click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#facet-hub a[aria-pressed='true']")))
    narrowed = driver.find_element(By.ID, "result-count").text
    check(narrowed.startswith(f"{hamburg_count:,}".replace(",", ".")), f"the hub facet narrows to its count ({count_text} → {narrowed})")
    shot(driver, "directory")

    # Profile.
    first = driver.find_element(By.CSS_SELECTOR, ".results .result-name")
    name = first.text
    first.click()
    heading = wait.until(EC.presence_of_element_located((By.ID, "organisation-name")))
    check(heading.text == name, f"the profile of {name} opens")
    check("Hamburg" in driver.page_source, "the profile names its hub")
    check("Wir bieten" in driver.page_source, "the profile is in German")
    shot(driver, "profile-de")

    # Language switch: the same profile in English.
    driver.find_element(By.ID, "language-switch").click()
    wait.until(lambda d: "/en/organisations/" in d.current_url)
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", "the switch shows the English page")
    check(driver.find_element(By.ID, "organisation-name").text == name, "the same organisation")
    check("We offer" in driver.page_source, "the labels are English")
    shot(driver, "profile-en")
    driver.find_element(By.LINK_TEXT, "Directory").click()
    wait.until(EC.presence_of_element_located((By.ID, "result-count")))
    check("organisations found" in driver.find_element(By.ID, "result-count").text, "the English directory")

    # The directory understands a synonym in the other language: "insurance" finds InsurTech.
    box = driver.find_element(By.ID, "q")
    box.clear()
    box.send_keys("insurance")
    box.submit()
    wait.until(lambda d: "q=insurance" in d.current_url)
    insurers = driver.find_elements(By.CSS_SELECTOR, ".results .result-name")
    check(len(insurers) > 0, f"'insurance' finds organisations ({len(insurers)} on the page)")
    insurers[0].click()
    wait.until(EC.presence_of_element_located((By.ID, "organisation-name")))
    check("InsurTech" in driver.page_source, "the first one is an InsurTech organisation")

    # Find partners: words in, organisations with reasons and fitting hubs out.
    driver.get(BASE + "/en/matches")
    box = wait.until(EC.presence_of_element_located((By.ID, "match-q")))
    box.send_keys("artificial intelligence robots")
    box.submit()
    wait.until(EC.presence_of_element_located((By.ID, "partners")))
    partners = driver.find_elements(By.CSS_SELECTOR, "#partners li.partner")
    check(len(partners) > 0, f"find partners lists organisations ({len(partners)})")
    check("Why:" in partners[0].text, "each partner says why it fits")
    check("Karlsruhe" in driver.find_element(By.ID, "suggested-hubs").text, "Karlsruhe is proposed for AI")
    shot(driver, "find-partners")
    partners[0].find_element(By.TAG_NAME, "a").click()
    wait.until(EC.presence_of_element_located((By.ID, "find-partners-link"))).click()
    wait.until(EC.presence_of_element_located((By.ID, "partners")))
    check("Partners for" in driver.find_element(By.TAG_NAME, "h1").text, "an organisation's partner page opens")
    driver.get(BASE + "/en/directory?kind=startup")
    driver.find_element(By.CSS_SELECTOR, ".results .result-name").click()
    wait.until(EC.presence_of_element_located((By.ID, "investors-link"))).click()
    wait.until(EC.presence_of_element_located((By.ID, "investors")))
    check(len(driver.find_elements(By.CSS_SELECTOR, "#investors li")) > 0, "a startup gets investor recommendations")
    check("deals" in driver.find_element(By.ID, "investors").text, "explained by their deals")
    shot(driver, "investors")

    # Account: sign up, confirm through the local mailbox, sign in, add and edit an
    # organisation, sign out.
    email = f"smoke-{int(time.time() * 1000)}@example.org"
    driver.get(BASE + "/de")
    driver.find_element(By.LINK_TEXT, "Registrieren").click()
    wait.until(EC.presence_of_element_located((By.ID, "sign-up-form")))
    driver.find_element(By.ID, "name").send_keys("Erika Muster")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys("ein langes Passwort")
    driver.find_element(By.ID, "privacy").click()
    driver.find_element(By.ID, "sign-up-form").submit()
    title = wait.until(EC.presence_of_element_located((By.ID, "message-title"))).text
    check(title == "Bitte prüfen Sie Ihr Postfach", f"sign-up asks to check the mailbox ({title})")

    driver.get(BASE + "/dev/mailbox")
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".mail a")]
    confirm = next((link for link in links if "/confirm?token=" in link), None)
    check(confirm is not None, "the confirmation mail is in the local mailbox")
    shot(driver, "mailbox")
    driver.get(confirm)
    check(wait.until(EC.presence_of_element_located((By.ID, "message-title"))).text == "Adresse bestätigt", "the link confirms the address")

    driver.find_element(By.ID, "sign-in-link").click()
    wait.until(EC.presence_of_element_located((By.ID, "sign-in-form")))
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys("ein langes Passwort")
    driver.find_element(By.ID, "sign-in-form").submit()
    account = wait.until(EC.presence_of_element_located((By.ID, "account-link")))
    check(account.text == "Erika Muster", "signed in, the header names the member")

    # The longest header there is: a network admin's, with claims and the audit log. Every
    # main page at desktop and at phone width.
    check(make_network_admin(email), "the operator makes the member the network admin")
    driver.get(BASE + "/de")
    check(len(driver.find_elements(By.CSS_SELECTOR, ".site-header a[href='/de/staff']")) == 1, "the admin's header links the staff page")
    at_both_widths(driver, wait, "/de", "home", "#map")
    at_both_widths(driver, wait, "/de/directory?q=logistik", "directory", "#result-count")
    driver.get(BASE + "/de/directory?q=logistik")
    profile = driver.find_element(By.CSS_SELECTOR, ".results .result-name").get_attribute("href")
    at_both_widths(driver, wait, profile.removeprefix(BASE), "profile", "#organisation-name")
    at_both_widths(driver, wait, "/de/hubs/frankfurt-darmstadt", "hub", "#find-partners-in-hub")
    at_both_widths(driver, wait, "/de/claims", "claims", "main h1")
    at_both_widths(driver, wait, "/de/staff", "staff", "#roles")
    at_both_widths(driver, wait, "/de/audit", "audit", "main h1")
    at_both_widths(driver, wait, "/de/account", "account", "main h1")
    at_both_widths(driver, wait, "/en/api", "api-guide", "#openapi-link")
    at_both_widths(driver, wait, "/de/privacy", "privacy", "main h1")
    driver.get(BASE + "/de/account")

    driver.find_element(By.ID, "new-organisation").click()
    form = wait.until(EC.presence_of_element_located((By.ID, "edit-organisation")))
    driver.find_element(By.ID, "name").send_keys("Smoke Robotics")
    driver.find_element(By.CSS_SELECTOR, "#hub option[value='hamburg']").click()
    driver.find_element(By.ID, "city").send_keys("Hamburg")
    driver.find_element(By.CSS_SELECTOR, "input[name='topics[]'][value='logistics']").click()
    driver.find_element(By.ID, "description_de").send_keys("Roboter für den Hafen.")
    driver.find_element(By.CSS_SELECTOR, "#employees option[value='10-49']").click()
    driver.find_element(By.ID, "save").click()
    notice = wait.until(EC.presence_of_element_located((By.ID, "profile-notice")))
    check("angelegt" in notice.text, "a new organisation lands on its profile, which says it was added")
    check(driver.find_element(By.ID, "organisation-name").text == "Smoke Robotics", "the profile is the new organisation's")
    driver.find_element(By.ID, "edit-link").click()
    description = wait.until(EC.presence_of_element_located((By.ID, "description_en")))
    description.send_keys("Robots for the port.")
    driver.find_element(By.ID, "save").click()
    wait.until(EC.presence_of_element_located((By.ID, "saved")))
    # A logo: chosen in the file field, scaled by the server, shown on the form.
    driver.find_element(By.ID, "logo-file").send_keys(write_logo())
    driver.find_element(By.ID, "upload-logo").click()
    wait.until(EC.presence_of_element_located((By.ID, "remove-logo")))
    check(len(driver.find_elements(By.CSS_SELECTOR, "#logo img.logo")) == 1, "the uploaded logo shows on the form")
    shot(driver, "edit-organisation")
    driver.get(BASE + "/en/directory?q=smoke+robotics")
    result_logo = driver.find_elements(By.CSS_SELECTOR, ".result img.logo")
    check(len(result_logo) == 1, "the logo shows on the directory card")
    driver.find_element(By.LINK_TEXT, "Smoke Robotics").click()
    wait.until(EC.presence_of_element_located((By.ID, "organisation-name")))
    check("Robots for the port." in driver.page_source, "the edit shows on the English profile")
    check(len(driver.find_elements(By.ID, "edit-link")) == 1, "its member may edit it")
    logo = driver.find_elements(By.CSS_SELECTOR, "#organisation-name img.logo")
    check(len(logo) == 1 and driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth", logo[0]) == 256,
          "the profile shows the logo, loaded, as the server scaled it (256 px)")
    shot(driver, "profile-with-logo")

    # A second organisation of the member's, which will answer the request below.
    driver.get(BASE + "/de/organisations/new")
    wait.until(EC.presence_of_element_located((By.ID, "edit-organisation")))
    driver.find_element(By.ID, "name").send_keys("Smoke Sensors")
    driver.find_element(By.CSS_SELECTOR, "#hub option[value='hamburg']").click()
    driver.find_element(By.ID, "city").send_keys("Hamburg")
    for topic in ("logistics", "artificial-intelligence"):
        driver.find_element(By.CSS_SELECTOR, f"input[name='topics[]'][value='{topic}']").click()
    driver.find_element(By.ID, "description_de").send_keys(
        "Künstliche Intelligenz für Lagerroboter in der Hafenlogistik: Startups und Hafenlogistik mit KI.")
    driver.find_element(By.ID, "save").click()
    wait.until(EC.presence_of_element_located((By.ID, "profile-notice")))
    sensors = driver.current_url.split("/organisations/")[1].split("?")[0]

    # The routing desk, the whole walk: post → vet → route → interest → introduction → outcome.
    driver.get(BASE + "/de/opportunities/new")
    wait.until(EC.presence_of_element_located((By.ID, "new-opportunity-form")))
    for option in driver.find_elements(By.CSS_SELECTOR, "#organisation option"):
        if option.text == "Smoke Robotics":
            option.click()
    driver.find_element(By.ID, "title").send_keys("KI für die Hafenlogistik")
    driver.find_element(By.ID, "text").send_keys("Wir suchen Startups mit Künstlicher Intelligenz für Lagerroboter in der Hafenlogistik.")
    driver.find_element(By.CSS_SELECTOR, "input[name='topics[]'][value='artificial-intelligence']").click()
    driver.find_element(By.ID, "publish").click()
    title = wait.until(EC.presence_of_element_located((By.ID, "opportunity-title")))
    check(title.text == "KI für die Hafenlogistik", "the challenge is posted")
    check(driver.find_element(By.ID, "routing-state").text == "Eingereicht", "a new post waits for its hub's vetting")
    check(len(driver.find_elements(By.CSS_SELECTOR, "#partners li")) > 0, "the challenge lists fitting partners")
    check(len(driver.find_elements(By.ID, "suggested-hubs")) == 1, "and the hubs whose focus fits")

    def step(form_id, state, what):
        button = driver.find_element(By.CSS_SELECTOR, f"#{form_id} button[type='submit']")
        button.click()
        wait.until(left(button))
        wait.until(EC.presence_of_element_located((By.ID, "routing-state")))
        problem = driver.find_elements(By.ID, "step-problem")
        check(not problem and driver.find_element(By.ID, "routing-state").text == state,
              what + (f" (refused: {problem[0].text})" if problem else ""))

    step("vet-accept", "Veröffentlicht", "the hub vets and publishes it")
    route = driver.find_element(By.ID, "route-form")
    for box in route.find_elements(By.CSS_SELECTOR, "input[name='recipients[]']:checked"):
        box.click()
    sensor_box = route.find_elements(By.CSS_SELECTOR, f"input[name='recipients[]'][value='{sensors}']")
    check(len(sensor_box) == 1, "the engine suggests the fitting organisation as a recipient")
    if sensor_box:
        sensor_box[0].click()
    hub_boxes = route.find_elements(By.CSS_SELECTOR, "input[name='hubs[]']")
    if hub_boxes:
        hub_boxes[0].click()
    shot(driver, "routing-route")
    step("route-form", "Verteilt", "the agency routes it to the organisation and refers it to a hub")
    driver.find_element(By.ID, f"interest-message-{sensors}").send_keys("Wir haben genau das im Einsatz.")
    step(f"interest-{sensors}", "Verteilt", "the recipient expresses interest")
    check("Interessiert" in driver.find_element(By.ID, "recipients").text, "its interest shows")
    step(f"introduce-{sensors}", "Vorgestellt", "the agency introduces both sides")
    check("@" in driver.find_element(By.ID, "recipients").text, "the introduction gives each side the other's contact")
    driver.find_element(By.CSS_SELECTOR, f"#outcome-choice-{sensors} option[value='pilot']").click()
    step(f"outcome-{sensors}", "Vorgestellt", "the outcome is recorded (a referral is still open)")
    step("close-request", "Abgeschlossen", "the poster closes the request")
    events = [item.get_attribute("data-event") for item in driver.find_elements(By.CSS_SELECTOR, "#routing-history li")]
    check(events == ["submit", "accept", "route", "express-interest", "introduce", "record-outcome", "close"],
          f"the history shows every step ({events})")
    at_both_widths(driver, wait, driver.current_url.replace(BASE, "").split("?")[0], "opportunity", "#routing")
    driver.get(BASE + "/de/routing")
    wait.until(EC.presence_of_element_located((By.ID, "queue-filters")))
    check("KI für die Hafenlogistik" in driver.page_source, "the routing desk's queue lists the request")
    check(len(driver.find_elements(By.ID, "funnel")) == 1, "with the funnel")
    driver.back()
    withdraw_page = driver.current_url

    # A scouting request to three hubs ends in one merged reply.
    driver.get(BASE + "/de/scouting")
    wait.until(EC.presence_of_element_located((By.ID, "new-scouting")))
    driver.find_element(By.ID, "clientName").send_keys("Kaizen Motors")
    driver.find_element(By.ID, "clientEmail").send_keys("scout@kaizen.example")
    driver.find_element(By.ID, "title").send_keys("KI für die optische Qualitätsprüfung")
    driver.find_element(By.ID, "text").send_keys("Ein Autobauer aus Japan sucht KI und Bildverarbeitung für die Qualitätsprüfung.")
    driver.find_element(By.CSS_SELECTOR, "#new-scouting input[name='topics[]'][value='artificial-intelligence']").click()
    for hub in ("karlsruhe", "munich", "stuttgart"):
        driver.find_element(By.CSS_SELECTOR, f"#new-scouting input[name='hubs[]'][value='{hub}']").click()
    driver.execute_script("document.getElementById('deadline').value = '2099-12-31'")
    driver.find_element(By.ID, "send-scouting").click()
    wait.until(EC.presence_of_element_located((By.ID, "scouting-title")))
    for hub in ("karlsruhe", "munich", "stuttgart"):
        button = driver.find_element(By.CSS_SELECTOR, f"#answer-{hub} button[type='submit']")
        button.click()
        # The next page, not the one just left (which may carry the last answer's notice).
        wait.until(left(button))
        wait.until(EC.presence_of_element_located((By.ID, "scouting-notice")))
    check(len(driver.find_elements(By.CSS_SELECTOR, "#merged-reply li")) >= 3, "the three hubs' shortlists merge into one list")
    button = driver.find_element(By.CSS_SELECTOR, "#send-reply button")
    button.click()
    wait.until(left(button))
    notice = wait.until(EC.presence_of_element_located((By.ID, "scouting-notice")))
    check("verschickt" in notice.text, "the agency sends the one merged reply")
    shot(driver, "scouting")
    # The reply's answer is the request's page, shown at the form's address.
    scouting_page = driver.current_url.replace(BASE, "").split("?")[0].removesuffix("/reply")
    at_both_widths(driver, wait, scouting_page, "scouting-request", "#scouting-title")
    at_both_widths(driver, wait, "/de/scouting", "scouting-list", "main h1")
    at_both_widths(driver, wait, "/de/routing", "routing-queue", "#queue-filters")
    at_both_widths(driver, wait, "/de/notifications", "notifications", "main h1")
    driver.get(withdraw_page)
    driver.find_element(By.ID, "withdraw").click()
    wait.until(EC.presence_of_element_located((By.ID, "opportunities")))
    check("KI für die Hafenlogistik" not in driver.page_source, "the challenge is withdrawn")

    # A call from start to results: create → apply → invite a jury → assign → review → rank →
    # decide → publish. The organiser (the admin) applies with their own startup, so the juror
    # must be someone else: a new address, who gets an account and sets a password by mail.
    berlin = datetime.now(ZoneInfo("Europe/Berlin"))
    driver.get(BASE + "/de/calls")
    wait.until(EC.presence_of_element_located((By.ID, "new-call-link"))).click()
    wait.until(EC.presence_of_element_located((By.ID, "call-form")))
    for key, value in {"titleDe": "Smoke-Pitch-Abend", "titleEn": "Smoke pitch night",
                       "descriptionDe": "Startups pitchen vor der Jury des Netzwerks.", "descriptionEn": "Startups pitch to the network's jury.",
                       "field1De": "Ihr Vorhaben", "field1En": "Your venture", "field2De": "Pitch-Deck", "field2En": "Pitch deck"}.items():
        driver.find_element(By.ID, key).send_keys(value)
    driver.find_element(By.CSS_SELECTOR, "#kind option[value='pitch_night']").click()
    driver.find_element(By.CSS_SELECTOR, "#field1Kind option[value='long_text']").click()
    driver.find_element(By.CSS_SELECTOR, "#field2Kind option[value='file']").click()
    for key, value in {"opens1": local(berlin - timedelta(hours=1)), "closes1": local(berlin + timedelta(days=7)),
                       "reviewersPerApplication": "1"}.items():
        driver.execute_script("document.getElementById(arguments[0]).value = arguments[1]", key, value)
    driver.find_element(By.ID, "save-call").click()
    check(wait.until(EC.presence_of_element_located((By.ID, "call-title"))).text == "Smoke-Pitch-Abend", "the organiser creates a call")
    call_page = driver.current_url.replace(BASE, "").split("?")[0]
    check("Offen" in driver.find_element(By.CSS_SELECTOR, ".phase").text, "the call is open")
    for option in driver.find_elements(By.CSS_SELECTOR, "#organisation option"):
        if option.text.startswith("Smoke Robotics"):
            option.click()
    driver.find_element(By.ID, "start-application").click()
    wait.until(EC.presence_of_element_located((By.ID, "application-form")))
    driver.find_element(By.ID, "f1").send_keys("Roboter für die Hafenlogistik mit künstlicher Intelligenz.")
    deck = os.path.join(tempfile.mkdtemp(), "pitch-deck.pdf")
    with open(deck, "wb") as file:
        file.write(b"%PDF-1.4\n% Smoke Robotics pitch deck\n%%EOF\n")
    driver.find_element(By.ID, "f2").send_keys(deck)
    driver.find_element(By.ID, "submit-application").click()
    notice = wait.until(EC.presence_of_element_located((By.ID, "application-notice")))
    check("eingereicht" in notice.text, "the startup applies and submits")
    application_page = driver.current_url.replace(BASE, "").split("?")[0]
    attachment = driver.find_elements(By.CSS_SELECTOR, "#application-answers a.attachment")
    check(len(attachment) == 1 and "pitch-deck.pdf" in attachment[0].text, "the pitch deck is attached and offered for download")
    at_both_widths(driver, wait, call_page, "call", "#call-title")
    at_both_widths(driver, wait, application_page, "application", "#application-title")

    juror = f"juror-{int(time.time() * 1000)}@example.org"
    driver.get(BASE + call_page + "/jury")
    wait.until(EC.presence_of_element_located((By.ID, "invite-juror")))
    driver.find_element(By.ID, "email").send_keys(juror)
    driver.find_element(By.ID, "name").send_keys("Jana Jury")
    driver.find_element(By.ID, "expertise").send_keys("Robotik und Logistik im Hafen")
    driver.find_element(By.ID, "send-invitation").click()
    wait.until(EC.presence_of_element_located((By.ID, "jury-notice")))
    check(juror in driver.find_element(By.ID, "jurors").text, "the organiser invites a juror by e-mail")
    button = driver.find_element(By.ID, "run-assignment")
    button.click()
    wait.until(left(button))
    notice = wait.until(EC.presence_of_element_located((By.ID, "jury-notice")))
    check("1 Paare vorgeschlagen" in notice.text, f"the assignment proposes the juror ({notice.text})")
    check("Jana Jury" in driver.find_element(By.ID, "assignment-table").text, "the pair shows with its fit")
    button = driver.find_element(By.ID, "confirm-assignment")
    button.click()
    wait.until(left(button))
    check("bestätigt" in wait.until(EC.presence_of_element_located((By.ID, "jury-notice"))).text, "the organiser confirms; the juror is told")
    at_both_widths(driver, wait, call_page + "/jury", "call-jury", "#assignment")

    driver.find_element(By.ID, "sign-out").click()
    wait.until(EC.presence_of_element_located((By.ID, "sign-in-link")))
    driver.get(BASE + "/dev/mailbox")
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".mail a") if "/password/reset?token=" in a.get_attribute("href")]
    check(len(links) > 0, "the invitation mail holds a link to set a password")
    driver.get(links[-1])
    wait.until(EC.presence_of_element_located((By.ID, "password"))).send_keys("Jurorin mit langem Passwort")
    driver.find_element(By.CSS_SELECTOR, "main form button[type='submit']").click()
    wait.until(EC.presence_of_element_located((By.ID, "message-title")))
    sign_in(juror, "Jurorin mit langem Passwort")
    driver.get(BASE + call_page + "/review")
    wait.until(EC.presence_of_element_located((By.ID, "to-review")))
    at_both_widths(driver, wait, call_page + "/review", "call-review-desk", "#to-review")
    driver.find_element(By.CSS_SELECTOR, "#to-review a").click()
    wait.until(EC.presence_of_element_located((By.ID, "review-form")))
    driver.find_element(By.ID, "c1").send_keys("4")
    driver.find_element(By.ID, "comment").send_keys("Starkes Team, klarer Nutzen.")
    driver.find_element(By.ID, "save-review").click()
    check("gespeichert" in wait.until(EC.presence_of_element_located((By.ID, "application-notice"))).text, "the juror scores the application")
    driver.find_element(By.ID, "sign-out").click()
    wait.until(EC.presence_of_element_located((By.ID, "sign-in-link")))
    sign_in(email, "ein langes Passwort")

    # The organiser closes the round early, ranks, decides (with a confirmation) and publishes.
    driver.get(BASE + call_page + "/edit")
    wait.until(EC.presence_of_element_located((By.ID, "call-form")))
    driver.execute_script("document.getElementById('closes1').value = arguments[0]", local(berlin - timedelta(minutes=1)))
    driver.find_element(By.ID, "save-call").click()
    wait.until(EC.presence_of_element_located((By.ID, "call-title")))
    driver.get(BASE + call_page + "/ranking")
    table = wait.until(EC.presence_of_element_located((By.ID, "ranking-table")))
    check("Smoke Robotics" in table.text and "1/1" in table.text, "the ranking lists the application with its review")
    driver.find_element(By.CSS_SELECTOR, "#ranking-table select option[value='accepted']").click()
    driver.find_element(By.ID, "review-decisions").click()
    wait.until(EC.presence_of_element_located((By.ID, "confirm-decisions")))
    check("Angenommen" in driver.find_element(By.ID, "confirm-decisions").text, "the decisions are shown back before they are saved")
    driver.find_element(By.ID, "confirm-decisions-button").click()
    check("gespeichert" in wait.until(EC.presence_of_element_located((By.ID, "ranking-notice"))).text, "the decision is saved")
    driver.find_element(By.ID, "publish-confirm").click()
    button = driver.find_element(By.ID, "publish-round")
    button.click()
    wait.until(left(button))
    check("veröffentlicht" in wait.until(EC.presence_of_element_located((By.ID, "ranking-notice"))).text, "the round is published")
    at_both_widths(driver, wait, call_page + "/ranking", "call-ranking", "#ranking-table")
    driver.get(BASE + application_page)
    check("Angenommen" in wait.until(EC.presence_of_element_located((By.ID, "application-decision"))).text,
          "the applicant sees the decision")
    driver.get(BASE + "/dev/mailbox")
    check("wurde angenommen" in driver.page_source, "and has it by mail")
    at_both_widths(driver, wait, "/de/calls", "calls", "#calls")
    driver.get(BASE + "/en/hubs/karlsruhe")
    wait.until(EC.presence_of_element_located((By.ID, "how-chosen"))).click()
    wait.until(EC.presence_of_element_located((By.ID, "call-results")))
    check("Karlsruhe" in driver.find_element(By.ID, "hub-karlsruhe-2").text, "a hub page links to how the hub was chosen")

    # Places: book a desk in Hamburg next week with a click on a free hour; it shows as one's own.
    driver.get(BASE + "/de/places?hub=hamburg&kind=desk")
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#resources .resource-link"))).click()
    next_week = wait.until(EC.presence_of_element_located((By.ID, "next-week")))
    next_week.click()
    wait.until(left(next_week))
    wait.until(EC.presence_of_element_located((By.ID, "booking-form")))
    driver.find_element(By.XPATH, "//select[@id='organisation']/option[normalize-space()='Smoke Robotics']").click()
    driver.find_element(By.CSS_SELECTOR, "#minutes option[value='120']").click()
    slot = driver.find_element(By.CSS_SELECTOR, "#week button.slot.free")
    slot_time = slot.text
    slot.click()
    booked = wait.until(EC.presence_of_element_located((By.ID, "booked")))
    check("Gebucht" in booked.text and slot_time in booked.text, f"a desk is booked with one click ({booked.text})")
    own = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#week .slot.own")]
    check(len(own) == 2 and own[0] == slot_time, f"the two booked hours show as one's own ({own})")
    resource_page = driver.current_url.removeprefix(BASE)
    at_both_widths(driver, wait, "/de/places", "places", "#resources")
    at_both_widths(driver, wait, driver.find_element(By.CSS_SELECTOR, "#resources .resource-link").get_attribute("href").removeprefix(BASE),
                   "resource", "#week")
    at_both_widths(driver, wait, "/de/bookings", "bookings", "main h1")
    check("Smoke Robotics" in driver.find_element(By.ID, "bookings").text, "my bookings list the desk")
    at_both_widths(driver, wait, "/de/hubs/hamburg/places", "hub-places", "#utilisation")

    # Events: register for a pitch night, find oneself on the check-in list and tick.
    driver.get(BASE + "/de/events?hub=hamburg")
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#events [data-kind='pitch_night'] h3 a"))).click()
    wait.until(EC.presence_of_element_located((By.ID, "register"))).click()
    state = wait.until(EC.presence_of_element_located((By.ID, "registration-state"))).text
    check("Angemeldet" in state, f"registered for the pitch night ({state})")
    event_page = driver.current_url.removeprefix(BASE)
    at_both_widths(driver, wait, "/de/events", "events", "#events")
    at_both_widths(driver, wait, event_page, "event", "#registration")
    driver.get(BASE + event_page + "/check-in")
    tick = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#attendees button.tick")))
    tick.click()
    wait.until(left(tick))
    check("1 / 1" in wait.until(EC.presence_of_element_located((By.ID, "check-in-count"))).text, "the hub ticks the member at the door")
    at_both_widths(driver, wait, event_page + "/check-in", "check-in", "#attendees")
    feed = urllib.request.urlopen(BASE + "/calendar/hubs/hamburg.ics").read().decode()
    check("BEGIN:VCALENDAR" in feed and "UID:event-" + event_page.split("/")[-1] + "@hubnet" in feed, "the hub's iCal feed carries the event")

    # Matchmaking day in Karlsruhe: the member takes part; the juror, with an organisation of
    # her own, asks to meet; the member accepts and, as organiser, schedules all; both have it on
    # their agenda.
    driver.get(BASE + "/de/events?hub=karlsruhe")
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#events [data-kind='matchmaking_day'] h3 a"))).click()
    wait.until(EC.presence_of_element_located((By.ID, "matchmaking-link"))).click()
    matchmaking_page = wait.until(EC.presence_of_element_located((By.ID, "join-form"))) and driver.current_url.removeprefix(BASE)
    driver.find_element(By.XPATH, "//select[@id='organisation']/option[normalize-space()='Smoke Robotics']").click()
    driver.find_element(By.ID, "offer").send_keys("Autonome Roboter für Lager und Hafen")
    driver.find_element(By.ID, "seek").send_keys("KI-Partner für Bilderkennung")
    driver.find_element(By.ID, "join").click()
    wait.until(EC.presence_of_element_located((By.ID, "my-requests")))
    driver.find_element(By.ID, "sign-out").click()
    wait.until(EC.presence_of_element_located((By.ID, "sign-in-link")))
    sign_in(juror, "Jurorin mit langem Passwort")
    driver.get(BASE + "/de/organisations/new")
    wait.until(EC.presence_of_element_located((By.ID, "edit-organisation")))
    driver.find_element(By.ID, "name").send_keys("Smoke Vision")
    driver.find_element(By.CSS_SELECTOR, "#hub option[value='karlsruhe']").click()
    driver.find_element(By.ID, "city").send_keys("Karlsruhe")
    driver.find_element(By.CSS_SELECTOR, "input[name='topics[]'][value='artificial-intelligence']").click()
    driver.find_element(By.ID, "description_de").send_keys("Bilderkennung mit künstlicher Intelligenz.")
    driver.find_element(By.CSS_SELECTOR, "#employees option[value='10-49']").click()
    driver.find_element(By.ID, "save").click()
    wait.until(EC.presence_of_element_located((By.ID, "profile-notice")))
    driver.get(BASE + matchmaking_page)
    wait.until(EC.presence_of_element_located((By.ID, "join-form")))
    driver.find_element(By.ID, "offer").send_keys("Bilderkennung mit KI")
    driver.find_element(By.ID, "seek").send_keys("Roboter und Logistik")
    join = driver.find_element(By.ID, "join")
    join.click()
    wait.until(left(join))
    robotics = wait.until(EC.presence_of_element_located((By.XPATH, "//li[contains(@class,'participant')][.//strong[text()='Smoke Robotics']]")))
    ask = robotics.find_element(By.CSS_SELECTOR, "button.request-meeting")
    ask.click()
    wait.until(left(ask))
    check("Angefragt" in wait.until(EC.presence_of_element_located((By.ID, "my-requests"))).text, "the juror asks Smoke Robotics to meet")
    driver.find_element(By.ID, "sign-out").click()
    wait.until(EC.presence_of_element_located((By.ID, "sign-in-link")))
    sign_in(email, "ein langes Passwort")
    driver.get(BASE + matchmaking_page)
    accept = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#my-requests button.accept")))
    accept.click()
    wait.until(left(accept))
    check("Angenommen" in wait.until(EC.presence_of_element_located((By.ID, "my-requests"))).text, "the member accepts")
    driver.find_element(By.ID, "schedule-all").click()
    outcome = wait.until(EC.presence_of_element_located((By.ID, "schedule-outcome"))).text
    check("Geplant: 1 Treffen" in outcome, f"Schedule all places the meeting ({outcome})")
    at_both_widths(driver, wait, matchmaking_page, "matchmaking", "#organiser")
    driver.get(BASE + matchmaking_page.replace("/matchmaking", "/agenda"))
    agenda = wait.until(EC.presence_of_element_located((By.ID, "agenda"))).text
    check("Smoke Vision" in agenda and "1" in agenda, f"the agenda names the meeting, its time and table ({agenda!r})")
    at_both_widths(driver, wait, matchmaking_page.replace("/matchmaking", "/agenda"), "agenda", "#agenda")
    at_both_widths(driver, wait, matchmaking_page.replace("/matchmaking", "/agenda?print=1"), "agenda-print", "#agenda")
    driver.get(BASE + matchmaking_page.replace("/matchmaking", "/agenda"))
    personal = urllib.request.urlopen(driver.find_element(By.ID, "agenda-feed").get_attribute("href")).read().decode()
    check("UID:meeting-" in personal and "Smoke Vision" in personal and "UID:booking-" in personal,
          "the member's feed holds the meeting and the desk booking")
    at_both_widths(driver, wait, "/en/calendar", "calendar", "#personal-feed")

    driver.find_element(By.ID, "sign-out").click()
    wait.until(EC.presence_of_element_located((By.ID, "sign-in-link")))
    check(len(driver.find_elements(By.ID, "account-link")) == 0, "signed out")
finally:
    driver.quit()

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
