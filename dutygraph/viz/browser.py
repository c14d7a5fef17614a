"""Open view pages in a real headless Chromium, offline: for the tests and the scale benchmark.

Uses Debian's ``chromium`` and ``chromium-driver`` (``/usr/bin/chromedriver``,
installed by ``tools/install-browser.sh``) through selenium, which never
downloads a browser here: the driver's path is given. The network is cut three
ways: DevTools offline emulation, a proxy to a closed port on 127.0.0.1, and
the page's own Content-Security-Policy; every request the page makes is still
logged (``performance`` log) so a test can assert there was none.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

CHROMEDRIVER = os.environ.get("DUTYGRAPH_CHROMEDRIVER", "/usr/bin/chromedriver")
CHROMIUM = os.environ.get("DUTYGRAPH_CHROMIUM", "/usr/bin/chromium")
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
         "--disable-default-apps", "--disable-extensions", "--disable-dev-shm-usage", "--mute-audio",
         "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--window-size=1400,900")


def available() -> str | None:
    """None when Chromium and its driver are installed, else what is missing."""
    missing = [p for p in (CHROMEDRIVER, CHROMIUM) if not (Path(p).is_file() and os.access(p, os.X_OK))]
    if not missing:
        try:
            import selenium  # noqa: F401
        except ImportError:
            return "the selenium package"
    return ", ".join(missing) or None


@contextmanager
def chromium(profile_dir: str | Path | None = None):
    """A selenium Chrome driver on Debian's Chromium: headless, fresh profile, offline."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    own = profile_dir is None
    profile = Path(profile_dir or tempfile.mkdtemp(prefix="dg-chromium-"))
    profile.mkdir(parents=True, exist_ok=True)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                               {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
        yield driver
    finally:
        driver.quit()
        if own:
            shutil.rmtree(profile, ignore_errors=True)


def open_view(driver, path: str | Path, timeout: float = 120.0) -> dict:
    """Load a page and wait until its layout has settled; returns the page's state (see :func:`state`)."""
    driver.get_log("browser")       # drop what earlier pages logged
    driver.get_log("performance")
    start = time.perf_counter()
    driver.get(Path(path).resolve().as_uri())
    while time.perf_counter() - start < timeout:
        if driver.execute_script("return !!window.dgStabilized || !!window.__dgError"):
            break
        time.sleep(0.05)
    else:
        raise TimeoutError(f"{path}: the layout did not settle within {timeout:.0f} s")
    result = state(driver)
    result["wall_s"] = round(time.perf_counter() - start, 3)
    return result


def state(driver) -> dict:
    """What the page drew: node and edge counts in vis-network's DataSets and in its drawing body."""
    return driver.execute_script("""
        var n = window.dgNetwork;
        return {
          view: window.dgView || null,
          datasetNodes: window.dgNodes ? window.dgNodes.length : null,
          datasetEdges: window.dgEdges ? window.dgEdges.length : null,
          drawnNodes: n ? n.body.nodeIndices.length : null,
          drawnEdges: n ? n.body.edgeIndices.length : null,
          stabilized: window.dgStabilized || null,
          title: document.title
        };""")


def frame_ms(driver, frames: int = 10) -> float:
    """Mean time (ms) to redraw the whole canvas once after layout (synchronous draws, zoomed to fit)."""
    return driver.execute_script("""
        var n = window.dgNetwork, k = arguments[0];
        n.fit({animation: false});
        n.renderer._redraw();
        var t = performance.now();
        for (var i = 0; i < k; i++) { n.renderer._redraw(); }
        return (performance.now() - t) / k;""", frames)


def console_errors(driver) -> list[dict]:
    """Browser log entries of level SEVERE (console errors, failed loads, CSP violations)."""
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def requests(driver) -> list[str]:
    """URLs the page asked the network for, other than itself (file:, data:, blob: and about: excluded)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if not url.startswith(("file:", "data:", "blob:", "about:")):
                urls.append(url)
    return urls


def first_draw(driver, timeout: float = 30.0) -> dict | None:
    """The page's first drawing: ms from creating the network (and from page start), once it happened."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        drawn = driver.execute_script("return window.dgFirstDraw || null")
        if drawn:
            return drawn
        time.sleep(0.02)
    return None


def painted_share(driver) -> float:
    """The share of the network canvas's pixels that are not blank (white or transparent)."""
    return driver.execute_script("""
        var c = document.querySelector('#dg-network canvas');
        var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, ink = 0;
        for (var i = 0; i < d.length; i += 4) {
          if (d[i + 3] > 0 && (d[i] < 245 || d[i + 1] < 245 || d[i + 2] < 245)) { ink++; }
        }
        return ink / (c.width * c.height);""")


def geometry(driver, samples: int = 25) -> dict:
    """What the page drew, in canvas units, as vis-network placed it.

    ``nodes``: id -> {x, y, size, label: [left, top, right, bottom] where the label is
    drawn (its ``vadjust`` applied), or None when no label is drawn}; ``edges``: id -> {from, to, points: ``samples`` points along the drawn line
    (straight or curved), ends included}; ``scale``: the zoom after fitting.
    """
    return driver.execute_script("""
        var n = window.dgNetwork, k = arguments[0], out = {nodes: {}, edges: {}, scale: n.getScale()};
        n.body.nodeIndices.forEach(function (id) {
          var node = n.body.nodes[id], s = node.labelModule.size, shown = node.options.label !== undefined
              && node.options.label !== null && node.options.label !== "" && s.width > 0;
          /* labelModule.size is where the label would be without font.vadjust, which moves it when drawn */
          var dy = (node.options.font && node.options.font.vadjust) || 0;
          out.nodes[id] = {x: node.x, y: node.y, size: node.options.size,
                           label: shown ? [s.left, s.top + dy, s.left + s.width, s.top + dy + s.height] : null};
        });
        n.body.edgeIndices.forEach(function (id) {
          var e = n.body.edges[id], pts = [];
          for (var i = 0; i < k; i++) { var p = e.edgeType.getPoint(i / (k - 1)); pts.push([p.x, p.y]); }
          out.edges[id] = {from: e.fromId, to: e.toId, points: pts};
        });
        return out;""", samples)
